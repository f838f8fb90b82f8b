// The state graph's routes and label places as data (state_graph_places.h): what was a cascade of
// special cases in the layout is one row per edge here, keyed by figure part and transition row.
#include "app/views/state_graph/state_graph_places.h"

#include "app/views/state_graph/state_graph_layout.h"

namespace finwave::app::places {

bool holds(Parts parts, FigurePart part) {
    switch (part) {
    case FigurePart::Whole: return parts & kWhole;
    case FigurePart::Opening: return parts & kOpening;
    case FigurePart::Closing: return parts & kClosing;
    case FigurePart::ClosingWithListen: return parts & kClosingWithListen;
    }
    return false;
}

namespace {
using St = TcpState;
using sv = std::string_view;
constexpr Side Low = Side::Low, High = Side::High;

// Rows, by the box they leave (docs/protocol.md ids).
constexpr sv kF1c[] = {"F1c"}, kF1d[] = {"F1d"}, kT6[] = {"T6"}, kL1[] = {"L1"}, kO1[] = {"O1"}, kO9[] = {"O9"};
constexpr sv kFinWait2Closed[] = {"F2b", "F2d", "F2f", "F2g", "F2h"};
constexpr sv kTimeWaitClosed[] = {"T3", "T7", "T8"};
constexpr sv kFinWait1OrClosingClosed[] = {"F1e", "F1g", "F1i", "F1j", "F1k", "F2e", "G4", "G5", "G6", "G7"};
constexpr sv kLeftOrMiddleClosed[] = {"F1e", "F1g", "F1i", "F1j", "F1k", "F2e", "F2b", "F2d", "F2f",
                                      "F2g", "F2h", "G4", "G5", "G6", "G7", "T3", "T7", "T8"};
constexpr sv kLastAckClosed[] = {"L4", "L5", "L6", "L7"};
constexpr sv kEstablishedClosed[] = {"E2", "E3", "E5", "E6"};
constexpr sv kCloseWaitClosed[] = {"C3", "C3b", "C5", "C6"};
constexpr sv kRightColumnClosed[] = {"E2", "E3", "E5", "E6", "C3", "C3b", "C5", "C6", "L4", "L5", "L6", "L7"};

// --- Routes of edges always drawn -------------------------------------------------------------
// Out of FIN_WAIT_1's right side into CLOSING's top, clear of the edge down the left.
constexpr Point kToClosing[] = {{{.ref = Ref::From, .side = High}, {.ref = Ref::From, .box = 0.25}},
                                {{.ref = Ref::To, .box = -0.25}, {.ref = Ref::To, .side = Low}}};
// From FIN_WAIT_1's bottom right corner, between FIN_WAIT_2 and CLOSING, into TIME_WAIT's top left.
constexpr Point kFinAckToTimeWait[] = {{{.ref = Ref::From, .side = High, .lines = -0.6}, {.ref = Ref::From, .side = High}},
                                       {{.ref = Ref::To, .box = -1.0 / 3}, {.ref = Ref::To, .side = Low}}};
// Out of TIME_WAIT's side down into the middle of CLOSED's, under the mark on its top corner and
// over the label of TIME_WAIT's loop.
constexpr Point kTimeWaitDown[] = {{{.ref = Ref::From, .side = High}, {.ref = Ref::From, .box = 1.0 / 6}},
                                   {{.ref = Ref::To, .side = Low}, {.ref = Ref::To}}};
// Closing part with LISTEN: out of CLOSED's side under TIME_WAIT's edge, down a lane between the
// labels under TIME_WAIT and CLOSED, along the bottom and up into LISTEN. The inner of the two lanes
// between them: the other (O9) runs round it, so they never cross.
constexpr Point kPassiveOpen[] = {{{.ref = Ref::From, .side = Low}, {.ref = Ref::From, .box = 0.2}},
                                  {{.ref = Ref::From, .side = Low, .lines = -1}, {.ref = Ref::From, .box = 0.2}},
                                  {{.ref = Ref::From, .side = Low, .lines = -1}, {.ref = Ref::ListenLane0}},
                                  {{.ref = Ref::To, .box = 0.25}, {.ref = Ref::ListenLane0}},
                                  {{.ref = Ref::To, .box = 0.25}, {.ref = Ref::To, .side = High}}};
// The whole figure: LAST_ACK up the right side to CLOSED, TIME_WAIT up the left, as in Figure 5.
constexpr Point kUpTheRight[] = {{{.ref = Ref::From, .side = High}, {.ref = Ref::From}},
                                 {{.ref = Ref::LanesRight}, {.ref = Ref::From}},
                                 {{.ref = Ref::LanesRight}, {.ref = Ref::To}},
                                 {{.ref = Ref::To, .side = High}, {.ref = Ref::To}}};
constexpr Point kUpTheLeft[] = {{{.ref = Ref::From, .side = Low}, {.ref = Ref::From}},
                                {{.ref = Ref::LanesLeft}, {.ref = Ref::From}},
                                {{.ref = Ref::LanesLeft}, {.ref = Ref::To}},
                                {{.ref = Ref::To, .side = Low}, {.ref = Ref::To}}};

// Closing parts: straight down the left third of CLOSE_WAIT into LAST_ACK, so LAST_ACK's loop
// label, over the box's right part, stands by the loop and off this edge.
constexpr sv kC2Route[] = {"C2"};
constexpr Point kCloseWaitDown[] = {{{.ref = Ref::From, .box = -0.4}, {.ref = Ref::From, .side = High}},
                                    {{.ref = Ref::From, .box = -0.4}, {.ref = Ref::To, .side = Low}}};

constexpr RouteRule kFigureRoutes[] = {
    {kClosingParts, kC2Route, kCloseWaitDown},
    {kCompactParts, kF1c, kToClosing},
    {kCompactParts, kT6, kTimeWaitDown},
    {kClosingWithListen, kO1, kPassiveOpen},
    {kCompactParts, kF1d, kFinAckToTimeWait},
    {kWhole, kL1, kUpTheRight},
    {kWhole, kT6, kUpTheLeft},
};

// --- Routes of edges drawn once taken ------------------------------------------------------------
// Closing part with LISTEN: back out of LISTEN's bottom, along the bottom under the lane of the
// passive OPEN and up outside it, into CLOSED's side below where that one leaves.
constexpr Point kListenClose[] = {{{.ref = Ref::From, .box = -0.25}, {.ref = Ref::From, .side = High}},
                                  {{.ref = Ref::From, .box = -0.25}, {.ref = Ref::ListenLane1}},
                                  {{.ref = Ref::To, .side = Low, .lines = -0.5}, {.ref = Ref::ListenLane1}},
                                  {{.ref = Ref::To, .side = Low, .lines = -0.5}, {.ref = Ref::To, .box = 0.38}},
                                  {{.ref = Ref::To, .side = Low}, {.ref = Ref::To, .box = 0.38}}};
// Closing part, into the second CLOSED box under FIN_WAIT_2: straight down from FIN_WAIT_2's left
// end, left of its label...
constexpr Point kFinWait2Aside[] = {
    {{.ref = Ref::Aside, .side = Low, .lines = 0.3, .lane = PerLane::Mod2, .laneLines = 0.35}, {.ref = Ref::From, .side = High}},
    {{.ref = Ref::Aside, .side = Low, .lines = 0.3, .lane = PerLane::Mod2, .laneLines = 0.35}, {.ref = Ref::Aside, .side = Low}}};
// ...the short way across from TIME_WAIT's left side into the box's right side...
constexpr Point kTimeWaitAside[] = {
    {{.ref = Ref::From, .side = Low}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::Aside, .side = High}, {.ref = Ref::Aside, .box = -0.25, .lane = PerLane::Mod3, .laneBox = 0.25}}};
// ...and from FIN_WAIT_1 or CLOSING out to a lane left of every box, down it and into the box's
// left side.
constexpr Point kLaneAside[] = {
    {{.ref = Ref::From, .side = Low}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::Aside, .side = Low, .lines = -0.45, .lane = PerLane::Lane, .laneLines = -0.35}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::Aside, .side = Low, .lines = -0.45, .lane = PerLane::Lane, .laneLines = -0.35},
     {.ref = Ref::Aside, .lane = PerLane::Mod3Centred, .laneBox = 0.25}},
    {{.ref = Ref::Aside, .side = Low}, {.ref = Ref::Aside, .lane = PerLane::Mod3Centred, .laneBox = 0.25}}};
