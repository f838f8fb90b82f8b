// The application's side of each endpoint (RFC 9293 §3.10 user calls, as the Linux socket API
// returns them): the calls of the scenario's actions, what each returns and when, and the calls an
// application is blocked in (connect, accept, a read loop, a write before the connection opens)
// returning when the connection opens, data or a FIN arrives, a RST resets it or it times out.
// docs/protocol.md, "What the application sees", is the table of these returns with their sources.
#include "core/engine/internal/engine.h"

#include <algorithm>

namespace finwave::detail {

namespace {
bool canSend(TcpState s) {  // §3.10.2: SEND is allowed in ESTABLISHED and CLOSE-WAIT
    return s == TcpState::Established || s == TcpState::CloseWait || s == TcpState::SynSent ||
           s == TcpState::SynReceived;
}

Reason appReason(AppAction::Kind k) {
    switch (k) {
    case AppAction::Kind::Listen: return Reason::AppListen;
    case AppAction::Kind::Connect: return Reason::AppConnect;
    case AppAction::Kind::Send: return Reason::AppSend;
    case AppAction::Kind::Read: return Reason::AppRead;
    case AppAction::Kind::Close: return Reason::AppClose;
    case AppAction::Kind::ShutdownWrite: return Reason::AppShutdownWrite;
    case AppAction::Kind::Abort: return Reason::AppAbort;
    }
    return Reason::AppClose;
}
}  // namespace

void Engine::appCall(Side me, const AppAction& a) {
    Endpoint& e = ep(m_s, me);
    Reason why = appReason(a.kind);
    const bool closing = a.kind == AppAction::Kind::Close || a.kind == AppAction::Kind::ShutdownWrite;
    if (a.kind == AppAction::Kind::Send && !canSend(e.state))
        why = Reason::AppSendRefused;  // "error: connection closing" (§3.10.2)
    const bool opening = a.kind == AppAction::Kind::Connect || a.kind == AppAction::Kind::Listen;
    if (opening && e.state != TcpState::Closed)
        why = Reason::AppConnectRefused;  // "error: connection already exists" (§3.10.1)
    if (closing && a.kind == AppAction::Kind::Close && e.lingerZero)
        why = Reason::AppLingerZeroClose;
    if (recording()) {
        TraceRecord r = base(EventKind::App, me, why);
        const std::uint64_t unread = std::min<std::uint64_t>(e.unread, UINT32_MAX);
        r.bytes = a.kind == AppAction::Kind::Send ? a.bytes : (a.kind == AppAction::Kind::Read ? static_cast<std::uint32_t>(unread) : 0);
        put(r);
    }
    // What the call returns is decided by the socket as the call finds it; it is written once the
    // call has done its work (a FIN queued, a state entered), or later if it blocks.
    const CallReturn returns = whatTheCallReturns(me, a);
    switch (a.kind) {
    case AppAction::Kind::Listen:
        if (e.state != TcpState::Closed)
            break;
        freshTcb(me, e.iss);
        setState(me, TcpState::Listen, Reason::ListenOpened);
        break;
    case AppAction::Kind::Connect:
        if (e.state != TcpState::Closed)
            break;
        {
            freshTcb(me, a.iss.value_or(e.iss));
            e.synSent = true;
            e.sndUna = e.iss;
            e.sndNxt = e.iss + 1;
            setState(me, TcpState::SynSent, Reason::SynSentOnConnect);
            sendSyn(me);
        }
        break;
    case AppAction::Kind::Send:
        if (why == Reason::AppSendRefused)
            break;
        e.unsent += a.bytes;
        scheduleOutput(me);
        break;
    case AppAction::Kind::Read: {
        // Reading opens the window; a window that was under one segment is announced at once
        // (receiver silly-window avoidance, RFC 9293 §3.8.6.2.2; Linux tcp_cleanup_rbuf()).
        const bool announce = receiveWindow(e) < m_s.params.mss && e.unread > 0 && e.state != TcpState::Closed;
        e.delivered += e.unread;
        e.unread = 0;
        if (announce)
            sendAck(me, Reason::SendWindowUpdate);
        break;
    }
    case AppAction::Kind::Close:
    case AppAction::Kind::ShutdownWrite:
        appClose(me, a);
        break;
    case AppAction::Kind::Abort:
        abort(me);
        break;
    }
    finishCall(me, a, returns);
}

// CLOSE (§3.10.4) and shutdown(SHUT_WR); close() with SO_LINGER {1,0} aborts (RFC 9293 §3.10.5; Linux tcp_disconnect(); E3).
void Engine::appClose(Side me, const AppAction& a) {
    Endpoint& e = ep(m_s, me);
    const bool isClose = a.kind == AppAction::Kind::Close;
    if (isClose && e.lingerZero) {
        abort(me);
        return;
    }
    const bool startUserTimer = m_s.params.userTimeout > 0;
    switch (e.state) {
    case TcpState::Closed:
        note(me, Reason::AppCloseRefused);
        return;
    case TcpState::Listen:  // §3.10.4 LISTEN: delete the TCB; no peer is involved
        closeTcb(me, Reason::AbortClosed, CloseCause::Graceful);
        return;
    case TcpState::SynSent:
        closeTcb(me, Reason::AbortClosed, CloseCause::Reset);
        return;
    case TcpState::SynReceived:
    case TcpState::Established:
    case TcpState::CloseWait: {
        // E2 / C3 (RFC 9293 §3.6.1 SHLD-3): close() with received data unread sends RST (RFC 2525 §2.17; Linux
        // __tcp_close() counts data bytes only, not the FIN).
        if (isClose && e.unread > 0) {
            sendRst(me, e.sndNxt, e.rcvNxt, m_s.params.rstCarriesAck, Reason::SendRstUnreadData);
            closeTcb(me, Reason::UnreadDataResetClosed, CloseCause::Reset);
            return;
        }
        e.finQueued = true;
        e.orphan = isClose;
        if (e.state == TcpState::CloseWait)
            setState(me, TcpState::LastAck, Reason::CloseEnterLastAck);  // C2
        else
            setState(me, TcpState::FinWait1, Reason::CloseEnterFinWait1);  // E1
        output(me);
        break;
    }
    default:
        // Already closing (F1h, T7): no second FIN. A close() after shutdown() orphans the socket.
        if (isClose && !e.orphan) {
            e.orphan = true;
            if (e.state == TcpState::FinWait2)
                startFinWait2Timer(me);
        } else {
            note(me, Reason::AppCloseRefused);
        }
        return;
    }
    if (startUserTimer && !timerRunning(me, TimerKind::User))
        startTimer(me, TimerKind::User, m_s.params.userTimeout, Reason::TimerUser);
}

// ABORT (§3.10.5; E3, F1j, F2g, C3b): RST in the states that still owe the peer something; none in CLOSING,
// LAST-ACK or TIME-WAIT. Linux sends it as RST+ACK (tcp_send_active_reset()).
void Engine::abort(Side me) {
    Endpoint& e = ep(m_s, me);
    switch (e.state) {
    case TcpState::Closed:
        note(me, Reason::AppCloseRefused);
        return;
    case TcpState::SynReceived:
    case TcpState::Established:
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::CloseWait:
        sendRst(me, e.sndNxt, e.rcvNxt, m_s.params.rstCarriesAck, Reason::SendRstAbort);
        break;
    default:
        break;
    }
    closeTcb(me, Reason::AbortClosed, CloseCause::Reset);
}


// An endpoint whose application reads as data arrives (EndpointSetup::autoRead) is modelled as an
// application looping on a blocking read(): it is in read() from the moment the connection is open
// until a read returns 0 (end of stream) or fails.
void Engine::startReading(Side me) {
    Endpoint& e = ep(m_s, me);
    e.waitingIn = e.autoRead && !e.appClosed ? SocketCall::Read : SocketCall::None;
    e.waitingSince = m_s.now;
}

void Engine::callReturns(Side me, SocketCall call, Reason why, SocketError error, std::uint64_t bytes, Micros calledAt) {
    if (!recording())
        return;
    TraceRecord r = base(EventKind::Return, me, why);
    r.call = call;
    r.error = error;
    r.bytes = static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes, UINT32_MAX));
    r.calledAt = calledAt;
    put(r);
}

