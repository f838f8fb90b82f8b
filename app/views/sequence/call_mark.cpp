#include "app/views/sequence/call_mark.h"
#include "app/views/sequence/text_measures.h"

#include <QFontMetricsF>
#include <QPainter>

namespace finwave::app {

namespace {
constexpr int kWrap = Qt::TextWordWrap;
constexpr double kTick = 12;  // the tick from the lifeline into the column
constexpr double kPad = 4;
}  // namespace

CallMark::CallMark(const Theme* theme, bool left, QString text, bool failed)
    : m_theme(theme), m_left(left), m_failed(failed), m_text(std::move(text)) {}

double CallMark::textHeight(double columnWidth) const {
    return measuredWrapped(m_theme->font, columnWidth - kTick - 2 * kPad, m_text).height();
}

void CallMark::place(double x, double y, double textTop, double columnWidth) {
    geometryChanging();
    m_x = x;
    m_y = y;
    m_textTop = textTop;
    m_width = columnWidth;
    m_textHeight = textHeight(columnWidth);
    m_textShown = true;
}

void CallMark::placeWithoutText(double x, double y, double columnWidth) {
    geometryChanging();
    m_x = x;
    m_y = y;
    m_textTop = y;
    m_width = columnWidth;
    m_textHeight = 0;
    m_textShown = false;  // the tooltip has the words (SequenceScene::helpEvent())
}

QRectF CallMark::textRect() const {
    if (!m_textShown)
        return {};
    const double w = m_width - kTick - 2 * kPad;
    return QRectF(m_left ? m_x - kTick - kPad - w : m_x + kTick + kPad, m_textTop, w, m_textHeight);
}

QRectF CallMark::boundingRect() const {
    if (!m_textShown)
        return QRectF(m_left ? m_x - kTick : m_x, m_y - 2, kTick, 4).adjusted(-3, -2, 3, 2);
    return textRect().united(QRectF(m_left ? m_x - kTick : m_x, m_y - 2, kTick, 4)).adjusted(-3, -2, 3, 2);
}

void CallMark::paint(QPainter* p) const {
    const Theme& t = *m_theme;
    const QColor ink = m_failed ? t.lost : t.foreground;
    p->setRenderHint(QPainter::Antialiasing);
    // The tick at the row it returned, and a leader to the text when the text was pushed down
    // less than a line (further, a leader would run through the texts between: the tick is
    // enough).
    p->setPen(QPen(ink, 1.6));
    const double tickEnd = m_left ? m_x - kTick : m_x + kTick;
    p->drawLine(QPointF(m_x, m_y), QPointF(tickEnd, m_y));
    if (!m_textShown)
        return;
    const QRectF text = textRect();
    if (text.top() > m_y + 2 && text.top() < m_y + QFontMetricsF(t.font).height())
        p->drawLine(QPointF(tickEnd, m_y), QPointF(tickEnd, text.top() + QFontMetricsF(t.font).height() / 2));
    // On a chip of the background, so a band's colour or a bracket under it does not blur it.
    QColor chip = t.background;
    chip.setAlpha(225);
    p->setPen(Qt::NoPen);
    p->setBrush(chip);
    p->drawRoundedRect(text.adjusted(-3, -1, 3, 1), 3, 3);
    p->setPen(ink);
    p->setFont(t.font);
    p->drawText(text, kWrap | (m_left ? Qt::AlignRight : Qt::AlignLeft), m_text);
}

}  // namespace finwave::app
