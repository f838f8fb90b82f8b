#pragma once
// Which part of RFC 9293 Figure 5 the state graph draws, so it draws what the run can show and
// draws it large enough to read from the back of a classroom. A run that starts ESTABLISHED on
// both sides and never opens a connection can only reach the closing states (RFC 9293 §3.6,
// §3.10.4, §3.10.7.4). A run that opens is drawn in two parts in turn: the opening (§3.5, the
// three-way handshake) until both ends are established, then the closing.

#include "core/tcp_state.h"

namespace finwave {

struct Scenario;
class Trace;

enum class FigurePart {
    Closing,  // ESTABLISHED, FIN_WAIT_1/2, CLOSING, TIME_WAIT, CLOSE_WAIT, LAST_ACK and CLOSED
    Whole,    // all eleven states
    Opening,  // CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED and ESTABLISHED
};

// What a run can reach: Closing when both endpoints start ESTABLISHED, neither listens again, and
// no action opens (passive or active OPEN); otherwise Whole (the run may pass LISTEN, SYN_SENT or
// SYN_RECEIVED, including a new incarnation out of TIME_WAIT, row T5, which needs a listener or a
// connect).
FigurePart figurePartFor(const Scenario& scenario);

// The part to draw once `trace` has run. For a closing-only run, Closing. For one that opens, the
// smallest part holding both ends' states now: Opening while either is in LISTEN, SYN_SENT or
// SYN_RECEIVED (or both are still CLOSED before anything opened), Closing once both are among the
// closing states, and Whole while one end is in each (a new SYN meeting TIME_WAIT, say).
FigurePart figurePartNow(const Scenario& scenario, const Trace& trace);

// Whether `state` is drawn in `part`.
bool inFigurePart(FigurePart part, TcpState state);

}  // namespace finwave
