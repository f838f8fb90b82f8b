// The reconstructor's bookkeeping: which end is A, segments in the engine's form, and every record
// put into one time-ordered trace with both states after each.
#include "core/capture/reconstruct.h"
#include "core/capture/internal/timeline.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace finwave::capture {

Reason sendReasonOf(const Segment& s, bool finReceived, bool closed, bool probe);  // reconstruct.cpp

namespace {
// With SACK in use a first resend within a probe timeout of the original is Linux's tail-loss probe
// (RFC 8985 §7; tcp_schedule_loss_probe() needs SACK): PTO is at most 2 SRTT + TCP_RTO_MIN (200 ms),
// and its timer may fire a few ticks late. Every kernel capture in tests/data/kernel with SACK shows
// one; an RFC host's RTO resend comes a second later.
bool looksLikeProbe(const Reconstruction& out, const Segment& s, Micros sinceFirstCopy) {
    return out.sackInUse && s.transmission == 1 && sinceFirstCopy <= 2 * out.roundTrip + 250 * kMs;
}
}  // namespace

void prepareSegments(const std::vector<WireSegment>& wire, Reconstruction& out, std::vector<Segment>& segs,
                     std::vector<SegmentOptions>& opts, std::vector<Micros>& times) {
    if (wire.empty())
        return;
    // A sent the first FIN or RST (the rule); without either, the client; else the first sender.
    const WireSegment* closer = nullptr;
    const WireSegment* syn = nullptr;
    for (const WireSegment& w : wire) {
        if (!closer && (w.flags & (flag::Fin | flag::Rst)))
            closer = &w;
        if (!syn && (w.flags & flag::Syn) && !(w.flags & flag::Ack))
            syn = &w;
    }
    const WireSegment& first = closer ? *closer : syn ? *syn : wire.front();
    out.endpointA = first.from;
    out.endpointB = first.to;
    if (syn)
        out.client = syn->from == out.endpointA ? Side::A : Side::B;
    out.zeroNs = wire.front().tNs;
    bool issKnown[2] = {false, false};
    bool synSack[2] = {false, false}, synTs[2] = {false, false};
    for (const WireSegment& w : wire) {
        const bool fromA = w.from == out.endpointA;
        if (w.flags & flag::Syn) {  // what each SYN offered (RFC 2018 §2, RFC 7323 §3.2)
            synSack[fromA ? 0 : 1] = (w.options & option::SackPermitted) != 0;
            synTs[fromA ? 0 : 1] = (w.options & option::Timestamps) != 0;
            SynOffer& offer = fromA ? out.offerA : out.offerB;
            offer.seen = true;
            offer.mss = (w.options & option::Mss) ? w.opts.mss : 0;
            offer.windowScale.reset();
            if (w.options & option::WindowScale)
                offer.windowScale = w.opts.windowScale;
            offer.sackPermitted = synSack[fromA ? 0 : 1];
            offer.timestamps = synTs[fromA ? 0 : 1];
            offer.linuxOrder = w.linuxOrder;
        }
        std::uint32_t& iss = fromA ? out.issA : out.issB;
        bool& known = issKnown[fromA ? 0 : 1];
        if (w.flags & flag::Syn) {
            iss = w.seq;
            known = true;
        } else if (!known) {
            iss = w.seq - 1;  // mid-connection: the first byte seen is relative 1, as Wireshark counts
            known = true;
        }
    }
    // Copies so far of each (direction, sequence number) that occupies sequence space: a map, so a
    // long connection costs n log n, not n².
    std::map<std::pair<int, std::uint32_t>, int> copiesOf;
    for (std::size_t i = 0; i < wire.size(); ++i) {
        const WireSegment& w = wire[i];
        Segment s;
        s.id = static_cast<std::uint32_t>(i + 1);
        s.seq = w.seq;
        s.ack = w.ack;
        s.len = w.length;
        s.wnd = w.window;
        s.flags = w.flags;
        s.dir = w.from == out.endpointA ? Direction::AtoB : Direction::BtoA;
        int copies = 0;
        if (s.seqSpace() > 0)
            copies = copiesOf[{s.dir == Direction::AtoB ? 0 : 1, s.seq}]++;
        s.transmission = static_cast<std::uint8_t>(std::min(copies, 255));
        s.options = w.options;
        segs.push_back(s);
        opts.push_back(w.opts);
        times.push_back((w.tNs - out.zeroNs) / 1000);
        out.packetOf.push_back(w.packet);
    }
    out.sackInUse = synSack[0] && synSack[1];
    out.timestampsInUse = synTs[0] && synTs[1];
}