namespace {
// The data bytes this end still holds to send: unsent, or sent and not yet acknowledged (the
// SYN and FIN take sequence numbers but are no data).
std::uint64_t queuedBytes(const Endpoint& e) {
    std::uint64_t inFlight = static_cast<std::uint32_t>(e.sndNxt - e.sndUna);
    if (e.finSent && inFlight > 0)
        --inFlight;
    if (e.synSent && e.sndUna == e.iss && inFlight > 0)
        --inFlight;
    return e.unsent + inFlight;
}

Reason errorReason(SocketError error) {
    switch (error) {
    case SocketError::Econnreset: return Reason::ReturnReset;
    case SocketError::Econnrefused: return Reason::ReturnRefused;
    case SocketError::Etimedout: return Reason::ReturnTimedOut;
    default: return Reason::ReturnBrokenPipe;
    }
}
}  // namespace

// Linux's order of checks: a pending error (sk_err, reported once) before anything else; then
// what the call itself finds (tcp_sendmsg(), tcp_recvmsg(), inet_shutdown(), tcp_close()).
Engine::CallReturn Engine::whatTheCallReturns(Side me, const AppAction& a) {
    Endpoint& e = ep(m_s, me);
    const TcpState s = e.state;
    const auto fails = [](SocketCall c, Reason why, SocketError err) { return CallReturn{c, why, err, 0, false}; };
    const auto gives = [](SocketCall c, Reason why, std::uint64_t bytes) { return CallReturn{c, why, SocketError::None, bytes, false}; };
    const auto blocks = [](SocketCall c) { return CallReturn{c, Reason::ReturnRead, SocketError::None, 0, true}; };
    const bool opening = a.kind == AppAction::Kind::Connect || a.kind == AppAction::Kind::Listen;
    if (e.appClosed && !opening)  // its descriptor is gone: the call cannot reach the socket
        return fails(a.kind == AppAction::Kind::Read ? SocketCall::Read : a.kind == AppAction::Kind::Send ? SocketCall::Write
                                                                                                          : SocketCall::Close,
                     Reason::ReturnNotOpen, SocketError::Ebadf);
    const bool pending = e.pendingError != SocketError::None;
    switch (a.kind) {
    case AppAction::Kind::Listen:
        return s == TcpState::Closed ? gives(SocketCall::Listen, Reason::ReturnListening, 0)
                                     : fails(SocketCall::Listen, Reason::ReturnAlreadyConnected, SocketError::Einval);
    case AppAction::Kind::Connect:
        if (s == TcpState::Closed)
            return blocks(SocketCall::Connect);
        return s == TcpState::TimeWait ? fails(SocketCall::Connect, Reason::ReturnAddressInTimeWait, SocketError::Eaddrnotavail)
                                       : fails(SocketCall::Connect, Reason::ReturnAlreadyConnected, SocketError::Eisconn);
    case AppAction::Kind::Send:
        if (pending)
            return fails(SocketCall::Write, errorReason(e.pendingError), e.pendingError);
        if (e.finQueued)
            return fails(SocketCall::Write, Reason::ReturnBrokenPipe, SocketError::Epipe);
        if (s == TcpState::Established || s == TcpState::CloseWait)
            return gives(SocketCall::Write, Reason::ReturnWritten, a.bytes);
        if (s == TcpState::SynSent || s == TcpState::SynReceived)
            return blocks(SocketCall::Write);
        return fails(SocketCall::Write, Reason::ReturnBrokenPipe, SocketError::Epipe);
    case AppAction::Kind::Read:
        if (e.unread > 0)
            return gives(SocketCall::Read, Reason::ReturnRead, e.unread);
        if (pending)
            return fails(SocketCall::Read, errorReason(e.pendingError), e.pendingError);
        if (e.finReceived || e.done)
            return gives(SocketCall::Read, Reason::ReturnEndOfStream, 0);
        if (s == TcpState::Closed || s == TcpState::Listen)
            return fails(SocketCall::Read, Reason::ReturnNotConnected, SocketError::Enotconn);
        return blocks(SocketCall::Read);
    case AppAction::Kind::ShutdownWrite:
        if (s == TcpState::Closed || s == TcpState::Listen)
            return fails(SocketCall::Shutdown, Reason::ReturnNotConnected, SocketError::Enotconn);
        return gives(SocketCall::Shutdown, Reason::ReturnShutdown, 0);
    case AppAction::Kind::Close:
    case AppAction::Kind::Abort: {
        const bool resets = a.kind == AppAction::Kind::Abort || e.lingerZero;
        if (resets)
            return gives(SocketCall::Close, Reason::ReturnClosedDiscarding, queuedBytes(e));
        const bool open = s == TcpState::Established || s == TcpState::CloseWait || s == TcpState::SynReceived;
        if (open && e.unread > 0)
            return gives(SocketCall::Close, Reason::ReturnClosedUnread, e.unread);
        return gives(SocketCall::Close, Reason::ReturnClosed, 0);
    }
    }
    return gives(SocketCall::Close, Reason::ReturnClosed, 0);
}

