#include "core/capture/reconstruct.h"

#include "core/capture/internal/timeline.h"
#include "core/protocol/transitions.h"

#include <algorithm>

namespace finwave::capture {

std::string_view inferredKey(Inferred why) {
    switch (why) {
    case Inferred::No: return "";
    case Inferred::MidConnection: return "mid-connection";
    case Inferred::ListenAssumed: return "listen-assumed";
    case Inferred::FarEndTime: return "far-end-time";
    case Inferred::NotCaptured: return "not-captured";
    case Inferred::CopyUnclear: return "copy-unclear";
    case Inferred::NotArrived: return "not-arrived";
    case Inferred::TimerAfterCapture: return "timer-after-capture";
    case Inferred::TimeoutBeforeRst: return "timeout-before-rst";
    case Inferred::GaveUp: return "gave-up";
    case Inferred::ResetReasonGuess: return "reset-reason-guess";
    case Inferred::ShortState: return "short-state";
    }
    return "";
}

namespace {
using S = TcpState;

// What one endpoint's TCB needs for the table's choices (RFC 9293 §3.3.1, reduced).
struct Tcb {
    S state = S::Closed;
    bool finSent = false, finAcked = false, finReceived = false, dataReceived = false;
    std::uint32_t finEnd = 0;  // sequence number after our FIN
    std::uint32_t iss = 0;
    Micros enteredAt = 0;
};

struct Builder {
    Reconstruction& out;
    const ReconstructOptions& options;
    std::vector<PendingRecord> recs;
    PendingRecord cur{};  // the key of the event being processed
    int sub = 0;

    // A change of state by the table's row (from, to, why); nothing when the table has no such row.
    void change(Tcb& tcb, Side side, S to, Reason why, Micros t, Inferred inferred) {
        if (!findTransition(tcb.state, to, why))
            return;
        PendingRecord p = cur;
        p.t = t;
        p.sub = sub++;
        p.why = inferred;
        TraceRecord& r = p.record;
        r.kind = EventKind::State;
        r.t = t;
        r.side = side;
        r.from = tcb.state;
        r.to = to;
        r.reason = why;
        recs.push_back(p);
        tcb.state = to;
        tcb.enteredAt = t;
    }

