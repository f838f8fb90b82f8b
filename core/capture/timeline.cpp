#include "core/capture/timeline.h"

#include <algorithm>
#include <limits>

namespace finwave::capture {

namespace {
constexpr Micros kNever = std::numeric_limits<Micros>::max();
int sideIndex(Side s) { return s == Side::A ? 0 : 1; }

// The shortest time each side took to acknowledge something new from its peer. The side the capture
// was taken at answers at once; the other's answers take a round trip more.
std::array<Micros, 2> reactionTimes(const std::vector<Segment>& segs, const std::vector<Micros>& times) {
    std::array<Micros, 2> best{kNever, kNever};
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const Segment& s = segs[i];
        if (!s.has(flag::Ack))
            continue;
        for (std::size_t j = i; j-- > 0;) {
            const Segment& p = segs[j];
            if (p.dir == s.dir || p.seqSpace() == 0)
                continue;
            if (seqEnd(p) == s.ack) {
                Micros& b = best[static_cast<std::size_t>(sideIndex(senderOf(s.dir)))];
                b = std::min(b, times[i] - times[j]);
            }
            break;
        }
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
            for (std::size_t j = i + 1; j < n && cover == n; ++j) {
                if (segs[j].dir == s.dir)
                    continue;
                // A RST answers it too (RFC 9293 §3.5.2: a reset is sent in reply to a segment).
                if (segs[j].has(flag::Rst) || (segs[j].has(flag::Ack) && seqLeq(seqEnd(s), segs[j].ack)))
                    cover = j;
                else if (segs[j].has(flag::Ack))
                    lastNot = times[j] - half;
            }
            if (cover == n) {
                // Nothing acknowledges it: taken as lost only when the far end went on without it.
                bool answeredLater = false;
                for (std::size_t j = i + 1; j < n; ++j)
                    answeredLater = answeredLater || segs[j].dir != s.dir;
                if (answeredLater || s.isRetransmission() ||
                    std::any_of(segs.begin() + static_cast<std::ptrdiff_t>(i) + 1, segs.end(),
                                [&](const Segment& c) { return c.dir == s.dir && c.seq == s.seq && c.seqSpace() > 0; })) {
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