void assembleRecords(Reconstruction& out, const Timeline& tl, std::vector<PendingRecord>& all, bool sawSyn) {
    const std::vector<Segment>& segs = tl.segs;
    out.packetOf.resize(segs.size(), 0);  // an added segment is no packet of the file
    bool finSeen[2] = {false, false};
    std::map<std::pair<int, std::uint32_t>, Micros> firstSent;  // each (direction, seq)'s first copy
    // Each segment's tie-break rank at its send and at its arrival (timeline.h).
    std::vector<int> sendRank(segs.size(), 0), arriveRank(segs.size(), 0);
    for (const auto& list : tl.events)
        for (const EndpointEvent& e : list)
            (e.send ? sendRank : arriveRank)[e.seg] = e.rank;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const Segment& s = segs[i];
        const Side from = senderOf(s.dir);
        const int fi = from == Side::A ? 0 : 1;
        PendingRecord send{tl.sentAt[i], 0, i, 0, 0, {}, tl.notCaptured[i] ? Inferred::NotCaptured : Inferred::No};
        TraceRecord& r = send.record;
        r.kind = EventKind::Send;
        r.side = from;
        r.seg = s;
        r.opts = tl.opts[i];
        r.hasSegment = true;
        r.t = send.t;
        r.sentAt = tl.sentAt[i];
        r.arrivesAt = tl.arrivesAt[i];
        const Micros first = s.seqSpace() > 0 ? firstSent.try_emplace({fi, s.seq}, tl.sentAt[i]).first->second : tl.sentAt[i];
        r.reason = sendReasonOf(s, finSeen[1 - fi], false, looksLikeProbe(out, s, tl.sentAt[i] - first));
        send.rank = sendRank[i];  // the far end's send waits for what it had received
        all.push_back(send);
        if (s.has(flag::Fin))
            finSeen[fi] = true;
        PendingRecord arrive = send;
        arrive.kind = tl.arrived[i] ? 1 : 2;
        arrive.t = tl.arrivesAt[i];
        arrive.rank = arriveRank[i];
        arrive.record.t = arrive.t;
        arrive.record.kind = tl.arrived[i] ? EventKind::Arrive : EventKind::Drop;
        arrive.record.side = tl.arrived[i] ? peerOf(from) : Side::Net;
        arrive.record.reason = tl.arrived[i] ? Reason::Arrive : Reason::LostInCapture;
        arrive.why = tl.arrived[i] ? Inferred::No : Inferred::NotArrived;
        all.push_back(arrive);
    }
    std::stable_sort(all.begin(), all.end(), [](const PendingRecord& x, const PendingRecord& y) {
        return std::tie(x.t, x.rank, x.seg, x.kind, x.sub) < std::tie(y.t, y.rank, y.seg, y.kind, y.sub);
    });
    TcpState a = sawSyn ? TcpState::Closed : TcpState::Established;
    TcpState b = a;
    std::uint32_t step = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        PendingRecord& p = all[i];
        if (i == 0 || std::tie(p.t, p.rank, p.seg, p.kind) !=
                          std::tie(all[i - 1].t, all[i - 1].rank, all[i - 1].seg, all[i - 1].kind))
            ++step;
        TraceRecord& r = p.record;
        r.step = step;
        if (r.kind == EventKind::State) {
            (r.side == Side::A ? a : b) = r.to;
            // The far end's changes happen at estimated times.
            if (p.why == Inferred::No && r.side != tl.near && tl.roundTrip > 0)
                p.why = Inferred::FarEndTime;
        }
        r.stateA = a;
        r.stateB = b;
        out.trace.append(r);
        out.inferred.push_back(p.why);
    }
    if (!sawSyn && !out.inferred.empty() && out.inferred[0] == Inferred::No)
        out.inferred[0] = Inferred::MidConnection;
}

std::optional<std::uint8_t> windowShift(const Reconstruction& r, const Segment& s) {
    if (s.has(flag::Syn))
        return 0;  // a SYN's window is never scaled (RFC 7323 §2.2)
    if (!r.offerA.seen || !r.offerB.seen)
        return std::nullopt;
    if (!r.offerA.windowScale || !r.offerB.windowScale)
        return 0;  // scaling is on only when both offered it
    // RFC 7323 §2.3: a shift over 14 is taken as 14.
    const std::uint8_t shift = *(s.dir == Direction::AtoB ? r.offerA.windowScale : r.offerB.windowScale);
    return std::min<std::uint8_t>(shift, 14);
}

std::uint32_t relativeSeq(const Reconstruction& r, const Segment& s) {
    return s.seq - (s.dir == Direction::AtoB ? r.issA : r.issB);
}
std::uint32_t relativeAck(const Reconstruction& r, const Segment& s) {
    return s.has(flag::Ack) ? s.ack - (s.dir == Direction::AtoB ? r.issB : r.issA) : 0;
}

}  // namespace finwave::capture
