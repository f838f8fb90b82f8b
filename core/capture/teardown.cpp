#include "core/capture/teardown.h"

#include "core/capture/internal/timeline.h"

namespace finwave::capture {

namespace {
// Whether any segment of the other side acknowledges `fin`.
bool finalAcked(const Reconstruction& r, const Segment& fin) {
    for (const TraceRecord& rec : r.trace)
        if (rec.kind == EventKind::Send && rec.seg.dir != fin.dir && rec.seg.has(flag::Ack) &&
            seqLeq(seqEnd(fin), rec.seg.ack))
            return true;
    return false;
}

// Whether an ACK of `fin` from the other side died on the way (seen lost, or added not captured).
bool ackOfFinLost(const Reconstruction& r, const Segment& fin) {
    for (const TraceRecord& rec : r.trace)
        if (rec.kind == EventKind::Drop && rec.seg.dir != fin.dir && rec.seg.has(flag::Ack) &&
            rec.seg.seqSpace() == 0 && seqLeq(seqEnd(fin), rec.seg.ack))
            return true;
    return false;
}
}  // namespace

Teardown classifyTeardown(const Reconstruction& r) {
    Teardown t;
    const Segment* fin[2] = {nullptr, nullptr};  // each side's first FIN
    const Segment* finalFin = nullptr;
    bool closingSeen[2] = {false, false};
    bool dataBeforeRst = false;
    for (const TraceRecord& rec : r.trace) {
        if (rec.kind == EventKind::State) {
            if (rec.to == TcpState::Closing)
                closingSeen[rec.side == Side::A ? 0 : 1] = true;
            continue;
        }
        if (rec.kind != EventKind::Send)
            continue;
        const Segment& s = rec.seg;
        const int me = senderOf(s.dir) == Side::A ? 0 : 1;
        // A RST after a close both ends completed (an old duplicate answered) does not end it.
        const bool closeDone = fin[0] && fin[1] && finalAcked(r, *fin[0]) && finalAcked(r, *fin[1]);
        if (s.has(flag::Rst) && t.kind != TeardownKind::Abortive && !closeDone) {
            t.kind = TeardownKind::Abortive;
            t.resetBy = senderOf(s.dir);
            t.resetAfter = fin[0] && fin[1] ? ResetAfter::BothFins
                           : fin[me]         ? ResetAfter::OwnFin
                           : fin[1 - me]     ? ResetAfter::PeerFin
                           : dataBeforeRst   ? ResetAfter::Data
                                             : ResetAfter::Nothing;
        }
        if (s.len > 0) {
            dataBeforeRst = true;
            if (fin[0] || fin[1])
                t.halfCloseData = t.halfCloseData || !fin[me];
        }
        if (s.has(flag::Fin)) {
            if (s.isRetransmission())
                t.retransmittedFin = true;
            if (!fin[me])
                fin[me] = &s;
            if (fin[0] && fin[1] && !finalFin)
                finalFin = fin[me];
        }
    }
    // The states at the last captured segment (the trace may go on with an inferred timer).
    for (const TraceRecord& rec : r.trace)
        if (rec.kind == EventKind::Send || rec.kind == EventKind::Arrive) {
            t.endA = rec.stateA;
            t.endB = rec.stateB;
        }
    if (t.kind == TeardownKind::Abortive)
        return t;
    if (!(fin[0] && fin[1]))
        return t;  // still open
    if (closingSeen[0] || closingSeen[1])
        t.kind = TeardownKind::Simultaneous;
    else {
        const Segment* second = finalFin;
        const Segment* first = second == fin[0] ? fin[1] : fin[0];
        // Did any segment before the second FIN acknowledge the first one on its own?
        bool separateAck = false;
        for (const TraceRecord& rec : r.trace) {
            if (rec.kind != EventKind::Send)
                continue;
            if (rec.seg.id == second->id)
                break;
            if (rec.seg.dir != first->dir && rec.seg.has(flag::Ack) && seqLeq(seqEnd(*first), rec.seg.ack))
                separateAck = true;
        }
        t.kind = separateAck ? TeardownKind::FourWay : TeardownKind::ThreeSegment;
    }
    t.finalAckMissing = !finalAcked(r, *finalFin);
    t.finalAckLost = ackOfFinLost(r, *finalFin);
    return t;
}

std::string teardownSentence(const Teardown& t) {
    std::string out;
    const std::string by = t.resetBy == Side::A ? "A" : "B";
    switch (t.kind) {
    case TeardownKind::FourWay: out = "complete four-way close"; break;
    case TeardownKind::ThreeSegment: out = "three-segment close (FIN+ACK)"; break;
    case TeardownKind::Simultaneous: out = "simultaneous close"; break;
    case TeardownKind::Abortive:
        out = "abortive close by RST from " + by;
        switch (t.resetAfter) {
        case ResetAfter::Nothing: out += " with no data or FIN before it"; break;
        case ResetAfter::Data: out += " after data, before any FIN"; break;
        case ResetAfter::OwnFin: out += " after its own FIN"; break;
        case ResetAfter::PeerFin: out += " after the other end's FIN"; break;
        case ResetAfter::BothFins: out += " after both FINs"; break;
        }
        break;
    case TeardownKind::StillOpen:
        out = "connection still open at the end of the capture (A " + std::string(stateName(t.endA)) + ", B " +
              std::string(stateName(t.endB)) + ")";
        break;
    }
    if (t.halfCloseData)
        out += "; half-close with data after the first FIN";
    if (t.retransmittedFin)
        out += "; retransmitted FIN";
    if (t.finalAckLost && t.kind != TeardownKind::Abortive && t.kind != TeardownKind::StillOpen)
        out += "; final ACK lost";
    else if (t.finalAckMissing && t.kind != TeardownKind::Abortive && t.kind != TeardownKind::StillOpen)
        out += "; final ACK not seen";
    return out;
}

}  // namespace finwave::capture
