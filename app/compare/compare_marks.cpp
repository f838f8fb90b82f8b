#include "app/compare/compare_marks.h"

#include "app/views/sequence/sequence_layout.h"

#include <algorithm>

namespace finwave::app {

namespace {
// One event of either run on the shared clock: its time and, for a segment sent, when it lands.
struct Feed {
    Micros t = 0, until = 0;
    bool send = false;
};

std::vector<Feed> feedOf(const Simulator& a, const Simulator& b, Micros shiftA, Micros shiftB) {
    std::vector<Feed> feed;
    feed.reserve(a.trace().size() + b.trace().size());
    for (const auto& [sim, shift] : {std::pair{&a, shiftA}, std::pair{&b, shiftB}})
        for (const TraceRecord& r : sim->trace())
            feed.push_back({r.t + shift, std::max(r.t, r.arrivesAt) + shift, r.kind == EventKind::Send});
    // Both runs in time order; at one moment the order does not matter to the axis.
    std::stable_sort(feed.begin(), feed.end(), [](const Feed& x, const Feed& y) { return x.t < y.t; });
    return feed;
}

// Where the first difference is marked in one run: at its own event there or, when only the other
// run has one, at its next event (or its last), on the row of the difference.
std::optional<std::size_t> differenceRecord(const compare::Comparison& c, bool first, const Simulator& sim) {
    if (!c.firstDifference || sim.trace().empty())
        return std::nullopt;
    for (std::size_t k = *c.firstDifference; k < c.lines.size(); ++k) {
        const auto& index = first ? c.lines[k].a : c.lines[k].b;
        if (index)
            return (first ? c.a : c.b)[*index].record;
    }
    return sim.trace().size() - 1;
}
}  // namespace

BothMarks comparisonMarks(std::shared_ptr<const Simulator> a, std::shared_ptr<const Simulator> b, const compare::Comparison& c) {
    const Micros shiftA = c.shiftA(), shiftB = c.shiftB();  // the shared clock
    auto feed = std::make_shared<const std::vector<Feed>>(feedOf(*a, *b, shiftA, shiftB));
    const auto axisFor = [a, feed](Micros shift) {
        return [a, feed, shift](const Theme& theme) {
            TimeAxis axis = timeAxisFor(theme, *a);
            int record = 0;
            for (const Feed& f : *feed) {
                axis.addTime(f.t);
                if (f.send)
                    axis.hold(record, f.until);  // no break through either run's flights
                ++record;
            }
            axis.freeze();
            axis.setShift(shift);
            return axis;
        };
    };
    auto ma = std::make_shared<ComparisonMarks>();
    auto mb = std::make_shared<ComparisonMarks>();
    ma->axis = axisFor(shiftA);
    mb->axis = axisFor(shiftB);
    for (const compare::Aligned& line : c.lines) {
        if (line.a && !line.b)
            ma->unpaired.insert(c.a[*line.a].record);
        if (line.b && !line.a)
            mb->unpaired.insert(c.b[*line.b].record);
        if (line.a && line.b && line.dt != 0 && c.b[*line.b].key.kind == EventKind::Send)
            mb->shift[c.b[*line.b].record] = line.dt;
    }
    ma->firstDifference = differenceRecord(c, true, *a);
    mb->firstDifference = differenceRecord(c, false, *b);
    if (c.firstDifference) {
        const compare::Aligned& d = c.lines[*c.firstDifference];
        ma->firstDifferenceAt = d.a ? c.a[*d.a].t : c.b[*d.b].t - c.firstPairShift;
        mb->firstDifferenceAt = d.b ? c.b[*d.b].t : c.a[*d.a].t + c.firstPairShift;
    }
    return {ma, mb};
}

}  // namespace finwave::app
