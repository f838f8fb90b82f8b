#include "app/views/state_graph_layout.h"

#include "app/views/state_graph_items.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>

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

double area(const QRectF& r) { return r.isValid() ? r.width() * r.height() : 0.0; }
}  // namespace

StateGraphLayout::StateGraphLayout(const Theme& theme) : m_theme(theme), m_box(nodeBox(theme)) {
    // Every distance in lines of the label font, so the graph keeps its shape in every theme.
    m_line = QFontMetricsF(theme.font).height();
    m_cellW = m_box.width() + m_line * 1.0;
    m_cellH = m_box.height() + m_line * 3.3;  // a two-line label between two rows of boxes, with room to move
    m_margin = m_line * 1.0;                   // room for the lanes beside the outer columns
    m_left = centre(St::FinWait2).x() + m_box.left() - m_line * 0.8;
    m_right = centre(St::LastAck).x() + m_box.right() + m_line * 0.8;
}

QPointF StateGraphLayout::centre(TcpState s) const {
    const Cell c = kGrid[static_cast<std::size_t>(s)];
    return QPointF(m_margin + m_box.width() / 2 + c.column * m_cellW, m_margin + m_box.height() / 2 + c.row * m_cellH);
}

std::vector<QRectF> StateGraphLayout::boxes() const {
    std::vector<QRectF> out;
    for (int s = 0; s < kTcpStateCount; ++s)
        out.push_back(box(static_cast<St>(s)));
    return out;
}

// Where the straight line from a box's centre toward a point leaves the box.
QPointF StateGraphLayout::border(QPointF c, QPointF toward) const {
    const QPointF v = toward - c;
    const double sx = std::abs(v.x()) > 1e-6 ? (m_box.width() / 2) / std::abs(v.x()) : 1e9;
    const double sy = std::abs(v.y()) > 1e-6 ? (m_box.height() / 2) / std::abs(v.y()) : 1e9;
    return c + v * std::min(sx, sy);
}

// Each self-loop on the side of its box that has room for it and its label.
StateGraphLayout::Side StateGraphLayout::loopSide(TcpState s) const {
    switch (s) {
    case St::FinWait1: return Side::Left;
    case St::TimeWait: return Side::Bottom;
    case St::Closing: return Side::Top;
    default: return Side::Bottom;
    }
}

QPainterPath StateGraphLayout::route(const Transition& t) const {
    const QPointF ca = centre(t.from), cb = centre(t.to);
    QPainterPath path;
    if (t.isSelfLoop()) {
        // A loop out of one side and back into it (RFC 9293 Figure 5 draws none; these teach).
        const double r = m_line * 0.75;
        const Side side = loopSide(t.from);
        QPointF p0, p1, out;
        if (side == Side::Left || side == Side::Right) {
            const double x = side == Side::Left ? m_box.left() : m_box.right();
            p0 = ca + QPointF(x, -m_box.height() / 4);
            p1 = ca + QPointF(x, m_box.height() / 4);
            out = QPointF(side == Side::Left ? -r * 1.6 : r * 1.6, 0);
        } else {
            const double y = side == Side::Top ? m_box.top() : m_box.bottom();
            p0 = ca + QPointF(m_box.width() / 6, y);
            p1 = ca + QPointF(m_box.width() / 3, y);
            out = QPointF(0, (side == Side::Top ? -r : r) * 1.6);
        }
        const QPointF spread = side == Side::Bottom || side == Side::Top ? QPointF(r * 0.6, 0) : QPointF(0, r * 0.6);
        path.moveTo(p0);
        path.cubicTo(p0 + out - spread, p1 + out + spread, p1);
        return path;
    }
    if (t.to == St::Closed && t.from == St::LastAck) {  // up the right side, as in Figure 5
        path.moveTo(ca + QPointF(m_box.right(), 0));
        path.lineTo(m_right, ca.y());
        path.lineTo(m_right, cb.y());
        path.lineTo(cb + QPointF(m_box.right(), 0));
    } else if (t.to == St::Closed && t.from == St::TimeWait) {  // up the left side
        path.moveTo(ca + QPointF(m_box.left(), 0));
        path.lineTo(m_left, ca.y());
        path.lineTo(m_left, cb.y());
        path.lineTo(cb + QPointF(m_box.left(), 0));
    } else {
        path.moveTo(border(ca, cb));
        path.lineTo(border(cb, ca));
    }
    return path;
}

