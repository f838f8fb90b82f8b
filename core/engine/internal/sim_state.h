#pragma once
// Internal to core: the whole mutable state of a run as one copyable value, so that
// checkpoints for step back are plain copies.

#include "core/protocol/channel.h"
#include "core/protocol/profile.h"
#include "core/engine/rng.h"
#include "core/protocol/scenario.h"
#include "core/protocol/segment.h"
#include "core/protocol/tcp_state.h"
#include "core/protocol/trace.h"

#include <array>
#include <cstdint>
#include <vector>

namespace finwave::detail {

inline constexpr int kTimerCount = 6;  // indexes are TimerKind - 1
inline constexpr int timerIndex(TimerKind k) { return static_cast<int>(k) - 1; }

// A timer keeps at most one live entry in the event queue (the one whose generation matches).
// Restarting it later than that entry leaves the entry in place; when it reaches the front it is
// moved to the new deadline. So an ACK that restarts the RTO costs no queue entry, and the queue
// stays bounded by what is in flight.
struct Timer {
    Micros started = 0;
    Micros deadline = 0;
    Micros queuedFor = -1;         // time of the live queue entry; -1 when there is none
    std::uint32_t generation = 0;  // identifies the live entry; older entries are skipped
    bool running = false;
};

// Why an endpoint reached CLOSED, for Simulator::outcome().
enum class CloseCause : std::uint8_t { None, Graceful, Reset, GaveUp, TimedOut };

// A segment received above RCV.NXT, held for later (RFC 9293 §3.10.7.4 SHLD-31).
struct Held {
    std::uint32_t seq = 0;
    std::uint32_t len = 0;
    std::uint32_t ack = 0;
    bool fin = false;
};

// One endpoint's TCB plus what its application has done (RFC 9293 §3.3.1).
struct Endpoint {
    TcpState state = TcpState::Closed;
    std::uint32_t iss = 0, irs = 0;
    std::uint32_t sndUna = 0, sndNxt = 0, rcvNxt = 0;
    std::uint32_t finSeq = 0;            // sequence number our FIN occupies, once sent
    std::uint64_t unsent = 0;            // bytes queued by SEND, not yet segmentized (64 bits: never wraps)
    std::uint64_t unread = 0;            // bytes received, not yet read
    std::uint64_t delivered = 0;         // bytes read by the application
    std::uint32_t cwnd = 0;              // congestion window, bytes (RFC 5681 §3.1)
    std::uint32_t ssthresh = 0;          // slow-start threshold, bytes
    std::uint32_t sndWnd = 0;            // SND.WND: the peer's advertised window (RFC 9293 §3.3.1)
    std::uint32_t rttSeq = 0;            // RTT measurement: ACK at or above this ends it
    Micros rttSentAt = 0;
    Micros srtt = 0, rttvar = 0, rto = 0;
    Micros rtoFallback = 0;              // RFC 6298 (5.7): 3 s after a retransmitted SYN, until a sample
    Micros frontFirstSent = 0;           // first transmission of the segment at SND.UNA
    int retries = 0;                     // retransmissions of that segment
    std::uint32_t probeHighSeq = 0;      // SND.NXT when the tail-loss probe left (Linux tlp_high_seq)
    int quickAcks = 0;                   // Linux icsk_ack.quick: immediate ACKs left in quick-ack mode
    Micros ato = 0;                      // Linux icsk_ack.ato; 0 until the first data segment
    Micros lastReceivedAt = 0;           // Linux icsk_ack.lrcvtime: last data segment received
    bool pingpong = false;               // Linux interactive mode: ACKs wait for a reply
    int heldCount = 0;
    std::uint16_t incarnation = 0;       // connections this endpoint has begun (1 = the first)
    std::array<Held, 8> held{};
    std::array<Timer, kTimerCount> timers{};
    CloseCause cause = CloseCause::None;
    Micros closedAt = -1;
    bool synSent = false;                // our SYN occupies ISS
    bool synRetransmitted = false;       // the SYN or SYN,ACK was sent again (RFC 6298 (5.7))
    bool finQueued = false;              // CLOSE or shutdown called: FIN follows the data
    bool finSent = false;
    bool finReceived = false;
    bool orphan = false;                 // close() (not shutdown): Linux orphan rules apply
    bool ackPending = false;             // a delayed ACK is owed
    bool outputPending = false;          // an Output event is queued
    bool rttPending = false;
    bool probeOutstanding = false;       // a tail-loss probe is unanswered: no second one
    bool haveRtt = false;
    bool lingerZero = false;
    bool linger2Negative = false;
    bool listenAgain = false;            // a listener outlives the connection (EndpointSetup)
    bool autoRead = true;
    bool dataSeen = false;
    bool allAckedSeen = false;
    // TCP options (RFC 2018, RFC 7323): what this end offers in its SYN, what the peer's SYN offered,
    // and so what the connection uses (both offered). TS.Recent is the peer's latest TSval this
    // end echoes (RFC 7323 §4.3).
    bool offersSack = true, offersTimestamps = true;
    bool peerSack = false, peerTimestamps = false;
    bool sackOk = false, tsOk = false;
    bool tsRecentValid = false;
    std::uint32_t tsRecent = 0;
    // The application (engine_app.cpp): the call it is blocked in and since when, a write waiting
    // for the connection to open, an error to report at its next call (Linux sk_err), whether the
    // connection is over (SOCK_DONE) and whether it has closed its descriptor.
    SocketCall waitingIn = SocketCall::None;
    Micros waitingSince = 0;
    std::uint32_t pendingWrite = 0;
    Micros writeSince = 0;
    SocketError pendingError = SocketError::None;
    bool done = false;
    bool appClosed = false;
};

// Output: queued data leaves, as an event of its own;
// a CLOSE in the same instant therefore sends the FIN on the last data segment (RFC 9293 §3.10.4; Linux tcp_send_fin()).
enum class EventType : std::uint8_t { App, Arrive, Drop, Timer, Output };

// 64 bytes, so the heap moves one cache line per event.
struct Event {
    Micros t = 0;
    std::uint32_t order = 0;    // insertion order breaks ties (a run schedules far fewer than 2^32)
    std::uint32_t sendRecord = 0;  // Arrive/Drop: the trace index of the segment's Send record
    Micros sentAt = 0;          // Arrive/Drop: when the segment left
    Micros arrivesAt = 0;       // Arrive/Drop: when it would have arrived
    Segment seg{};              // InjectRst: seg.seq holds the offset from the receiver's RCV.NXT
    std::uint32_t tag = 0;      // Timer: generation; App: action index; Arrive/Drop: sender's incarnation
    EventType type = EventType::App;
    Side side = Side::A;        // App/Timer: whose; Arrive: receiver
    TimerKind timer = TimerKind::None;
    bool duplicate : 1 = false;
    bool forged : 1 = false;    // InjectRst: SEG.SEQ is set from RCV.NXT when it arrives
    std::uint8_t loss : 2 = 0;  // Drop: 0 random, 1 targeted, 2 by the user
};
static_assert(sizeof(Event) == 64);

inline Reason dropReason(const Event& e) {
    return e.loss == 0 ? Reason::LostRandom : e.loss == 1 ? Reason::LostTargeted : Reason::LostByUser;
}
inline void setDropReason(Event& e, Reason r) {
    e.loss = r == Reason::LostRandom ? 0 : r == Reason::LostTargeted ? 1 : 2;
}

// An endpoint took a new ISS (a new incarnation): segments from `firstSegmentId` on number from it.
struct IssChange {
    std::uint32_t firstSegmentId = 0;
    std::uint32_t iss = 0;
    Side side = Side::A;
};

struct ChannelState {
    ChannelParams params;
    std::uint32_t sent = 0;  // segments sent in this direction so far
};

struct State {
    std::array<Endpoint, 2> ep{};
    std::array<ChannelState, 2> channel{};
    ProtocolParams params;
    std::vector<Event> queue;               // binary heap, earliest first
    std::vector<std::uint32_t> faultHits;   // per Fault: segments taken (drop-first-matching) or seen of its kind (drop-nth)
    std::vector<std::uint8_t> actionArmed;  // per AppAction: scheduled already
    std::vector<IssChange> issChanges;      // in order; empty unless a connection reopens
    Rng rng;
    Micros now = 0;
    std::uint64_t step = 0;
    std::uint64_t nextOrder = 0;
    std::uint32_t nextSegmentId = 1;
    std::uint32_t retransmissions = 0;
    std::uint32_t unlistedTransitions = 0;  // state changes missing from the transition table
    std::size_t traceSize = 0;
    std::array<bool, 2> dropNextArmed{};    // the user asked to drop this side's next segment
};

inline bool isLinux(const ProtocolParams& p) { return p.profile == Profile::Linux; }

inline Endpoint& ep(State& s, Side side) { return s.ep[side == Side::A ? 0 : 1]; }
inline const Endpoint& ep(const State& s, Side side) { return s.ep[side == Side::A ? 0 : 1]; }

// RFC 9293 §3.10.7.4 Fifth: "our FIN is now acknowledged".
inline bool ourFinAcked(const Endpoint& e) { return e.finSent && e.sndUna == e.finSeq + 1; }

// Modular sequence comparisons (RFC 9293 §3.4).
inline bool seqLt(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) < 0; }
inline bool seqLe(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) <= 0; }

}  // namespace finwave::detail
