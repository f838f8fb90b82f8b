#include "app/views/sequence/sequence_view.h"
#include "app/views/sequence/note_item.h"

#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/window/sim_controller.h"

#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QWheelEvent>

#include <algorithm>
#include <limits>

namespace finwave::app {

SequenceView::SequenceView(SimController* controller, QWidget* parent)
    : FocusedView(parent), m_scene(new SequenceScene(controller, this)) {
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    connect(m_scene, &SequenceScene::cursorMoved, this, &SequenceView::follow);
    // A note being written holds the view on it; once kept or dropped, the view goes back to
    // following the step (a teacher writes a note and steps on).
    connect(m_scene, &SequenceScene::noteEditingEnded, this, [this] {
        m_follow = true;
        follow(m_scene->cursorY());
    });
    // A run loaded anew starts followed, whatever was scrolled in the one before.
    connect(controller, &SimController::scenarioLoaded, this, [this] { m_follow = true; });
    // A rebuild (theme, language) keeps the user's place: the same share of the diagram stays in
    // view when the cursor is not being followed.
    connect(m_scene, &SequenceScene::aboutToRebuild, this, [this] {
        const QScrollBar* bar = verticalScrollBar();
        m_keptPlace = bar->maximum() > 0 ? static_cast<double>(bar->value()) / bar->maximum() : 0.0;
    });
    connect(m_scene, &SequenceScene::rebuilt, this, [this] {
        applyZoom();
        if (!m_follow) {
            m_scrolling = true;
            verticalScrollBar()->setValue(static_cast<int>(m_keptPlace * verticalScrollBar()->maximum()));
            m_scrolling = false;
        }
        updatePinLine();
    });
    m_scene->setSegmentMenu([this](quint32 id, std::size_t record, bool canDrop, QPoint at) {
        QMenu menu(this);
        menu.addAction(tr("Packet details"), this, [this, record] { m_scene->chooseSegment(record); });
        // Nothing to drop in a captured run, once it has ended, or while a quiz holds the run.
        if (canDrop)
            menu.addAction(tr("Drop this segment"), this, [this, id] { m_scene->dropSegment(id); });
        menu.exec(at);
    });
    // Follow the cursor unless the user scrolls away; scrolling back to it resumes following.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        // A scroll moves the painted pixels; the pinned heads must be drawn again at the top.
        if (mapToScene(QPoint(0, 0)).y() > kTitleBottom - 200)
            viewport()->update();
        updatePinLine();
        if (m_scrolling)
            return;
        const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
        m_follow = visible.contains(QPointF(m_scene->lifelineX(0), m_scene->cursorY()));
    });
    applyZoom();
}

SequenceView::~SequenceView() = default;

const Theme& SequenceView::theme() const { return m_scene->theme(); }
void SequenceView::setTheme(const Theme& theme) { m_scene->setTheme(theme); }
int SequenceView::arrowCount() const { return m_scene->arrowCount(); }

void SequenceView::follow(double cursorY) {
    if (!m_follow)
        return;
    m_scrolling = true;
    ensureVisible(QRectF(m_scene->lifelineX(0), cursorY - 60, 1, 200), 10, 80);
    m_scrolling = false;
}

// The diagram is fitted to the pane's width (never enlarged), then the user's zoom applies.
void SequenceView::applyZoom() {
    // Room for the vertical scroll bar is kept even before it appears, or its arrival would make
    // the fitted diagram a few pixels too wide and add a horizontal bar.
    const int bar = verticalScrollBar()->isVisible() ? 0 : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const double room = viewport()->width() - bar;
    // Notes beside B's column only while the diagram with them is still read at the theme's least
    // sizes (labels of 16 px on a projector, 11 px in the light theme); else they go under the
    // diagram, and the scene is made again without their column (not while one is being written).
    if (m_scene->hasNotes() && !m_scene->editingNote() && room > 0) {
        const Theme& t = m_scene->theme();
        const double labelPx = t.font.pointSizeF() * logicalDpiY() / 72.0;
        const double least = (t.large ? 16.0 : 11.0) / labelPx;
        const double extra = SequenceScene::notesColumnWidth(t);
        const double bare = m_scene->width() - (m_scene->notesBeside() ? extra : 0);
        const bool beside = room / (bare + extra + 8) >= least;
        if (beside != m_scene->notesBeside()) {
            m_scene->setNotesBeside(beside);  // rebuilt: applyZoom again with the new width
            return;
        }
    }
    const double w = m_scene->width();
    const double fit = w > 0 ? std::clamp(room / (w + 8), 0.35, 1.0) : 1.0;
    const double k = fit * m_zoom;
    setTransform(QTransform::fromScale(k, k));
    updatePinLine();
}

void SequenceView::editNote(quint64 step) {
    m_scene->editNote(step);
    if (NoteItem* note = m_scene->editingNote()) {
        setFocus(Qt::OtherFocusReason);
        m_follow = false;
        ensureVisible(note, 20, 20);
    }
}

void SequenceView::mouseDoubleClickEvent(QMouseEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    for (QGraphicsItem* item : items(event->position().toPoint()))
        if (auto* note = qgraphicsitem_cast<NoteItem*>(item)) {
            editNote(note->step());
            return;
        }
    if (at.y() > 0 && at.x() > 0) {
        editNote(m_scene->stepAtY(at.y()));
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void SequenceView::zoomIn() {
    m_zoom = std::min(4.0, m_zoom * 1.2);
    applyZoom();
}
void SequenceView::zoomOut() {
    m_zoom = std::max(0.25, m_zoom / 1.2);
    applyZoom();
}
void SequenceView::resetZoom() {
    m_zoom = 1.0;
    applyZoom();
}

void SequenceView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    applyZoom();
    // A caption growing under the view (a long note) must not leave the step under it.
    if (m_follow && event->size().height() < event->oldSize().height())
        follow(m_scene->cursorY());
}

// Where the pinned heads end, for the scene to write the names and timer labels that reach below
// them just under them (SequenceScene::setPinLine()).
void SequenceView::updatePinLine() {
    const double top = mapToScene(QPoint(0, 0)).y();
    m_scene->setPinLine(top <= kTitleBottom ? -std::numeric_limits<double>::infinity() : top + (kHeadsBottom - kTitleBottom));
}

void SequenceView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    const double top = mapToScene(QPoint(0, 0)).y();
    if (top <= kTitleBottom)
        return;  // the frame's own heads are in view
    const Theme& t = m_scene->theme();
    const double band = kHeadsBottom - kTitleBottom;
    // Opaque, as a spreadsheet's frozen header row is: text scrolled under it would otherwise
    // show through faintly and read as a smudge over the heads.
    painter->fillRect(QRectF(rect.left(), top, rect.width(), band), t.background);
    FrameItem::paintHeads(painter, t, m_scene->lifelineX(0), m_scene->lifelineX(1), top + 4);
}

void SequenceView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

}  // namespace finwave::app
