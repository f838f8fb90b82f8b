#include "core/capture/internal/timeline.h"

#include <algorithm>
#include <map>
#include <limits>

namespace finwave::capture {

namespace {
constexpr Micros kNever = std::numeric_limits<Micros>::max();
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
}  // namespace

Timeline buildTimeline(const std::vector<Segment>& segs, const std::vector<Micros>& times) {
    Timeline tl;
    const std::size_t n = segs.size();
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
    const Micros half = tl.roundTrip / 2;

    auto& nearEvents = tl.events[sideIndex(tl.near)];
    auto& farEvents = tl.events[sideIndex(far)];
    for (std::size_t i = 0; i < n; ++i) {
        const bool fromNear = senderOf(segs[i].dir) == tl.near;
        nearEvents.push_back({times[i], 0, i, fromNear, Inferred::No});
        if (fromNear) {
            tl.sentAt[i] = times[i];
            tl.arrivesAt[i] = times[i] + half;
        } else {
            tl.sentAt[i] = times[i] - half;
            tl.arrivesAt[i] = times[i];
            farEvents.push_back({times[i] - half, 0, i, true, tl.roundTrip ? Inferred::FarEndTime : Inferred::No});
        }
    }
    // The last segment of each direction, and the last copy of each sequence number, so that the
    // loop below stays n log n on a long connection.
    std::size_t lastOf[2] = {0, 0};
    std::map<std::pair<int, std::uint32_t>, std::size_t> lastCopy;
    for (std::size_t i = 0; i < n; ++i) {
        const int d = segs[i].dir == Direction::AtoB ? 0 : 1;
        lastOf[d] = i;
        if (segs[i].seqSpace() > 0)
            lastCopy[{d, segs[i].seq}] = i;
    }
    // nextInDir[d][k]: the first segment at or after k going direction d (n if none).
    std::vector<std::size_t> nextInDir[2] = {std::vector<std::size_t>(n + 1, n), std::vector<std::size_t>(n + 1, n)};
    for (std::size_t k = n; k-- > 0;)
        for (int d = 0; d < 2; ++d)
            nextInDir[d][k] = (segs[k].dir == Direction::AtoB ? 0 : 1) == d ? k : nextInDir[d][k + 1];
    // Arrivals at the far end of what the near end sent.
    for (std::size_t i = 0; i < n; ++i) {
        const Segment& s = segs[i];
        if (senderOf(s.dir) != tl.near)
            continue;
        EndpointEvent e{times[i] + half, 0, i, false, tl.roundTrip ? Inferred::FarEndTime : Inferred::No};
        if (s.seqSpace() > 0) {
            // The first far segment that acknowledges it, and the last one before that which does not.
            std::size_t cover = n;
            Micros lastNot = std::numeric_limits<Micros>::min();
            const auto& other = nextInDir[s.dir == Direction::AtoB ? 1 : 0];
            for (std::size_t j = other[i + 1]; j < n && cover == n; j = other[j + 1]) {
                // A RST answers it too (RFC 9293 §3.5.2: a reset is sent in reply to a segment).
                if (segs[j].has(flag::Rst) || (segs[j].has(flag::Ack) && seqLeq(seqEnd(s), segs[j].ack)))
                    cover = j;
                else if (segs[j].has(flag::Ack))
                    lastNot = times[j] - half;
            }
            if (cover == n) {
                // Nothing acknowledges it: taken as lost only when the far end went on without it.
                const bool answeredLater = lastOf[s.dir == Direction::AtoB ? 1 : 0] > i;
                const bool copiedLater = lastCopy[{s.dir == Direction::AtoB ? 0 : 1, s.seq}] > i;
                if (answeredLater || s.isRetransmission() || copiedLater) {
                    tl.arrived[i] = false;
                    continue;
                }
            } else {
                const Micros coverSent = times[cover] - half;
                // A later copy that could have arrived before the acknowledgment was sent: this one was lost.
                bool laterCopy = false;
                for (std::size_t j = i + 1; j < cover; ++j)
                    if (segs[j].dir == s.dir && segs[j].seq == s.seq && segs[j].seqSpace() > 0 &&
                        times[j] + half <= coverSent)
                        laterCopy = true;
                if (laterCopy) {
                    tl.arrived[i] = false;
                    continue;
                }
                if (e.t >= coverSent)
                    e = {coverSent, -1, i, false, Inferred::FarEndTime};
                if (e.t < lastNot)
                    e = {lastNot, 1, i, false, Inferred::FarEndTime};
                if (s.isRetransmission())
                    e.why = Inferred::CopyUnclear;
            }
        }
        tl.arrivesAt[i] = e.t;
        farEvents.push_back(e);
    }
    for (auto& list : tl.events)
        std::stable_sort(list.begin(), list.end(), [](const EndpointEvent& x, const EndpointEvent& y) {
            return x.t != y.t ? x.t < y.t : x.rank < y.rank;
        });
    return tl;
}

}  // namespace finwave::capture
