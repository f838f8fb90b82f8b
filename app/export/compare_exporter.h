#pragma once
// Two runs side by side in one picture (`finwave export --compare`, the compare window's Export):
// each run's sequence diagram, state graph or both, the two on one time axis as the compare window
// draws them (the scenes carry the comparison's marks), and the comparison's summary under them.

#include "app/export/diagram_exporter.h"

namespace finwave::app {

struct ComparedScenes {
    SequenceScene* sequence[2] = {nullptr, nullptr};
    StateGraphScene* states[2] = {nullptr, nullptr};
};

// Draws the whole of both (not the visible part), with o.view, o.format, o.scale or o.fit, and
// o.caption under both. GUI thread.
PaintedDiagram paintComparison(const ComparedScenes& scenes, const ExportOptions& o, const PaintProgress& progress = {});

}  // namespace finwave::app
