#pragma once
// Internal to the state graph's layout: where its edges run and where their labels stand, as data.
// Each row of a table names the parts of Figure 5 it holds in and the transition rows (core's ids,
// docs/protocol.md) it is for, and gives each point as a reference (a box, the second CLOSED box, a
// lane) plus offsets in lines of the label font, in the box's own size and in the label's, and per
// lane of an edge drawn once taken. The layout only evaluates them (state_graph_places.cpp).

#include "core/protocol/tcp_state.h"
#include "core/teaching/figure_part.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace finwave::app::places {

// A set of figure parts.
enum Parts : std::uint8_t {
    kWhole = 1,
    kOpening = 2,
    kClosing = 4,
    kClosingWithListen = 8,
    kClosingParts = kClosing | kClosingWithListen,
    kCompactParts = kOpening | kClosingParts,
    kWholeOrOpening = kWhole | kOpening,
};
bool holds(Parts parts, FigurePart part);

// What a coordinate is measured from.
enum class Ref : std::uint8_t {
    From,          // the edge's source box: its centre, or with `side` one of its sides
    To,            // its target box
    State,         // the box of `state` (labels)
    Midway,        // halfway between the centres of `state` and `state2` (labels)
    Aside,         // the second CLOSED box of the closing part
    LanesLeft,     // x: the lane just left of the outermost boxes
    LanesRight,    // x: the lane just right of them
    ListenLane0,   // y: the lane along the bottom into LISTEN (closing part with LISTEN)
    ListenLane1,   // y: the lane back out of it
    PathPoint,     // the edge's own `point`-th point (labels beside their own path)
    PathRight,     // x: the right edge of the edge's own path (labels beside a loop)
    ListenOpen,    // x: the room between LISTEN and TIME_WAIT's loop label (the passive OPEN's label)
    GraphTop,      // y: half the graph's margin, the highest a label may stand
};
enum class Side : std::uint8_t { Centre, Low, High };  // x: left or right side; y: top or bottom

// How an offset grows with the edge's lane (its number among the edges drawn once taken).
enum class PerLane : std::uint8_t { None, Lane, Mod2, Mod3, Mod3Centred, Mod4Centred };

struct Coord {
    Ref ref = Ref::From;
    Side side = Side::Centre;
    double lines = 0;  // × the label font's line height
    double box = 0;    // × the referenced box's width (x) or the boxes' height (y)
    double label = 0;  // × the label's own width (x) or height (y); labels only
    double px = 0;     // pixels
    PerLane lane = PerLane::None;
    double laneLines = 0;  // × a line × the lane term
    double laneBox = 0;    // × the boxes' height × the lane term
    TcpState state = TcpState::Closed, state2 = TcpState::Closed;  // Ref::State, Ref::Midway
    int point = 0;                                                  // Ref::PathPoint
};

struct Point {
    Coord x, y;
};

// A route: the points of one polyline, for the rows `ids` in `parts`.
struct RouteRule {
    Parts parts;
    std::span<const std::string_view> ids;
    std::span<const Point> points;
};

// A label's place, its centre, for the rows `ids` in `parts`. `mustBeFree`: only when nothing placed
// so far covers it; `withinLane`: only when it stands no further right than its own path.
struct LabelRule {
    Parts parts;
    std::span<const std::string_view> ids;
    Point centre;
    bool mustBeFree = false;
    bool withinLane = false;
    bool levelStart = false;  // only when the path starts level, beside ESTABLISHED
    bool clampTop = false;    // no higher than Ref::GraphTop allows the whole label
    bool capX = false;        // x no further right than xCap
    Coord xCap{};
};

// Edges always drawn (RFC 9293 Figure 5 and the teaching self-loops' neighbours): their routes when
// not straight from box to box.
std::span<const RouteRule> figureRoutes();
// Edges drawn once taken: the first row that names the edge in the part shown gives its route;
// none, and the layout's default runs out to a lane beside every box.
std::span<const RouteRule> extraRoutes();
// Always-drawn edges' labels, placed by hand in the compact parts.
std::span<const LabelRule> figureLabels();
// Labels of edges drawn once taken: the rows that name the edge, tried in order; the first free
// one wins, else the least-covered place along the path.
std::span<const LabelRule> extraLabels();

// The first rule in `rules` that holds in `part` and names `id`.
template <class Rule>
const Rule* find(std::span<const Rule> rules, FigurePart part, std::string_view id) {
    for (const Rule& r : rules)
        if (holds(r.parts, part))
            for (std::string_view i : r.ids)
                if (i == id)
                    return &r;
    return nullptr;
}

}  // namespace finwave::app::places
