#pragma once
// A handout: a PDF with one page per step, for printing or slides. Each page draws the diagram up
// to its step (the same layout on every page, so pages can be flipped through), and under it the
// step's headline, sentence and rule, and the teacher's note on it.

#include "app/export/diagram_exporter.h"  // DiagramView
#include "app/export/html_export.h"  // StepProgress

#include <QByteArray>
#include <QSize>

namespace finwave::app {

class FrameRenderer;

// The pages of `renderer`'s steps (fromStep() to toStep()); empty when cancelled.
QByteArray handoutPdf(FrameRenderer& renderer, const StepProgress& progress = {});
// The frame to lay `view` out for on an A4 landscape page at 96 dots an inch, less the margins and
// the place of the words.
QSize handoutDiagramSize(DiagramView view);

}  // namespace finwave::app
