#pragma once
// What the compare window (app/compare) tells each of its two sequence diagrams: the time axis
// both share, and what core/compare found of this run's records, so the diagram greys an event
// with no partner, writes the time shift of a paired segment and marks the first difference.

#include "app/views/sequence/time_axis.h"
#include "app/views/theme.h"

#include <QString>

#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace finwave::app {

struct ComparisonMarks {
    // Builds the shared axis for a theme (its scale follows the theme's font); null: the run's own.
    std::function<TimeAxis(const Theme&)> axis;
    std::unordered_map<std::size_t, Micros> shift;  // a Send record -> its pair's time shift (not 0)
    std::unordered_set<std::size_t> unpaired;        // records the other run has no partner for
    std::optional<std::size_t> firstDifference;      // the record at which the mark appears ...
    Micros firstDifferenceAt = 0;                    // ... on the row of this time (the run's clock)
};

}  // namespace finwave::app
