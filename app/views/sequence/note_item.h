#pragma once
// A teacher's note on a step, as a callout in the notes column beside the step's row: a box of
// wrapped text with a leader to the row. Edited in place: typing replaces its text, Enter keeps
// it, Escape leaves it as it was.

#include "app/views/sequence/sequence_items.h"
#include "app/views/theme.h"

#include <QGraphicsTextItem>

#include <functional>

namespace finwave::app {

class NoteItem : public QGraphicsTextItem {
public:
    enum { Type = NoteType };
    NoteItem(const Theme* theme, quint64 step, const QString& text, double width);
    int type() const override { return Type; }
    quint64 step() const { return m_step; }

    // The row the note belongs to, in scene y, and where the leader starts (B's column's edge).
    void setAnchor(double rowY, double leaderX);
    double rowY() const { return m_rowY; }

    // In-place editing; `done` gets the text on Enter or on leaving, nothing on Escape.
    void startEditing(std::function<void(const QString&)> done, std::function<void()> cancelled);
    bool isEditing() const { return m_editing; }
    // Ends the editing without calling back (the scene is about to be made anew); the text typed.
    QString endEditingQuietly();

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void finish(bool keep);

    const Theme* m_theme;
    quint64 m_step;
    double m_rowY = 0, m_leaderX = 0;
    bool m_editing = false;
    std::function<void(const QString&)> m_done;
    std::function<void()> m_cancelled;
};

}  // namespace finwave::app
