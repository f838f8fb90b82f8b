#pragma once
// The one table of every state transition the engine can take (docs/protocol.md, "Transitions").
// The engine checks each change of state against it; the state graph, the quiz and the capture
// reader read it. Nothing outside core keeps its own list of edges.

#include "core/protocol/reason.h"
#include "core/protocol/tcp_state.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace finwave {

struct TraceRecord;

struct Transition {
    std::string_view id;       // stable row id of docs/protocol.md: "F1a"
    TcpState from;
    TcpState to;               // == from for a self-loop that teaches something (T1, F1f, L2, G3)
    Reason reason;             // the reason the engine records with it
    std::string_view label;    // "event / action" as RFC 9293 Figure 5 writes it (English source)
    std::string_view section;  // "RFC 9293 §3.10.7.4 Fifth" or "Linux tcp_fin_timeout"
    bool inFigure;             // drawn always (RFC 9293 Figure 5 and the self-loops of TIME_WAIT,
                               // FIN_WAIT_1 and LAST_ACK); else only once taken
    bool linuxOnly;            // only the linux profile takes it

    bool isSelfLoop() const { return from == to; }
};

// Every row, in docs/protocol.md's order.
std::span<const Transition> transitions();
// The row for a change of state (from, to) recorded with `why`; null if the table has none.
const Transition* findTransition(TcpState from, TcpState to, Reason why);
// Whether the table has a row for (from, to, why); a constant-time lookup for the engine.
bool isListedTransition(TcpState from, TcpState to, Reason why);
const Transition* transitionById(std::string_view id);
// Whether at most one end can take the row in one connection: the passive close (E4, then
// CLOSE_WAIT's and LAST_ACK's rows) belongs to the end that received the first FIN while
// ESTABLISHED, and the other end had sent that FIN, so it is already past ESTABLISHED
// (RFC 9293 §3.6 Case 1; in Case 2, the simultaneous close, neither end takes them).
bool oneEndPerConnection(const Transition& t);
// The states a transition from `from` can lead to, in table order, without repeats (self-loops
// included when `withSelfLoops`).
std::vector<TcpState> reachableFrom(TcpState from, bool withSelfLoops = false);
// The row a trace record stands for: a State record's change, or a self-loop (a FIN resent on
// timeout or by the tail-loss probe in FIN_WAIT_1, CLOSING or LAST_ACK; TIME_WAIT restarted by a resent FIN). Null otherwise.
const Transition* transitionOf(const TraceRecord& record);

}  // namespace finwave