// Closing part with LISTEN, where LISTEN stands in place of the second CLOSED: out of the left or
// middle column's side to a lane left of every box, down it under LISTEN's lanes, along the bottom
// and up into CLOSED's bottom. Rare (a time-out or reset while the peer listens again): the graph
// grows to hold it rather than cross a box.
constexpr Point kUnderListen[] = {
    {{.ref = Ref::From, .side = Low}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::LanesLeft, .lane = PerLane::Lane, .laneLines = -0.35}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::LanesLeft, .lane = PerLane::Lane, .laneLines = -0.35},
     {.ref = Ref::ListenLane1, .lines = 0.45, .lane = PerLane::Mod3, .laneLines = 0.35}},
    {{.ref = Ref::To, .box = 0.25, .lane = PerLane::Mod3, .laneLines = 0.35},
     {.ref = Ref::ListenLane1, .lines = 0.45, .lane = PerLane::Mod3, .laneLines = 0.35}},
    {{.ref = Ref::To, .box = 0.25, .lane = PerLane::Mod3, .laneLines = 0.35}, {.ref = Ref::To, .side = High}}};
// Closing parts: straight down beside LAST_ACK's own edge to CLOSED, each a little further right.
constexpr Point kLastAckDown[] = {
    {{.ref = Ref::From, .box = 0.25, .lane = PerLane::Mod3, .laneLines = 0.35}, {.ref = Ref::From, .side = High}},
    {{.ref = Ref::From, .box = 0.25, .lane = PerLane::Mod3, .laneLines = 0.35}, {.ref = Ref::To, .side = Low}}};