    // A note the record of which stands for a self-loop of the table (T1: TIME_WAIT restarted).
    void note(const Tcb& tcb, Side side, Reason why, Micros t, Inferred inferred) {
        PendingRecord p = cur;
        p.t = t;
        p.sub = sub++;
        p.why = inferred;
        p.record.kind = EventKind::Note;
        p.record.t = t;
        p.record.side = side;
        p.record.reason = why;
        (void)tcb;
        recs.push_back(p);
    }
};

Reason sendReason(const Segment& s, const Tcb& me) {
    if (s.isRetransmission())
        return Reason::Retransmit;
    if (s.has(flag::Rst))
        return me.state == S::Closed ? Reason::SendRstNoTcb : Reason::SendRstAbort;
    if (s.has(flag::Syn))
        return s.has(flag::Ack) ? Reason::SendSynAck : Reason::SendSyn;
    if (s.has(flag::Fin))
        return s.len ? Reason::SendFinWithData : Reason::SendFin;
    if (s.len)
        return Reason::SendData;
    return me.finReceived ? Reason::SendAckOfFin : Reason::SendAckOfData;
}

void onSend(Builder& b, Tcb& me, Side side, const Segment& s, Micros t, Inferred why, bool replyToLast) {
    if (s.has(flag::Syn) && !s.has(flag::Ack))
        b.change(me, side, S::SynSent, Reason::SynSentOnConnect, t, why);
    if (s.has(flag::Fin) && !me.finSent) {
        me.finSent = true;
        me.finEnd = seqEnd(s);
        b.change(me, side, S::FinWait1, Reason::CloseEnterFinWait1, t, why);
        b.change(me, side, S::LastAck, Reason::CloseEnterLastAck, t, why);
    }
    (void)replyToLast;
}

void onRstSent(Builder& b, Tcb& me, Side side, Micros t, Inferred why) {
    // Unread data (RFC 2525 §2.17) when it had received data and sent no FIN; else an abort.
    const bool unread = me.dataReceived && !me.finSent;
    const Inferred guess = why == Inferred::No ? Inferred::ResetReasonGuess : why;
    b.change(me, side, S::Closed, unread ? Reason::UnreadDataResetClosed : Reason::AbortClosed, t, guess);
    b.change(me, side, S::Closed, Reason::AbortClosed, t, guess);
}

void onArrive(Builder& b, Tcb& me, Side side, const Segment& s, Micros t, Inferred why, const Segment* nextSend) {
    // A RST in reply (sequence number from our ACK field, RFC 9293 §3.5.2) means no TCB was left.
    const bool answeredByRst = nextSend && nextSend->has(flag::Rst) && !s.has(flag::Rst) &&
                               s.has(flag::Ack) && nextSend->seq == s.ack;
    if (answeredByRst && s.len == 0 && (me.state == S::FinWait2 || me.state == S::TimeWait)) {
        b.change(me, side, S::Closed, Reason::FinWait2TimeoutClosed, t, Inferred::TimeoutBeforeRst);
        b.change(me, side, S::Closed, Reason::TimeWaitExpired, t, Inferred::TimeoutBeforeRst);
        return;
    }
    if (answeredByRst && s.len > 0 && me.finSent) {
        b.change(me, side, S::Closed, Reason::DataAfterCloseResetClosed, t, why);
        return;
    }
    if (s.has(flag::Rst)) {
        // A RST whose sequence number is not the one expected next is not taken: the receiver
        // answers it with a challenge ACK carrying the number it expects (RFC 5961 §3.2; Linux
        // tcp_validate_incoming() -> tcp_send_challenge_ack()) and stays as it was.
        const bool challenged = nextSend && nextSend->has(flag::Ack) && !nextSend->has(flag::Rst) && nextSend->ack != s.seq;
        if (challenged)
            return;
        if (me.state == S::TimeWait) {
            if (!b.options.rfc1337)
                b.change(me, side, S::Closed, Reason::RstKilledTimeWait, t, why);
        } else {
            b.change(me, side, S::Closed, Reason::RstReceivedClosed, t, why);
        }
        return;
    }
    if (s.has(flag::Syn)) {
        if (!s.has(flag::Ack)) {
            if (me.state == S::Closed)
                b.change(me, side, S::Listen, Reason::ListenOpened, t, Inferred::ListenAssumed);
            b.change(me, side, S::SynReceived, Reason::SynReceived, t, why);
        } else {
            b.change(me, side, S::Established, Reason::EstablishedActive, t, why);
        }
    }
    if (s.len > 0)
        me.dataReceived = true;
    const bool ackOfFin = s.has(flag::Ack) && me.finSent && seqLeq(me.finEnd, s.ack);
    if (s.has(flag::Ack) && me.state == S::SynReceived && seqLeq(me.iss + 1, s.ack))
        b.change(me, side, S::Established, Reason::EstablishedPassive, t, why);
    if (s.has(flag::Fin) && me.finReceived && me.state == S::TimeWait) {
        // T1: the peer's FIN again in TIME_WAIT (its ACK of the first was lost): ACK it and restart
        // 2MSL (RFC 9293 §3.10.7.4 Fifth and Eighth).
        b.note(me, side, Reason::TimeWaitRestarted, t, why);
        me.enteredAt = t;
        return;
    }
    if (s.has(flag::Fin) && !me.finReceived) {
        me.finReceived = true;
        if (ackOfFin && !me.finAcked && me.state == S::FinWait1) {
            me.finAcked = true;
            b.change(me, side, S::TimeWait, Reason::FinAckAndFinEnterTimeWait, t, why);
            return;
        }
    }
    if (ackOfFin && !me.finAcked) {
        me.finAcked = true;
        b.change(me, side, S::FinWait2, Reason::FinAckedEnterFinWait2, t, why);
        b.change(me, side, S::TimeWait, Reason::ClosingAckedEnterTimeWait, t, why);
        b.change(me, side, S::Closed, Reason::LastAckAckedClosed, t, why);
    }
    if (s.has(flag::Fin) && me.finReceived && me.state != S::TimeWait && me.state != S::Closed) {
        b.change(me, side, S::CloseWait, Reason::FinEnterCloseWait, t, why);
        b.change(me, side, S::Closing, Reason::FinCrossedEnterClosing, t, why);
        b.change(me, side, S::TimeWait, Reason::FinEnterTimeWait, t, why);
    }
}
}  // namespace

// Defined in reconstruct_records.cpp: sides, segments, and the records put in one trace.
void assembleRecords(Reconstruction& out, const Timeline& tl, std::vector<PendingRecord>& states, bool sawSyn);
void prepareSegments(const std::vector<WireSegment>& wire, Reconstruction& out, std::vector<Segment>& segs,
                     std::vector<SegmentOptions>& opts, std::vector<Micros>& times);

Reconstruction reconstruct(const std::vector<WireSegment>& wire, const ReconstructOptions& options) {
    Reconstruction out;
    std::vector<Segment> segs;
    std::vector<SegmentOptions> opts;
    std::vector<Micros> times;
    prepareSegments(wire, out, segs, opts, times);
    if (segs.empty())
        return out;
    const Timeline tl = buildTimeline(segs, opts, times);
    const std::vector<Segment>& all = tl.segs;  // the captured ones and any added
    out.near = tl.near;
    out.assumed = options;
    out.roundTrip = tl.roundTrip;

    Builder b{out, options, {}, {}, 0};
    const bool sawSyn = out.client.has_value();
    for (Side side : {Side::A, Side::B}) {
        Tcb me;
        me.iss = side == Side::A ? out.issA : out.issB;
        me.state = sawSyn ? S::Closed : S::Established;
        const auto& events = tl.events[side == Side::A ? 0 : 1];
        std::size_t fins = 0;
        Micros lastFinAt = 0, lastEventAt = 0;
        for (std::size_t k = 0; k < events.size(); ++k) {
            const EndpointEvent& e = events[k];
            const Segment& s = all[e.seg];
            b.cur = PendingRecord{e.t, e.rank, e.seg, e.send ? 0 : 1, 0, {}, Inferred::No};
            b.sub = -10;  // the changes a sent SYN or FIN makes come before it (close, then FIN)
            lastEventAt = e.t;
            if (e.send) {
                onSend(b, me, side, s, e.t, e.why, false);
                b.sub = 1;
                if (s.has(flag::Fin)) {
                    ++fins;
                    lastFinAt = e.t;
                }
                if (s.has(flag::Rst))
                    onRstSent(b, me, side, e.t, e.why);
            } else {
                b.sub = 1;
                // Only the very next event can be a reply to this segment.
                const Segment* next =
                    k + 1 < events.size() && events[k + 1].send ? &all[events[k + 1].seg] : nullptr;
                onArrive(b, me, side, s, e.t, e.why, next);
            }
        }
        // After the capture: TIME_WAIT ends by its timer; a FIN resent with no answer ends in giving up.
        b.cur = PendingRecord{0, 0, all.size(), 3, 0, {}, Inferred::No};
        b.sub = 0;
        if (me.state == S::TimeWait)
            b.change(me, side, S::Closed, Reason::TimeWaitExpired, me.enteredAt + options.timeWait,
                     Inferred::TimerAfterCapture);
        if (fins >= 3 && !me.finAcked && lastFinAt == lastEventAt && me.state == S::FinWait1)
            b.change(me, side, S::Closed, Reason::RetriesExhaustedClosed, lastFinAt, Inferred::GaveUp);
    }
    assembleRecords(out, tl, b.recs, sawSyn);
    return out;
}

Reason sendReasonOf(const Segment& s, bool finReceived, bool closed, bool probe) {
    Tcb t;
    t.finReceived = finReceived;
    t.state = closed ? S::Closed : S::Established;
    return probe ? Reason::TailLossProbe : sendReason(s, t);
}

}  // namespace finwave::capture
