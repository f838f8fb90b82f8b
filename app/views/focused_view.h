#pragma once

#include <QGraphicsView>

namespace finwave::app {

// A diagram view that shows where the keyboard is: reached with Tab (or Shift+Tab, or a
// shortcut), it draws a ring in the palette's highlight colour inside its edge, as a button
// or a text field shows its focus. A click gives focus without the ring, as browsers do for
// :focus-visible, so a teacher clicking a segment does not frame the diagram.
class FocusedView : public QGraphicsView {
    Q_OBJECT
public:
    using QGraphicsView::QGraphicsView;
    bool showsFocusRing() const { return m_ring; }

protected:
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;  // the ring is not scrolled with the picture

private:
    bool m_ring = false;
};

}  // namespace finwave::app