// After the call has acted: it returns now, or the application waits in it.
void Engine::finishCall(Side me, const AppAction& a, const CallReturn& r) {
    Endpoint& e = ep(m_s, me);
    if (r.error != SocketError::None && r.error == e.pendingError)
        e.pendingError = SocketError::None;  // sk_err is reported once (sock_error())
    if (r.blocks && r.call == SocketCall::Write) {  // until the connection opens, after connect()
        e.pendingWrite += a.bytes;
        e.writeSince = m_s.now;
        return;
    }
    if (r.blocks) {
        e.waitingIn = r.call;
        e.waitingSince = m_s.now;
        if (r.call == SocketCall::Connect)
            e.appClosed = false;  // a new socket, connecting
        return;
    }
    callReturns(me, r.call, r.why, r.error, r.bytes, m_s.now);
    if (r.call == SocketCall::Listen && r.error == SocketError::None) {
        e.appClosed = false;
        e.waitingIn = SocketCall::Accept;  // the server then waits in accept()
        e.waitingSince = m_s.now;
    }
    if (r.call == SocketCall::Close) {
        e.appClosed = true;
        e.waitingIn = SocketCall::None;
    }
}

// The connection opened: a blocked connect() or accept() returns, a write that waited for it
// takes its bytes, and a reading application starts its read loop.
void Engine::appOnEstablished(Side me) {
    Endpoint& e = ep(m_s, me);
    if (e.waitingIn == SocketCall::Connect)
        callReturns(me, SocketCall::Connect, Reason::ReturnConnected, SocketError::None, 0, e.waitingSince);
    if (e.waitingIn == SocketCall::Accept)
        callReturns(me, SocketCall::Accept, Reason::ReturnAccepted, SocketError::None, 0, e.waitingSince);
    if (e.pendingWrite > 0) {
        callReturns(me, SocketCall::Write, Reason::ReturnWritten, SocketError::None, e.pendingWrite, e.writeSince);
        e.pendingWrite = 0;
    }
    startReading(me);
}

