#pragma once

#include "app/views/theme.h"

#include <QString>

namespace finwave::app {

class SequenceView;
class StateGraphView;

enum class DiagramView { Sequence, States, Both };
enum class ExportFormat { Png, Svg, Pdf };

struct ExportOptions {
    DiagramView view = DiagramView::Sequence;
    ExportFormat format = ExportFormat::Png;
    double scale = 1.0;        // PNG only, 1..4
    bool transparent = false;  // PNG only
    QString caption;           // drawn under the diagram when not empty
};

// Format from a file name's extension; false when it is none of png, svg, pdf.
bool formatFromPath(const QString& path, ExportFormat& format);

// Draws the whole diagram (not just the visible part) with the views' own drawing and writes it
// atomically. Returns an empty string on success, otherwise a one-line reason naming the path.
QString exportDiagram(SequenceView* sequence, StateGraphView* states, const ExportOptions& options,
                      const QString& path);

}  // namespace finwave::app
