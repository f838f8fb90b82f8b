// Segments cut from an endpoint's sequence space (see segment_builder.h).
#include "core/engine/internal/segment_builder.h"

#include <algorithm>

namespace finwave::detail {

namespace {
bool synQueued(const Endpoint& e) {
    return e.synSent && e.sndUna == e.iss && seqLt(e.sndUna, e.sndNxt);
}
std::uint32_t dataStart(const Endpoint& e) {
    return synQueued(e) ? e.sndUna + 1 : e.sndUna;
}
std::uint32_t dataEnd(const Endpoint& e) {
    return e.finSent ? e.finSeq : e.sndNxt;
}
}  // namespace

Segment dataSegment(const Endpoint& e, std::uint32_t seq, std::uint32_t len, bool fin) {
    Segment seg;
    seg.seq = seq;
    seg.ack = e.rcvNxt;
    seg.len = len;
    seg.flags = static_cast<std::uint8_t>(flag::Ack | (len > 0 ? flag::Psh : 0) | (fin ? flag::Fin : 0));
    return seg;
}

Segment queuedSegmentAt(const Endpoint& e, std::uint32_t seq, std::uint32_t mss) {
    if (e.synSent && seq == e.iss) {
        Segment syn;
        syn.seq = seq;
        syn.flags = flag::Syn;
        if (e.state == TcpState::SynReceived) {
            syn.flags |= flag::Ack;
            syn.ack = e.rcvNxt;
        }
        return syn;
    }
    const std::uint32_t end = dataEnd(e);
    const std::uint32_t len = seqLt(seq, end) ? std::min(end - seq, mss) : 0;
    // The FIN keeps its sequence number (RFC 9293 §3.6 Case 1; RFC 6298 (5.4)).
    return dataSegment(e, seq, len, e.finSent && seq + len == e.finSeq);
}

std::uint32_t queuedSegmentCount(const Endpoint& e, std::uint32_t mss) {
    if (!seqLt(e.sndUna, e.sndNxt))
        return 0;
    const std::uint32_t start = dataStart(e);
    const std::uint32_t end = dataEnd(e);
    const std::uint32_t bytes = seqLt(start, end) ? end - start : 0;
    std::uint32_t n = (bytes + mss - 1) / mss + (synQueued(e) ? 1u : 0u);
    if (e.finSent && bytes == 0 && seqLt(e.finSeq, e.sndNxt) && !seqLt(e.finSeq, e.sndUna))
        ++n;  // a bare FIN
    return n;
}

std::uint32_t lastQueuedSegmentStart(const Endpoint& e, std::uint32_t mss) {
    const std::uint32_t start = dataStart(e);
    const std::uint32_t end = dataEnd(e);
    if (!seqLt(start, end))
        return synQueued(e) && start == e.sndNxt ? e.sndUna : start;  // the SYN, or a bare FIN
    return start + (end - start - 1) / mss * mss;
}

std::vector<Segment> retransmissionQueue(const Endpoint& e, std::uint32_t mss, std::size_t limit) {
    std::vector<Segment> out;
    std::uint32_t seq = e.sndUna;
    while (seqLt(seq, e.sndNxt) && out.size() < limit) {
        const Segment s = queuedSegmentAt(e, seq, mss);
        const std::uint32_t space = s.seqSpace();
        if (space == 0)
            break;
        out.push_back(s);
        seq += space;
    }
    return out;
}

}  // namespace finwave::detail
