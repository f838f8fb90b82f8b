// Replay mode: an imported capture's reconstructed records (core/capture) stepped through one step
// number at a time, forward and back; nothing is simulated.
#include "core/sim/internal/simulator_impl.h"

#include <algorithm>

namespace finwave {

using detail::State;

// Replay: both ends' states as the records up to `n` leave them.
// Records [from, n) are new since the last call (0: from scratch), so stepping through a large
// capture costs each record once.
void Simulator::Impl::replayStates(std::size_t n, std::size_t from) {
    const Trace& r = *replay;
    TcpState a = TcpState::Closed, b = TcpState::Closed;
    if (n > 0) {
        a = trace[n - 1].stateA;
        b = trace[n - 1].stateB;
    } else if (!r.empty()) {
        a = r[0].stateA;
        b = r[0].stateB;
        if (r[0].kind == EventKind::State)
            (r[0].side == Side::A ? a : b) = r[0].from;
    }
    detail::ep(state, Side::A).state = a;
    detail::ep(state, Side::B).state = b;
    state.now = n > 0 ? trace[n - 1].t : 0;
    // The inspector's sequence variables, as far as the records show them (RFC 9293 §3.3.1).
    for (Side side : {Side::A, Side::B}) {
        if (from > 0)
            break;
        detail::Endpoint& e = detail::ep(state, side);
        e.sndUna = e.sndNxt = e.iss + 1;
        e.rcvNxt = 0;
        e.finSent = e.finReceived = false;
        e.unsent = e.unread = 0;
    }
    for (std::size_t i = from; i < n; ++i) {
        const TraceRecord& rec = trace[i];
        if (!rec.hasSegment || (rec.kind != EventKind::Send && rec.kind != EventKind::Arrive))
            continue;
        const Segment& g = rec.seg;
        const std::uint32_t end = g.seq + g.seqSpace();
        if (rec.kind == EventKind::Send) {
            detail::Endpoint& e = detail::ep(state, senderOf(g.dir));
            if (detail::seqLt(e.sndNxt, end))
                e.sndNxt = end;
            e.finSent = e.finSent || g.has(flag::Fin);
        } else {
            detail::Endpoint& e = detail::ep(state, receiverOf(g.dir));
            if (g.has(flag::Syn))
                e.irs = g.seq;
            if (e.rcvNxt == 0 || detail::seqLt(e.rcvNxt, end))
                e.rcvNxt = end;
            if (g.has(flag::Ack) && detail::seqLt(e.sndUna, g.ack) && detail::seqLe(g.ack, e.sndNxt))
                e.sndUna = g.ack;
            e.finReceived = e.finReceived || g.has(flag::Fin);
        }
    }
}

bool Simulator::Impl::replayStep() {
    const Trace& r = *replay;
    const std::size_t first = trace.size();
    std::size_t pos = first;
    if (pos >= r.size())
        return false;
    const std::uint32_t step = r[pos].step;
    while (pos < r.size() && r[pos].step == step)
        trace.append(r[pos++]);
    ++state.step;
    replayStates(pos, first);
    return true;
}

void Simulator::Impl::replayBackTo(std::uint64_t target) {
    std::size_t n = 0;
    std::uint64_t steps = 0;
    for (; n < trace.size(); ++n) {
        if (n == 0 || trace[n].step != trace[n - 1].step) {
            if (steps == target)
                break;
            ++steps;
        }
    }
    trace.truncate(n);
    state.step = target;
    replayStates(n);
}

void Simulator::loadReplay(const Trace& records, std::uint32_t issA, std::uint32_t issB, const std::string& title) {
    Scenario s;
    s.name = "capture";
    s.title = title;
    s.description = title;
    s.a.iss = issA;
    s.b.iss = issB;
    // Each end starts as the records start it (CLOSED when the capture holds the SYN), so the
    // diagram's first band, the status bar and the state graph agree at step 0.
    if (!records.empty()) {
        const TraceRecord& first = records[0];
        TcpState a = first.stateA, b = first.stateB;
        if (first.kind == EventKind::State)
            (first.side == Side::A ? a : b) = first.from;
        s.a.initial = a == TcpState::Established ? TcpState::Established : TcpState::Closed;
        s.b.initial = b == TcpState::Established ? TcpState::Established : TcpState::Closed;
    }
    // The channels' delays as the records give them (the shortest flight each way), so views scale
    // their time axis to the captured round trip.
    Micros flight[2] = {-1, -1};
    for (const TraceRecord& r : records)
        if (r.kind == EventKind::Send && r.hasSegment) {
            Micros& f = flight[r.seg.dir == Direction::AtoB ? 0 : 1];
            const Micros d = r.arrivesAt - r.sentAt;
            if (d >= 0 && (f < 0 || d < f))
                f = d;
        }
    s.ab.delay = std::max<Micros>(flight[0], 0);
    s.ba.delay = std::max<Micros>(flight[1], 0);
    m_impl->replay.reset();
    m_impl->scenario = s;
    m_impl->restart();
    m_impl->state.issChanges.clear();
    m_impl->replay = records;
    m_impl->replayGrain = kMs;
    for (std::size_t i = 1; i < records.size(); ++i)
        if (const Micros gap = records[i].t - records[i - 1].t; gap > 0 && gap < kMs)
            m_impl->replayGrain = 1;
    m_impl->restart();
}

bool Simulator::isReplay() const { return m_impl->replay.has_value(); }
}  // namespace finwave
