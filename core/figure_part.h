#pragma once
// Which part of RFC 9293 Figure 5 a run can reach, so the state graph draws what the run can show
// and draws it large enough to read: a run that starts ESTABLISHED on both sides and never opens
// a connection can only reach the closing states (RFC 9293 §3.6, §3.10.4 and §3.10.7.4).

#include "core/tcp_state.h"

namespace finwave {

struct Scenario;

enum class FigurePart {
    Closing,  // ESTABLISHED, the closing states and CLOSED: the run never opens a connection
    Whole,    // all eleven states
};

// Closing when both endpoints start ESTABLISHED, neither listens again, and no action opens
// (passive or active OPEN). Otherwise Whole: the run may pass LISTEN, SYN_SENT or SYN_RECEIVED
// (including a new incarnation out of TIME_WAIT, row T5, which needs a listener or a connect).
FigurePart figurePartFor(const Scenario& scenario);

// Whether `state` is drawn in `part`.
bool inFigurePart(FigurePart part, TcpState state);

}  // namespace finwave
