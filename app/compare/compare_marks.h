#pragma once
// What each of the compare window's two diagrams is told (views/sequence/comparison_marks.h),
// made from core/compare's pairing of the two runs.

#include "app/views/sequence/comparison_marks.h"
#include "core/compare/compare.h"

#include <memory>
#include <utility>

namespace finwave::app {

struct BothMarks {
    std::shared_ptr<const ComparisonMarks> a, b;
};

// `a` and `b` are the two runs to their end (kept alive by the axes made from them). Both axes are
// one axis: fed every event of both runs (b's moved by the comparison's first-pair shift), with the
// first run's scale, then frozen. The second run's arrows carry the time shift of their pair.
BothMarks comparisonMarks(std::shared_ptr<const Simulator> a, std::shared_ptr<const Simulator> b, const compare::Comparison& c);

}  // namespace finwave::app
