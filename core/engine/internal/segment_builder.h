#pragma once
// Internal to core: the one place that cuts an endpoint's sequence space into segments. Output,
// retransmission, the tail-loss probe and the TCB view all build their segments here, so a
// segment resent on timeout is the segment the inspector lists.

#include "core/engine/internal/sim_state.h"

#include <vector>

namespace finwave::detail {

// A segment that starts at `seq` and carries `len` data bytes, with the FIN after them if `fin`:
// ACK = RCV.NXT (RFC 9293 §3.8: every segment after the handshake carries it), PSH on data.
Segment dataSegment(const Endpoint& e, std::uint32_t seq, std::uint32_t len, bool fin);

// The segment of the retransmission queue [SND.UNA, SND.NXT) that starts at `seq`: the SYN (or
// SYN,ACK) at ISS, else data cut at `mss` up to the FIN, which rides on the last data segment.
Segment queuedSegmentAt(const Endpoint& e, std::uint32_t seq, std::uint32_t mss);

// Where the last segment of the retransmission queue starts (RFC 8985 §7.3: the probe resends it).
std::uint32_t lastQueuedSegmentStart(const Endpoint& e, std::uint32_t mss);

// Segments in [SND.UNA, SND.NXT), counted as queuedSegmentAt cuts them (Linux packets_out).
std::uint32_t queuedSegmentCount(const Endpoint& e, std::uint32_t mss);

// Every segment of the retransmission queue, earliest first (at most `limit` of them).
std::vector<Segment> retransmissionQueue(const Endpoint& e, std::uint32_t mss, std::size_t limit);

}  // namespace finwave::detail
