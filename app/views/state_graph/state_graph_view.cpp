#include "app/views/state_graph/state_graph_view.h"

#include "app/views/state_graph/state_graph_scene.h"

#include <QWheelEvent>

namespace finwave::app {

StateGraphView::StateGraphView(SimController* controller, QWidget* parent)
    : FocusedView(parent), m_scene(new StateGraphScene(controller, this)) {
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFrameShape(QFrame::NoFrame);
    const auto refit = [this] {
        if (m_fitted)
            fit();
    };
    connect(m_scene, &StateGraphScene::rebuilt, this, refit);
    connect(m_scene, &StateGraphScene::contentGrown, this, refit);
    fit();
}

StateGraphView::~StateGraphView() = default;

const Theme& StateGraphView::theme() const { return m_scene->theme(); }
void StateGraphView::setTheme(const Theme& theme) { m_scene->setTheme(theme); }
int StateGraphView::markedState(int side) const { return m_scene->markedState(side); }
double StateGraphView::viewScale() const { return transform().m11(); }

void StateGraphView::fit() {
    setSceneRect(m_scene->contentRect());
    fitInView(m_scene->contentRect(), Qt::KeepAspectRatio);
}

void StateGraphView::zoomIn() {
    m_fitted = false;
    scale(1.2, 1.2);
}
void StateGraphView::zoomOut() {
    m_fitted = false;
    scale(1 / 1.2, 1 / 1.2);
}
void StateGraphView::resetZoom() {
    m_fitted = true;
    fit();
}

void StateGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fit();
}

void StateGraphView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

}  // namespace finwave::app
