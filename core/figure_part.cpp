#include "core/figure_part.h"

#include "core/scenario.h"

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

bool inFigurePart(FigurePart part, TcpState state) {
    if (part == FigurePart::Whole)
        return true;
    return state != TcpState::Listen && state != TcpState::SynSent && state != TcpState::SynReceived;
}

}  // namespace finwave
