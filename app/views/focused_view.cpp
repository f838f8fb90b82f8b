#include "app/views/focused_view.h"

#include <QFocusEvent>
#include <QPainter>

namespace finwave::app {

void FocusedView::focusInEvent(QFocusEvent* event) {
    const Qt::FocusReason why = event->reason();
    m_ring = why == Qt::TabFocusReason || why == Qt::BacktabFocusReason || why == Qt::ShortcutFocusReason;
    viewport()->update();
    QGraphicsView::focusInEvent(event);
}

void FocusedView::focusOutEvent(QFocusEvent* event) {
    m_ring = false;
    viewport()->update();
    QGraphicsView::focusOutEvent(event);
}

void FocusedView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    if (m_ring && hasFocus())
        viewport()->update();  // scrolling moves the pixels, ring and all: draw it again in place
}

void FocusedView::paintEvent(QPaintEvent* event) {
    QGraphicsView::paintEvent(event);
    if (!m_ring || !hasFocus())
        return;
    QPainter p(viewport());
    const int w = 3;  // 3 px: seen from the back of a room too
    p.setPen(QPen(palette().color(QPalette::Highlight), w));
    p.setBrush(Qt::NoBrush);
    p.drawRect(viewport()->rect().adjusted(w / 2, w / 2, -(w + 1) / 2, -(w + 1) / 2));
}

}  // namespace finwave::app