// Closing parts: from ESTABLISHED or CLOSE_WAIT out to a lane right of every box, down it and into
// CLOSED's right side. Out of ESTABLISHED's side above or below its middle, so two such edges (an
// abort and the peer's reset) leave it apart.
constexpr Point kRightLaneFromEstablished[] = {
    {{.ref = Ref::From, .side = High}, {.ref = Ref::From, .box = -0.45, .lane = PerLane::Mod2, .laneBox = 0.25}},
    {{.ref = Ref::LanesRight, .lane = PerLane::Lane, .laneLines = 0.35}, {.ref = Ref::From, .box = -0.45, .lane = PerLane::Mod2, .laneBox = 0.25}},
    {{.ref = Ref::LanesRight, .lane = PerLane::Lane, .laneLines = 0.35}, {.ref = Ref::To, .box = -0.25, .lane = PerLane::Mod3, .laneBox = 0.25}},
    {{.ref = Ref::To, .side = High}, {.ref = Ref::To, .box = -0.25, .lane = PerLane::Mod3, .laneBox = 0.25}}};
constexpr Point kRightLane[] = {
    {{.ref = Ref::From, .side = High}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::LanesRight, .lane = PerLane::Lane, .laneLines = 0.35}, {.ref = Ref::From, .box = 0.25}},
    {{.ref = Ref::LanesRight, .lane = PerLane::Lane, .laneLines = 0.35}, {.ref = Ref::To, .box = -0.25, .lane = PerLane::Mod3, .laneBox = 0.25}},
    {{.ref = Ref::To, .side = High}, {.ref = Ref::To, .box = -0.25, .lane = PerLane::Mod3, .laneBox = 0.25}}};
// The whole figure and the opening part: from ESTABLISHED straight up to CLOSED above it, between
// the opening edges, each such edge a little apart from the one before.
constexpr Point kStraightUp[] = {
    {{.ref = Ref::From, .lane = PerLane::Mod4Centred, .laneLines = 0.5}, {.ref = Ref::From, .side = Low}},
    {{.ref = Ref::To, .lane = PerLane::Mod4Centred, .laneLines = 0.5}, {.ref = Ref::To, .side = High}}};

constexpr RouteRule kExtraRoutes[] = {
    {kClosingWithListen, kO9, kListenClose},
    {kClosing, kFinWait2Closed, kFinWait2Aside},
    {kClosing, kTimeWaitClosed, kTimeWaitAside},
    {kClosing, kFinWait1OrClosingClosed, kLaneAside},
    {kClosingWithListen, kLeftOrMiddleClosed, kUnderListen},
    {kClosingParts, kLastAckClosed, kLastAckDown},
    {kClosingParts, kEstablishedClosed, kRightLaneFromEstablished},
    {kClosingParts, kCloseWaitClosed, kRightLane},
    {kWholeOrOpening, kEstablishedClosed, kStraightUp},
};

