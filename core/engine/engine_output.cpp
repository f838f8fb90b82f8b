// Application calls (RFC 9293 §3.10.1–§3.10.5) and what leaves an endpoint: data and FIN as the
// windows allow, SYN, ACK, RST, and every segment handed to the channel (which decides its loss and
// delay). Retransmission is in engine_rtx.cpp.
#include "core/engine/internal/engine.h"
#include "core/engine/internal/segment_builder.h"

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

// Segmentizes queued data and, once it is all out, the FIN (§3.10.4: "Queue this until all
// preceding SENDs have been segmentized"); the FIN rides on the last data segment
// (Linux tcp_send_fin()).
void Engine::output(Side me) {
    Endpoint& e = ep(m_s, me);
    const bool open = e.state == TcpState::Established || e.state == TcpState::CloseWait ||
                      e.state == TcpState::FinWait1 || e.state == TcpState::LastAck ||
                      e.state == TcpState::Closing;
    if (!open)
        return;
    e.outputPending = false;
    const auto start = [&](Segment& seg, Reason plain, Reason piggy) {
        const Reason why = cancelDelayedAck(me) ? piggy : plain;
        if (e.sndUna == e.sndNxt)
            e.frontFirstSent = m_s.now;
        e.sndNxt += seg.seqSpace();
        if (!e.rttPending) {
            e.rttPending = true;
            e.rttSeq = e.sndNxt;
            e.rttSentAt = m_s.now;
        }
        transmit(me, seg, why);
        armRetransmission(me, RtoRestart::IfIdle);
    };
    while (e.unsent > 0) {
        std::uint32_t len = static_cast<std::uint32_t>(std::min<std::uint64_t>(e.unsent, m_s.params.mss));
        if (!windowAllows(e, len))
            return;  // the rest (and a FIN queued behind it) waits for an ACK that opens the window
        e.unsent -= len;
        const bool fin = e.finQueued && !e.finSent && e.unsent == 0;
        Segment seg = dataSegment(e, e.sndNxt, len, fin);
        noteDataSent(me);
        if (fin) {
            e.finSent = true;
            e.finSeq = e.sndNxt + len;
        }
        start(seg, fin ? Reason::SendFinWithData : Reason::SendData,
              fin ? Reason::SendFinWithData : Reason::SendData);
    }
    if (e.finQueued && !e.finSent) {
        Segment seg = dataSegment(e, e.sndNxt, 0, true);  // the FIN carries ACK = RCV.NXT
        e.finSent = true;
        e.finSeq = e.sndNxt;
        start(seg, Reason::SendFin, Reason::SendFinPiggybackAck);
    }
}

void Engine::sendSyn(Side me) {
    Endpoint& e = ep(m_s, me);
    const Segment syn = queuedSegmentAt(e, e.iss, m_s.params.mss);  // SYN, or SYN,ACK in SYN-RECEIVED
    const bool withAck = syn.has(flag::Ack);
    e.frontFirstSent = m_s.now;
    e.rttPending = true;
    e.rttSeq = e.sndNxt;
    e.rttSentAt = m_s.now;
    transmit(me, syn, withAck ? Reason::SendSynAck : Reason::SendSyn);
    startRtxIfIdle(me);
}

// The ACK owed by a delayed-ACK timer rides on whatever segment leaves now.
bool Engine::cancelDelayedAck(Side me) {
    Endpoint& e = ep(m_s, me);
    if (!e.ackPending)
        return false;
    e.ackPending = false;
    stopTimer(me, TimerKind::DelayedAck);
    return true;
}

void Engine::sendAck(Side me, Reason why) {
    Endpoint& e = ep(m_s, me);
    cancelDelayedAck(me);
    Segment seg;
    seg.seq = e.sndNxt;
    seg.ack = e.rcvNxt;
    seg.flags = flag::Ack;
    transmit(me, seg, why);
}

