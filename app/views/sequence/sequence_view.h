#pragma once

#include "app/views/theme.h"

#include "app/views/focused_view.h"

namespace finwave::app {

class SimController;
class SequenceScene;

// Shows a SequenceScene: fitted to the pane's width, zoomed by the user, following the cursor
// unless the user scrolls away. All drawing and layout live in the scene.
class SequenceView : public FocusedView {
    Q_OBJECT
public:
    explicit SequenceView(SimController* controller, QWidget* parent = nullptr);
    ~SequenceView() override;

    SequenceScene* diagram() const { return m_scene; }
    void setTheme(const Theme& theme);
    const Theme& theme() const;
    int arrowCount() const;  // for tests: one arrow per segment sent

    // Opens the note of `step` for writing in place and brings it into view.
    void editNote(quint64 step);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;  // a row: write a note on its step
    void resizeEvent(QResizeEvent* event) override;
    // Once the heads have scrolled out of view, a copy stays at the top, as a spreadsheet keeps
    // its header row.
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void applyZoom();
    void updatePinLine();
    void follow(double cursorY);

    SequenceScene* m_scene;
    double m_zoom = 1.0;
    bool m_follow = true;
    bool m_scrolling = false;
    double m_keptPlace = 0;
};

}  // namespace finwave::app
