// The diagram's furniture: the frame with lifelines, heads and ruler, the cursor, idle breaks and
// the rows that mark a change.
#include "app/views/sequence/sequence_items.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QStyleOptionGraphicsItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

#include <algorithm>

#include <vector>

namespace finwave::app {

using detail::drawBox;
using detail::drawLabel;
using detail::textBox;

// --- MarkerItem -------------------------------------------------------------------------

MarkerItem::MarkerItem(const Theme* theme, double left, double right, QString text, QColor colour)
    : m_theme(theme), m_left(left), m_right(right), m_text(std::move(text)), m_colour(std::move(colour)) {
    setZValue(15);
}

QRectF MarkerItem::boundingRect() const {
    const QRectF box = textBox(*m_theme, m_text);
    return QRectF(m_left, -box.height() - 4, m_right - m_left, box.height() + 8);
}

QRectF MarkerItem::textRect() const {
    QRectF box = textBox(*m_theme, m_text);
    box.moveBottomLeft(QPointF(m_left + 6, pos().y() - 2));
    return box;
}

void MarkerItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    p->setPen(QPen(m_colour, std::max<qreal>(1.2, t.lineWidth * 0.7), Qt::DotLine));
    p->drawLine(QPointF(m_left, 0), QPointF(m_right, 0));
    QRectF box = textBox(t, m_text);
    box.moveBottomLeft(QPointF(m_left + 6, -2));
    drawBox(p, t, box, m_text, m_colour);
}

// --- BreakItem --------------------------------------------------------------------------

BreakItem::BreakItem(const Theme* theme, double left, double right, double y0, double y1, QString label)
    : m_theme(theme), m_left(left), m_right(right), m_y0(y0), m_y1(y1), m_label(std::move(label)) {
    setZValue(1);
}

QRectF BreakItem::labelRect() const {
    QRectF r = textBox(*m_theme, m_label);
    r.moveCenter(QPointF((m_left + m_right) / 2, (m_y0 + m_y1) / 2));
    return r;
}

QRectF BreakItem::boundingRect() const { return QRectF(m_left, m_y0, m_right - m_left, m_y1 - m_y0); }

void BreakItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    QColor shade = t.grid;
    shade.setAlpha(110);
    p->setPen(Qt::NoPen);
    p->setBrush(shade);
    p->drawRect(boundingRect());
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(t.muted, 1.2));
    // Two zig-zags with the label between them; a short break (a gap just past the threshold)
    // has room for one, under the label.
    const bool roomy = m_y1 - m_y0 >= QFontMetricsF(t.font).height() + 24;
    const std::vector<qreal> rows = roomy ? std::vector<qreal>{m_y0 + 6, m_y1 - 6} : std::vector<qreal>{(m_y0 + m_y1) / 2};
    for (qreal y : rows) {
        QPainterPath zig(QPointF(m_left, y));
        for (qreal x = m_left; x < m_right; x += 12)
            zig.lineTo(x + 6, y + ((static_cast<int>((x - m_left) / 12) % 2) ? -4 : 4));
        p->drawPath(zig);
    }
    drawLabel(p, t, QPointF((m_left + m_right) / 2, (m_y0 + m_y1) / 2), m_label, t.muted);
}

// --- FrameItem --------------------------------------------------------------------------

FrameItem::FrameItem(const Theme* theme, double xA, double xB, double width, double ruler)
    : m_theme(theme), m_xA(xA), m_xB(xB), m_width(width), m_ruler(ruler) {
    setZValue(0);
    // Without this flag exposedRect is the whole item and the ruler would draw every tick.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
}

QRectF FrameItem::boundingRect() const { return QRectF(0, 0, m_width, m_bottom + 40); }

void FrameItem::setBottom(double y) {
    if (qFuzzyCompare(y, m_bottom))
        return;
    prepareGeometryChange();
    m_bottom = y;
}

void FrameItem::setTitle(QString title, QString subtitle) {
    m_title = std::move(title);
    m_subtitle = std::move(subtitle);
    update();
}

void FrameItem::setCursorRow(double y) {
    if (y == m_cursorY)
        return;
    m_cursorY = y;
    update();
}

