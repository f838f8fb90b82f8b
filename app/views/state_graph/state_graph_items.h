#pragma once

#include "app/views/theme.h"
#include "core/teaching/figure_part.h"
#include "core/protocol/transitions.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>
#include <QVector>

namespace finwave::app {

// An edge's label as drawn: the event over the action, as RFC 9293 Figure 5 writes them, and
// the steps that took it after the action ("rcv FIN" / "snd ACK  A#5"). `stacked` (the closing
// part's narrow graph) puts the steps on a line of their own and breaks a long line after its
// comma or before its bracket (and a line still long at its middle space), so a label is narrow
// and tall rather than wide.
QString edgeLabelText(const QString& label, const QString& steps, bool stacked = false);
// A table row's label ("rcv FIN / snd ACK") in the language shown.
QString edgeLabel(const Transition& t);

// The box every state is drawn in, around its centre: as wide as the longest name drawn in the
// part of the figure shown (SYN_RECEIVED in the whole figure, ESTABLISHED in its closing parts).
QRectF nodeBox(const Theme& theme, FigurePart part = FigurePart::Whole);

// One state of RFC 9293 Figure 5, with A's and B's marks when they are in it.
class StateNodeItem : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 20 };
    StateNodeItem(const Theme* theme, int tcpState, QString name, FigurePart part = FigurePart::Whole);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setMarks(bool a, bool b);
    QRectF box() const;
    void setBox(const QRectF& shape);  // the layout's box for this state, around its centre
    QRectF markCircle(int side) const;  // where side 0 (A) or 1 (B) has its letter badge, in item coordinates

private:
    const Theme* m_theme;
    int m_state;
    QString m_name;
    FigurePart m_part;
    QRectF m_shape;  // empty: nodeBox()
    bool m_a = false, m_b = false;
};

class StateEdgeLabelItem;

// A transition, labelled "event / action", lit in a side's colour and numbered by step when taken.
class StateEdgeItem : public QGraphicsItem {
    friend class StateEdgeLabelItem;

public:
    enum { Type = QGraphicsItem::UserType + 21 };
    // `extra`: drawn dashed, and only once taken (resets, aborts, time-outs).
    StateEdgeItem(const Theme* theme, QPainterPath path, QPointF labelAt, QString label, bool extra,
                  const Transition* row = nullptr);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    struct Taken {
        int side;  // 0 = A, 1 = B
        quint32 step;
    };
    void setTaken(QVector<Taken> taken);
    const QVector<Taken>& taken() const { return m_taken; }
    void setPulse(qreal pulse);  // 0..1, the transition just taken
    bool isExtra() const { return m_extra; }
    const Transition* row() const { return m_row; }  // one of the core table's rows it draws
    void setStacked(bool stacked);  // see edgeLabelText()
    const QString& label() const { return m_label; }
    const QPainterPath& path() const { return m_path; }
    QRectF labelRect() const;  // where the label with its step numbers is drawn
    // The path and the label with room for step numbers up to "A#10 B#10": what a fitted view keeps.
    QRectF drawnRect() const;
    // The label is drawn by an item of its own, above every edge's line (so no lane runs across
    // another edge's label) and below the boxes. The scene adds it beside the edge, and both go
    // together when the scene is cleared; an edge never in a scene deletes its label itself.
    StateEdgeLabelItem* labelItem() const { return m_labelItem; }
    void paintLabel(QPainter* painter) const;
    bool isDrawn() const { return !(m_extra && m_taken.isEmpty()); }
    ~StateEdgeItem() override;
    QString labelText() const;  // the label with its step numbers, as drawn

private:
    const Theme* m_theme;
    QPainterPath m_path;
    QPointF m_labelAt;
    QString m_label;
    bool m_extra;
    const Transition* m_row;
    QVector<Taken> m_taken;
    qreal m_pulse = 0;
    bool m_stacked = false;
    StateEdgeLabelItem* m_labelItem = nullptr;
};

// The label of one edge (see StateEdgeItem::labelItem()).
class StateEdgeLabelItem : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 22 };
    explicit StateEdgeLabelItem(StateEdgeItem* edge);
    ~StateEdgeLabelItem() override;
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void aboutToChange();  // the edge's label or steps are about to change (and so its size)

private:
    friend class StateEdgeItem;
    StateEdgeItem* m_edge;  // null once the edge is gone (the scene deletes the two in any order)
};

}  // namespace finwave::app
