#include "app/views/sequence/note_item.h"

#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>

namespace finwave::app {

namespace {
constexpr double kPad = 6;
}

NoteItem::NoteItem(const Theme* theme, quint64 step, const QString& text, double width)
    : m_theme(theme), m_step(step) {
    setZValue(30);
    setFont(theme->font);
    setDefaultTextColor(theme->foreground);
    setPlainText(text);
    setTextWidth(width - 2 * kPad);
    document()->setDocumentMargin(kPad);
}

void NoteItem::setAnchor(double rowY, double leaderX) {
    prepareGeometryChange();
    m_rowY = rowY;
    m_leaderX = leaderX;
}

QRectF NoteItem::boundingRect() const {
    QRectF r = QGraphicsTextItem::boundingRect();
    // The leader runs left from the box to the row, at or above the box's top.
    const QPointF row = mapFromScene(QPointF(m_leaderX, m_rowY));
    return r.united(QRectF(row, QSizeF(1, 1))).adjusted(-2, -2, 2, 2);
}

void NoteItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    const Theme& t = *m_theme;
    const QRectF box = QGraphicsTextItem::boundingRect();
    p->setRenderHint(QPainter::Antialiasing);
    // The leader: from the row at B's column to the note's box.
    const QPointF row = mapFromScene(QPointF(m_leaderX, m_rowY));
    p->setPen(QPen(t.cursor, std::max<qreal>(1.2, t.lineWidth * 0.8), Qt::DashLine));
    p->drawLine(row, QPointF(box.left(), std::clamp(row.y(), box.top() + 8, box.bottom() - 8)));
    QColor fill = t.background;
    fill = QColor::fromRgbF(fill.redF() * 0.9 + t.cursor.redF() * 0.1, fill.greenF() * 0.9 + t.cursor.greenF() * 0.1,
                            fill.blueF() * 0.9 + t.cursor.blueF() * 0.1);
    p->setBrush(fill);
    p->setPen(QPen(m_editing ? t.foreground : t.cursor, m_editing ? 2.0 : 1.4));
    p->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);  // no dotted focus frame
    QGraphicsTextItem::paint(p, &plain, widget);
}

void NoteItem::startEditing(std::function<void(const QString&)> done, std::function<void()> cancelled) {
    m_done = std::move(done);
    m_cancelled = std::move(cancelled);
    m_editing = true;
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setFocus(Qt::OtherFocusReason);
    QTextCursor c = textCursor();
    c.select(QTextCursor::Document);
    setTextCursor(c);
    update();
}

QString NoteItem::endEditingQuietly() {
    m_editing = false;
    m_done = nullptr;
    m_cancelled = nullptr;
    setTextInteractionFlags(Qt::NoTextInteraction);
    return toPlainText().trimmed();
}

void NoteItem::finish(bool keep) {
    if (!m_editing)
        return;
    m_editing = false;
    setTextInteractionFlags(Qt::NoTextInteraction);
    // The callbacks may rebuild the scene and delete this item: nothing of it is used after.
    auto done = std::move(m_done);
    auto cancelled = std::move(m_cancelled);
    if (keep && done)
        done(toPlainText().trimmed());
    else if (!keep && cancelled)
        cancelled();
}

void NoteItem::keyPressEvent(QKeyEvent* event) {
    if (m_editing && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        !(event->modifiers() & Qt::ShiftModifier)) {
        finish(true);  // Shift+Enter makes a new line
        return;
    }
    if (m_editing && event->key() == Qt::Key_Escape) {
        finish(false);
        return;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

void NoteItem::focusOutEvent(QFocusEvent* event) {
    QGraphicsTextItem::focusOutEvent(event);
    // A menu or a context menu takes the focus for a moment; leaving for real keeps the text.
    if (event->reason() != Qt::PopupFocusReason && event->reason() != Qt::ActiveWindowFocusReason)
        finish(true);
}

}  // namespace finwave::app
