#pragma once

#include "core/protocol/profile.h"
#include "core/protocol/reason.h"
#include "core/protocol/segment.h"
#include "core/protocol/socket_call.h"
#include "core/protocol/tcp_state.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace finwave {

// LossProbe: the linux profile's tail-loss probe timer (RFC 8985 §7; Linux ICSK_TIME_LOSS_PROBE).
enum class TimerKind : std::uint8_t { None, Retransmission, TimeWait, DelayedAck, FinWait2, User, LossProbe };
std::string_view timerName(TimerKind t);  // "RTX", "TIME_WAIT", "DELACK", "FIN_WAIT_2", "USER", "TLP"

// What a trace record says happened. jsonl spells these "app", "send", "arrive", "drop",
// "state", "timer-start", "timer-stop", "timer-fire", "note".
enum class EventKind : std::uint8_t {
    App,         // an application call (reason says which; bytes for send/read)
    Send,        // a segment leaves `side`
    Arrive,      // a segment reaches `side`
    Drop,        // a segment dies in the network (side = Net); t is where it died
    State,       // `side` changes state from `from` to `to`
    TimerStart,  // `timer` of `side` (re)started; `deadline` is when it fires
    TimerStop,   // `timer` of `side` cancelled
    TimerFire,   // `timer` of `side` expired
    Note,        // anything else worth a sentence (segment ignored, data accepted, ...)
    Return,      // an application's socket call returns: `call`, `error`, `bytes`, `calledAt`
};
std::string_view eventKindName(EventKind k);

// How a run ended, once no event is left.
enum class Outcome : std::uint8_t { Running, Graceful, Reset, GaveUp, TimedOut, Stuck };
std::string_view outcomeName(Outcome o);  // "running", "graceful", "reset", "gave-up", ...

// One plain record. Appended in order; never changed once written (step back truncates).
struct TraceRecord {
    Micros t = 0;                  // simulated time
    Micros deadline = 0;           // TimerStart: when it fires
    // Arrive and Drop: the segment's flight, so no reader pairs records itself. sentAt is when it
    // left; arrivesAt when it reaches (or, for a Drop, would have reached) the receiver; a Drop's
    // own t is where it died. Send: arrivesAt is when its flight ends as the channel decided it at
    // the send (its last copy's arrival, or where it dies), so a view knows how long the arrow is.
    Micros sentAt = 0;
    Micros arrivesAt = 0;
    Segment seg{};                 // Send, Arrive, Drop, and Notes about a segment
    SegmentOptions opts{};         // the values of seg's options (seg.options says which it carries)
    std::uint32_t step = 0;        // the event (1-based) that produced this record
    std::uint32_t bytes = 0;       // App send/read: byte count
    Reason reason = Reason::Arrive;
    EventKind kind = EventKind::Note;
    Side side = Side::A;
    TcpState stateA = TcpState::Closed;  // states of both ends after this record
    TcpState stateB = TcpState::Closed;
    TcpState from = TcpState::Closed;    // State records
    TcpState to = TcpState::Closed;
    TimerKind timer = TimerKind::None;
    bool hasSegment = false;
    // Return: which call, its errno (None: it succeeded), and when it was made (it blocked until t
    // when calledAt < t). bytes: what read or write returned, or what close threw away.
    SocketCall call = SocketCall::None;
    SocketError error = SocketError::None;
    Micros calledAt = 0;
};

// What a Return record's call returned: -1 on an error, the bytes of a read or write, else 0.
long long returnValue(const TraceRecord& r);

// Append-only list of records.
class Trace {
public:
    void append(const TraceRecord& r) { m_records.push_back(r); }
    void truncate(std::size_t n) {
        if (n < m_records.size())
            m_records.resize(n);
    }
    void clear() { m_records.clear(); }
    void reserve(std::size_t n) { m_records.reserve(n); }
    std::size_t size() const { return m_records.size(); }
    bool empty() const { return m_records.empty(); }
    const TraceRecord& operator[](std::size_t i) const { return m_records[i]; }
    const std::vector<TraceRecord>& records() const { return m_records; }
    auto begin() const { return m_records.begin(); }
    auto end() const { return m_records.end(); }

private:
    std::vector<TraceRecord> m_records;
};

// One segment's life in a trace: the Send record and the Arrive or Drop that ended it (an old
// duplicate's late arrival ends its own copy), as far as the trace holds them.
struct SegmentRecords {
    std::optional<std::size_t> send, end;
};
// For record `i`, a Send, Arrive or Drop; nothing for any other record.
SegmentRecords segmentRecords(const Trace& trace, std::size_t i);

}  // namespace finwave
