#include "app/views/sequence_items.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QStyleOptionGraphicsItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

#include <vector>

namespace finwave::app {

namespace {
QRectF textBox(const Theme& t, const QString& text) {
    QRectF r = QFontMetricsF(t.font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter, text);
    r.adjust(-4, -1, 4, 1);
    return r;
}

void drawBox(QPainter* p, const Theme& t, const QRectF& r, const QString& text, const QColor& colour) {
    QColor bg = t.background;
    bg.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(bg);
    p->drawRoundedRect(r, 3, 3);
    p->setPen(colour);
    p->setFont(t.font);
    p->drawText(r, Qt::AlignCenter, text);
}

void drawLabel(QPainter* p, const Theme& t, QPointF anchor, const QString& text, const QColor& colour) {
    QRectF r = textBox(t, text);
    r.moveCenter(anchor);
    QColor bg = t.background;
    bg.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(bg);
    p->drawRoundedRect(r, 3, 3);
    p->setPen(colour);
    p->setFont(t.font);
    p->drawText(r, Qt::AlignCenter, text);
}
}  // namespace

// --- SegmentArrowItem -------------------------------------------------------------------

SegmentArrowItem::SegmentArrowItem(const Theme* theme, quint32 segmentId, bool aToB, QString label,
                                   bool retransmission)
    : m_theme(theme), m_id(segmentId), m_aToB(aToB), m_retransmission(retransmission), m_label(std::move(label)) {
    setAcceptHoverEvents(true);
    setZValue(10);
    const QRectF box = textBox(*m_theme, m_label);  // measured once: boundingRect() is called often
    m_pad = QSizeF(box.width() + 16, box.height() * 2 + 16 + m_theme->lineWidth * 4);
}

void SegmentArrowItem::setLine(QPointF from, QPointF to, Fate fate) {
    if (from == m_from && to == m_to && fate == m_fate)
        return;
    prepareGeometryChange();
    m_from = from;
    m_to = to;
    m_fate = fate;
    setCursor(QCursor(fate == Fate::InFlight ? Qt::PointingHandCursor : Qt::ArrowCursor));
    update();
}

QRectF SegmentArrowItem::boundingRect() const {
    return QRectF(m_from, m_to).normalized().adjusted(-m_pad.width(), -m_pad.height(), m_pad.width(), m_pad.height());
}

QPainterPath SegmentArrowItem::shape() const {
    QPainterPath line(m_from);
    line.lineTo(m_to);
    QPainterPathStroker stroker;
    stroker.setWidth(std::max<qreal>(12, m_theme->lineWidth * 5));
    return stroker.createStroke(line);
}

void SegmentArrowItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    const QColor colour = m_corrupt ? t.lost : m_aToB ? t.sideA : t.sideB;
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(colour, m_corrupt ? t.lineWidth * 1.6 : t.lineWidth);
    if (m_retransmission)
        pen.setStyle(Qt::DashLine);
    if (m_fate == Fate::InFlight)
        pen.setWidthF(t.lineWidth * 1.6);
    p->setPen(pen);
    p->drawLine(m_from, m_to);
    const QLineF line(m_from, m_to);
    if (m_fate == Fate::Lost) {
        const qreal s = 7 + t.lineWidth * 2;
        p->setPen(QPen(t.lost, t.lineWidth * 1.8, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(m_to + QPointF(-s, -s), m_to + QPointF(s, s));
        p->drawLine(m_to + QPointF(-s, s), m_to + QPointF(s, -s));
    } else if (line.length() > 1) {
        const qreal angle = std::atan2(-line.dy(), line.dx());
        const qreal size = 9 + t.lineWidth * 2;
        const QPointF a = m_to - QPointF(std::cos(angle - M_PI / 7) * size, -std::sin(angle - M_PI / 7) * size);
        const QPointF b = m_to - QPointF(std::cos(angle + M_PI / 7) * size, -std::sin(angle + M_PI / 7) * size);
        p->setPen(Qt::NoPen);
        p->setBrush(colour);
        p->drawPolygon(QPolygonF({m_to, a, b}));
    }
    drawBox(p, t, labelRect(), m_label, colour);
}

// Beside the sender, just above the arrow where it leaves (below it when another segment leaves
// the other side at the same moment), so the labels of crossing segments do not meet.
QRectF SegmentArrowItem::labelRect() const {
    QRectF r = textBox(*m_theme, m_label);
    const double dir = m_aToB ? 1 : -1;
    const double nearX = m_from.x() + dir * 8;
    const double centreX = nearX + dir * r.width() / 2;
    const QLineF line(m_from, m_to);
    const double dx = m_to.x() - m_from.x();
    // The arrow's y under the label's centre; a short arrow in flight is taken as far as it goes.
    const double f = std::abs(dx) > 1 ? std::clamp((centreX - m_from.x()) / dx, 0.0, 1.0) : 0.0;
    const double lineY = line.pointAt(f).y();
    r.moveCenter(QPointF(centreX, m_labelBelow ? lineY + r.height() / 2 + 3 : lineY - r.height() / 2 - 3));
    return r;
}

QPointF SegmentArrowItem::labelCenter() const { return labelRect().center(); }

void SegmentArrowItem::setCorrupt(QString label) {
    prepareGeometryChange();
    m_corrupt = true;
    m_label = std::move(label);
    const QRectF box = textBox(*m_theme, m_label);
    m_pad = QSizeF(box.width() + 16, box.height() * 2 + 16 + m_theme->lineWidth * 4);
    update();
}

void SegmentArrowItem::setLabelBelow(bool below) {
    if (below == m_labelBelow)
        return;
    prepareGeometryChange();
    m_labelBelow = below;
}

void SegmentArrowItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (m_fate == Fate::InFlight && onClick && event->button() == Qt::LeftButton) {
        onClick(m_id);
        event->accept();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
}

void SegmentArrowItem::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    if (m_fate == Fate::InFlight && onMenu) {
        onMenu(m_id, event->screenPos());
        event->accept();
        return;
    }
    QGraphicsItem::contextMenuEvent(event);
}

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

QRectF StateBandItem::boundingRect() const {
    const QFontMetricsF fm(m_theme->titleFont);
    return QRectF(m_left ? m_x - m_width : m_x, m_y0 - 2, m_width, std::max(m_y1 - m_y0, m_nameOffset + fm.height()) + 4);
}

void StateBandItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    const QRectF column(m_left ? m_x - m_width : m_x, m_y0, m_width, m_y1 - m_y0);
    QColor fill = t.stateBand[m_state];
    fill.setAlpha(150);
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRect(column);
    // The name where the state begins, inside the column next to the lifeline, with a tick.
    const QFontMetricsF fm(t.titleFont);
    const qreal ny = m_y0 + m_nameOffset;
    p->setPen(QPen(t.foreground, 1.2));
    p->drawLine(QPointF(m_x, m_y0), QPointF(m_left ? m_x - 10 : m_x + 10, m_y0));
    p->setFont(t.titleFont);
    const QRectF text(column.left() + 6, ny - fm.height() / 2, m_width - 12, fm.height());
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
    const qreal ty = m_y0 + m_labelOffset;
    const int align = m_left ? Qt::AlignLeft : Qt::AlignRight;
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

// --- MarkerItem -------------------------------------------------------------------------

MarkerItem::MarkerItem(const Theme* theme, double left, double right, QString text, QColor colour)
    : m_theme(theme), m_left(left), m_right(right), m_text(std::move(text)), m_colour(std::move(colour)) {
    setZValue(15);
}

QRectF MarkerItem::boundingRect() const {
    const QRectF box = textBox(*m_theme, m_text);
    return QRectF(m_left, -box.height() - 4, m_right - m_left, box.height() + 8);
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
    p->setFont(t.titleFont);
    p->setPen(t.foreground);
    p->drawText(QRectF(0, 6, m_width, 28), Qt::AlignHCenter | Qt::AlignVCenter, m_title);
    p->setFont(t.font);
    p->setPen(t.muted);
    p->drawText(QRectF(0, 32, m_width, kTitleBottom - 32), Qt::AlignHCenter | Qt::AlignVCenter, m_subtitle);
    const qreal headTop = kTitleBottom + 4;
    for (auto [x, name, colour] : {std::tuple{m_xA, QStringLiteral("A"), t.sideA}, std::tuple{m_xB, QStringLiteral("B"), t.sideB}}) {
        QRectF head(x - 34, headTop, 68, 30);
        p->setPen(Qt::NoPen);
        p->setBrush(colour);
        p->drawRoundedRect(head, 6, 6);
        p->setPen(Qt::white);
        p->setFont(t.titleFont);
        p->drawText(head, Qt::AlignCenter, name);
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
        p->drawText(QRectF(4, y - fm.height() / 2, m_ruler - 6, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        grid.append(QLineF(m_ruler, y, m_width - 4, y));
        lastY = y;
    }
    QPen gridPen(t.grid, 0);  // cosmetic and solid: cheap to draw, faint enough not to compete
    p->setPen(gridPen);
    p->drawLines(grid);
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

void CursorItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    p->setPen(QPen(t.cursor, std::max<qreal>(1.5, t.lineWidth * 0.8), Qt::DashLine));
    p->drawLine(QPointF(m_ruler, 0), QPointF(m_right, 0));
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
