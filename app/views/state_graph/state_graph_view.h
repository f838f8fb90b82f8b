#pragma once

#include "app/views/theme.h"

#include "app/views/focused_view.h"

namespace finwave::app {

class SimController;
class StateGraphScene;

// Shows a StateGraphScene fitted to the pane (keeping its aspect) until the user zooms:
// Ctrl+wheel, Ctrl+plus / Ctrl+minus, Ctrl+0 back to fit, as in the sequence diagram.
class StateGraphView : public FocusedView {
    Q_OBJECT
public:
    explicit StateGraphView(SimController* controller, QWidget* parent = nullptr);
    ~StateGraphView() override;

    StateGraphScene* graph() const { return m_scene; }
    void setTheme(const Theme& theme);
    const Theme& theme() const;
    int markedState(int side) const;  // for tests: side 0 = A, 1 = B
    double viewScale() const;         // scene units to pixels, now

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void fit();

    StateGraphScene* m_scene;
    bool m_fitted = true;
};

}  // namespace finwave::app