void FrameItem::setTicks(QVector<QPair<double, QString>> ticks) {
    m_ticks = std::move(ticks);
    update();
}

void FrameItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const Theme& t = *m_theme;
    // What can be seen: the exposed rect, narrowed to the painter's device (QGraphicsView::render
    // and exports pass the whole item as exposed).
    QRectF exposed = option->exposedRect;
    if (const QPaintDevice* dev = p->device(); dev && dev->width() > 0)
        exposed &= p->worldTransform().inverted().mapRect(QRectF(0, 0, dev->width(), dev->height()));
    if (p->hasClipping())
        exposed &= p->clipBoundingRect();
    p->setRenderHint(QPainter::Antialiasing);
    paintTitle(p, t);
    const qreal headTop = kTitleBottom + 4;
    paintHeads(p, t, m_xA, m_xB, headTop);
    for (auto [x, colour] : {std::pair{m_xA, t.sideA}, std::pair{m_xB, t.sideB}}) {
        const QRectF head(x - 34, headTop, 68, 30);
        // Only the exposed part: stroking a lifeline hundreds of thousands of pixels long costs
        // far more than everything else on screen.
        const qreal top = std::max(head.bottom(), exposed.top() - 4), bottom = std::min(m_bottom, exposed.bottom() + 4);
        p->setPen(QPen(colour, t.lineWidth));
        if (top < bottom)
            p->drawLine(QPointF(x, top), QPointF(x, bottom));
    }
    // Time ruler: one label per event time, skipping those that would overlap.
    p->setFont(t.font);
    p->setPen(t.muted);
    const QFontMetricsF fm(t.font);
    qreal lastY = -1e9;
    QVector<QLineF> grid;
    for (const auto& [y, text] : m_ticks) {
        if (y - lastY < fm.height() || y < exposed.top() - 20 || y > exposed.bottom() + 20)
            continue;
        const bool underCursor = std::abs(y - m_cursorY) < fm.height();
        if (underCursor) {  // its grid line is drawn, its time is the cursor's to write
            grid.append(QLineF(m_ruler, y, m_width - 4, y));
            continue;
        }
        p->drawText(QRectF(4, y - fm.height() / 2, m_ruler - 6, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        grid.append(QLineF(m_ruler, y, m_width - 4, y));
        lastY = y;
    }
    QPen gridPen(t.grid, 0);  // cosmetic and solid: cheap to draw, faint enough not to compete
    p->setPen(gridPen);
    p->drawLines(grid);
}

// The title and the line under it fill the band above the heads: each on one line at its own size
// when it fits (the usual case), else both smaller and wrapped (a capture file's long name, a
// scenario's long title) down to 60 %, breaking inside a word only if a word is wider than the
// diagram. Never cut, never elided.
void FrameItem::paintTitle(QPainter* p, const Theme& t) const {
    const QRectF title(0, 6, m_width, 28), line(0, 32, m_width, kTitleBottom - 32);
    const int wrap = Qt::AlignHCenter | Qt::TextWordWrap | Qt::TextWrapAnywhere;
    const auto fits = [this](const QFont& f, const QString& text) {
        return QFontMetricsF(f).horizontalAdvance(text) <= m_width - 8;
    };
    QFont big = t.titleFont, small = t.font;
    if (fits(big, m_title) && fits(small, m_subtitle)) {
        p->setFont(big);
        p->setPen(t.foreground);
        p->drawText(title, Qt::AlignHCenter | Qt::AlignVCenter, m_title);
        p->setFont(small);
        p->setPen(t.muted);
        p->drawText(line, Qt::AlignHCenter | Qt::AlignVCenter, m_subtitle);
        return;
    }
    const QRectF band(4, 2, m_width - 8, kTitleBottom - 2);
    QRectF titleBox, lineBox;
    for (double k = 0.95; k >= 0.6; k -= 0.05) {
        big.setPointSizeF(t.titleFont.pointSizeF() * k);
        small.setPointSizeF(t.font.pointSizeF() * k);
        titleBox = QFontMetricsF(big).boundingRect(band, wrap, m_title);
        lineBox = QFontMetricsF(small).boundingRect(band, wrap, m_subtitle);
        if (titleBox.height() + lineBox.height() <= band.height())
            break;
    }
    p->setFont(big);
    p->setPen(t.foreground);
    p->drawText(QRectF(band.left(), band.top(), band.width(), titleBox.height()), wrap, m_title);
    p->setFont(small);
    p->setPen(t.muted);
    p->drawText(QRectF(band.left(), band.top() + titleBox.height(), band.width(), lineBox.height()), wrap, m_subtitle);
}

void FrameItem::paintHeads(QPainter* p, const Theme& t, double xA, double xB, double top) {
    for (auto [x, name, colour] : {std::tuple{xA, QStringLiteral("A"), t.sideA}, std::tuple{xB, QStringLiteral("B"), t.sideB}}) {
        const QRectF head(x - 34, top, 68, 30);
        p->setPen(Qt::NoPen);
        p->setBrush(colour);
        p->drawRoundedRect(head, 6, 6);
        p->setPen(Qt::white);
        p->setFont(t.titleFont);
        p->drawText(head, Qt::AlignCenter, name);
    }
}

// --- PinBackdropItem --------------------------------------------------------------------

PinBackdropItem::PinBackdropItem(const Theme* theme) : m_theme(theme) {
    setZValue(15.5);  // over the row marks (15), under the pinned labels (16)
    setVisible(false);
}

QRectF PinBackdropItem::boundingRect() const { return m_bounds; }

void PinBackdropItem::setPatches(QVector<Patch> patches) {
    prepareGeometryChange();
    m_patches = std::move(patches);
    m_bounds = QRectF();
    for (const Patch& p : m_patches)
        m_bounds = m_bounds.united(p.rect);
    setVisible(!m_patches.isEmpty());  // nothing drawn, nothing in an export
    update();
}

bool PinBackdropItem::hides(const QRectF& r) const {
    double covered = 0;
    for (const Patch& p : m_patches) {
        QRectF under = p.rect;  // and the pinned heads above the strip
        under.setTop(std::min(under.top(), r.top()));
        if (const QRectF part = under.intersected(r); !part.isEmpty())
            covered += part.width() * part.height();
    }
    return !m_patches.isEmpty() && covered >= r.width() * r.height() - 0.01;
}

void PinBackdropItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    for (const Patch& patch : m_patches) {
        p->fillRect(patch.rect, m_theme->background);
        if (patch.colour.isValid())
            p->fillRect(patch.rect, patch.colour);
    }
}

