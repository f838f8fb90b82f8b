// Where the state graph puts its boxes and how it routes each edge (StateGraphLayout's box and
// edge half; its labels are placed in state_graph_labels.cpp).
#include "app/views/state_graph/state_graph_layout.h"

#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_places.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace finwave::app {

namespace {
using St = TcpState;

// Columns (0 left, 1 middle, 2 right) and rows after RFC 9293 Figure 5: CLOSED on top,
// ESTABLISHED in the middle, the active closer's states on the left, the passive closer's on the
// right, TIME_WAIT at the bottom. Packed tight so the graph reads at its pane's size.
struct Cell {
    int column;
    double row;
};
constexpr std::array<Cell, kTcpStateCount> kGrid = {{
    {1, 0},  // CLOSED
    {0, 1},  // LISTEN
    {2, 1},  // SYN_SENT
    {0, 2},  // SYN_RECEIVED
    {1, 3},  // ESTABLISHED
    {0, 4},  // FIN_WAIT_1
    {0, 5},  // FIN_WAIT_2
    {2, 4},  // CLOSE_WAIT
    {1, 5},  // CLOSING
    {2, 5},  // LAST_ACK
    {1, 6.35},  // TIME_WAIT: the labels of the three edges into it need the room
}};

// The closing part alone (a run that never opens): ESTABLISHED on top, the active closer's states
// down the left, the passive closer's down the right, CLOSING and TIME_WAIT between them and
// CLOSED at the bottom right, where LAST_ACK and TIME_WAIT both lead. Two outer columns and a
// middle one whose boxes sit in rows of their own, so the graph is narrow enough for a projector's
// half screen: the pane is wide for two boxes and a label, not three. LISTEN, SYN_SENT and
// SYN_RECEIVED are not drawn.
constexpr std::array<Cell, kTcpStateCount> kClosingGrid = {{
    {2, 4.08},  // CLOSED: a little below TIME_WAIT, so LAST_ACK's edge down to it has room for its label
    {0, 0},     // LISTEN (not drawn)
    {0, 0},     // SYN_SENT (not drawn)
    {0, 0},     // SYN_RECEIVED (not drawn)
    {1, 0},     // ESTABLISHED
    {0, 0.78},  // FIN_WAIT_1: closer under ESTABLISHED, whose edges' labels stand beside them
    {0, 2.78},  // FIN_WAIT_2
    {2, 0.78},  // CLOSE_WAIT
    {1, 1.78},  // CLOSING
    {2, 2.78},  // LAST_ACK
    {1, 3.78},  // TIME_WAIT
}};

// The opening part alone (a run that opens, until its close begins): CLOSED on top,
// the passive opener's LISTEN and SYN_RECEIVED down the left, the active opener's SYN_SENT on the
// right, ESTABLISHED at the bottom, as in RFC 9293 Figure 5's upper half.
constexpr std::array<Cell, kTcpStateCount> kOpeningGrid = {{
    {1, 0},  // CLOSED
    {0, 1},  // LISTEN
    {2, 1},  // SYN_SENT
    {0, 2},  // SYN_RECEIVED
    {1, 3},  // ESTABLISHED
    {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0},  // the closing states (not drawn)
}};

// The closing part with LISTEN keeps every box of the closing part where it was, so nothing
// moves when a server listens again; LISTEN has a place of its own (StateGraphLayout::centre()).
const std::array<Cell, kTcpStateCount>& gridOf(FigurePart part) {
    return part == FigurePart::Whole ? kGrid : (part == FigurePart::Opening ? kOpeningGrid : kClosingGrid);
}

// An edge drawn only once taken, out of the left or middle column into CLOSED: in the closing
// part it ends in the second CLOSED box (StateGraphLayout::closedAside()).
bool fromTheLeftIntoClosed(const Transition& t) {
    return !t.inFigure && t.to == St::Closed &&
           (t.from == St::FinWait1 || t.from == St::FinWait2 || t.from == St::Closing || t.from == St::TimeWait);
}

}  // namespace

