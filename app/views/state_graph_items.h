#pragma once

#include "app/views/theme.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>
#include <QVector>

namespace finwave::app {

// One state of RFC 9293 Figure 5, with A's and B's marks when they are in it.
class StateNodeItem : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 20 };
    StateNodeItem(const Theme* theme, int tcpState, QString name);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setMarks(bool a, bool b);
    QRectF box() const;

private:
    const Theme* m_theme;
    int m_state;
    QString m_name;
    bool m_a = false, m_b = false;
};

// A transition, labelled "event / action", lit in a side's colour and numbered by step when taken.
class StateEdgeItem : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 21 };
    StateEdgeItem(const Theme* theme, QPainterPath path, QPointF labelAt, QString label, bool extra);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    struct Taken {
        int side;  // 0 = A, 1 = B
        quint32 step;
    };
    void setTaken(QVector<Taken> taken);
    void setPulse(qreal pulse);  // 0..1, the transition just taken
    bool isExtra() const { return m_extra; }
    QRectF labelRect() const;  // where the label with its step numbers is drawn

private:
    QString labelText() const;

    const Theme* m_theme;
    QPainterPath m_path;
    QPointF m_labelAt;
    QString m_label;
    bool m_extra;
    QVector<Taken> m_taken;
    qreal m_pulse = 0;
};

}  // namespace finwave::app
