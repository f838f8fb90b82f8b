#include "core/teaching/figure_part.h"

#include "core/protocol/scenario.h"
#include "core/protocol/trace.h"

#include <algorithm>
#include <initializer_list>

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
    case FigurePart::ClosingWithListen: return s != TcpState::SynSent && s != TcpState::SynReceived;
    case FigurePart::Opening:
        return s == TcpState::Closed || s == TcpState::Listen || s == TcpState::SynSent ||
               s == TcpState::SynReceived || s == TcpState::Established;
    }
    return true;
}

namespace {
// The smallest part that holds every state given (both ends' states, and the two ends of the
// change just made, so the edge just taken is drawn). CLOSED and ESTABLISHED are in both halves:
// states among them alone are drawn in the part drawn before, except that after the whole figure
// or the closing part with LISTEN the closing part is drawn (two ends CLOSED at the end of a run).
// The closing part with LISTEN holds more than either half, less than the whole figure.
FigurePart partFor(std::initializer_list<TcpState> states, FigurePart before) {
    const auto holds = [&](FigurePart p) {
        return std::all_of(states.begin(), states.end(), [p](TcpState s) { return inFigurePart(p, s); });
    };
    const bool opening = holds(FigurePart::Opening), closing = holds(FigurePart::Closing);
    if (opening && closing)
        return before == FigurePart::Opening ? FigurePart::Opening : FigurePart::Closing;
    if (opening)
        return FigurePart::Opening;
    if (closing)
        return FigurePart::Closing;
    return holds(FigurePart::ClosingWithListen) ? FigurePart::ClosingWithListen : FigurePart::Whole;
}
}  // namespace

FigurePart figurePartNow(const Scenario& s, const Trace& trace) {
    // From what the run can reach, then along its changes of state: a replayed capture that
    // opens is told by its records, whatever its scenario says.
    // A run that starts with an end CLOSED starts in the opening part; one that starts
    // established (whatever it may do later) in the closing part.
    const bool startsClosed = initialState(s.a) != TcpState::Established || initialState(s.b) != TcpState::Established;
    FigurePart part = figurePartFor(s) != FigurePart::Closing && startsClosed ? FigurePart::Opening : FigurePart::Closing;
    part = partFor({initialState(s.a), initialState(s.b)}, part);
    for (const TraceRecord& r : trace)
        if (r.kind == EventKind::State)
            part = partFor({r.stateA, r.stateB, r.from, r.to}, part);
    return part;
}

}  // namespace finwave