StateGraphLayout::StateGraphLayout(const Theme& theme, FigurePart part)
    : m_theme(theme), m_part(part), m_box(nodeBox(theme, part)) {
    // Every distance in lines of the label font, so the graph keeps its shape in every theme.
    m_line = QFontMetricsF(theme.font).height();
    if (part != FigurePart::Whole) {
        // Each column of boxes as wide as its own longest name: a part's width is its three
        // columns side by side, so every pixel saved there makes the fitted graph larger.
        const QFontMetricsF fm(theme.titleFont);
        const auto widest = [&](std::initializer_list<const char*> names) {
            double w = 0;
            for (const char* n : names)
                w = std::max(w, fm.horizontalAdvance(QString::fromLatin1(n)));
            return w + fm.height() * 0.7;
        };
        if (closing()) {
            m_columnW = {widest({"FIN_WAIT_1", "FIN_WAIT_2"}), widest({"CLOSING", "TIME_WAIT"}),
                         widest({"CLOSE_WAIT", "LAST_ACK", "CLOSED"})};
            m_establishedW = widest({"ESTABLISHED"});  // alone in its row
            m_asideW = m_columnW[0];  // as wide as FIN_WAIT_2 above it, with room for a mark beside the name
            m_listenW = widest({"LISTEN"});  // closing part with LISTEN only
        } else {
            m_columnW = {widest({"LISTEN", "SYN_RECEIVED"}), widest({"CLOSED", "ESTABLISHED"}), widest({"SYN_SENT"})};
            m_establishedW = m_columnW[1];
        }
    }
    if (part == FigurePart::Whole) {
        m_cellW = m_box.width() + m_line * 1.0;
        m_cellH = m_box.height() + m_line * 3.3;  // a two-line label between two rows of boxes, with room to move
    } else {
        // The middle column's boxes never share a row with the outer ones, so the columns are
        // closer than a box's width; rows leave room for one two-line label each.
        m_cellW = m_box.width() + m_line * 1.0;
        // The tallest label between two rows (three lines: event, action, steps), with a little
        // room either side.
        m_cellH = m_box.height() + labelRect(QStringLiteral("a / b"), QPointF()).height() + m_line * 0.45;
    }
    m_margin = m_line * 1.0;  // room for the lanes beside the outer columns
    m_gap0 = m_line * 1.0;
    if (closing()) {
        // Room between FIN_WAIT_2's left end and TIME_WAIT for the label of an edge into the second
        // CLOSED (closedAside(), extraLabel()): "tcp_fin_timeout", "retries exhausted". The light
        // theme's labels are wider for its boxes than the projector's; its graph is limited by its
        // pane's height, so the wider gap costs it nothing.
        const double slot = labelRect(QStringLiteral("a / b"), QPointF()).height() + 1;
        double widest = 0;
        // The same in the closing part with LISTEN, which has no second CLOSED, so that no box
        // moves between the two.
        for (const Transition& t : transitions()) {
            if (!fromTheLeftIntoClosed(t))
                continue;
            const QRectF r = labelRect(label(t), QPointF(), true);
            if (r.height() <= slot)  // a taller one has no place there and goes elsewhere anyway
                widest = std::max(widest, r.width());
        }
        m_gap0 = std::max(m_line * 1.0, m_line * 0.95 + widest - m_columnW[0]);
    }
    // The outermost boxes: FIN_WAIT_2 and LAST_ACK, or in the opening SYN_RECEIVED and SYN_SENT.
    const St leftmost = part == FigurePart::Opening ? St::SynReceived : St::FinWait2;
    const St rightmost = part == FigurePart::Opening ? St::SynSent : St::LastAck;
    m_left = centre(leftmost).x() + shape(leftmost).left() - m_line * 0.8;
    m_right = centre(rightmost).x() + shape(rightmost).right() + m_line * (part == FigurePart::Whole ? 0.8 : 0.25);
    if (part == FigurePart::ClosingWithListen)
        placeListen();
}

QRectF StateGraphLayout::closedAside() const {
    if (m_part != FigurePart::Closing)
        return {};
    // Under FIN_WAIT_2's label (fixedLabel() "F2a") and a free place for a three-line label of its
    // own (extraLabel()), left-aligned with FIN_WAIT_2. Both as tall as F2a's label in the
    // language shown (a Chinese line is taller than a Latin one).
    const QRectF fw2 = box(St::FinWait2);
    double label = labelRect(QStringLiteral("a / b"), QPointF()).height();  // three lines with the steps
    if (const Transition* f2a = transitionById("F2a"))
        label = std::max(label, labelRect(this->label(*f2a), QPointF()).height());
    const double top = fw2.bottom() + m_line * 0.6 + label + m_line * 0.2 + label + m_line * 0.2;
    return QRectF(fw2.left(), top, m_asideW, m_box.height());
}

bool StateGraphLayout::endsAside(const Transition& t) const {
    return m_part == FigurePart::Closing && fromTheLeftIntoClosed(t);
}

bool StateGraphLayout::closing() const { return m_part == FigurePart::Closing || m_part == FigurePart::ClosingWithListen; }

