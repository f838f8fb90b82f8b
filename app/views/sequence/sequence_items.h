#pragma once
// Small typed scene items of the sequence diagram (Qt's diagramscene/elasticnodes style), and the
// segment arrows, which are parts drawn by batches of them (part_batch.h).

#include "app/views/sequence/part_batch.h"
#include "app/views/theme.h"
#include "core/protocol/profile.h"

#include <QGraphicsItem>
#include <QVector>
#include <QPointF>
#include <QString>

#include <functional>
#include <limits>

namespace finwave::app {

namespace detail {
// A label's box in the theme's label font (several lines allowed), and drawing it on a
// see-through background so the lines under it stay visible at its edges.
QRectF textBox(const Theme& theme, const QString& text);
void drawBox(QPainter* painter, const Theme& theme, const QRectF& box, const QString& text, const QColor& colour);
void drawLabel(QPainter* painter, const Theme& theme, QPointF anchor, const QString& text, const QColor& colour);
}  // namespace detail

// The frame's fixed rows, in scene units: the title and subtitle above kTitleBottom, the A and B
// heads from there to kHeadsBottom; time runs below. Exports repeat the heads over each column.
constexpr double kTitleBottom = 54;
constexpr double kHeadsBottom = 96;

enum ItemType {
    BandType = QGraphicsItem::UserType + 2,
    TimerType,
    BreakType,
    FrameType,
    CursorType,
    MarkerType,
    NoteType,
};

// One segment: from the sender's lifeline at its send time to the receiver's at its arrival,
// or to a red cross where it died. While in flight its end follows the cursor. Drawn by a
// PartBatchItem with its neighbours (part_batch.h), in scene coordinates.
class SegmentArrow : public DiagramPart {
public:
    enum class Fate { InFlight, Arrived, Lost };
    static constexpr double kZ = 10;  // over the columns and the call returns

    SegmentArrow(const Theme* theme, quint32 segmentId, bool aToB, QString label, bool retransmission);
    QRectF boundingRect() const override;
    bool contains(QPointF p) const override;  // on or near its line
    void paint(QPainter* painter) const override;
    // A segment in flight (which a click drops) shows a pointing hand.
    Qt::CursorShape cursorShape() const override;

    void setLine(QPointF from, QPointF to, Fate fate);
    QPointF from() const { return m_from; }
    QPointF to() const { return m_to; }
    Fate fate() const { return m_fate; }
    QPointF labelCenter() const;  // where the label is drawn
    QRectF labelRect() const;
    // Where along the arrow its label stands: `along` 0 beside the sender, 0.5 the middle, 1 beside
    // the receiver; above or below the line; `lift` lines further away from it. The scene picks
    // the place where it meets no other label, cross or row text (placeArrowLabels()).
    struct LabelSlot {
        double along = 0;
        bool below = false;
        int lift = 0;
        bool operator==(const LabelSlot&) const = default;
    };
    void setLabelSlot(const LabelSlot& slot);
    const LabelSlot& labelSlot() const { return m_slot; }
    QRectF labelRectAt(const LabelSlot& slot) const;
    // Whether its label has the same places as `other`'s (labelRectAt() gives the same for each slot).
    bool hasLabelPlacesOf(const SegmentArrow& other) const;
    // Where the arrow will end (the receiver's lifeline at its arrival, or where it dies), so a
    // label placed while it flies stays put when it lands; `receiverX` is the receiver's lifeline.
    void setPlannedEnd(QPointF end, double receiverX);
    // A label wider than `width` (the room between the lifelines) is broken into lines there.
    void fitLabel(double width);
    QRectF crossRect() const;  // the cross of a lost segment (empty otherwise)
    // An old duplicate the receiver took as new data: drawn in the colour of a loss.
    void setCorrupt(QString label);
    bool isCorrupt() const { return m_corrupt; }
    // Beside another run (app/compare): greyed when that run has no partner for it; `extra`, its
    // pair's time shift, is written as one more line of the label. Before fitLabel().
    void setCompared(bool unpaired, const QString& extra);
    bool isGreyed() const { return m_greyed; }
    const QString& label() const { return m_label; }
    // A label with no place clear of every other text is left off (placeArrowLabels()); then
    // labelRect() is empty and only the tooltip has it.
    void setLabelShown(bool shown);
    bool labelShown() const { return m_labelShown; }
    quint32 segmentId() const { return m_id; }
    bool isAToB() const { return m_aToB; }