// --- Labels of edges always drawn, by hand in the compact parts -------------------------------
constexpr sv kE1[] = {"E1"}, kE4[] = {"E4"}, kF1f[] = {"F1f"}, kF1a[] = {"F1a"}, kC2[] = {"C2"}, kG1[] = {"G1"},
             kF2a[] = {"F2a"}, kL2[] = {"L2"}, kT1[] = {"T1"}, kO2[] = {"O2"}, kO3[] = {"O3"}, kO4[] = {"O4"},
             kO5[] = {"O5"}, kO6[] = {"O6"};
constexpr Coord at(St s, double box = 0, double lines = 0, double label = 0) {
    return {.ref = Ref::State, .lines = lines, .box = box, .label = label, .state = s};
}

constexpr LabelRule kFigureLabels[] = {
    // inside the fork under ESTABLISHED, by the edge's upper half
    {kClosingParts, kE1, {at(St::Established, -0.5, 0.2, 0.5), at(St::Established, 0.5, 0.5, 0.5)}},
    // beside ESTABLISHED on the right, above CLOSE_WAIT, no higher than ESTABLISHED's marks
    {kClosingParts, kE4, {at(St::Established, 0.5, 0.3, 0.5), at(St::Established, 0.5, 0.45, 0)}},
    // over FIN_WAIT_1's loop, left of the edge down from ESTABLISHED
    {kClosingParts, kF1f, {at(St::FinWait1, -0.5, 0, 0.5), at(St::FinWait1, -0.5, -1.3, -0.5)}},
    // on the edge down the left, below FIN_WAIT_1
    {kClosingParts, kF1a, {at(St::FinWait1, 0, -0.3), at(St::FinWait1, 0.5, 0.3, 0.5)}},
    // right of the edge, above CLOSING
    {kClosingParts, kF1c, {at(St::Closing, 0, -0.6, 0.5), at(St::Closing, -0.5, -0.2, -0.5)}},
    // on the edge where it passes between FIN_WAIT_2 and CLOSING
    {kClosingParts, kF1d,
     {{.ref = Ref::Midway, .lines = 0.4, .state = St::FinWait2, .state2 = St::Closing}, at(St::Closing, 0.5, 0.2, 0.5)}},
    // on the edge down the right, below CLOSE_WAIT
    {kClosingParts, kC2, {at(St::CloseWait, -0.4), at(St::CloseWait, 0.5, 0.2, 0.5)}},
    // right of the edge into TIME_WAIT, above LAST_ACK's row
    {kClosingParts, kG1, {at(St::Closing, 0, 0.25, 0.5), at(St::LastAck, -0.5, -0.2, -0.5)}},
    // under the edge from FIN_WAIT_2, right of where a time-out drops to the second CLOSED
    {kClosingParts, kF2a, {at(St::FinWait2, -0.5, 0.9, 0.5), at(St::FinWait2, 0.5, 0.6, 0.5)}},
    // just over LAST_ACK's loop, on the right: right of the edge down from CLOSE_WAIT (kCloseWaitDown)
    {kClosingParts, kL2, {at(St::LastAck, 0.5, 0.1, -0.5), at(St::LastAck, -0.5, -0.85, -0.5)}},
    // left of the short edge down to CLOSED
    {kClosingParts, kL1, {at(St::LastAck, 0, -0.25, -0.5), at(St::LastAck, 0.5, 0.2, 0.5)}},
    // under TIME_WAIT, right of its loop: clear of the second CLOSED on the left
    // (with LISTEN's lanes below it, just under TIME_WAIT; else a line lower, clear of the edge
    // from TIME_WAIT down to CLOSED)
    {kClosingWithListen, kT1, {{.ref = Ref::PathRight, .lines = 0.1, .label = 0.5}, at(St::TimeWait, 0.5, 0.1, 0.5)}},
    {kClosingParts, kT1, {{.ref = Ref::PathRight, .lines = 0.1, .label = 0.5}, at(St::TimeWait, 0.5, 0.75, 0.5)}},
    // under CLOSED's right half while LISTEN's lanes leave it on the left...
    {kClosingWithListen, kT6, {at(St::Closed, 0.5, 0, -0.5), at(St::Closed, 0.5, 0.3, 0.5)}},
    // ...else under its left half, where the short edge from TIME_WAIT comes in
    {kClosingParts, kT6, {at(St::Closed, -0.5, 0, 0.5), at(St::Closed, 0.5, 0.3, 0.5)}},
    // over its lane, between LISTEN and TIME_WAIT's loop label
    {kClosingWithListen, kO1, {{.ref = Ref::ListenOpen}, {.ref = Ref::ListenLane0, .lines = -0.1, .label = -0.5}}},
    // The opening part: beside CLOSED on the left, above LISTEN, and on the right, above SYN_SENT
    {kOpening, kO1, {at(St::Closed, -0.5, -0.3, -0.5), at(St::Closed, 0.5, 0.2, -0.25)}},
    {kOpening, kO2, {at(St::Closed, 0.5, 0.3, 0.5), at(St::Closed, 0.5, 0.2, -0.25)}},
    // on the edge down the left, below LISTEN
    {kOpening, kO3, {at(St::Listen), at(St::Listen, 0.5, 0.2, 0.5)}},
    // on the edge from SYN_SENT across to SYN_RECEIVED, midway
    {kOpening, kO4,
     {{.ref = Ref::Midway, .lines = 0.6, .state = St::SynSent, .state2 = St::SynReceived},
      {.ref = Ref::Midway, .lines = -0.2, .state = St::SynSent, .state2 = St::SynReceived}}},
    // right of the edge down from SYN_SENT to ESTABLISHED
    {kOpening, kO5,
     {at(St::SynSent, 0.5, 0, -0.5), {.ref = Ref::Midway, .lines = 0.6, .state = St::SynSent, .state2 = St::Established}}},
    // under SYN_RECEIVED, left of its edge to ESTABLISHED
    {kOpening, kO6, {at(St::SynReceived, -0.5, 0, 0.5), at(St::SynReceived, 0.5, 0.3, 0.5)}},
};

