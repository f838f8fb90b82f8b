#include "core/capture/internal/timeline.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>

namespace finwave::capture {

namespace {
constexpr Micros kNever = std::numeric_limits<Micros>::max();
constexpr std::int64_t kNoAck = std::numeric_limits<std::int64_t>::min();
int sideIndex(Side s) { return s == Side::A ? 0 : 1; }

// The shortest time each side took to acknowledge something new from its peer. The side the capture
// was taken at answers at once; the other's answers take a round trip more.
std::array<Micros, 2> reactionTimes(const std::vector<Segment>& segs, const std::vector<Micros>& times) {
    std::array<Micros, 2> best{kNever, kNever};
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t lastSpace[2] = {kNone, kNone};  // each side's latest segment with sequence space
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const Segment& s = segs[i];
        const int me = sideIndex(senderOf(s.dir));
        const std::size_t p = lastSpace[1 - me];
        if (s.has(flag::Ack) && p != kNone && seqEnd(segs[p]) == s.ack)
            best[static_cast<std::size_t>(me)] = std::min(best[static_cast<std::size_t>(me)], times[i] - times[p]);
        if (s.seqSpace() > 0)
            lastSpace[me] = i;
    }
    return best;
}

// Sequence numbers of one direction's space as 64-bit positions, so that comparisons need no
// modular care: each value is placed within 2^31 of the one before it (RFC 9293 §3.4).
class Unwrap {
public:
    std::int64_t operator()(std::uint32_t v) {
        if (m_started)
            m_pos += static_cast<std::int32_t>(v - m_last);
        m_started = true;
        m_last = v;
        return m_pos;
    }

private:
    std::int64_t m_pos = 0;
    std::uint32_t m_last = 0;
    bool m_started = false;
};

// The far end's captured segments in order, with a sparse table of their ACK fields, so "the first
// far segment from here on that acknowledges this" is a binary search: n log n for the whole capture.
class FarAcks {
public:
    void add(std::size_t index, std::int64_t ack, bool rst) {
        m_at.push_back(index);
        m_ack.push_back(ack);
        m_rst.push_back(rst);
    }
    void build() {
        const std::size_t n = m_ack.size();
        m_table.assign(1, m_ack);
        for (std::size_t w = 1; 2 * w <= n; w *= 2) {
            const auto& prev = m_table.back();
            std::vector<std::int64_t> next(n - 2 * w + 1);
            for (std::size_t i = 0; i < next.size(); ++i)
                next[i] = std::max(prev[i], prev[i + w]);
            m_table.push_back(std::move(next));
        }
        m_nextRst.assign(n + 1, n);
        for (std::size_t p = n; p-- > 0;)
            m_nextRst[p] = m_rst[p] ? p : m_nextRst[p + 1];
    }
    std::size_t size() const { return m_at.size(); }
    std::size_t index(std::size_t p) const { return m_at[p]; }
    std::int64_t ack(std::size_t p) const { return m_ack[p]; }
    // The first position at or after the one holding segment index `after` + 1.
    std::size_t firstAfter(std::size_t after) const {
        return static_cast<std::size_t>(std::upper_bound(m_at.begin(), m_at.end(), after) - m_at.begin());
    }
    // The first position >= from whose ACK reaches `end` or which is a RST (a reset answers a
    // segment too, RFC 9293 §3.5.2); size() if none.
    std::size_t firstCovering(std::size_t from, std::int64_t end) const {
        std::size_t lo = from, hi = size();
        if (lo >= hi)
            return std::min(hi, m_nextRst[std::min(from, size())]);
        if (rangeMax(lo, hi - 1) < end)
            return std::min(hi, m_nextRst[from]);
        while (lo < hi) {  // the first p with max(from..p) >= end
            const std::size_t mid = lo + (hi - lo) / 2;
            if (rangeMax(from, mid) >= end)
                hi = mid;
            else
                lo = mid + 1;
        }
        return std::min(lo, m_nextRst[from]);
    }

private:
    std::int64_t rangeMax(std::size_t l, std::size_t r) const {
        std::size_t k = 0;
        while ((std::size_t{2} << k) <= r - l + 1)
            ++k;
        return std::max(m_table[k][l], m_table[k][r + 1 - (std::size_t{1} << k)]);
    }
    std::vector<std::size_t> m_at;
    std::vector<std::int64_t> m_ack;
    std::vector<bool> m_rst;
    std::vector<std::vector<std::int64_t>> m_table;
    std::vector<std::size_t> m_nextRst;
};

struct Builder {
    Timeline& tl;
    const std::vector<Micros>& times;
    std::size_t n;
    Micros half = 0;
    Side far = Side::B;
    std::vector<std::int64_t> endPos, ackPos;  // seq end and ACK field, unwrapped in their spaces
    std::vector<std::size_t> nextCopy, firstCopy;
    FarAcks farAcks;
    std::map<std::uint32_t, std::vector<std::size_t>> echoes;  // TSecr -> far segments echoing it
    // A SACK block [left, right) -> the last far segment carrying it: "a far segment after the resend
    // names this range" is one look-up (a scan of the far segments after each resend was n squared).
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> lastSackOf;
    std::vector<EndpointEvent> arrival;  // each near segment's arrival at the far end (if it arrived)

