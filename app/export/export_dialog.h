#pragma once

#include "app/export/diagram_exporter.h"

#include <functional>

class QWidget;

namespace finwave::app {

class SimController;

// Exports `controller`'s run (complete, or up to its current step) from views of its own, so the
// window's scroll position is never touched. A PNG is drawn here strip by strip; encoding and
// writing run on a worker thread while this waits in an event loop, so the window keeps
// repainting. If it takes over `progressAfterMs` (half a second) a progress dialog appears under
// `parent`, with Cancel while drawing and writing. Returns the error, or empty (also when
// cancelled: nothing is written).
// How the drawn diagram is written: writeDiagram() unless a test puts its own in between.
using DiagramWriter = std::function<QString(const PaintedDiagram&, const QString&, EncodeControl*)>;
struct ExportRunSettings {
    int progressAfterMs = 500;  // the progress dialog appears once the export has taken this long
    DiagramWriter writer;       // empty: writeDiagram
};
QString exportRun(QWidget* parent, SimController* controller, bool completeRun, ExportOptions options, const QString& path,
                  bool* cancelled = nullptr, const ExportRunSettings& settings = {});

// The run as it moves (a GIF, an MP4, an HTML page or a handout: animation_export.h) from the
// window, with a progress dialog after `progressAfterMs` and Cancel (then nothing is written and
// *cancelled is set). In `options.language` while it draws, then the window's again.
QString exportMovingFromWindow(QWidget* parent, SimController* controller, const ExportOptions& options, const QString& path,
                               bool* cancelled = nullptr, int progressAfterMs = 500);

// File → Export… (PNG/SVG/PDF of the sequence diagram, the state graph, or both) and
// Edit → Copy as image (Ctrl+Shift+C). Both draw with the views' own renderContent().
void showExportDialog(QWidget* parent, SimController* controller);
// Where the export's file dialog starts: the last folder used, else the user's documents, else
// home; never "/".
QString exportStartFolder();
// The file and its format: a name typed with a known extension is written in that format ("x.pdf"
// while SVG was chosen is a PDF); a name without one gets the chosen format's extension.
QString pathWithFormat(const QString& path, const QString& chosenExtension, ExportFormat& format);
// The dialog's preview: the complete run in `view` and `theme`, fitted to a Full HD slide and
// scaled to 480 × 270.
QImage previewDiagram(SimController* controller, DiagramView view, const QString& theme);
// Up to the current step: twice the screen's size, or a 4K slide when one column would be very tall.
void copyDiagramToClipboard(SimController* controller);

}  // namespace finwave::app