// Closing part with LISTEN: the two lanes just under the label of TIME_WAIT's loop (the lowest
// thing between LISTEN and CLOSED), and LISTEN at the bottom left, where the second CLOSED stands
// in the closing part, just above them: left of TIME_WAIT and under FIN_WAIT_2's label is the one
// free place in the closing part big enough for a box and two labels. LISTEN stands as high as
// leaves the passive OPEN's arrow up into it long enough to see, but low enough to leave room
// above it for the CLOSE edge's label under FIN_WAIT_2's (fixedLabel(), extraLabel()): a theme
// whose labels are taller for its boxes gets a shorter arrow. Computed once, from the closing
// part's places.
void StateGraphLayout::placeListen() {
    m_t1Label = QRectF(centre(St::TimeWait) + QPointF(0, m_box.bottom()), QSizeF(0, 0));
    if (const Transition* t1 = transitionById("T1")) {
        const QString text = label(*t1);
        if (const auto c = fixedLabel(*t1, text))
            m_t1Label = labelRect(text, *c);
    }
    m_listenLanes = {m_t1Label.bottom() + m_line * 0.08, m_t1Label.bottom() + m_line * 0.4};
    double top = m_listenLanes[0] - m_line * 0.85 - m_box.height();
    const Transition* f2a = transitionById("F2a");
    const Transition* o9 = transitionById("O9");
    if (f2a && o9) {
        const QString l2a = label(*f2a);
        if (const auto c = fixedLabel(*f2a, l2a)) {
            const double room = labelRect(l2a, *c, oneEndPerConnection(*f2a)).bottom() + m_line * 0.1 +
                                labelRect(label(*o9), QPointF(), true).height() + m_line * 0.15;
            top = std::clamp(room, top, m_listenLanes[0] - m_line * 0.55 - m_box.height());
        }
    }
    m_listenCentre = QPointF(m_margin + m_listenW / 2, top + m_box.height() / 2);
}

QPointF StateGraphLayout::centre(TcpState s) const {
    if (m_part == FigurePart::ClosingWithListen && s == St::Listen)
        return m_listenCentre;  // placeListen()
    const Cell c = gridOf(m_part)[static_cast<std::size_t>(s)];
    const double y = m_margin + m_box.height() / 2 + c.row * m_cellH;
    if (m_part != FigurePart::Whole) {
        // Box edge to box edge, the left and middle columns a line apart (the edges from
        // FIN_WAIT_1 and FIN_WAIT_2 pass between them); the middle and right columns further, for
        // the label of CLOSING's edge beside LAST_ACK's loop.
        double x = m_margin + m_columnW[0] / 2;
        for (int k = 0; k < c.column; ++k)
            x += m_columnW[k] / 2 + (k == 0 ? m_gap0 : m_line * (closing() ? 2.6 : 1.4)) + m_columnW[k + 1] / 2;
        return QPointF(x, y);
    }
    return QPointF(m_margin + m_box.width() / 2 + c.column * m_cellW, y);
}

QRectF StateGraphLayout::shape(TcpState s) const {
    if (m_part == FigurePart::Whole)
        return m_box;
    if (m_part == FigurePart::ClosingWithListen && s == St::Listen)
        return QRectF(-m_listenW / 2, m_box.top(), m_listenW, m_box.height());
    const double w = s == St::Established ? m_establishedW
                                          : m_columnW[static_cast<std::size_t>(gridOf(m_part)[static_cast<std::size_t>(s)].column)];
    return QRectF(-w / 2, m_box.top(), w, m_box.height());
}

std::vector<QRectF> StateGraphLayout::boxes() const {
    std::vector<QRectF> out;
    for (int s = 0; s < kTcpStateCount; ++s)
        if (inFigurePart(m_part, static_cast<St>(s)))
            out.push_back(box(static_cast<St>(s)));
    return out;
}

// Where the straight line from a box's centre toward a point leaves the box.
QPointF StateGraphLayout::border(TcpState s, QPointF toward) const {
    const QPointF c = centre(s);
    const QPointF v = toward - c;
    const double sx = std::abs(v.x()) > 1e-6 ? (shape(s).width() / 2) / std::abs(v.x()) : 1e9;
    const double sy = std::abs(v.y()) > 1e-6 ? (m_box.height() / 2) / std::abs(v.y()) : 1e9;
    return c + v * std::min(sx, sy);
}

