#pragma once
// What one of an application's socket calls returned, in its side's column at the row it
// returned: a short tick from the lifeline and "read() = -1 ECONNRESET" beside it, wrapped to the
// column's width; a failed call in the colour of a loss.

#include "app/views/sequence/sequence_items.h"

namespace finwave::app {

// Drawn by a PartBatchItem with its neighbours (part_batch.h), in scene coordinates.
class CallMark : public DiagramPart {
public:
    static constexpr double kZ = 4;  // over the bands and timer brackets of its column
    CallMark(const Theme* theme, bool left, QString text, bool failed);
    QRectF boundingRect() const override;
    void paint(QPainter* painter) const override;

    // x: the lifeline; y: the row it returned at; textTop: where its text begins (y, or lower when
    // the text above it reaches further); the text fills the column's width.
    void place(double x, double y, double textTop, double columnWidth);
    // Written with no text (the tick only, its tooltip has the text): when the column has no room
    // for it near its row (layoutColumn()). Then textRect() is empty.
    void placeWithoutText(double x, double y, double columnWidth);
    double textHeight(double columnWidth) const;  // of the wrapped text at that width
    double textTop() const { return m_textTop; }
    double textBottom() const { return m_textTop + m_textHeight; }
    const QString& text() const { return m_text; }
    QRectF textRect() const;

    int createdAt = -1;  // trace index of the Return record
    Micros at = 0;
    bool placed = false;

private:
    const Theme* m_theme;
    bool m_left, m_failed;
    QString m_text;
    double m_x = 0, m_y = 0, m_textTop = 0, m_width = 100, m_textHeight = 0;
    bool m_textShown = true;
};

}  // namespace finwave::app
