// What a side's column draws: the band of each state with its name, and the bracket of each timer
// with its label and marks; both keep their texts under the pinned heads while the view scrolls.
#include "app/views/sequence/sequence_items.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace finwave::app {

namespace {
// The ground under a label pinned below the heads: the page's colour, nearly opaque, so the
// arrows and labels that scroll under it do not run through its text.
void paintChip(QPainter* p, const Theme& t, const QRectF& line, double textWidth, int align) {
    QRectF chip = line;
    chip.setWidth(textWidth);
    if (align & Qt::AlignRight)
        chip.moveRight(line.right());
    QColor ground = t.background;
    ground.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(ground);
    p->drawRoundedRect(chip.adjusted(-4, -1, 4, 1), 4, 4);
}

// Sets an item's pin line (`pinTop`), repaints it if its label moved, and tells whether the label
// now stands pinned (`shown()` below its `natural` place). Given `unpinnedZ`, a pinned label is drawn
// over the arrows, the parameter-change rows and the other timers' marks that scroll under it
// (below the cursor and the notes); unpinned, its item goes back to its place among them. A band
// is not raised: its translucent fill would wash out everything in its column.
template <class Shown>
bool repin(QGraphicsItem* item, double& pinTop, double top, double natural, double* unpinnedZ, Shown shown) {
    const double before = shown();
    pinTop = top;
    if (shown() != before)
        item->update();
    const bool pinned = shown() > natural;
    constexpr double kPinnedZ = 16;
    if (!unpinnedZ)
        return pinned;
    if (pinned && item->zValue() != kPinnedZ) {
        *unpinnedZ = item->zValue();
        item->setZValue(kPinnedZ);
    } else if (!pinned && item->zValue() == kPinnedZ) {
        item->setZValue(*unpinnedZ);
    }
    return pinned;
}
}  // namespace

// --- StateBandItem ----------------------------------------------------------------------

StateBandItem::StateBandItem(const Theme* theme, int tcpState, bool left, QString name)
    : m_theme(theme), m_state(tcpState), m_left(left), m_name(std::move(name)) {
    setZValue(2);
}

void StateBandItem::setSpan(double x, double y0, double y1, double columnWidth) {
    if (x == m_x && y0 == m_y0 && std::max(y0, y1) == m_y1 && columnWidth == m_width)
        return;
    prepareGeometryChange();
    m_x = x;
    m_y0 = y0;
    m_y1 = std::max(y0, y1);
    m_width = columnWidth;
}

void StateBandItem::setNameOffset(double dy) {
    if (qFuzzyCompare(dy + 1, m_nameOffset + 1))
        return;
    prepareGeometryChange();
    m_nameOffset = dy;
}

bool StateBandItem::setPinTop(double top) {
    return repin(this, m_pinTop, top, nameY(), nullptr, [this] { return shownNameY(); });
}

QColor StateBandItem::fill() const {
    QColor c = m_theme->stateBand[m_state];
    c.setAlpha(150);
    return c;
}

QRectF StateBandItem::nameRect() const {
    const QFontMetricsF fm(m_theme->titleFont);
    const double w = fm.horizontalAdvance(m_name), y = shownNameY();
    const double left = m_left ? m_x - 6 - w : m_x + 6;
    return QRectF(left, y - fm.height() / 2, w, fm.height());
}

double StateBandItem::nameHeight() const { return QFontMetricsF(m_theme->titleFont).height(); }

double StateBandItem::shownNameY() const {
    const double h = nameHeight();
    // Under the heads while the band reaches a line below the name there (where the band ends
    // stand the next state's name and the marks of the timers it ended); else where it begins,
    // scrolled out of view under the heads.
    const double pinned = m_pinTop + h / 2;
    return pinned <= m_y1 - h * 1.5 ? std::max(nameY(), pinned) : nameY();
}

QRectF StateBandItem::boundingRect() const {
    const QFontMetricsF fm(m_theme->titleFont);
    return QRectF(m_left ? m_x - m_width : m_x, m_y0 - 2, m_width, std::max(m_y1 - m_y0, m_nameOffset + fm.height()) + 4);
}

void StateBandItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    const QRectF column(m_left ? m_x - m_width : m_x, m_y0, m_width, m_y1 - m_y0);
    const QColor fill = this->fill();
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRect(column);
    // The name where the state begins, inside the column next to the lifeline, with a tick.
    const QFontMetricsF fm(t.titleFont);
    const qreal ny = shownNameY();
    p->setPen(QPen(t.foreground, 1.2));
    p->drawLine(QPointF(m_x, m_y0), QPointF(m_left ? m_x - 10 : m_x + 10, m_y0));
    p->setFont(t.titleFont);
    const QRectF text(column.left() + 6, ny - fm.height() / 2, m_width - 12, fm.height());
    if (ny > nameY())  // pinned: on a chip, over whatever passes under it
        paintChip(p, t, text, fm.horizontalAdvance(m_name), m_left ? Qt::AlignRight : Qt::AlignLeft);
    p->setPen(t.foreground);
    p->drawText(text, (m_left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, m_name);
}

// --- TimerBracketItem -------------------------------------------------------------------

TimerBracketItem::TimerBracketItem(const Theme* theme, bool left, QString name)
    : m_theme(theme), m_left(left), m_name(std::move(name)) {
    setZValue(3);
}