// --- Labels of edges drawn once taken ------------------------------------------------------------
constexpr LabelRule kExtraLabels[] = {
    // Above LISTEN, left of the passive OPEN's label (which starts 0.4 lines right of LISTEN).
    {kClosingWithListen, kO9, {at(St::Listen, -0.5, 0, 0.5), at(St::Listen, -0.5, -0.1, -0.5)}, true, false, false, false,
     true, at(St::Listen, 0.5, 0.3, -0.5)},
    // Just above the second CLOSED, right of the edge from FIN_WAIT_2 (and of the lane from
    // FIN_WAIT_1), left of TIME_WAIT: the place the second CLOSED box leaves for it.
    {kClosing, kLeftOrMiddleClosed,
     {{.ref = Ref::Aside, .side = Low, .lines = 0.75, .label = 0.5}, {.ref = Ref::Aside, .side = Low, .lines = -0.2, .label = -0.5}},
     true},
    // On the edge's first, level piece where it leaves ESTABLISHED, in the top right corner...
    {kClosingParts, kRightColumnClosed,
     {{.ref = Ref::PathPoint, .label = -0.5, .px = -3, .point = 1}, {.ref = Ref::PathPoint, .point = 0}},
     true, true, true, true},
    {kClosingWithListen, kLeftOrMiddleClosed,
     {{.ref = Ref::PathPoint, .label = -0.5, .px = -3, .point = 1}, {.ref = Ref::PathPoint, .point = 0}},
     true, true, true, true},
    // ...between LAST_ACK and CLOSED, right of LAST_ACK's edge, against the lane down the right (so
    // it stands nearer its own lane than LAST_ACK's edge)...
    {kClosingParts, kRightColumnClosed, {{.ref = Ref::PathRight, .lines = -0.15, .label = -0.5}, at(St::LastAck, 0.5, 0.2, 0.5)}, true, true},
    {kClosingWithListen, kLeftOrMiddleClosed, {{.ref = Ref::PathRight, .lines = -0.15, .label = -0.5}, at(St::LastAck, 0.5, 0.2, 0.5)}, true, true},
    {kClosingParts, kRightColumnClosed, {at(St::LastAck, 0, 0.25, 0.5), at(St::LastAck, 0.5, 0.2, 0.5)}, true, true},
    {kClosingWithListen, kLeftOrMiddleClosed, {at(St::LastAck, 0, 0.25, 0.5), at(St::LastAck, 0.5, 0.2, 0.5)}, true, true},
    // ...or under CLOSED's right half, beside the 2MSL label, when a short label fits there.
    {kClosingParts, kRightColumnClosed, {at(St::Closed, 0.5, 0, -0.5), at(St::Closed, 0.5, 0.3, 0.5)}, true, true},
    {kClosingWithListen, kLeftOrMiddleClosed, {at(St::Closed, 0.5, 0, -0.5), at(St::Closed, 0.5, 0.3, 0.5)}, true, true},
};
}  // namespace