    int createdAt = -1;   // trace index of the Send record
    int endedAt = -1;     // trace index of the Arrive/Drop record, -1 while in flight
    Micros sentAt = 0;

private:
    const Theme* m_theme;
    QString m_label;
    QPointF m_from, m_to;
    QRectF m_labelBox;  // the label's size
    QPointF m_plannedEnd;
    double m_receiverX = 0;
    mutable QRectF m_labelRect;  // labelRect(), until the arrow or its label moves
    LabelSlot m_slot;
    quint32 m_id;
    Fate m_fate = Fate::InFlight;
    bool m_aToB;
    bool m_retransmission;
    bool m_hasPlan = false;
    bool m_corrupt = false;
    bool m_greyed = false;
    bool m_labelShown = true;
    mutable bool m_labelRectKnown = false;
    double pad() const;        // room for the head and the cross around the line
    void geometryChanging();   // the batch told, and the kept label rect forgotten
};

// One state interval of one side: its stretch of the side's column, filled in the state's
// colour, with the state's name written inside where it begins. The lifeline is the column's
// inner edge (A's right edge, B's left edge).
class StateBandItem : public QGraphicsItem {
public:
    enum { Type = BandType };
    StateBandItem(const Theme* theme, int tcpState, bool left, QString name);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // x is the lifeline; the column reaches `columnWidth` outward from it.
    void setSpan(double x, double y0, double y1, double columnWidth);
    void setNameOffset(double dy);
    // While the view is scrolled, the name of a band that reaches below the pinned heads is written
    // just under them (`top`, scene units), as a list keeps its section's header in view; -inf
    // (the default) writes it where the state begins. Returns whether the name moved there.
    bool setPinTop(double top);
    double shownNameY() const;  // the middle line of the name as painted (pinned or not)
    double nameHeight() const;
    const QString& name() const { return m_name; }
    double nameY() const { return m_y0 + m_nameOffset; }  // the middle line of the written name
    QRectF nameRect() const;  // the name as painted (pinned or not)
    bool isPinned() const { return shownNameY() > nameY(); }
    QColor fill() const;      // its colour, as its column is painted
    double top() const { return m_y0; }
    double bottom() const { return m_y1; }

    int createdAt = -1;   // trace index of the State record that began it (-1: the starting state)
    int endedAt = -1;     // trace index of the State record that ended it, -1 while open
    Micros startTime = 0;
    Micros endTime = 0;   // valid once endedAt >= 0
    bool placed = false;  // closed and laid out: never moves again

private:
    const Theme* m_theme;
    double m_nameOffset = 0;
    double m_pinTop = -std::numeric_limits<double>::infinity();
    int m_state;
    bool m_left;
    QString m_name;
    double m_x = 0, m_y0 = 0, m_y1 = 0, m_width = 100;
};

// One run of a timer: a bracket beside the lifeline from its start to its end. Each label stands
// where its event happened: the name and length at the start, "restarted" marks at each restart,
// "expired" or "stopped" at the end; while it runs, the time left under the name.
class TimerBracketItem : public QGraphicsItem {
public:
    enum { Type = TimerType };
    struct Mark {
        double y;      // where it happened: the tick on the bracket
        double textY;  // the middle of its text: y, or just below the labels above it
        QString text;
    };
    TimerBracketItem(const Theme* theme, bool left, QString name);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // x is the bracket, at the outer edge of the side's column; the text is written inside the
    // column, toward the lifeline. `status` is the second line under the name (the time left
    // while running); `marks` are the restarts and the end, each written at its own y.
    void setSpan(double x, double y0, double y1, QString status, bool running, QVector<Mark> marks = {});
    void setLabelOffset(double dy);           // to keep labels of close timers apart
    // As StateBandItem::setPinTop(): the name, length and time left written just under the pinned
    // heads while the bracket reaches below them, never past its first mark or its end.
    bool setPinTop(double top);
    double labelTop() const { return m_y0 + m_labelOffset; }  // where the label is written unpinned
    double shownLabelTop() const;                              // as painted
    double labelHeight() const { return labelBottom() - labelTop(); }
    double labelBottom() const { return m_y0 + m_labelOffset + m_lineHeight * (1 + (m_status.isEmpty() ? 0 : m_status.count(QLatin1Char('\n')) + 1)); }
    double bottomTextY() const;               // the lowest text this item writes
    double top() const { return m_y0; }
    double bottom() const { return m_y1; }
    const QVector<Mark>& marks() const { return m_marks; }
    const QString& name() const { return m_name; }
    // Each written line (name, length, time left, marks) as painted, one rectangle each.
    QVector<QRectF> textRects() const;
    bool isPinned() const { return shownLabelTop() > labelTop(); }
    int labelLines() const { return 1 + (m_status.isEmpty() ? 0 : static_cast<int>(m_status.count(QLatin1Char('\n'))) + 1); }