void TimerBracketItem::setSpan(double x, double y0, double y1, QString status, bool running, QVector<Mark> marks) {
    const bool sameMarks = marks.size() == m_marks.size() &&
                           std::equal(marks.begin(), marks.end(), m_marks.begin(), [](const Mark& a, const Mark& b) {
                               return a.y == b.y && a.textY == b.textY && a.text == b.text;
                           });
    if (x == m_x && y0 == m_y0 && std::max(y0 + 2, y1) == m_y1 && running == m_running && status == m_status && sameMarks)
        return;
    prepareGeometryChange();
    m_x = x;
    m_y0 = y0;
    m_y1 = std::max(y0 + 2, y1);
    if (status != m_status || !sameMarks || m_textWidth < 0) {  // measured here, not in boundingRect()
        const QFontMetricsF fm(m_theme->font);
        m_textWidth = fm.horizontalAdvance(m_name);
        for (const QString& l : status.split(QLatin1Char('\n')))
            m_textWidth = std::max(m_textWidth, fm.horizontalAdvance(l));
        for (const Mark& m : marks)
            m_textWidth = std::max(m_textWidth, fm.horizontalAdvance(m.text));
        m_lineHeight = fm.height();
    }
    m_status = std::move(status);
    m_marks = std::move(marks);
    m_running = running;
}

void TimerBracketItem::setLabelOffset(double dy) {
    if (qFuzzyCompare(dy + 1, m_labelOffset + 1))
        return;
    prepareGeometryChange();
    m_labelOffset = dy;
}

bool TimerBracketItem::setPinTop(double top) {
    return repin(this, m_pinTop, top, labelTop(), &m_unpinnedZ, [this] { return shownLabelTop(); });
}

double TimerBracketItem::shownLabelTop() const {
    // Only while the whole label fits above the next mark written below it and the bracket's end.
    double limit = m_y1;
    for (const Mark& m : m_marks)  // those scrolled under the heads too are out of the way
        if (m.textY > std::max(labelTop(), m_pinTop))
            limit = std::min(limit, m.textY - m_lineHeight / 2);
    return m_pinTop <= limit - labelHeight() ? std::max(labelTop(), m_pinTop) : labelTop();
}

QVector<QRectF> TimerBracketItem::textRects() const {
    const QFontMetricsF fm(m_theme->font);
    const qreal tx = m_left ? m_x + 8 : m_x - 8 - m_textWidth;
    const auto line = [&](qreal top, const QString& text) {
        const qreal w = fm.horizontalAdvance(text);
        return QRectF(m_left ? tx : tx + m_textWidth - w, top, w, fm.height());
    };
    QVector<QRectF> out;
    const qreal ty = shownLabelTop();
    out.push_back(line(ty, m_name));
    if (!m_status.isEmpty()) {
        const QStringList lines = m_status.split(QLatin1Char('\n'));
        for (int k = 0; k < lines.size(); ++k)
            out.push_back(line(ty + fm.height() * (k + 1), lines[k]));
    }
    for (const Mark& m : m_marks)
        out.push_back(line(m.textY - fm.height() / 2, m.text));
    return out;
}

double TimerBracketItem::bottomTextY() const {
    double bottom = labelBottom();
    for (const Mark& m : m_marks)
        bottom = std::max(bottom, m.textY + m_lineHeight / 2);
    return bottom;
}

QRectF TimerBracketItem::boundingRect() const {
    const qreal w = m_textWidth + 24;
    const qreal bottom = std::max(m_y1, bottomTextY());
    return QRectF(m_left ? m_x - 4 : m_x - w, m_y0 - 4, w + 4, bottom - m_y0 + m_lineHeight + 8);
}

void TimerBracketItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(t.timer, std::max<qreal>(1.2, t.lineWidth * 0.8));
    if (!m_running)
        pen.setColor(t.muted);
    p->setPen(pen);
    // The bracket opens toward the lifeline; its text stands inside the column beside it.
    const qreal tick = m_left ? 6 : -6;
    QPainterPath path(QPointF(m_x + tick, m_y0));
    path.lineTo(m_x, m_y0);
    path.lineTo(m_x, m_y1);
    path.lineTo(m_x + tick, m_y1);
    p->drawPath(path);
    p->setFont(t.font);
    p->setPen(t.foreground);
    const QFontMetricsF fm(t.font);
    const qreal tx = m_left ? m_x + 8 : m_x - 8 - m_textWidth;
    const qreal ty = shownLabelTop();
    const int align = m_left ? Qt::AlignLeft : Qt::AlignRight;
    if (ty > labelTop()) {  // pinned: on a chip, over whatever passes under it
        paintChip(p, t, QRectF(tx, ty, m_textWidth, labelHeight()), m_textWidth, align);
        p->setPen(t.foreground);
    }
    const auto write = [&](qreal top, const QString& text) {
        p->drawText(QRectF(tx, top, m_textWidth, fm.height()), align | Qt::AlignVCenter, text);
    };
    write(ty, m_name);
    if (!m_status.isEmpty()) {  // the length, and while running the time left
        const QStringList lines = m_status.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i)
            write(ty + fm.height() * (i + 1), lines[i]);
    }
    for (const Mark& m : m_marks) {  // a restart or the end, at its own time
        p->setPen(pen);
        p->drawLine(QPointF(m_x, m.y), QPointF(m_x + tick * 2, m.y));
        p->setPen(t.foreground);
        write(m.textY - fm.height() / 2, m.text);
    }
}

}  // namespace finwave::app
