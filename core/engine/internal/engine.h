#pragma once
// Internal to core: the protocol machine. It works on a State value it does not own, so the
// Simulator can copy that state for checkpoints and replay it deterministically.

#include "core/engine/internal/sim_state.h"

#include <optional>
#include <utility>

namespace finwave::detail {

enum class AckUrgency : std::uint8_t { Now, MayDelay };
enum class RtoRestart : std::uint8_t { IfIdle, Always };

class Engine {
public:
    // trace == nullptr: record nothing (benchmarks, experiments).
    Engine(State& state, const Scenario& scenario, Trace* trace)
        : m_s(state), m_sc(scenario), m_trace(trace) {}

    void initialize();        // endpoints from the scenario, time-triggered actions queued
    bool runOne();            // run exactly one event; false if none is left (or past horizon)
    void dropSkipped();       // remove stale timer events from the front of the queue
    // The segment dies at `at` (clamped between now and its arrival): where the user clicked it.
    bool dropInFlight(std::uint32_t segmentId, Micros at);
    // The earliest of `sender`'s segments in flight dies now; 0 if none is in flight.
    std::uint32_t dropEarliestInFlight(Side sender);

private:
    // events
    void onApp(const Event& e);
    void onArrive(const Event& e);
    void onDrop(const Event& e);
    void onTimer(const Event& e);
    void scheduleOutput(Side me);

    // input (engine_input.cpp): RFC 9293 §3.10.7
    void receive(Side me, const Segment& seg);
    bool acceptable(const Endpoint& e, const Segment& seg) const;
    void unacceptable(Side me, const Segment& seg);
    bool handleRst(Side me, const Segment& seg);
    bool handleAck(Side me, const Segment& seg, bool finInOrder);
    void takeNewAck(Side me, const Segment& seg);
    bool ackInClosingState(Side me, bool finInOrder);
    // ack: false when a FIN in the same segment follows and its ACK will cover the data too.
    void handleText(Side me, std::uint32_t len, std::uint32_t segAck, bool ack);
    void handleFin(Side me);
    void drainHeld(Side me);
    void hold(Side me, const Segment& seg);
    // Sends the ACK a received segment calls for, now or (MayDelay) after the delayed-ACK
    // time (RFC 9293 §3.8.6.3).
    void acknowledge(Side me, AckUrgency urgency, Reason why);

    // no connection yet, or a new one (engine_open.cpp): RFC 9293 §3.10.7.1-3; row T5
    void receiveWithoutTcb(Side me, const Segment& seg);
    void receiveListen(Side me, const Segment& seg);
    void acceptSyn(Side me, const Segment& seg, Reason why);  // into SYN_RECEIVED, answering SYN,ACK
    void receiveSynSent(Side me, const Segment& seg);
    bool synOpensNewIncarnation(const Endpoint& e, const Segment& seg) const;
    void newIncarnationFromTimeWait(Side me, const Segment& seg);

    // when ACKs leave: Linux delayed-ACK modes (engine_ack.cpp)
    void refillQuickAcks(Side me);
    void enterQuickAckMode(Side me);
    void noteDataReceived(Side me);
    void noteDataSent(Side me);
    void noteAckSent(Side me);
    void delayedAckMissed(Side me);
    Micros delayedAckTime(const Endpoint& e) const;

    // output and application calls (engine_output.cpp)
    // The application (engine_app.cpp): its calls, what they return, the calls it waits in.
    struct CallReturn {
        SocketCall call = SocketCall::None;
        Reason why = Reason::ReturnClosed;
        SocketError error = SocketError::None;
        std::uint64_t bytes = 0;
        bool blocks = false;
    };
    void appCall(Side me, const AppAction& a);
    void appClose(Side me, const AppAction& a);
    void abort(Side me);
    CallReturn whatTheCallReturns(Side me, const AppAction& a);
    void finishCall(Side me, const AppAction& a, const CallReturn& r);
    void callReturns(Side me, SocketCall call, Reason why, SocketError error, std::uint64_t bytes, Micros calledAt);
    void startReading(Side me);
    void appOnEstablished(Side me);
    void appOnData(Side me, std::uint32_t len);
    void appOnFin(Side me);
    void appOnEnd(Side me, TcpState from, CloseCause cause, bool byPeer);
    void output(Side me);
    void sendSyn(Side me);  // SYN (SYN-SENT) or SYN,ACK (SYN-RECEIVED) (§3.5), timed for RTT
    void sendAck(Side me, Reason why);
    bool cancelDelayedAck(Side me);  // true if an ACK was owed (it now rides on what is sent)
    void sendRst(Side me, std::uint32_t seq, std::uint32_t ack, bool withAck, Reason why);
    void transmit(Side from, Segment seg, Reason why);

