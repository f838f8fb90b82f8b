#pragma once
// The TCP state reconstructor: from the segments of one captured connection, both endpoints' states
// over time, by the rules of core/protocol/transitions.h (the engine's table), as a Trace like a simulated
// run's. What the capture cannot show is marked inferred, with the reason.

#include "core/capture/capture_reader.h"
#include "core/protocol/profile.h"
#include "core/protocol/trace.h"

#include <optional>
#include <vector>

namespace finwave::capture {

enum class Inferred : std::uint8_t {
    No,
    MidConnection,     // the capture starts after the opening: ESTABLISHED is assumed
    ListenAssumed,     // the server was listening before its SYN arrived
    FarEndTime,        // the capture was taken at the other end: half the round trip assumed
    NotCaptured,       // a segment that must have been sent is not in the capture
    CopyUnclear,       // a segment was sent more than once; which copy arrived is inferred
    NotArrived,        // no answer shows this segment arrived: taken as lost
    TimerAfterCapture, // a timer ended the state after the capture (TIME_WAIT's 2MSL assumed)
    TimeoutBeforeRst,  // the endpoint had already closed by timeout: it answered with RST
    GaveUp,            // the FIN was resent with no answer: retries exhausted assumed
    ResetReasonGuess,  // abort or unread data: the RST alone does not say which
    ShortState,        // the state lasted under a millisecond; its time is not resolved
};
std::string_view inferredKey(Inferred why);  // "mid-connection", ... (jsonl "inferred_reason")

struct ReconstructOptions {
    bool rfc1337 = false;            // the hosts ignore RST in TIME_WAIT (Linux default: no)
    Micros timeWait = 60 * kSec;     // assumed TIME_WAIT length (Linux TCP_TIMEWAIT_LEN)
};

// What one end's SYN offered (RFC 9293 §3.7.1 MSS, RFC 7323 window scale and timestamps,
// RFC 2018 SACK-permitted), when the capture holds it.
struct SynOffer {
    bool seen = false;
    std::uint16_t mss = 0;  // 0: none offered
    std::optional<std::uint8_t> windowScale;
    bool sackPermitted = false;
    bool timestamps = false;
    bool linuxOrder = false;  // WireSegment::linuxOrder
};

struct Reconstruction {
    Trace trace;
    std::vector<Inferred> inferred;  // parallel to trace: why a record's state is inferred
    Endpoint endpointA, endpointB;   // A sent the first FIN (or RST); else the client; else the first sender
    std::optional<Side> client;      // who sent the SYN, when the capture has it
    Side near = Side::A;             // the end the capture was taken at (or nearest to)
    Micros roundTrip = 0;            // estimated
    std::int64_t zeroNs = 0;         // capture time of t = 0 (the first packet)
    std::uint32_t issA = 0, issB = 0;  // for Wireshark's relative numbers
    std::vector<std::uint64_t> packetOf;  // segment id - 1 -> packet number in the file (0: not captured)
    bool sackInUse = false;        // both SYNs offered SACK-permitted: Linux then probes a lost tail
    bool timestampsInUse = false;  // both SYNs offered timestamps
    SynOffer offerA, offerB;
    ReconstructOptions assumed;    // what the reconstruction assumed (TIME_WAIT's length, RFC 1337)
    // Whether the hosts look like Linux: every SYN the capture holds has Linux's option order.
    bool looksLikeLinux() const {
        return (offerA.seen || offerB.seen) && (!offerA.seen || offerA.linuxOrder) && (!offerB.seen || offerB.linuxOrder);
    }
};

Reconstruction reconstruct(const std::vector<WireSegment>& segments, const ReconstructOptions& options = {});

// How far `s`'s window field is shifted (RFC 7323 §2.3): by its sender's window scale once both
// SYNs offered one, never in a SYN; nullopt when the capture does not hold both SYNs (the shift
// is then unknown).
std::optional<std::uint8_t> windowShift(const Reconstruction& r, const Segment& s);

// Wireshark's relative numbers for a reconstructed segment.
std::uint32_t relativeSeq(const Reconstruction& r, const Segment& s);
std::uint32_t relativeAck(const Reconstruction& r, const Segment& s);

}  // namespace finwave::capture
