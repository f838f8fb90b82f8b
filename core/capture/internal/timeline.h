#pragma once
// The order of events at each endpoint, inferred from one capture point: which end the capture was
// taken near (it answers at once), the round trip, when each segment left and arrived, and which
// segments were lost. A segment's ACK field says what its sender had received when it sent it
// (RFC 9293 §3.4), which fixes the order where times alone could mislead (crossing FINs); a
// timestamp echo (RFC 7323 §4.3) or a D-SACK block (RFC 2883) says which copy of a resent segment
// arrived; a segment resent after an ACK that covered it says that ACK was lost. A segment the far
// end must have sent but the capture at the receiving end does not hold (its ACK, lost on the way)
// is added, marked not captured.

#include "core/capture/reconstruct.h"
#include "core/protocol/segment.h"
#include "core/protocol/trace.h"

#include <vector>

namespace finwave::capture {

struct EndpointEvent {
    Micros t = 0;
    int rank = 0;          // tie-break at equal t: lower first
    std::size_t seg = 0;   // index into the segment list
    bool send = false;     // else an arrival
    Inferred why = Inferred::No;
};

// A record waiting for its place: sorted by (t, rank, seg, kind, sub). kind: 0 send, 1 arrive,
// 2 drop, 3 after the capture; sub orders the records one event makes.
struct PendingRecord {
    Micros t = 0;
    int rank = 0;
    std::size_t seg = 0;
    int kind = 0;
    int sub = 0;
    TraceRecord record{};
    Inferred why = Inferred::No;
};

struct Timeline {
    Side near = Side::A;
    Micros roundTrip = 0;
    std::vector<Segment> segs;              // the captured segments, then any added (notCaptured)
    std::vector<SegmentOptions> opts;       // parallel to segs
    std::vector<bool> notCaptured;          // added: the capture does not hold it
    std::vector<EndpointEvent> events[2];   // per side, in order
    std::vector<Micros> sentAt, arrivesAt;  // per segment
    std::vector<bool> arrived;              // false: taken as lost
};

inline std::uint32_t seqEnd(const Segment& s) { return s.seq + s.seqSpace(); }
inline bool seqLeq(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) <= 0; }

// `times` in microseconds from the first packet, parallel to `segs` and `opts`. O(n log n).
Timeline buildTimeline(const std::vector<Segment>& segs, const std::vector<SegmentOptions>& opts,
                       const std::vector<Micros>& times);

}  // namespace finwave::capture