// Data arrived in sequence: a blocked read() returns it (a reading loop then reads again).
void Engine::appOnData(Side me, std::uint32_t len) {
    Endpoint& e = ep(m_s, me);
    if (e.waitingIn != SocketCall::Read)
        return;
    std::uint64_t bytes = len;
    if (!e.autoRead) {  // an explicit read() that blocked: it takes what is there
        bytes = e.unread;
        e.delivered += e.unread;
        e.unread = 0;
    }
    callReturns(me, SocketCall::Read, Reason::ReturnRead, SocketError::None, bytes, e.waitingSince);
    e.waitingSince = m_s.now;
    if (!e.autoRead)
        e.waitingIn = SocketCall::None;
}

// The peer's FIN: a blocked read() returns 0, the end of the stream; a reading loop stops there.
void Engine::appOnFin(Side me) {
    Endpoint& e = ep(m_s, me);
    if (e.waitingIn != SocketCall::Read)
        return;
    callReturns(me, SocketCall::Read, Reason::ReturnEndOfStream, SocketError::None, 0, e.waitingSince);
    e.waitingIn = SocketCall::None;
}

// The connection ended without this application's close(): a RST from the peer (ECONNREFUSED to a
// SYN, else ECONNRESET) or retransmissions or a timer giving up (ETIMEDOUT). A blocked call fails
// with it; otherwise the next read or write reports it once (Linux sk_err, tcp_reset(),
// tcp_write_err()); after that a read returns 0 and a write EPIPE (SOCK_DONE).
void Engine::appOnEnd(Side me, TcpState from, CloseCause cause, bool byPeer) {
    Endpoint& e = ep(m_s, me);
    e.done = true;
    if (e.appClosed || (!byPeer && cause != CloseCause::GaveUp && cause != CloseCause::TimedOut))
        return;
    const SocketError err = !byPeer ? SocketError::Etimedout
                                    : from == TcpState::SynSent ? SocketError::Econnrefused : SocketError::Econnreset;
    const SocketCall call = e.waitingIn;
    bool told = false;
    if (call == SocketCall::Read || call == SocketCall::Connect) {
        callReturns(me, call, errorReason(err), err, 0, e.waitingSince);
        e.waitingIn = SocketCall::None;
        told = true;
    }
    if (e.pendingWrite > 0) {
        callReturns(me, SocketCall::Write, errorReason(err), err, 0, e.writeSince);
        e.pendingWrite = 0;
        told = true;
    }
    if (told)
        return;
    if (call != SocketCall::Accept)  // a listener's accept() does not see a child's reset
        e.pendingError = err;
}

}  // namespace finwave::detail