QPainterPath StateGraphLayout::routeExtra(const Transition& t, int lane) const {
    const QPointF ca = centre(t.from), cb = centre(t.to);
    // From ESTABLISHED straight up to CLOSED above it, between the opening edges; each such edge
    // a little apart from the one before.
    if (t.from == St::Established && t.to == St::Closed) {
        const double dx = ((lane % 4) - 1.5) * m_line * 0.5;
        QPainterPath path(QPointF(ca.x() + dx, ca.y() + m_box.top()));
        path.lineTo(cb.x() + dx, cb.y() + m_box.bottom());
        return path;
    }
    // Out on the side nearer the edge of the graph, to a lane outside every box, along it to the
    // target's row and into the target's side: never across another box.
    const bool leftSide = ca.x() <= centre(St::Established).x() + 1;
    const double gap = m_line * 0.55;
    const double x = leftSide ? m_left - gap * (lane + 1) : m_right + gap * (lane + 1);
    const double sideX = leftSide ? m_box.left() : m_box.right();
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
    path.lineTo(cb.x() + sideX, entry);
    return path;
}

QRectF StateGraphLayout::labelRect(const QString& label, QPointF c) const {
    QRectF r = QFontMetricsF(m_theme.font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter,
                                                        edgeLabelText(label, QStringLiteral("A#10 B#10")));
    r.adjust(-6, -3, 6, 3);
    r.moveCenter(c);
    return r;
}

QPointF StateGraphLayout::placeLabel(const QString& label, const QPainterPath& path, bool selfLoop,
                                     std::vector<QRectF>& occupied) const {
    const QRectF size = labelRect(label, QPointF());
    std::vector<QPointF> candidates;
    if (selfLoop) {
        // Beyond the loop, on its side: beside a side loop, under a bottom one; slid along that
        // side until clear.
        const QRectF loop = path.boundingRect();
        const QPointF start = path.pointAtPercent(0.0), far = path.pointAtPercent(0.5);
        const bool sideways = std::abs(far.x() - start.x()) > std::abs(far.y() - start.y());
        for (int k = 0; k < 12; ++k) {
            const double shift = (k % 2 ? -1 : 1) * ((k + 1) / 2) * size.height() * 0.6;
            if (sideways) {
                const double x = far.x() < start.x() ? loop.left() - 4 - size.width() / 2 : loop.right() + 4 + size.width() / 2;
                candidates.emplace_back(x, loop.center().y() + shift);
            } else {
                const double y = far.y() < start.y() ? loop.top() - 4 - size.height() / 2 : loop.bottom() + 4 + size.height() / 2;
                candidates.emplace_back(loop.center().x() + shift * 2, y);
            }
        }
    } else {
        // Along every straight piece: on the line midway when clear, else slid along it, or set
        // beside it (left or right of an upright piece, above or below a level one), off the
        // boxes and earlier labels. Never over the arrowhead.
        for (double side : {0.0, 1.0, -1.0, 1.8, -1.8}) {  // on the line anywhere along it, then beside it
            for (int i = 0; i + 1 < path.elementCount(); ++i) {
                const QPointF p0 = path.elementAt(i), p1 = path.elementAt(i + 1);
                const bool upright = std::abs(p1.x() - p0.x()) < std::abs(p1.y() - p0.y());
                // Beside: left or right of an upright piece, above or below a level one; a slanted
                // piece gets both, its label's corner just off the line.
                const QPointF across = upright ? QPointF(size.width() / 2 + 5, 0) : QPointF(0, size.height() / 2 + 4);
                const QPointF corner(size.width() / 2 + 3, -size.height() / 2 - 3);
                for (double t : {0.5, 0.55, 0.45, 0.6, 0.4, 0.65, 0.35, 0.7, 0.3, 0.75, 0.25, 0.8, 0.2}) {
                    const QPointF on = p0 + (p1 - p0) * t;
                    candidates.push_back(on + across * side);
                    if (side != 0) {
                        candidates.push_back(on + corner * side);
                        candidates.push_back(on + QPointF(corner.x(), -corner.y()) * side);
                    }
                }
            }
        }
    }
    QPointF best = candidates.empty() ? path.pointAtPercent(0.5) : candidates.front();
    double least = std::numeric_limits<double>::max();
    for (const QPointF& c : candidates) {
        const QRectF r = size.translated(c);
        double overlap = 0;
        for (const QRectF& o : occupied)
            overlap += area(o.intersected(r));
        if (overlap < least - 1e-9) {
            least = overlap;
            best = c;
        }
    }
    occupied.push_back(size.translated(best));
    return best;
}

}  // namespace finwave::app