    // retransmission and the tail-loss probe (engine_rtx.cpp): RFC 6298; RFC 8985 §7
    void retransmit(Side me);
    void sampleRtt(Endpoint& e, std::uint32_t ack);
    void startRtxIfIdle(Side me);
    bool lossProbeAllowed(const Endpoint& e) const;
    void armRetransmission(Side me, RtoRestart restart);
    void sendLossProbe(Side me);

    // windows (engine_window.cpp): RFC 9293 §3.8.6; RFC 5681
    void onNewAck(Side me, std::uint32_t bytesAcked);
    void onRetransmissionTimeout(Endpoint& e);
    bool windowAllows(const Endpoint& e, std::uint32_t& len) const;

    // state (engine.cpp)
    void setState(Side me, TcpState to, Reason why);
    void closeTcb(Side me, Reason why, CloseCause cause, bool byPeer = false);  // byPeer: a RST received
    void freshTcb(Side me, std::uint32_t iss);
    void enterTimeWait(Side me, Reason why);

    // timers (engine_timers.cpp)
    void startFinWait2Timer(Side me);
    void startTimer(Side me, TimerKind k, Micros after, Reason why);
    void stopTimer(Side me, TimerKind k) {  // inline: most calls find the timer idle
        if (timerRunning(me, k))
            stopRunningTimer(me, k);
    }
    void stopRunningTimer(Side me, TimerKind k);
    bool timerRunning(Side me, TimerKind k) const { return ep(m_s, me).timers[timerIndex(k)].running; }
    void trigger(Side me, AppAction::Trigger t);
    void schedule(const Event& e);

    // trace
    bool recording() const { return m_trace != nullptr; }
    TraceRecord base(EventKind kind, Side side, Reason reason) const;
    void note(Side side, Reason reason, const Segment* seg = nullptr);
    void put(const TraceRecord& r);

    // TCP options (engine_options.cpp): RFC 2018, RFC 2883, RFC 7323.
    std::uint32_t tsValueAt(Side side, Micros t) const;  // TSval of `side`'s clock at t
    SegmentOptions stampOptions(Side from, Segment& seg, Reason why);  // sets seg.options
    SegmentOptions sentOptions(const Event& e) const;
    void learnPeerOptions(Side me, const Segment& syn);
    bool pawsRejects(const Endpoint& e, const Segment& seg) const;  // RFC 7323 §5.3
    void noteTimestamp(Side me, const Segment& seg);                 // TS.Recent (RFC 7323 §4.3)
    bool tsNewerThanRecent(const Endpoint& e) const;

    State& m_s;
    const Scenario& m_sc;
    Trace* m_trace;
    bool m_staleArrival = false;  // the segment being processed left in an earlier incarnation
    std::optional<std::uint32_t> m_arrivalTsVal;  // the TSval of the segment being processed
    // A D-SACK block (RFC 2883) the next ACK reports: a duplicate just received.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> m_dsack;
};

}  // namespace finwave::detail

namespace finwave::detail {
// RCV.WND this endpoint advertises (RFC 9293 §3.8.6): its receive buffer less what is unread.
std::uint32_t receiveWindow(const Endpoint& e);
// Windows of a connection that starts: IW = 10 segments (RFC 6928; Linux TCP_INIT_CWND), ssthresh
// "arbitrarily high" (RFC 5681 §3.1; Linux TCP_INFINITE_SSTHRESH), SND.WND the peer's buffer.
void initWindows(Endpoint& e, const ProtocolParams& p);
// RFC 6298 §2 (rfc profile) or Linux's SRTT + max(4 RTTVAR, rto_min) (tcp_set_rto()), capped at rtoMax.
Micros computeRto(const Endpoint& e, const ProtocolParams& p);
}  // namespace finwave::detail
