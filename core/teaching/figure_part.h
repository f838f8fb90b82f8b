#pragma once
// Which part of RFC 9293 Figure 5 the state graph draws, so it draws what the run can show and
// draws it large enough to read from the back of a classroom. A run that starts ESTABLISHED on
// both sides and never opens a connection can only reach the closing states (RFC 9293 §3.6,
// §3.10.4, §3.10.7.4). A run that opens is drawn in two parts in turn: the opening (§3.5, the
// three-way handshake) until the close begins, then the closing.

#include "core/protocol/tcp_state.h"

namespace finwave {

struct Scenario;
class Trace;

enum class FigurePart {
    Closing,  // ESTABLISHED, FIN_WAIT_1/2, CLOSING, TIME_WAIT, CLOSE_WAIT, LAST_ACK and CLOSED
    Whole,    // all eleven states
    Opening,  // CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED and ESTABLISHED
    // The closing part and LISTEN: one end has closed and listens again (a passive OPEN,
    // RFC 9293 §3.10.1) while the other is still closing, as in old-duplicate, where B listens
    // while A waits in TIME_WAIT. Neither end is in SYN_SENT or SYN_RECEIVED.
    ClosingWithListen,
};

// What a run can reach: Closing when both endpoints start ESTABLISHED, neither listens again, and
// no action opens (passive or active OPEN); otherwise Whole (the run may pass LISTEN, SYN_SENT or
// SYN_RECEIVED, including a new incarnation out of TIME_WAIT, row T5, which needs a listener or a
// connect).
FigurePart figurePartFor(const Scenario& scenario);

// The part to draw once `trace` has run: the smallest part that holds both ends' states and the
// change of state just made, so its edge is drawn. A run that starts with an end CLOSED and opens
// is drawn in the opening part through the handshake and the data, until an end leaves
// ESTABLISHED for a closing state; then in the closing part. A server listening again while its
// peer is still closing is drawn in the closing part with LISTEN. While no part holds them all (a
// new SYN meeting TIME_WAIT, a CLOSE in SYN_RECEIVED), the whole figure. Told by the records, so a
// replayed capture that opens is drawn like a run that opens.
FigurePart figurePartNow(const Scenario& scenario, const Trace& trace);

// Whether `state` is drawn in `part`.
bool inFigurePart(FigurePart part, TcpState state);

}  // namespace finwave
