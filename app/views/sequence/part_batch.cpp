#include "app/views/sequence/part_batch.h"

#include <QCursor>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace finwave::app {

void DiagramPart::geometryChanging() {
    if (m_batch)
        m_batch->partChanging();
}

void DiagramPart::cursorMayChange() {
    if (m_batch)
        m_batch->cursorMayChange();
}

void DiagramPart::update() {
    if (m_batch)
        m_batch->update(boundingRect());
}

PartBatchItem::PartBatchItem(double z) {
    setZValue(z);
    // The painter's exposed rectangle, so a batch paints only the parts in it.
    setFlag(ItemUsesExtendedStyleOption);
}

PartBatchItem::~PartBatchItem() {
    for (DiagramPart* part : m_parts)
        delete part;
    m_parts.clear();
}

void PartBatchItem::setFollowsMouse(bool on) { setAcceptHoverEvents(on); }

void PartBatchItem::add(DiagramPart* part) {
    partChanging();
    part->m_batch = this;
    m_parts.push_back(part);
}

void PartBatchItem::deleteLast() {
    partChanging();
    delete m_parts.back();
    m_parts.pop_back();
}

void PartBatchItem::partChanging() {
    if (m_boundsKnown) {  // once per change of the union, not once per part that moves
        prepareGeometryChange();
        m_boundsKnown = false;
    }
}

QRectF PartBatchItem::boundingRect() const {
    if (!m_boundsKnown) {
        m_bounds = QRectF();
        for (const DiagramPart* part : m_parts)
            m_bounds = m_bounds.united(part->boundingRect());
        m_boundsKnown = true;
    }
    return m_bounds;
}

void PartBatchItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    for (const DiagramPart* part : m_parts)
        if (part->boundingRect().intersects(option->exposedRect)) {
            painter->save();
            part->paint(painter);
            painter->restore();
        }
}

bool PartBatchItem::contains(const QPointF& point) const { return partAt(point) != nullptr; }

DiagramPart* PartBatchItem::partAt(QPointF scenePos) const {
    for (auto it = m_parts.rbegin(); it != m_parts.rend(); ++it)  // the last painted is on top
        if ((*it)->contains(scenePos))
            return *it;
    return nullptr;
}

void PartBatchItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (DiagramPart* part = partAt(event->scenePos()); part && onPress) {
        onPress(part, event);
        if (event->isAccepted())
            return;
    }
    event->ignore();
}

void PartBatchItem::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    if (DiagramPart* part = partAt(event->scenePos()); part && onMenu) {
        onMenu(part, event);
        if (event->isAccepted())
            return;
    }
    event->ignore();
}

void PartBatchItem::setCursorShape(Qt::CursorShape shape) {
    if (shape == m_cursor)  // each setCursor() has Qt look for the items under the mouse again
        return;
    m_cursor = shape;
    if (shape != Qt::ArrowCursor)
        setCursor(QCursor(shape));
    else
        unsetCursor();
}

void PartBatchItem::cursorMayChange() {
    if (!m_mouseOver)
        return;
    const DiagramPart* part = partAt(m_mouse);
    setCursorShape(part ? part->cursorShape() : Qt::ArrowCursor);
}

// Not QGraphicsItem's, which repaints the whole item on entering and leaving it.
void PartBatchItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) { hoverMoveEvent(event); }

void PartBatchItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event) {
    m_mouse = event->scenePos();
    m_mouseOver = true;
    cursorMayChange();
}

void PartBatchItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    m_mouseOver = false;
    setCursorShape(Qt::ArrowCursor);
}

}  // namespace finwave::app
