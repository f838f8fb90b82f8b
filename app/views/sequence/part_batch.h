#pragma once
// The diagram's many small parts (a segment's arrow, what a call returned) drawn by one scene
// item per few dozen of them.
//
// A QGraphicsItem costs about 440 bytes before any data of its own, plus its entries in the
// scene's index, and the 50 000-segment run has 150 000 such parts: as items they took 134 MB,
// and the index another 85 MB at the first paint (issue 28). Qt has no item that draws many light
// shapes, so this is one: each part keeps its geometry in scene coordinates and paints itself;
// the batch is what the scene indexes, paints, hit-tests and asks for the mouse cursor.

#include <QGraphicsItem>
#include <QGraphicsScene>

#include <functional>
#include <vector>

namespace finwave::app {

class PartBatchItem;

class DiagramPart {
public:
    DiagramPart() = default;
    DiagramPart(const DiagramPart&) = delete;
    DiagramPart& operator=(const DiagramPart&) = delete;
    virtual ~DiagramPart() = default;

    virtual QRectF boundingRect() const = 0;
    virtual void paint(QPainter* painter) const = 0;
    // Whether a click or a tooltip at `p` (scene coordinates) is this part's.
    virtual bool contains(QPointF p) const { return boundingRect().contains(p); }
    // The mouse cursor over it; the view's own for Qt::ArrowCursor.
    virtual Qt::CursorShape cursorShape() const { return Qt::ArrowCursor; }
    PartBatchItem* batch() const { return m_batch; }

protected:
    void geometryChanging();  // before its bounding rectangle changes
    void update();            // after the way it looks changed within it
    void cursorMayChange();   // after what cursorShape() says may have changed

private:
    friend class PartBatchItem;
    PartBatchItem* m_batch = nullptr;
};

class PartBatchItem : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 100 };
    static constexpr std::size_t kCapacity = 64;

    explicit PartBatchItem(double z);
    ~PartBatchItem() override;  // deletes its parts
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    bool contains(const QPointF& point) const override;

    bool full() const { return m_parts.size() >= kCapacity; }
    bool empty() const { return m_parts.empty(); }
    void add(DiagramPart* part);  // takes it
    void deleteLast();            // parts go in the order they came
    DiagramPart* partAt(QPointF scenePos) const;  // the topmost, or null

    void partChanging();  // DiagramPart::geometryChanging()
    // Parts that want a cursor of their own (cursorShape()): the batch follows the mouse over them,
    // and looks again when a part's shape may have changed under a still mouse (cursorMayChange()).
    void setFollowsMouse(bool on);
    void cursorMayChange();

    // A press or a right-click on one of its parts.
    std::function<void(DiagramPart*, QGraphicsSceneMouseEvent*)> onPress;
    std::function<void(DiagramPart*, QGraphicsSceneContextMenuEvent*)> onMenu;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void setCursorShape(Qt::CursorShape shape);
    std::vector<DiagramPart*> m_parts;
    QPointF m_mouse;         // where the mouse is, while it is over the batch
    bool m_mouseOver = false;
    Qt::CursorShape m_cursor = Qt::ArrowCursor;
    mutable QRectF m_bounds;
    mutable bool m_boundsKnown = false;
};

// The parts of one kind, in order, in batches of PartBatchItem::kCapacity: a new batch is made
// when the last is full, and an emptied one leaves the scene.
template <typename Part>
void addPart(QGraphicsScene* scene, std::vector<Part*>& parts, Part* part, double z,
             const std::function<void(PartBatchItem*)>& made = {}) {
    PartBatchItem* batch = parts.empty() ? nullptr : parts.back()->batch();
    if (!batch || batch->full()) {
        batch = new PartBatchItem(z);
        if (made)
            made(batch);
        scene->addItem(batch);
    }
    batch->add(part);
    parts.push_back(part);
}

template <typename Part>
void deleteLastPart(std::vector<Part*>& parts) {
    PartBatchItem* batch = parts.back()->batch();
    parts.pop_back();
    batch->deleteLast();
    if (batch->empty())
        delete batch;
}

}  // namespace finwave::app