// --- CursorItem -------------------------------------------------------------------------

CursorItem::CursorItem(const Theme* theme, double ruler, double right) : m_theme(theme), m_ruler(ruler), m_right(right) {
    setZValue(20);
}

QRectF CursorItem::boundingRect() const {
    const qreal h = QFontMetricsF(m_theme->font).height();
    return QRectF(0, -h, m_right, h * 2);
}

void CursorItem::setText(QString text) {
    m_text = std::move(text);
    update();
}

void CursorItem::setGaps(QVector<QPair<double, double>> gaps) {
    std::sort(gaps.begin(), gaps.end());
    if (gaps == m_gaps)
        return;
    m_gaps = std::move(gaps);
    update();
}

QRectF CursorItem::textRect() const {
    const QFontMetricsF fm(m_theme->font);
    return QRectF(0, pos().y() - fm.height() / 2, m_ruler, fm.height());
}

void CursorItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    p->setPen(QPen(t.cursor, std::max<qreal>(1.5, t.lineWidth * 0.8), Qt::DashLine));
    double from = m_ruler;
    for (const auto& [left, right] : m_gaps) {
        if (left > from)
            p->drawLine(QPointF(from, 0), QPointF(std::min(left - 3, m_right), 0));
        from = std::max(from, right + 3);
    }
    if (from < m_right)
        p->drawLine(QPointF(from, 0), QPointF(m_right, 0));
    const QFontMetricsF fm(t.font);
    const QRectF box(0, -fm.height() / 2, m_ruler, fm.height());
    p->setPen(Qt::NoPen);
    p->setBrush(t.background);
    p->drawRect(box);
    QFont bold = t.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(t.cursor);
    p->drawText(box.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

}  // namespace finwave::app