    int createdAt = -1;     // trace index of the TimerStart record
    int endedAt = -1;       // trace index of the TimerFire/TimerStop record, -1 while running
    int timerKind = 0;
    struct Restart {
        int index;      // trace index of the TimerStart record that restarted it
        Micros at;
        Micros length;  // the new time to run
    };
    Micros startTime = 0;
    Micros length = 0;      // the time to run when it started
    Micros deadline = 0;    // the current deadline (moves on a restart)
    Micros endTime = 0;     // valid once endedAt >= 0
    bool expired = false;   // ended by firing, not by being stopped
    QVector<Restart> restarts;
    bool placed = false;

private:
    const Theme* m_theme;
    bool m_left;
    QString m_name, m_status;
    QVector<Mark> m_marks;
    double m_x = 0, m_y0 = 0, m_y1 = 0;
    double m_textWidth = -1, m_lineHeight = 0, m_labelOffset = 0;
    double m_pinTop = -std::numeric_limits<double>::infinity();
    double m_unpinnedZ = 0;
    bool m_running = true;
};

// A row across the diagram that says something began there: a new incarnation of the
// connection, or parameters changed by the user from this moment on.
class MarkerItem : public QGraphicsItem {
public:
    enum { Type = MarkerType };
    MarkerItem(const Theme* theme, double left, double right, QString text, QColor colour);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    const QString& text() const { return m_text; }
    QRectF textRect() const;  // in scene coordinates

    int createdAt = -1;  // trace size when it was made; gone when the trace is cut below it
    Micros at = 0;

private:
    const Theme* m_theme;
    double m_left, m_right;
    QString m_text;
    QColor m_colour;
};

// A compressed idle span: a zig-zag across the diagram labelled with its real length.
class BreakItem : public QGraphicsItem {
public:
    enum { Type = BreakType };
    BreakItem(const Theme* theme, double left, double right, double y0, double y1, QString label);
    int type() const override { return Type; }
    QRectF band() const { return boundingRect(); }  // the whole zig-zag band
    QRectF labelRect() const;                          // its "… later …" label
    double top() const { return m_y0; }     // where the compressed time begins
    double bottom() const { return m_y1; }  // and ends
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const Theme* m_theme;
    double m_left, m_right, m_y0, m_y1;
    QString m_label;
};

// Lifelines, their headers, the title and the time ruler.
class FrameItem : public QGraphicsItem {
public:
    enum { Type = FrameType };
    // `ruler`: the width of the time ruler at the left edge.
    FrameItem(const Theme* theme, double xA, double xB, double width, double ruler);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setBottom(double y);
    void setTitle(QString title, QString subtitle);
    void setTicks(QVector<QPair<double, QString>> ticks);
    // The cursor's row: a tick whose time it would cover is not written (the cursor's time is).
    void setCursorRow(double y);
    // The A and B heads with their top at `top` (the frame's own, and the view's pinned copy).
    static void paintHeads(QPainter* painter, const Theme& theme, double xA, double xB, double top);

private:
    void paintTitle(QPainter* painter, const Theme& theme) const;

    const Theme* m_theme;
    double m_xA, m_xB, m_width, m_ruler, m_bottom = 200;
    QString m_title, m_subtitle;
    QVector<QPair<double, QString>> m_ticks;
    double m_cursorY = -1e9;
};

// While the view is scrolled, the strip just under its pinned heads: where the pinned names and
// timer labels stand, and where a text scrolled half under the heads would be cut. Painted as the
// columns and the page are, opaque, under the pinned labels and over everything else, so nothing
// is written on a pinned label and nothing is seen cut in half.
class PinBackdropItem : public QGraphicsItem {
public:
    PinBackdropItem(const Theme* theme);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    struct Patch {
        QRectF rect;
        QColor colour;  // over the page's colour: a band's fill, or none
    };
    void setPatches(QVector<Patch> patches);
    // r lies whole under the patches (side by side, never overlapping) or the heads above them.
    bool hides(const QRectF& r) const;
    const QVector<Patch>& patches() const { return m_patches; }

private:
    const Theme* m_theme;
    QVector<Patch> m_patches;
    QRectF m_bounds;
};

// The current-time cursor across the diagram, its time written in the ruler's column (over the
// ruler's own label there), where it touches no other text.
class CursorItem : public QGraphicsItem {
public:
    enum { Type = CursorType };
    CursorItem(const Theme* theme, double ruler, double right);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setText(QString text);
    // Spans [left, right] of the row where a text stands: the dashed line leaves them out, so it
    // never strikes through a state's name, a timer's mark or a label.
    void setGaps(QVector<QPair<double, double>> gaps);
    QRectF textRect() const;  // its time, in the ruler's column

private:
    const Theme* m_theme;
    double m_ruler, m_right;
    QString m_text;
    QVector<QPair<double, double>> m_gaps;
};

}  // namespace finwave::app
