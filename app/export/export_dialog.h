#pragma once

class QWidget;

namespace finwave::app {

class SimController;

// File → Export… (PNG/SVG/PDF of the sequence diagram, the state graph, or both) and
// Edit → Copy as image (Ctrl+Shift+C). Both draw with the views' own renderContent().
void showExportDialog(QWidget* parent, SimController* controller);
void copyDiagramToClipboard(SimController* controller);

}  // namespace finwave::app
