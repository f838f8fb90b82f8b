#pragma once

#include "core/protocol/channel.h"
#include "core/protocol/profile.h"
#include "core/protocol/scenario.h"
#include "core/protocol/segment.h"
#include "core/protocol/tcp_state.h"
#include "core/protocol/trace.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace finwave {

// A running timer of one endpoint.
struct TimerView {
    TimerKind kind = TimerKind::None;
    Micros started = 0;
    Micros deadline = 0;
};

// What the inspector shows of one endpoint's TCB (RFC 9293 §3.3.1).
struct TcbView {
    TcpState state = TcpState::Closed;
    std::uint32_t iss = 0, irs = 0;
    std::uint32_t sndUna = 0, sndNxt = 0, rcvNxt = 0;
    std::uint64_t unsentBytes = 0;     // queued by SEND, not yet segmentized
    std::uint64_t unreadBytes = 0;     // received, not yet read by the application
    std::uint64_t deliveredBytes = 0;  // read by the application so far
    std::uint32_t cwnd = 0;            // congestion window, bytes (RFC 5681)
    std::uint32_t ssthresh = 0;        // slow-start threshold, bytes
    std::uint32_t sndWnd = 0;          // SND.WND: the window the peer advertised
    std::uint32_t rcvWnd = 0;          // RCV.WND: the window this end advertises
    Micros rto = 0;
    int retries = 0;                   // retransmissions of the segment at the front of the queue
    bool finSent = false;
    bool finReceived = false;
    bool orphan = false;               // close() was called (Linux orphan rules)
    // The application: the call it is blocked in (None: not in one) and since when, whether it has
    // closed its descriptor, and the error its next read or write will report.
    SocketCall appWaitingIn = SocketCall::None;
    Micros appWaitingSince = 0;
    bool appClosed = false;
    SocketError appPendingError = SocketError::None;
    std::vector<Segment> retransmissionQueue;  // unacknowledged segments, earliest first (first 4096)
    std::vector<TimerView> timers;             // running timers
};

// A segment on the wire at the current moment.
struct InFlight {
    Segment seg;
    Micros sentAt = 0;
    Micros arrivesAt = 0;     // when it would reach the receiver
    bool lost = false;        // the channel has already decided it dies
    Micros lostAt = 0;        // where it dies, if lost
};

struct SimulatorOptions {
    bool recordTrace = true;   // off for benchmarks and large experiments
    bool keepHistory = true;   // checkpoints for stepBack(); off for benchmarks
};

// A change of parameters the run has made so far (a slider or the profile box moved, live or in a
// saved run's recording), with every value in force after it.
struct ParameterChange {
    std::uint64_t step = 0;  // applied after this many events
    ProtocolParams params;
    ChannelParams ab, ba;
};

// The deterministic discrete-event simulator of two endpoints and two channels.
// One step() runs exactly one event; events are ordered by (time, insertion order).
class Simulator {
public:
    explicit Simulator(const Scenario& scenario, SimulatorOptions options = {});
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Back to step 0 of the loaded scenario (what the user did since load is dropped).
    void reset();
    // Back to step 0, keeping the latest value the user set of each parameter (from step 0 on).
    void resetKeepingSettings();
    void load(const Scenario& scenario);
    // Replay mode: the run is a fixed list of records (an imported capture, core/capture), stepped
    // through one step number at a time; nothing is simulated, drops and parameters do nothing.
    // `title` becomes the scenario's title; issA/issB give Wireshark's relative numbers.
    void loadReplay(const Trace& records, std::uint32_t issA, std::uint32_t issB, const std::string& title);
    bool isReplay() const;
    // The finest time step a view must show to tell this run's events apart: 1 µs when two events
    // can be less than a millisecond apart and not at the same time (a loopback capture, a
    // scenario with a sub-millisecond delay), else 1 ms.
    Micros timeGrain() const;
    const Scenario& scenario() const;

    bool step();                 // run one event; false if none is left
    bool stepBack();             // restore the state before the last event; false at step 0
    void seek(std::uint64_t step);  // step back or forward until stepIndex() == step (or the end)
    std::uint64_t runToEnd(std::uint64_t maxSteps = 1'000'000);  // returns steps run
    void runUntil(Micros t);     // run every event with time <= t

    bool isFinished() const;     // no event left
    std::uint64_t stepIndex() const;  // number of events run so far
    Micros now() const;
    std::optional<Micros> nextEventTime() const;
    Outcome outcome() const;

    const Trace& trace() const;
    TcbView tcb(Side side) const;
    TcpState state(Side side) const;
    std::vector<InFlight> inFlight() const;
    std::uint32_t iss(Side side) const;

    // Relative numbers as Wireshark shows them: seq from the sender's ISS,
    // ack from the receiver's ISS, each as it was when the segment left (a new incarnation may
    // have changed it since).
    std::uint32_t issAt(Side side, std::uint32_t segmentId) const;
    std::uint32_t relativeSeq(const Segment& s) const;
    std::uint32_t relativeAck(const Segment& s) const;

    // Changes apply from the current moment. Any future that was reached before a step back
    // is discarded: the next step follows the new parameters. Each change, drop and drop-next is
    // recorded at the current step (recording()); a step back past one takes it out of the run and
    // the recording, except that a parameter the user set then still holds: it is recorded again
    // at the step returned to, as the sliders still show it.
    void setChannel(Direction dir, const ChannelParams& params);
    ChannelParams channel(Direction dir) const;
    void setParams(const ProtocolParams& params);
    const ProtocolParams& params() const;
    void setSeed(std::uint64_t seed);  // takes effect on reset()
    // The window's "click to drop": the segment dies at `at` (the cursor's time; clamped between
    // now and its arrival, so time never goes back), or now.
    bool dropInFlight(std::uint32_t segmentId, std::optional<Micros> at = std::nullopt);
    // "Drop A's (B's) next segment": the earliest of its segments in flight dies now (its id is
    // returned); with none in flight, the next one it sends is lost (0 is returned, and
    // isDropNextArmed() says so until then).
    std::uint32_t dropNext(Side sender);
    bool isDropNextArmed(Side sender) const;

    // Record and replay (scenario format version 2). The recording is the loaded scenario's
    // (replayed at its steps) plus what the user did since; recordedRun() is the scenario that
    // replays this run exactly: the loaded one with that recording.
    const std::vector<Interaction>& recording() const;
    // The recording's parameter changes up to the current step, one per step (the values after the
    // last change of that step), from step 1 on: a change before the first event is what the whole
    // run holds, which the diagram's header says.
    std::vector<ParameterChange> parameterChanges() const;
    bool hasLiveInteractions() const;  // the user did something since load or reset
    Scenario recordedRun() const;
    // The run was saved: its recording becomes the scenario's own (a step back no longer takes
    // any of it away) and hasLiveInteractions() is false until the user does something again.
    void commitRecording();
    // Teacher's notes on steps; empty text removes the note. Part of recordedRun().
    void setAnnotation(std::uint64_t step, const std::string& text);
    const std::string* annotation(std::uint64_t step) const;  // nullptr: none

    // Statistics for experiments.
    int retransmissions() const;
    // Changes of state the engine made that core/protocol/transitions.cpp does not list (should be 0).
    int unlistedTransitions() const;
    // Entries in the event queue: segments in flight, timers, pending calls (bounded by the windows).
    std::size_t pendingEvents() const;
    std::optional<Micros> bothClosedAt() const;
    // Bytes held for stepping back (the checkpoints); grows with the steps run, a small constant each.
    std::size_t historyBytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace finwave
