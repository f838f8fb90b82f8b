#include "core/compare/compare.h"

#include <algorithm>
#include <cstdint>

namespace finwave::compare {

namespace {
// Longest common subsequence by dynamic programming up to this many cells (64 MB of uint32);
// past it, a greedy match.
constexpr std::size_t kMaxTableCells = 16'000'000;
// The greedy match looks this far ahead in the other run for an event's partner.
constexpr std::size_t kWindow = 256;

std::vector<Aligned> alignByTable(const std::vector<Event>& a, const std::vector<Event>& b) {
    const std::size_t n = a.size(), m = b.size();
    // len[i][j]: the longest common subsequence of a[i..] and b[j..].
    std::vector<std::uint32_t> len((n + 1) * (m + 1), 0);
    const auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            len[at(i, j)] = a[i].key == b[j].key ? len[at(i + 1, j + 1)] + 1 : std::max(len[at(i + 1, j)], len[at(i, j + 1)]);
    std::vector<Aligned> out;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i].key == b[j].key) {
            out.push_back({i, j, b[j].t - a[i].t});
            ++i;
            ++j;
        } else if (j == m || (i < n && (len[at(i + 1, j)] > len[at(i, j + 1)] ||
                                         (len[at(i + 1, j)] == len[at(i, j + 1)] && a[i].t <= b[j].t)))) {
            // Where skipping either keeps as many pairs, the earlier event is listed first.
            out.push_back({i++, std::nullopt, 0});
        } else {
            out.push_back({std::nullopt, j++, 0});
        }
    }
    return out;
}

std::vector<Aligned> alignGreedily(const std::vector<Event>& a, const std::vector<Event>& b) {
    std::vector<Aligned> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i].key == b[j].key) {
            out.push_back({i, j, b[j].t - a[i].t});
            ++i;
            ++j;
            continue;
        }
        // The nearer partner ahead in either run decides which side skips.
        std::size_t aheadB = kWindow + 1, aheadA = kWindow + 1;
        for (std::size_t k = 1; i < a.size() && k <= kWindow && j + k < b.size(); ++k)
            if (b[j + k].key == a[i].key) {
                aheadB = k;
                break;
            }
        for (std::size_t k = 1; j < b.size() && k <= kWindow && i + k < a.size(); ++k)
            if (a[i + k].key == b[j].key) {
                aheadA = k;
                break;
            }
        if (j < b.size() && (i == a.size() || aheadB < aheadA))
            out.push_back({std::nullopt, j++, 0});
        else
            out.push_back({i++, std::nullopt, 0});
    }
    return out;
}
}  // namespace

std::unique_ptr<Simulator> finishedRun(const Scenario& scenario) {
    SimulatorOptions o;
    o.keepHistory = false;
    auto sim = std::make_unique<Simulator>(scenario, o);
    sim->runToEnd();
    return sim;
}

std::vector<Event> comparableEvents(const Simulator& sim) {
    std::vector<Event> out;
    const Trace& trace = sim.trace();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const TraceRecord& r = trace[i];
        Event e;
        e.record = i;
        e.step = r.step;
        e.t = r.t;
        e.key.kind = r.kind;
        e.key.side = r.side;
        switch (r.kind) {
        case EventKind::State:
            e.key.from = r.from;
            e.key.to = r.to;
            break;
        case EventKind::Send:
        case EventKind::Arrive:
        case EventKind::Drop:
            if (!r.hasSegment)
                continue;
            e.key.flags = r.seg.flags;
            e.key.dir = r.seg.dir;
            e.key.seq = sim.relativeSeq(r.seg);
            e.key.ack = sim.relativeAck(r.seg);
            e.key.len = r.seg.len;
            break;
        default:
            continue;
        }
        out.push_back(e);
    }
    // Events at the same moment have no order between them: the engine runs them one after
    // another, a capture lists them as its clock saw them (two FINs crossing). Put in one order,
    // as cause and effect read (arrivals, losses, state changes, then sends; A before B), both
    // runs pair them alike.
    const auto rank = [](EventKind k) {
        return k == EventKind::Arrive ? 0 : k == EventKind::Drop ? 1 : k == EventKind::State ? 2 : 3;
    };
    std::stable_sort(out.begin(), out.end(), [&rank](const Event& x, const Event& y) {
        if (x.t != y.t)
            return x.t < y.t;
        if (rank(x.key.kind) != rank(y.key.kind))
            return rank(x.key.kind) < rank(y.key.kind);
        return x.key.side < y.key.side;
    });
    return out;
}

Comparison compareRuns(const Simulator& a, const Simulator& b, Micros tolerance, bool fromFirstPair) {
    Comparison c;
    c.a = comparableEvents(a);
    c.b = comparableEvents(b);
    const bool small = (c.a.size() + 1) * (c.b.size() + 1) <= kMaxTableCells;
    c.lines = small ? alignByTable(c.a, c.b) : alignGreedily(c.a, c.b);
    if (fromFirstPair) {
        const auto first = std::find_if(c.lines.begin(), c.lines.end(), [](const Aligned& l) { return l.a && l.b; });
        const Micros shift = first == c.lines.end() ? 0 : first->dt;
        for (Aligned& line : c.lines)
            if (line.a && line.b)
                line.dt -= shift;
        c.firstPairShift = shift;
    }
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        const Aligned& line = c.lines[k];
        const bool pair = line.a && line.b;
        c.pairs += pair ? 1 : 0;
        c.onlyA += line.a && !line.b ? 1 : 0;
        c.onlyB += line.b && !line.a ? 1 : 0;
        const bool moved = pair && (line.dt > tolerance || line.dt < -tolerance);
        c.shifted += moved ? 1 : 0;
        if (!c.firstDifference && (!pair || moved))
            c.firstDifference = k;
    }
    return c;
}

}  // namespace finwave::compare