    bool fromNear(std::size_t i) const { return senderOf(tl.segs[i].dir) == tl.near; }

    void indexSegments() {
        Unwrap space[2];  // [d]: the sequence space of direction d (its seq ends, the other way's ACKs)
        endPos.assign(n, 0);
        ackPos.assign(n, kNoAck);
        for (std::size_t i = 0; i < n; ++i) {
            const Segment& s = tl.segs[i];
            const int d = s.dir == Direction::AtoB ? 0 : 1;
            endPos[i] = space[d](seqEnd(s));
            if (s.has(flag::Ack))
                ackPos[i] = space[1 - d](s.ack);
            if (!fromNear(i)) {
                farAcks.add(i, ackPos[i], s.has(flag::Rst));
                if (s.carries(option::Timestamps))
                    echoes[tl.opts[i].tsEcr].push_back(i);
                if (s.carries(option::Sack))
                    lastSackOf[{tl.opts[i].sackLeft, tl.opts[i].sackRight}] = i;
            }
        }
        farAcks.build();
        // Each copy of a segment with sequence space: the next copy and the first one.
        nextCopy.assign(n, n);
        firstCopy.assign(n, n);
        std::map<std::pair<int, std::uint32_t>, std::size_t> later, first;
        for (std::size_t i = n; i-- > 0;) {
            const Segment& s = tl.segs[i];
            if (s.seqSpace() == 0)
                continue;
            const auto key = std::pair(s.dir == Direction::AtoB ? 0 : 1, s.seq);
            if (auto it = later.find(key); it != later.end())
                nextCopy[i] = it->second;
            later[key] = i;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const Segment& s = tl.segs[i];
            if (s.seqSpace() > 0)
                firstCopy[i] = first.try_emplace(std::pair(s.dir == Direction::AtoB ? 0 : 1, s.seq), i).first->second;
        }
    }

    // The first far segment after near segment i that echoes i's timestamp: i reached the far end
    // (RFC 7323 §4.3, TS.Recent), before that segment left. n if none.
    std::size_t echoOf(std::size_t i) const {
        if (!tl.segs[i].carries(option::Timestamps))
            return n;
        const auto it = echoes.find(tl.opts[i].tsVal);
        if (it == echoes.end())
            return n;
        const auto j = std::upper_bound(it->second.begin(), it->second.end(), i);
        return j == it->second.end() ? n : *j;
    }

    // A far D-SACK block naming i's range after i was sent again: an earlier copy had arrived
    // (RFC 2883 §4), so the first copy did.
    bool dsackFor(std::size_t i) const {
        const Segment& s = tl.segs[i];
        if (firstCopy[i] != i || nextCopy[i] == n)
            return false;
        const auto it = lastSackOf.find({s.seq, seqEnd(s)});
        return it != lastSackOf.end() && it->second > nextCopy[i];
    }