std::span<const RouteRule> figureRoutes() { return kFigureRoutes; }
std::span<const RouteRule> extraRoutes() { return kExtraRoutes; }
std::span<const LabelRule> figureLabels() { return kFigureLabels; }
std::span<const LabelRule> extraLabels() { return kExtraLabels; }

}  // namespace finwave::app::places

namespace finwave::app {

namespace {
double laneTerm(places::PerLane mode, int lane) {
    using L = places::PerLane;
    switch (mode) {
    case L::None: return 0;
    case L::Lane: return lane;
    case L::Mod2: return lane % 2;
    case L::Mod3: return lane % 3;
    case L::Mod3Centred: return lane % 3 - 1;
    case L::Mod4Centred: return lane % 4 - 1.5;
    }
    return 0;
}
}  // namespace

// One coordinate of a row of state_graph_places.cpp: its reference, then each offset.
double StateGraphLayout::coord(const places::Coord& c, bool isX, const PlaceContext& ctx) const {
    using R = places::Ref;
    const auto sideOf = [&](TcpState s) {
        const QPointF p = centre(s);
        const QRectF r = shape(s);
        const double mid = isX ? p.x() : p.y();
        if (c.side == places::Side::Centre)
            return mid;
        return mid + (isX ? (c.side == places::Side::Low ? r.left() : r.right()) : (c.side == places::Side::Low ? r.top() : r.bottom()));
    };
    double v = 0, box = isX ? 0 : m_box.height();
    switch (c.ref) {
    case R::From:
    case R::To:
    case R::State: {
        const TcpState s = c.ref == R::From ? ctx.edge->from : c.ref == R::To ? ctx.edge->to : c.state;
        v = sideOf(s);
        box = isX ? shape(s).width() : m_box.height();
        break;
    }
    case R::Midway: {
        const QPointF m = (centre(c.state) + centre(c.state2)) / 2;
        v = isX ? m.x() : m.y();
        break;
    }
    case R::Aside: {
        const QRectF r = closedAside();
        v = c.side == places::Side::Centre ? (isX ? r.center().x() : r.center().y())
            : c.side == places::Side::Low  ? (isX ? r.left() : r.top())
                                           : (isX ? r.right() : r.bottom());
        box = isX ? r.width() : m_box.height();
        break;
    }
    case R::LanesLeft: v = m_left; break;
    case R::LanesRight: v = m_right; break;
    case R::ListenLane0: v = m_listenLanes[0]; break;
    case R::ListenLane1: v = m_listenLanes[1]; break;
    case R::PathPoint: {
        const QPointF p = ctx.path->elementAt(c.point);
        v = isX ? p.x() : p.y();
        break;
    }
    case R::PathRight: v = (ctx.path ? ctx.path->boundingRect() : route(*ctx.edge).boundingRect()).right(); break;
    case R::ListenOpen: {
        // Between LISTEN (clear of an end's mark on its corner) and TIME_WAIT's loop label.
        const double from = centre(TcpState::Listen).x() + shape(TcpState::Listen).width() / 2 + m_line * 0.4;
        v = (from + m_t1Label.left()) / 2;
        break;
    }
    case R::GraphTop: v = m_margin * 0.5; break;
    }
    const double labelSize = isX ? ctx.label.width() : ctx.label.height();
    return v + c.lines * m_line + c.box * box + c.label * labelSize + c.px +
           laneTerm(c.lane, ctx.lane) * (c.laneLines * m_line + c.laneBox * m_box.height());
}

QPointF StateGraphLayout::point(const places::Point& p, const PlaceContext& ctx) const {
    return QPointF(coord(p.x, true, ctx), coord(p.y, false, ctx));
}

QPainterPath StateGraphLayout::polyline(std::span<const places::Point> points, const Transition& t, int lane) const {
    const PlaceContext ctx{&t, lane, {}, nullptr};
    QPainterPath path(point(points.front(), ctx));
    for (std::size_t i = 1; i < points.size(); ++i)
        path.lineTo(point(points[i], ctx));
    return path;
}

}  // namespace finwave::app
