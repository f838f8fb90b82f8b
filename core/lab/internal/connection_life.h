#pragma once
// One lab connection as the engine ran it, reduced to the moments the lab's tables need.

#include "core/lab/lab.h"

#include <vector>

namespace finwave::lab {

// Times are from the connection's connect(); -1: never.
struct ConnectionLife {
    Micros clientOpen = 0, serverOpen = -1;        // the socket exists (client: connect(); server: SYN received)
    Micros clientTimeWait = -1, serverTimeWait = -1;  // enters TIME_WAIT
    Micros clientGone = 0, serverGone = -1;        // the socket is gone (CLOSED, or TIME_WAIT over)
    int resets = 0;                                // RST segments sent, both sides
    bool established = false;                      // the client reached ESTABLISHED
    // Each side's states before TIME_WAIT or the end (LISTEN and CLOSED left out): [from, to).
    struct Span {
        TcpState state;
        Micros from, to;
    };
    std::vector<Span> clientSpans, serverSpans;
};

// The scenario a connection runs: A the client, B the server; `seed` decides its losses.
Scenario connectionScenarioFor(const LabConfig& config, std::uint64_t seed);

// Runs `scenario` to its end in the engine and reads the moments from its trace.
ConnectionLife lifeOf(const Scenario& scenario);

}  // namespace finwave::lab
