// The transition table. Row ids are docs/protocol.md's; labels are translated by the app
// (FINWAVE_TR marks them for lupdate and expands to the English text here).
#include "core/protocol/transitions.h"

#include "core/protocol/trace.h"

#include <algorithm>
#include <array>

#define FINWAVE_TR(context, text) text

namespace finwave {

namespace {
using S = TcpState;
using R = Reason;

constexpr const char* kRst = FINWAVE_TR("StateGraph", "rcv RST");
constexpr const char* kAbort = FINWAVE_TR("StateGraph", "ABORT / snd RST");
constexpr const char* kAbortQuiet = FINWAVE_TR("StateGraph", "ABORT / delete TCB");
constexpr const char* kUnread = FINWAVE_TR("StateGraph", "CLOSE, data unread / snd RST");
constexpr const char* kDataAfterClose = FINWAVE_TR("StateGraph", "rcv data after close / snd RST");
constexpr const char* kGaveUp = FINWAVE_TR("StateGraph", "retries exhausted");
constexpr const char* kUserTimeout = FINWAVE_TR("StateGraph", "user timeout");
constexpr const char* kResendFin = FINWAVE_TR("StateGraph", "timeout RTO / snd FIN again");
constexpr const char* kAckOfFin = FINWAVE_TR("StateGraph", "rcv ACK of FIN / x");
constexpr const char* kFinAck = FINWAVE_TR("StateGraph", "rcv FIN / snd ACK");
constexpr const char* kCloseFin = FINWAVE_TR("StateGraph", "CLOSE / snd FIN");

constexpr const char* kSecRst = "RFC 9293 §3.10.7.4 Second";
constexpr const char* kSecAbort = "RFC 9293 §3.10.5";
constexpr const char* kSecGiveUp = "RFC 9293 §3.8.3; §3.10.8";
constexpr const char* kSecUser = "RFC 9293 §3.10.8 USER TIMEOUT";
constexpr const char* kSecUnread = "RFC 9293 §3.6.1 SHLD-3; RFC 2525 §2.17";
constexpr const char* kSecRtx = "RFC 9293 §3.10.8; RFC 6298 (5.4)-(5.6)";

// clang-format off
constexpr Transition kTable[] = {
    // Opening (RFC 9293 §3.5, §3.10.1, §3.10.7.2, §3.10.7.3)
    {"O1", S::Closed, S::Listen, R::ListenOpened, FINWAVE_TR("StateGraph", "passive OPEN"), "RFC 9293 §3.10.1", true, false},
    {"O2", S::Closed, S::SynSent, R::SynSentOnConnect, FINWAVE_TR("StateGraph", "active OPEN / snd SYN"), "RFC 9293 §3.10.1", true, false},
    {"O3", S::Listen, S::SynReceived, R::SynReceived, FINWAVE_TR("StateGraph", "rcv SYN / snd SYN,ACK"), "RFC 9293 §3.10.7.2", true, false},
    {"O4", S::SynSent, S::SynReceived, R::SynReceived, FINWAVE_TR("StateGraph", "rcv SYN / snd SYN,ACK"), "RFC 9293 §3.10.7.3 (simultaneous open)", true, false},
    {"O5", S::SynSent, S::Established, R::EstablishedActive, FINWAVE_TR("StateGraph", "rcv SYN,ACK / snd ACK"), "RFC 9293 §3.10.7.3", true, false},
    {"O6", S::SynReceived, S::Established, R::EstablishedPassive, FINWAVE_TR("StateGraph", "rcv ACK of SYN / x"), "RFC 9293 §3.10.7.4 Fifth", true, false},
    {"O7", S::SynReceived, S::FinWait1, R::CloseEnterFinWait1, kCloseFin, "RFC 9293 §3.10.4 SYN-RECEIVED", true, false},
    {"O8", S::SynReceived, S::CloseWait, R::FinEnterCloseWait, kFinAck, "RFC 9293 §3.10.7.4 Eighth", false, false},
    {"O9", S::Listen, S::Closed, R::AbortClosed, FINWAVE_TR("StateGraph", "CLOSE / delete TCB"), "RFC 9293 §3.10.4 LISTEN", false, false},
    {"O10", S::SynSent, S::Closed, R::AbortClosed, FINWAVE_TR("StateGraph", "CLOSE / delete TCB"), "RFC 9293 §3.10.4 SYN-SENT", false, false},
    {"O11", S::SynSent, S::Closed, R::RstReceivedClosed, kRst, "RFC 9293 §3.10.7.3", false, false},
    {"O12", S::SynSent, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},
    {"O13", S::SynReceived, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"O14", S::SynReceived, S::Closed, R::AbortClosed, kAbort, kSecAbort, false, false},
    {"O15", S::SynReceived, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},
    {"O16", S::SynReceived, S::Closed, R::UnreadDataResetClosed, kUnread, kSecUnread, false, false},

    // ESTABLISHED
    {"E1", S::Established, S::FinWait1, R::CloseEnterFinWait1, kCloseFin, "RFC 9293 §3.10.4; §3.6 Case 1", true, false},
    {"E2", S::Established, S::Closed, R::UnreadDataResetClosed, kUnread, kSecUnread, false, false},
    {"E3", S::Established, S::Closed, R::AbortClosed, kAbort, kSecAbort, false, false},
    {"E4", S::Established, S::CloseWait, R::FinEnterCloseWait, kFinAck, "RFC 9293 §3.10.7.4 Eighth", true, false},
    {"E5", S::Established, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"E6", S::Established, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},

    // FIN-WAIT-1
    {"F1a", S::FinWait1, S::FinWait2, R::FinAckedEnterFinWait2, kAckOfFin, "RFC 9293 §3.10.7.4 Fifth", true, false},
    {"F1c", S::FinWait1, S::Closing, R::FinCrossedEnterClosing, kFinAck, "RFC 9293 §3.10.7.4 Eighth; §3.6 Case 3", true, false},
    {"F1d", S::FinWait1, S::TimeWait, R::FinAckAndFinEnterTimeWait, FINWAVE_TR("StateGraph", "rcv FIN+ACK / snd ACK"), "RFC 9293 §3.10.7.4 Eighth; Figure 5 note 2", true, false},
    {"F1e", S::FinWait1, S::Closed, R::DataAfterCloseResetClosed, kDataAfterClose, "RFC 9293 §3.6.1 SHLD-3; Linux tcp_rcv_state_process()", false, true},
    {"F1f", S::FinWait1, S::FinWait1, R::Retransmit, kResendFin, kSecRtx, true, false},
    {"F1g", S::FinWait1, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},
    {"F1i", S::FinWait1, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"F1j", S::FinWait1, S::Closed, R::AbortClosed, kAbort, kSecAbort, false, false},
    {"F1k", S::FinWait1, S::Closed, R::UserTimeoutClosed, kUserTimeout, kSecUser, false, false},
    {"F2e", S::FinWait1, S::Closed, R::Linger2ResetClosed, FINWAVE_TR("StateGraph", "rcv ACK of FIN, TCP_LINGER2 < 0 / snd RST"), "Linux __tcp_close(), tcp_rcv_state_process()", false, true},

    // FIN-WAIT-2
    {"F2a", S::FinWait2, S::TimeWait, R::FinEnterTimeWait, kFinAck, "RFC 9293 §3.10.7.4 Eighth", true, false},
    {"F2b", S::FinWait2, S::Closed, R::DataAfterCloseResetClosed, kDataAfterClose, "RFC 9293 §3.6.1 SHLD-3; Linux tcp_rcv_state_process()", false, true},
    {"F2d", S::FinWait2, S::Closed, R::FinWait2TimeoutClosed, FINWAVE_TR("StateGraph", "tcp_fin_timeout (Linux)"), "Linux tcp_fin_timeout, tcp_fin_time()", false, true},
    {"F2f", S::FinWait2, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"F2g", S::FinWait2, S::Closed, R::AbortClosed, kAbort, kSecAbort, false, false},
    {"F2h", S::FinWait2, S::Closed, R::UserTimeoutClosed, kUserTimeout, kSecUser, false, false},

    // CLOSE-WAIT
    {"C2", S::CloseWait, S::LastAck, R::CloseEnterLastAck, kCloseFin, "RFC 9293 §3.10.4; RFC 1122 §4.2.2.20(a)", true, false},
    {"C3", S::CloseWait, S::Closed, R::UnreadDataResetClosed, kUnread, kSecUnread, false, false},
    {"C3b", S::CloseWait, S::Closed, R::AbortClosed, kAbort, kSecAbort, false, false},
    {"C5", S::CloseWait, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"C6", S::CloseWait, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},

    // CLOSING
    {"G1", S::Closing, S::TimeWait, R::ClosingAckedEnterTimeWait, kAckOfFin, "RFC 9293 §3.10.7.4 Fifth", true, false},
    {"G3", S::Closing, S::Closing, R::Retransmit, kResendFin, kSecRtx, false, false},
    {"G4", S::Closing, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"G5", S::Closing, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},
    {"G6", S::Closing, S::Closed, R::AbortClosed, kAbortQuiet, kSecAbort, false, false},
    {"G7", S::Closing, S::Closed, R::UserTimeoutClosed, kUserTimeout, kSecUser, false, false},

    // LAST-ACK
    {"L1", S::LastAck, S::Closed, R::LastAckAckedClosed, kAckOfFin, "RFC 9293 §3.10.7.4 Fifth", true, false},
    {"L2", S::LastAck, S::LastAck, R::Retransmit, kResendFin, kSecRtx, true, false},
    {"L4", S::LastAck, S::Closed, R::RstReceivedClosed, kRst, kSecRst, false, false},
    {"L5", S::LastAck, S::Closed, R::RetriesExhaustedClosed, kGaveUp, kSecGiveUp, false, false},
    {"L6", S::LastAck, S::Closed, R::AbortClosed, kAbortQuiet, kSecAbort, false, false},
    {"L7", S::LastAck, S::Closed, R::UserTimeoutClosed, kUserTimeout, kSecUser, false, false},

    // TIME-WAIT
    {"T1", S::TimeWait, S::TimeWait, R::TimeWaitRestarted, FINWAVE_TR("StateGraph", "rcv FIN again / snd ACK, restart 2MSL"), "RFC 9293 §3.10.7.4 Fifth and Eighth", true, false},
    {"T3", S::TimeWait, S::Closed, R::RstKilledTimeWait, kRst, "RFC 9293 §3.10.7.4 Second; RFC 1337 §1", false, false},
    {"T5", S::TimeWait, S::SynReceived, R::TimeWaitNewIncarnation, FINWAVE_TR("StateGraph", "rcv SYN above RCV.NXT / snd SYN,ACK"), "RFC 9293 §3.6.1 MAY-2; RFC 6191; Linux tcp_timewait_state_process()", false, true},
    {"T6", S::TimeWait, S::Closed, R::TimeWaitExpired, FINWAVE_TR("StateGraph", "timeout 2MSL / delete TCB"), "RFC 9293 §3.10.8", true, false},
    {"T7", S::TimeWait, S::Closed, R::AbortClosed, kAbortQuiet, kSecAbort, false, false},
    {"T8", S::TimeWait, S::Closed, R::UserTimeoutClosed, kUserTimeout, kSecUser, false, false},
};
// clang-format on
}  // namespace

std::span<const Transition> transitions() { return kTable; }

const Transition* findTransition(TcpState from, TcpState to, Reason why) {
    for (const Transition& t : kTable)
        if (t.from == from && t.to == to && t.reason == why)
            return &t;
    return nullptr;
}

namespace {
using ListedBits = std::array<std::array<std::array<bool, kReasonCount>, kTcpStateCount>, kTcpStateCount>;
constexpr ListedBits kListed = [] {  // built at compile time: the engine asks on every change of state
    ListedBits b{};
    for (const Transition& t : kTable)
        b[static_cast<int>(t.from)][static_cast<int>(t.to)][static_cast<int>(t.reason)] = true;
    return b;
}();
}  // namespace

bool isListedTransition(TcpState from, TcpState to, Reason why) {
    return kListed[static_cast<int>(from)][static_cast<int>(to)][static_cast<int>(why)];
}

bool oneEndPerConnection(const Transition& t) {
    return t.from == TcpState::CloseWait || t.from == TcpState::LastAck ||
           (t.from == TcpState::Established && t.to == TcpState::CloseWait);
}

const Transition* transitionById(std::string_view id) {
    for (const Transition& t : kTable)
        if (t.id == id)
            return &t;
    return nullptr;
}

std::vector<TcpState> reachableFrom(TcpState from, bool withSelfLoops) {
    std::vector<TcpState> out;
    for (const Transition& t : kTable) {
        if (t.from != from || (t.isSelfLoop() && !withSelfLoops))
            continue;
        if (std::find(out.begin(), out.end(), t.to) == out.end())
            out.push_back(t.to);
    }
    return out;
}

const Transition* transitionOf(const TraceRecord& r) {
    if (r.kind == EventKind::State)
        return findTransition(r.from, r.to, r.reason);
    if (r.side == Side::Net)
        return nullptr;
    const TcpState now = r.side == Side::A ? r.stateA : r.stateB;
    // A FIN sent again on RTX expiry or by the tail-loss probe (F1f, G3, L2): its send record.
    const bool resent = r.reason == Reason::Retransmit || r.reason == Reason::TailLossProbe;
    if (r.kind == EventKind::Send && resent && r.hasSegment && r.seg.has(flag::Fin))
        return findTransition(now, now, Reason::Retransmit);
    // TIME-WAIT restarted by a resent FIN (T1): the engine notes it after its ACK.
    if (r.kind == EventKind::Note && r.reason == Reason::TimeWaitRestarted)
        return findTransition(now, now, Reason::TimeWaitRestarted);
    return nullptr;
}

}  // namespace finwave
