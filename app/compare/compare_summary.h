#pragma once
// The comparison of two runs in one paragraph, for the compare window and `export --compare
// --caption`: how many events pair, where the runs first differ and when each ends.

#include "core/compare/compare.h"

#include <QString>

namespace finwave::app {

QString comparisonSummary(const Simulator& a, const Simulator& b, const compare::Comparison& c);
// A record as one short line: its time and what happened, without the states and the rule.
QString shortEventText(const Simulator& sim, const compare::Event& e);

}  // namespace finwave::app
