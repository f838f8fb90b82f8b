// What leaves an endpoint: data and FIN as the windows allow, SYN, ACK, RST, and every segment
// handed to the channel (which decides its loss and delay). The application's calls are in
// engine_app.cpp, retransmission in engine_rtx.cpp.
#include "core/engine/internal/engine.h"
#include "core/engine/internal/segment_builder.h"

#include <algorithm>

namespace finwave::detail {

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
        case Fault::Kind::DropNth: {
            // Counted among the segments of its kind only (faultHits: how many were seen).
            const bool match = f.exactFlags ? seg.flags == f.flags : (seg.flags & f.flags) == f.flags;
            if (f.dir == seg.dir && match && ++m_s.faultHits[i] == f.n)
                lost = true;
            break;
        }
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