// Each self-loop on the side of its box that has room for it and its label.
StateGraphLayout::Side StateGraphLayout::loopSide(TcpState s) const {
    if (closing()) {
        return s == St::TimeWait ? Side::Bottom : Side::Top;  // FIN_WAIT_1's and LAST_ACK's on top
    }
    switch (s) {
    case St::FinWait1: return Side::Left;
    case St::TimeWait: return Side::Bottom;
    case St::Closing: return Side::Top;
    default: return Side::Bottom;
    }
}

QPainterPath StateGraphLayout::route(const Transition& t) const {
    const QPointF ca = centre(t.from), cb = centre(t.to);
    const QRectF a = shape(t.from);  // boxes differ in width in the closing part
    QPainterPath path;
    if (t.isSelfLoop()) {
        // A loop out of one side and back into it (RFC 9293 Figure 5 draws none; these teach).
        const double r = m_line * 0.75;
        const Side side = loopSide(t.from);
        QPointF p0, p1, out;
        if (side == Side::Left || side == Side::Right) {
            const double x = side == Side::Left ? a.left() : a.right();
            p0 = ca + QPointF(x, -m_box.height() / 4);
            p1 = ca + QPointF(x, m_box.height() / 4);
            out = QPointF(side == Side::Left ? -r * 1.6 : r * 1.6, 0);
        } else {
            const double y = side == Side::Top ? m_box.top() : m_box.bottom();
            // Right of the centre; in the closing part FIN_WAIT_1's left of it, toward its label,
            // and TIME_WAIT's, away from its label.
            const bool leftHalf = closing() && (t.from == St::FinWait1 || t.from == St::TimeWait);
            p0 = ca + QPointF(leftHalf ? -a.width() / 3 : a.width() / 6, y);
            p1 = ca + QPointF(leftHalf ? -a.width() / 6 : a.width() / 3, y);
            out = QPointF(0, (side == Side::Top ? -r : r) * 1.6);
        }
        const QPointF spread = side == Side::Bottom || side == Side::Top ? QPointF(r * 0.6, 0) : QPointF(0, r * 0.6);
        path.moveTo(p0);
        path.cubicTo(p0 + out - spread, p1 + out + spread, p1);
        return path;
    }
    if (const places::RouteRule* rule = places::find(places::figureRoutes(), m_part, t.id))
        return polyline(rule->points, t, 0);
    path.moveTo(border(t.from, cb));
    path.lineTo(border(t.to, ca));
    return path;
}

QPainterPath StateGraphLayout::routeExtra(const Transition& t, int lane) const {
    if (t.isSelfLoop())  // a loop drawn once taken (a FIN resent in CLOSING) is a loop too
        return route(t);
    if (const places::RouteRule* rule = places::find(places::extraRoutes(), m_part, t.id))
        return polyline(rule->points, t, lane);
    const QPointF ca = centre(t.from), cb = centre(t.to);
    const QRectF a = shape(t.from), b = shape(t.to);
    // Out on the side nearer the edge of the graph, to a lane outside every box, along it to the
    // target's row and into the target's side: never across another box.
    const bool leftSide = ca.x() <= centre(St::Established).x() + 1;
    const double gap = m_line * 0.55;
    const double x = leftSide ? m_left - gap * (lane + 1) : m_right + gap * (lane + 1);
    const double sideX = leftSide ? a.left() : a.right();         // the source's side
    const double targetX = leftSide ? b.left() : b.right();       // the target's
    // Leave at the box's own row unless another box stands between it and the lane: then out of
    // the box's bottom and along just under the row.
    const double rowY = ca.y() + m_box.height() / 4;
    const QRectF run(QPointF(std::min(ca.x() + sideX, x), rowY - 2), QPointF(std::max(ca.x() + sideX, x), rowY + 2));
    bool blocked = false;
    for (const QRectF& b : boxes())
        blocked = blocked || (b.intersects(run) && b.center() != ca);
    // Lanes enter the target a little apart, so two resets into CLOSED do not share a line.
    const double entry = cb.y() + m_box.height() / 4 - (lane % 3) * m_box.height() / 5;
    QPainterPath path;
    if (blocked) {
        const double under = ca.y() + m_box.bottom() + gap * 0.8;
        path.moveTo(ca.x() + sideX / 2, ca.y() + m_box.bottom());
        path.lineTo(ca.x() + sideX / 2, under);
        path.lineTo(x, under);
    } else {
        path.moveTo(ca.x() + sideX, rowY);
        path.lineTo(x, rowY);
    }
    path.lineTo(x, entry);
    path.lineTo(cb.x() + targetX, entry);
    return path;
}

}  // namespace finwave::app
