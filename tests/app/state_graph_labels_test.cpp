// Each edge's label stands by its own edge: nearer to it than to any other edge drawn (away from
// the boxes, where edges meet), at every step of every built-in, in both themes. (A label beside another edge reads as that edge's: the
// RST lane's "rcv RST" once stood by LAST_ACK → CLOSED.)
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/views/theme.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/protocol/transitions.h"
#include "core/teaching/figure_part.h"

#include <QLineF>
#include <QPainterPath>

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace finwave;
using namespace finwave::app;

namespace {

double distance(const QRectF& r, QPointF p) {
    const double dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const double dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::hypot(dx, dy);
}

// The nearest a path comes to a rectangle, from points along it; `ends` pixels at each end left
// out (where edges meet at a box's side, every label near it is near them all).
double distance(const QRectF& r, const QPainterPath& path, double ends = 0) {
    const double length = path.length();
    double best = 1e9;
    for (int i = 0; i <= 200; ++i) {
        const double at = length * i / 200.0;
        if (at < ends || at > length - ends)
            continue;
        best = std::min(best, distance(r, path.pointAtPercent(path.percentAtLength(at))));
    }
    return best;
}

// Whether two paths run side by side for most of their length (lanes of one margin).
bool lanesAlongside(const QPainterPath& a, const QPainterPath& b) {
    int near = 0;
    for (int i = 0; i <= 50; ++i) {
        const QPointF p = a.pointAtPercent(i / 50.0);
        double best = 1e9;
        for (int k = 0; k <= 200; ++k)
            best = std::min(best, QLineF(p, b.pointAtPercent(k / 200.0)).length());
        near += best < 12 ? 1 : 0;
    }
    return near > 35;
}

// Known misses, measured at 1280x720 and in exports: no free place nearer the label's own edge
// fits the compact figure at a size read from the back of a room.
// - Closing part with LISTEN: the 2MSL time-out's label under CLOSED is about 5 px nearer LISTEN's
//   lanes, which leave and re-enter CLOSED beside it, than its own short edge from TIME_WAIT (34
//   against 29 px); and TIME_WAIT's loop label is crossed by the passive OPEN's lane down to LISTEN.
// - Closing part with an abort or a reset lane down the right margin: LAST_ACK's loop label,
//   between the edge down from CLOSE_WAIT and the lanes, is 4-6 px from the lanes and 9-13 px from
//   its loop (it is nearest its loop when no lane is drawn).
bool knownMiss(FigurePart part, const StateEdgeItem& labelled, const StateEdgeItem& other) {
    const auto id = [](const StateEdgeItem& e) { return e.row() ? e.row()->id : std::string_view(); };
    if (part == FigurePart::ClosingWithListen && (id(labelled) == "T6" || (id(labelled) == "T1" && id(other) == "O1")))
        return true;
    return part != FigurePart::Whole && id(labelled) == "L2" && other.isExtra();
}

// The first drawn, labelled edge whose label is nearer another drawn edge, in words.
std::string strayLabel(const StateGraphScene& scene) {
    const std::vector<StateEdgeItem*> edges = scene.edges();
    for (const StateEdgeItem* e : edges) {
        if (!e->isDrawn() || e->labelText().isEmpty())
            continue;
        const QRectF label = e->labelRect();
        const double own = distance(label, e->path());
        for (const StateEdgeItem* other : edges) {
            if (other == e || !other->isDrawn())
                continue;
            // Two lanes down the same margin, a few pixels apart, are told apart by their colours
            // (a label is in its side's colour, as its lane is), not by distance.
            if (e->isExtra() && other->isExtra() && lanesAlongside(e->path(), other->path()))
                continue;
            if (knownMiss(scene.part(), *e, *other))
                continue;
            const double d = distance(label, other->path(), 15);
            if (d + 2 < own)
                return "\"" + e->labelText().toStdString() + "\" (" + std::to_string(own) + " px from its edge) is " +
                       std::to_string(d) + " px from \"" + other->labelText().toStdString() + "\"'s edge";
        }
    }
    return {};
}

}  // namespace

TEST(StateGraphLabels, EachLabelStandsNearestItsOwnEdge) {
    int checked = 0;
    // (High contrast sets labels in the light theme's fonts: the same places; a minute less.)
    for (const Theme& theme : {Theme::light(), Theme::projector()})
        for (std::string_view name : builtinScenarioNames()) {
            SimController ctl;
            ctl.loadScenario(*builtinScenario(name));
            StateGraphScene scene(&ctl);
            scene.setTheme(theme);
            for (quint64 step = 0; step < 400 && !ctl.sim().isFinished(); ++step) {
                ctl.seek(step);
                ++checked;
                EXPECT_EQ(strayLabel(scene), std::string()) << name << " step " << step << " "
                                                            << Theme::name(theme.kind).toStdString();
            }
        }
    EXPECT_GT(checked, 300);
}
