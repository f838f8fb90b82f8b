#include "core/figure_part.h"

#include "core/scenario.h"
#include "core/trace.h"

#include <algorithm>

namespace finwave {

FigurePart figurePartFor(const Scenario& s) {
    const auto staysOpen = [](const EndpointSetup& e) {
        return initialState(e) == TcpState::Established && !e.listenAgain;
    };
    const bool opens = std::any_of(s.actions.begin(), s.actions.end(), [](const AppAction& a) {
        return a.kind == AppAction::Kind::Listen || a.kind == AppAction::Kind::Connect;
    });
    return staysOpen(s.a) && staysOpen(s.b) && !opens ? FigurePart::Closing : FigurePart::Whole;
}

bool inFigurePart(FigurePart part, TcpState s) {
    switch (part) {
    case FigurePart::Whole: return true;
    case FigurePart::Closing:
        return s != TcpState::Listen && s != TcpState::SynSent && s != TcpState::SynReceived;
    case FigurePart::Opening:
        return s == TcpState::Closed || s == TcpState::Listen || s == TcpState::SynSent ||
               s == TcpState::SynReceived || s == TcpState::Established;
    }
    return true;
}

namespace {
// The part for both ends' states, given the part drawn before: CLOSED and ESTABLISHED are in
// both halves, so two ends among them are drawn in the closing part (both established: the
// connection is open), except two ends still CLOSED, which keep the part they were in (the
// opening, before anything opened).
FigurePart partFor(TcpState a, TcpState b, FigurePart before) {
    const auto both = [&](FigurePart p) { return inFigurePart(p, a) && inFigurePart(p, b); };
    if (both(FigurePart::Opening) && both(FigurePart::Closing))
        return a == TcpState::Closed && b == TcpState::Closed && before != FigurePart::Whole ? before : FigurePart::Closing;
    if (both(FigurePart::Opening))
        return FigurePart::Opening;
    if (both(FigurePart::Closing))
        return FigurePart::Closing;
    return FigurePart::Whole;
}
}  // namespace

FigurePart figurePartNow(const Scenario& s, const Trace& trace) {
    if (figurePartFor(s) == FigurePart::Closing)
        return FigurePart::Closing;
    FigurePart part = partFor(initialState(s.a), initialState(s.b), FigurePart::Opening);
    for (const TraceRecord& r : trace)
        if (r.kind == EventKind::State)
            part = partFor(r.stateA, r.stateB, part);
    return part;
}

}  // namespace finwave