    void nearSegment(std::size_t i);
    void lostPureAcks();
    void addLostFarAcks();
};

void Builder::nearSegment(std::size_t i) {
    const Segment& s = tl.segs[i];
    EndpointEvent e{times[i] + half, 0, i, false, tl.roundTrip ? Inferred::FarEndTime : Inferred::No};
    if (s.seqSpace() > 0) {
        const std::size_t from = farAcks.firstAfter(i);
        const std::size_t coverPos = farAcks.firstCovering(from, endPos[i]);
        const std::size_t cover = coverPos < farAcks.size() ? farAcks.index(coverPos) : n;
        const std::size_t echo = echoOf(i);
        const bool evidence = echo < n || dsackFor(i);
        if (!evidence && cover == n) {
            // Nothing acknowledges it: taken as lost only when the far end went on without it.
            const bool answeredLater = from < farAcks.size();
            if (answeredLater || s.isRetransmission() || nextCopy[i] < n) {
                tl.arrived[i] = false;
                return;
            }
        } else if (!evidence) {
            // A later copy that could have arrived before the acknowledgment was sent: this one was lost.
            const Micros coverSent = times[cover] - half;
            if (nextCopy[i] < cover && times[nextCopy[i]] + half <= coverSent) {
                tl.arrived[i] = false;
                return;
            }
        }
        // It arrived: no later than what answers it left (the first segment covering it, or
        // echoing its timestamp), after the last far ACK before that which did not cover it.
        const std::size_t answer = std::min(cover, echo);
        if (answer < n && e.t >= times[answer] - half)
            e = {times[answer] - half, -1, i, false, Inferred::FarEndTime};
        if (coverPos > from && coverPos < farAcks.size()) {
            const std::size_t before = farAcks.index(coverPos - 1);
            if (tl.segs[before].has(flag::Ack) && e.t < times[before] - half)
                e = {times[before] - half, 1, i, false, Inferred::FarEndTime};
        }
        if (s.isRetransmission() || nextCopy[i] < n)
            e.why = evidence ? Inferred::FarEndTime : Inferred::CopyUnclear;
    }
    tl.arrivesAt[i] = e.t;
    arrival[i] = e;
}

// A pure ACK from the near end is lost when the far end later resends what it acknowledged, and
// resent it after the ACK would have arrived (an RTO or a probe fires only when no ACK came).
void Builder::lostPureAcks() {
    // Each far resend k asks: which near pure ACKs, sent from its first copy's time until its own
    // time less a round trip, acknowledged it? One sweep over the ACKs in time order with the resends
    // whose span has begun, least sequence end first; a span over is dropped when it reaches the top
    // (the ACKs' times only grow). n log n: a loop over each resend's span was n squared when
    // resends span many ACKs (fuzz_reconstruct_shapes).
    struct Span {
        Micros until;
        std::int64_t end;
        bool operator>(const Span& o) const { return end > o.end; }
    };
    std::vector<std::pair<Micros, Span>> spans;  // (from, span)
    for (std::size_t k = 0; k < n; ++k) {
        if (fromNear(k) || tl.segs[k].seqSpace() == 0 || firstCopy[k] == k || firstCopy[k] == n)
            continue;
        spans.push_back({times[firstCopy[k]], Span{times[k] - 2 * half, endPos[k]}});
    }
    std::sort(spans.begin(), spans.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::priority_queue<Span, std::vector<Span>, std::greater<Span>> open;  // least end on top
    std::size_t next = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Segment& s = tl.segs[i];
        if (!fromNear(i) || s.seqSpace() != 0 || !s.has(flag::Ack) || s.has(flag::Rst))
            continue;
        for (; next < spans.size() && spans[next].first <= times[i]; ++next)
            open.push(spans[next].second);
        // A span over for this ACK is over for every later one; one not yet over but with a larger
        // end than the top's can wait below it.
        while (!open.empty() && open.top().until < times[i])
            open.pop();
        if (!open.empty() && ackPos[i] >= open.top().end)
            tl.arrived[i] = false;
    }
}

// A near segment that reached the far end and was resent with no answer in between: the far end
// acknowledged it, and that ACK was lost before the capture point (the near end). It is added, not
// captured, sent when the segment arrived.
void Builder::addLostFarAcks() {
    const std::size_t captured = n;
    for (std::size_t i = 0; i < captured; ++i) {
        const Segment& s = tl.segs[i];
        if (!fromNear(i) || s.seqSpace() == 0 || !tl.arrived[i] || nextCopy[i] == n || s.has(flag::Rst))
            continue;
        const std::size_t resent = nextCopy[i];
        const std::size_t coverPos = farAcks.firstCovering(farAcks.firstAfter(i), endPos[i]);
        if (coverPos < farAcks.size() && times[farAcks.index(coverPos)] - half <= times[resent])
            continue;  // an answer was on its way before the copy left
        Segment ack;
        ack.id = static_cast<std::uint32_t>(tl.segs.size() + 1);
        ack.dir = s.dir == Direction::AtoB ? Direction::BtoA : Direction::AtoB;
        ack.seq = s.ack;  // the far end's SND.NXT, as the segment's ACK field shows it
        ack.ack = seqEnd(s);
        ack.flags = flag::Ack;
        const std::size_t k = tl.segs.size();
        tl.segs.push_back(ack);
        tl.opts.emplace_back();
        tl.notCaptured.push_back(true);
        tl.sentAt.push_back(tl.arrivesAt[i]);
        tl.arrivesAt.push_back(tl.arrivesAt[i] + half);
        tl.arrived.push_back(false);
        tl.events[sideIndex(far)].push_back({tl.arrivesAt[i], 2, k, true, Inferred::NotCaptured});
    }
}
}  // namespace