void Engine::sendRst(Side me, std::uint32_t seq, std::uint32_t ack, bool withAck, Reason why) {
    Segment seg;
    seg.seq = seq;
    seg.ack = withAck ? ack : 0;
    seg.flags = flag::Rst | (withAck ? flag::Ack : 0);
    transmit(me, seg, why);
}

// Hands a segment to the channel: targeted faults first, then seeded random loss and jitter.
void Engine::transmit(Side from, Segment seg, Reason why) {
    seg.id = m_s.nextSegmentId++;
    seg.dir = directionFrom(from);
    if (seg.has(flag::Ack) && !seg.has(flag::Rst))
        noteAckSent(from);
    if (!seg.has(flag::Rst))
        seg.wnd = receiveWindow(ep(m_s, from));
    const SegmentOptions opts = stampOptions(from, seg, why);
    const std::size_t sendRecord = m_trace ? m_trace->size() : 0;
    ChannelState& ch = m_s.channel[seg.dir == Direction::AtoB ? 0 : 1];
    const std::uint32_t n = ++ch.sent;
    bool lost = false;
    Reason dropReason = Reason::LostTargeted;
    bool duplicate = false;
    Micros duplicateDelay = 0;
    for (std::size_t i = 0; i < m_sc.faults.size(); ++i) {
        const Fault& f = m_sc.faults[i];
        switch (f.kind) {
        case Fault::Kind::DropNth:
            if (f.dir == seg.dir && f.n == n)
                lost = true;
            break;
        case Fault::Kind::DropFirstMatching: {
            const bool match = f.exactFlags ? seg.flags == f.flags : (seg.flags & f.flags) == f.flags;
            if (!lost && senderOf(f.dir) == from && match && m_s.faultHits[i] < f.count) {
                ++m_s.faultHits[i];
                lost = true;
            }
            break;
        }
        case Fault::Kind::DuplicateNth:
            if (f.dir == seg.dir && f.n == n) {
                duplicate = true;
                duplicateDelay = f.extraDelay;
            }
            break;
        case Fault::Kind::InjectRst:
            break;  // scheduled at the start of the run, not tied to a segment sent
        }
    }
    // "Drop this side's next segment", asked for before it was sent.
    if (bool& armed = m_s.dropNextArmed[from == Side::A ? 0 : 1]; armed && !lost) {
        armed = false;
        lost = true;
        dropReason = Reason::LostByUser;
    }
    const ChannelParams& p = ch.params;
    const Micros delay = p.delay + (p.jitter > 0 ? m_s.rng.uniformInt(p.jitter) : 0);
    if (!lost && p.loss > 0.0 && m_s.rng.uniform() < p.loss) {
        lost = true;
        dropReason = Reason::LostRandom;
    }
    Event e;
    e.seg = seg;
    e.sendRecord = static_cast<std::uint32_t>(sendRecord);
    e.tag = ep(m_s, from).incarnation;
    e.sentAt = m_s.now;
    e.arrivesAt = m_s.now + delay;
    e.side = receiverOf(seg.dir);
    if (lost) {
        e.type = EventType::Drop;
        e.t = m_s.now + delay / 2;  // it dies part way, where the diagram draws the cross
        setDropReason(e, dropReason);
    } else {
        e.type = EventType::Arrive;
        e.t = e.arrivesAt;
    }
    Event d = e;
    if (duplicate) {
        d.type = EventType::Arrive;
        d.duplicate = true;
        d.arrivesAt = m_s.now + delay + duplicateDelay;
        d.t = d.arrivesAt;
    }
    if (recording()) {
        TraceRecord r = base(EventKind::Send, from, why);
        r.seg = seg;
        r.opts = opts;
        r.hasSegment = true;
        // Its flight, as the channel decided it: until its last copy arrives or dies, so a view
        // knows at the send how long the arrow will be.
        r.sentAt = m_s.now;
        r.arrivesAt = std::max(e.t, d.t);
        put(r);
    }
    schedule(e);
    if (duplicate)
        schedule(d);
}

}  // namespace finwave::detail
