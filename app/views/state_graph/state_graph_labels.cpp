// Where the state graph writes each edge's label (StateGraphLayout's label half): by hand in the
// compact parts, where the labels pack into a narrow graph, and elsewhere at the least-covered
// place along the edge.
#include "app/views/state_graph/state_graph_layout.h"

#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_places.h"

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
    // In the closing parts LAST_ACK's loop label stands between its box and the lanes down the
    // right: "snd FIN again" as two lines keeps it off them.
    if (m_part != FigurePart::Whole && t.id == std::string_view("L2"))
        if (const qsizetype space = text.lastIndexOf(QLatin1Char(' ')); space > text.indexOf(QLatin1String(" / ")) + 3)
            text[space] = QLatin1Char('\n');
    return text;
}

std::optional<QPointF> StateGraphLayout::fixedLabel(const Transition& t, const QString& label) const {
    const places::LabelRule* rule = places::find(places::figureLabels(), m_part, t.id);
    if (!rule)
        return std::nullopt;
    const QSizeF size = labelRect(label, QPointF(), oneEndPerConnection(t)).size();
    return point(rule->centre, PlaceContext{&t, 0, size, nullptr});
}

std::optional<QPointF> StateGraphLayout::extraLabel(const Transition& t, const QString& label, const QPainterPath& path,
                                                    const std::vector<QRectF>& occupied) const {
    if (path.elementCount() < 2)
        return std::nullopt;
    const QSizeF size = labelRect(label, QPointF(), true).size();
    const PlaceContext ctx{&t, 0, size, &path};
    const QRectF lane = path.boundingRect();
    const auto isFree = [&](const QRectF& at) {
        return std::none_of(occupied.begin(), occupied.end(), [&](const QRectF& o) { return o.intersects(at); });
    };
    // The rows that name this edge here, in order; the first whose conditions hold.
    for (const places::LabelRule& rule : places::extraLabels()) {
        if (!places::holds(rule.parts, m_part) || std::find(rule.ids.begin(), rule.ids.end(), t.id) == rule.ids.end())
            continue;
        if (rule.levelStart) {  // on the path's first, level piece, where it leaves ESTABLISHED
            const QPointF p0 = path.elementAt(0), p1 = path.elementAt(1);
            if (std::abs(p0.y() - p1.y()) >= 1e-6 || std::abs(p0.y() - centre(St::Established).y()) >= m_box.height())
                continue;
        }
        QPointF c = point(rule.centre, ctx);
        if (rule.capX)
            c.setX(std::min(c.x(), coord(rule.xCap, true, ctx)));
        if (rule.clampTop)  // never above the graph
            c.setY(std::max(c.y(), m_margin * 0.5 + size.height() / 2));
        const QRectF at = labelRect(label, c, true);
        if (rule.withinLane && at.right() > lane.right() - 2 && lane.width() > 1)
            continue;  // would stand out beyond the lane
        if (!rule.mustBeFree || isFree(at))
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
