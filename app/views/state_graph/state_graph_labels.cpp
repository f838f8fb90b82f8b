// Where the state graph writes each edge's label (StateGraphLayout's label half): by hand in the
// compact parts, where the labels pack into a narrow graph, and elsewhere at the least-covered
// place along the edge.
#include "app/views/state_graph/state_graph_layout.h"

#include "app/views/state_graph/state_graph_items.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

namespace finwave::app {

namespace {
using St = TcpState;
double area(const QRectF& r) { return r.isValid() ? r.width() * r.height() : 0.0; }
}  // namespace

QString StateGraphLayout::label(const Transition& t) const {
    QString text = edgeLabel(t);
    // Beside LISTEN the passive OPEN has room for a narrow label only: "passive" over "OPEN".
    if (m_part == FigurePart::ClosingWithListen && t.id == std::string_view("O1"))
        if (const qsizetype space = text.indexOf(QLatin1Char(' ')); space > 0)
            text[space] = QLatin1Char('\n');
    return text;
}

std::optional<QPointF> StateGraphLayout::fixedLabel(const Transition& t, const QString& label) const {
    if (m_part == FigurePart::Opening)
        return openingLabel(t, label);
    if (!closing())
        return std::nullopt;
    const QRectF r = labelRect(label, QPointF(), oneEndPerConnection(t));
    const double w = r.width(), h = r.height(), H = m_box.height(), L = m_line;
    const auto W = [this](St s) { return shape(s).width(); };
    const QPointF est = centre(St::Established), fw1 = centre(St::FinWait1), fw2 = centre(St::FinWait2),
                  cw = centre(St::CloseWait), closing = centre(St::Closing), la = centre(St::LastAck),
                  tw = centre(St::TimeWait), closed = centre(St::Closed);
    const std::string_view id = t.id;
    if (id == "E1")  // inside the fork under ESTABLISHED, by the edge's upper half
        return QPointF(est.x() - W(St::Established) / 2 + w / 2 + L * 0.2, est.y() + H / 2 + h / 2 + L * 0.5);
    if (id == "E4")  // beside ESTABLISHED on the right, above CLOSE_WAIT, no higher than ESTABLISHED's marks
        return QPointF(est.x() + W(St::Established) / 2 + L * 0.3 + w / 2, est.y() + H / 2 + L * 0.45 - h / 4);
    if (id == "F1f")  // over FIN_WAIT_1's loop, left of the edge down from ESTABLISHED
        return QPointF(fw1.x() - W(St::FinWait1) / 2 + w / 2, fw1.y() - H / 2 - L * 1.3 - h / 2);
    if (id == "F1a")  // on the edge down the left, below FIN_WAIT_1
        return QPointF(fw1.x() - L * 0.3, fw1.y() + H / 2 + L * 0.3 + h / 2);
    if (id == "F1c")  // right of the edge, above CLOSING
        return QPointF(closing.x() + w / 2 - L * 0.6, closing.y() - H / 2 - h / 2 - L * 0.2);
    if (id == "F1d")  // on the edge where it passes between FIN_WAIT_2 and CLOSING
        return QPointF((fw2.x() + closing.x()) / 2 + L * 0.4, closing.y() + H / 2 + L * 0.2 + h / 2);
    if (id == "C2")  // on the edge down the right, below CLOSE_WAIT
        return QPointF(cw.x(), cw.y() + H / 2 + L * 0.2 + h / 2);
    if (id == "G1")  // right of the edge into TIME_WAIT, above LAST_ACK's row
        return QPointF(closing.x() + L * 0.25 + w / 2, la.y() - H / 2 - L * 0.2 - h / 2);
    if (id == "F2a")  // under the edge from FIN_WAIT_2, right of where a time-out drops to the second CLOSED
        return QPointF(fw2.x() - W(St::FinWait2) / 2 + L * 0.9 + w / 2, fw2.y() + H / 2 + L * 0.6 + h / 2);
    if (id == "L2")  // over LAST_ACK's loop, on the right
        return QPointF(la.x() + W(St::LastAck) / 2 - w / 2 + L * 0.2, la.y() - H / 2 - L * 1.3 - h / 2);
    if (id == "L1")  // left of the short edge down to CLOSED
        return QPointF(la.x() - L * 0.25 - w / 2, la.y() + H / 2 + L * 0.2 + h / 2);
    if (id == "T1")  // under TIME_WAIT, right of its loop: clear of the second CLOSED on the left
        return QPointF(route(t).boundingRect().right() + L * 0.1 + w / 2, tw.y() + H / 2 + L * 0.1 + h / 2);
    if (id == "T6")  // under CLOSED's left half, where the short edge from TIME_WAIT comes in
        return QPointF(closed.x() - W(St::Closed) / 2 + w / 2, closed.y() + H / 2 + L * 0.3 + h / 2);
    if (id == "O1" && m_part == FigurePart::ClosingWithListen) {  // over its lane, between LISTEN and T1's label
        const QPointF listen = centre(St::Listen);
        const double from = listen.x() + W(St::Listen) / 2 + L * 0.4;  // clear of an end's mark on LISTEN's corner
        return QPointF((from + m_t1Label.left()) / 2, m_listenLanes[0] - L * 0.25 - h / 2);
    }
    return std::nullopt;
}

std::optional<QPointF> StateGraphLayout::openingLabel(const Transition& t, const QString& label) const {
    const QRectF r = labelRect(label, QPointF());
    const double w = r.width(), h = r.height(), H = m_box.height(), L = m_line;
    const auto W = [this](St s) { return shape(s).width(); };
    const QPointF closed = centre(St::Closed), listen = centre(St::Listen), synSent = centre(St::SynSent),
                  synRcvd = centre(St::SynReceived), est = centre(St::Established);
    const std::string_view id = t.id;
    if (id == "O1")  // beside CLOSED on the left, above LISTEN
        return QPointF(closed.x() - W(St::Closed) / 2 - L * 0.3 - w / 2, closed.y() + H / 2 + L * 0.2 - h / 4);
    if (id == "O2")  // beside CLOSED on the right, above SYN_SENT
        return QPointF(closed.x() + W(St::Closed) / 2 + L * 0.3 + w / 2, closed.y() + H / 2 + L * 0.2 - h / 4);
    if (id == "O3")  // on the edge down the left, below LISTEN
        return QPointF(listen.x(), listen.y() + H / 2 + L * 0.2 + h / 2);
    if (id == "O4")  // on the edge from SYN_SENT across to SYN_RECEIVED, midway
        return QPointF((synSent.x() + synRcvd.x()) / 2 + L * 0.6, (synSent.y() + synRcvd.y()) / 2 - L * 0.2);
    if (id == "O5")  // right of the edge down from SYN_SENT to ESTABLISHED
        return QPointF(synSent.x() + W(St::SynSent) / 2 - w / 2, (synSent.y() + est.y()) / 2 + L * 0.6);
    if (id == "O6")  // under SYN_RECEIVED, left of its edge to ESTABLISHED
        return QPointF(synRcvd.x() - W(St::SynReceived) / 2 + w / 2, synRcvd.y() + H / 2 + L * 0.3 + h / 2);
    return std::nullopt;
}

std::optional<QPointF> StateGraphLayout::extraLabel(const Transition& t, const QString& label, const QPainterPath& path,
                                                    const std::vector<QRectF>& occupied) const {
    if (!closing() || path.elementCount() < 2)
        return std::nullopt;
    const QRectF r = labelRect(label, QPointF(), true);
    const double w = r.width(), h = r.height(), H = m_box.height(), L = m_line;
    const QPointF la = centre(St::LastAck), closed = centre(St::Closed);
    const auto isFree = [&](const QRectF& at) {
        return std::none_of(occupied.begin(), occupied.end(), [&](const QRectF& o) { return o.intersects(at); });
    };
    if (m_part == FigurePart::ClosingWithListen && t.from == St::Listen) {
        // Above LISTEN, left of the passive OPEN's label (fixedLabel(), which starts 0.4 lines
        // right of LISTEN).
        const QRectF listen = box(St::Listen);
        const QPointF c(std::min(listen.left() + w / 2, listen.right() + L * 0.3 - w / 2), listen.top() - L * 0.1 - h / 2);
        if (isFree(labelRect(label, c, true)))
            return c;
        return std::nullopt;
    }
    if (endsAside(t)) {
        // Just above the second CLOSED, right of the edge from FIN_WAIT_2 (and of the lane from
        // FIN_WAIT_1), left of TIME_WAIT: the place closedAside() leaves for it.
        const QRectF aside = closedAside();
        const QPointF c(aside.left() + L * 0.75 + w / 2, aside.top() - L * 0.2 - h / 2);
        if (isFree(labelRect(label, c, true)))
            return c;
        return std::nullopt;
    }
    std::vector<QPointF> slots;
    // On the edge's first, level piece where it leaves ESTABLISHED, in the top right corner.
    const QPointF p0 = path.elementAt(0), p1 = path.elementAt(1);
    if (std::abs(p0.y() - p1.y()) < 1e-6 && std::abs(p0.y() - centre(St::Established).y()) < H)
        slots.emplace_back(p1.x() - 3 - w / 2, std::max(p0.y(), m_margin * 0.5 + h / 2));  // never above the graph
    // Between LAST_ACK and CLOSED, right of LAST_ACK's edge, beside the lane down the right.
    slots.emplace_back(la.x() + L * 0.25 + w / 2, la.y() + H / 2 + L * 0.2 + h / 2);
    // Under CLOSED's right half, beside the 2MSL label, when a short label fits there.
    slots.emplace_back(closed.x() + shape(St::Closed).right() - w / 2, closed.y() + H / 2 + L * 0.3 + h / 2);
    const QRectF lane = path.boundingRect();
    for (const QPointF& c : slots) {
        const QRectF at = labelRect(label, c, true);
        if (at.right() > lane.right() - 2 && lane.width() > 1)
            continue;  // would stand out beyond the lane
        if (isFree(at))
            return c;
    }
    return std::nullopt;
}

QRectF StateGraphLayout::labelRect(const QString& label, QPointF c, bool oneSide) const {
    QRectF r = QFontMetricsF(m_theme.font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter,
                                                        edgeLabelText(label, oneSide ? QStringLiteral("A#10") : QStringLiteral("A#10 B#10"), m_part != FigurePart::Whole));
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
