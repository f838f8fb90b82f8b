#pragma once
// Handing the run out as it moves (issue 31): an animated GIF, an MP4 (by ffmpeg), one HTML page,
// or a PDF handout with a page per step, each from the run a controller holds (its drops, slider
// moves and notes, or its capture), never re-simulated from the scenario. The window's export and
// `finwave export` both come here.

#include "app/export/diagram_exporter.h"
#include "app/export/html_export.h"  // StepProgress

#include <QString>

namespace finwave::app {

class SimController;

// A GIF longer than this is refused unless allowed (an MP4 of the same run is a fraction of its size).
inline constexpr double kMaxGifSeconds = 30;
// Frames of any animation: ten minutes at 15 frames a second.
inline constexpr int kMaxAnimationFrames = 9000;

// Whether `options` asks for one of these (a GIF, an MP4, an HTML page or a handout).
bool isMovingExport(const ExportOptions& options);

// How long the animation of `source`'s run would last with `options` (GIF, MP4), in seconds, and
// whether that is too long for a GIF: for the window to say so before anything is drawn.
double animationSeconds(const SimController& source, const ExportOptions& options);

// Writes `path` atomically (QSaveFile, flushed and checked before the commit): nothing is left
// behind on failure or when `progress` returns false (then *cancelled is set). GUI thread: the
// scenes draw the frames. Returns empty on success (and on cancel), else one line naming the path.
QString exportMoving(const SimController& source, const ExportOptions& options, const QString& path,
                     const StepProgress& progress = {}, bool* cancelled = nullptr);

}  // namespace finwave::app