Timeline buildTimeline(const std::vector<Segment>& segs, const std::vector<SegmentOptions>& opts,
                       const std::vector<Micros>& times) {
    Timeline tl;
    const std::size_t n = segs.size();
    tl.segs = segs;
    tl.opts = opts;
    tl.opts.resize(n);
    tl.notCaptured.assign(n, false);
    tl.sentAt.assign(n, 0);
    tl.arrivesAt.assign(n, 0);
    tl.arrived.assign(n, true);
    const auto react = reactionTimes(segs, times);
    if (react[0] == kNever && react[1] == kNever)
        tl.near = n > 0 ? senderOf(segs[0].dir) : Side::A;
    else
        tl.near = react[0] <= react[1] ? Side::A : Side::B;
    const Side far = peerOf(tl.near);
    const Micros nearReact = react[static_cast<std::size_t>(sideIndex(tl.near))];
    const Micros farReact = react[static_cast<std::size_t>(sideIndex(far))];
    tl.roundTrip = (farReact == kNever || nearReact == kNever) ? 0 : std::max<Micros>(0, farReact - nearReact);
    Builder b{tl, times, n, tl.roundTrip / 2, far, {}, {}, {}, {}, {}, {}, {}, {}};
    b.indexSegments();
    auto& nearEvents = tl.events[sideIndex(tl.near)];
    auto& farEvents = tl.events[sideIndex(far)];
    for (std::size_t i = 0; i < n; ++i) {
        const bool fromNear = senderOf(segs[i].dir) == tl.near;
        nearEvents.push_back({times[i], 0, i, fromNear, Inferred::No});
        if (fromNear) {
            tl.sentAt[i] = times[i];
            tl.arrivesAt[i] = times[i] + b.half;
        } else {
            tl.sentAt[i] = times[i] - b.half;
            tl.arrivesAt[i] = times[i];
            farEvents.push_back({times[i] - b.half, 0, i, true, tl.roundTrip ? Inferred::FarEndTime : Inferred::No});
        }
    }
    b.arrival.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        if (senderOf(segs[i].dir) == tl.near)
            b.nearSegment(i);
    b.lostPureAcks();
    for (std::size_t i = 0; i < n; ++i)
        if (senderOf(segs[i].dir) == tl.near && tl.arrived[i])
            farEvents.push_back(b.arrival[i]);
    b.addLostFarAcks();
    for (auto& list : tl.events)
        std::stable_sort(list.begin(), list.end(), [](const EndpointEvent& x, const EndpointEvent& y) {
            return x.t != y.t ? x.t < y.t : x.rank < y.rank;
        });
    return tl;
}

}  // namespace finwave::capture
