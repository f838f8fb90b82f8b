#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/text_measures.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QtMath>

#include <vector>

namespace finwave::app {


namespace detail {
QRectF textBox(const Theme& t, const QString& text) {
    QRectF r = measuredBox(t.font, text);
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
    drawBox(p, t, r, text, colour);
}
}  // namespace detail

using detail::drawBox;
using detail::drawLabel;
using detail::textBox;

// --- SegmentArrow -------------------------------------------------------------------

SegmentArrow::SegmentArrow(const Theme* theme, quint32 segmentId, bool aToB, QString label, bool retransmission)
    : m_theme(theme), m_label(std::move(label)), m_id(segmentId), m_aToB(aToB), m_retransmission(retransmission) {
    m_labelBox = textBox(*m_theme, m_label);  // measured once: boundingRect() is called often
}

double SegmentArrow::pad() const { return 12 + m_theme->lineWidth * 3; }  // the head, the cross

void SegmentArrow::setLine(QPointF from, QPointF to, Fate fate) {
    if (from == m_from && to == m_to && fate == m_fate)
        return;
    geometryChanging();
    m_from = from;
    m_to = to;
    const bool fateChanged = fate != m_fate;
    m_fate = fate;
    if (fateChanged)  // a hand no more, or again after a step back, under a still mouse
        cursorMayChange();
}

Qt::CursorShape SegmentArrow::cursorShape() const {
    return m_fate == Fate::InFlight ? Qt::PointingHandCursor : Qt::ArrowCursor;
}

QRectF SegmentArrow::boundingRect() const {
    const double p = pad();
    QRectF r = QRectF(m_from, m_to).normalized().adjusted(-p, -p, p, p);
    if (m_labelShown)  // an empty label rect, moved out by 2, would reach back to the origin
        r = r.united(labelRect().adjusted(-2, -2, 2, 2));
    return r.united(crossRect());
}

// Within half a stroke of its line: the band a click or a tooltip takes as the arrow's.
bool SegmentArrow::contains(QPointF p) const {
    const double half = std::max<qreal>(12, m_theme->lineWidth * 5) / 2;
    const QPointF d = m_to - m_from;
    const double length2 = QPointF::dotProduct(d, d);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - m_from, d) / length2, 0.0, 1.0) : 0.0;
    const QPointF off = p - (m_from + t * d);
    return QPointF::dotProduct(off, off) <= half * half;
}

void SegmentArrow::paint(QPainter* p) const {
    const Theme& t = *m_theme;
    const QColor colour = m_corrupt ? t.lost : m_greyed ? t.muted : m_aToB ? t.sideA : t.sideB;
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
    if (m_labelShown)
        drawBox(p, t, labelRect(), m_label, colour);
}

// Along the arrow at its slot, just above or below the line where the label's middle is, so it
// reads as the arrow's own. While the arrow flies, its planned end gives the line, so the label
// does not slide as the arrow grows.
QRectF SegmentArrow::labelRectAt(const LabelSlot& slot) const {
    QRectF r = m_labelBox;
    const double dir = m_aToB ? 1 : -1;
    const QPointF end = m_fate == Fate::InFlight && m_hasPlan ? m_plannedEnd : m_to;
    const double receiverX = m_hasPlan ? m_receiverX : end.x();
    const double room = std::max(0.0, std::abs(receiverX - m_from.x()) - r.width() - 16);
    const double centreX = m_from.x() + dir * (8 + r.width() / 2 + slot.along * room);
    const QLineF line(m_from, end);
    const double dx = end.x() - m_from.x();
    const double f = std::abs(dx) > 1 ? std::clamp((centreX - m_from.x()) / dx, 0.0, 1.0) : 0.0;
    const double lineY = line.pointAt(f).y();
    const double away = 3 + slot.lift * r.height();
    r.moveCenter(QPointF(centreX, slot.below ? lineY + r.height() / 2 + away : lineY - r.height() / 2 - away));
    return r;
}

// Exactly, not as Qt's == on points and sizes (equal within a relative 1e-12): the label placement
// relies on two arrows' places being the same rectangles.
bool SegmentArrow::hasLabelPlacesOf(const SegmentArrow& o) const {
    const auto same = [](QPointF a, QPointF b) { return a.x() == b.x() && a.y() == b.y(); };
    const bool planned = m_fate == Fate::InFlight && m_hasPlan, otherPlanned = o.m_fate == Fate::InFlight && o.m_hasPlan;
    const QPointF end = planned ? m_plannedEnd : m_to, otherEnd = otherPlanned ? o.m_plannedEnd : o.m_to;
    return same(m_from, o.m_from) && m_aToB == o.m_aToB && m_labelBox.width() == o.m_labelBox.width() &&
           m_labelBox.height() == o.m_labelBox.height() && planned == otherPlanned && same(end, otherEnd) &&
           (m_hasPlan ? m_receiverX : end.x()) == (o.m_hasPlan ? o.m_receiverX : otherEnd.x());
}

QRectF SegmentArrow::labelRect() const {
    if (!m_labelShown)
        return {};
    if (!m_labelRectKnown) {  // asked for each neighbour of each label placed: kept until it moves
        m_labelRect = labelRectAt(m_slot);
        m_labelRectKnown = true;
    }
    return m_labelRect;
}

void SegmentArrow::geometryChanging() {
    DiagramPart::geometryChanging();
    m_labelRectKnown = false;
}

void SegmentArrow::setLabelShown(bool shown) {
    if (shown == m_labelShown)
        return;
    geometryChanging();
    m_labelShown = shown;
    update();
}

void SegmentArrow::setLabelSlot(const LabelSlot& slot) {
    if (slot == m_slot)
        return;
    geometryChanging();
    m_slot = slot;
    update();
}

void SegmentArrow::fitLabel(double width) {
    QStringList lines = m_label.split(QLatin1Char('\n'));
    bool changed = false;
    const double space = measuredAdvance(m_theme->font, QStringLiteral(" "));
    for (int i = 0; i < lines.size(); ++i) {
        // At the space nearest the middle that makes both halves fit, if one does. The width up to
        // each space is summed from its words' widths, so a label is measured once per word (each
        // prefix measured anew was quadratic in the label's length, for every arrow).
        const QString& l = lines[i];
        if (measuredAdvance(m_theme->font, l) + 8 <= width)
            continue;
        int best = -1;
        double upTo = 0;  // the width of l.left(k) at the space k
        int wordStart = 0;
        for (int k = 0; k <= l.size(); ++k) {
            if (k < l.size() && l[k] != QLatin1Char(' '))
                continue;
            upTo += (wordStart > 0 ? space : 0) + measuredAdvance(m_theme->font, l.mid(wordStart, k - wordStart));
            wordStart = k + 1;
            if (k < l.size() && upTo + 8 <= width && (best < 0 || std::abs(k - l.size() / 2) < std::abs(best - l.size() / 2)))
                best = k;
        }
        if (best < 0)
            continue;
        lines.insert(i + 1, l.mid(best + 1));
        lines[i] = l.left(best);
        changed = true;
    }
    if (!changed)
        return;
    geometryChanging();
    m_label = lines.join(QLatin1Char('\n'));
    m_labelBox = textBox(*m_theme, m_label);
}

void SegmentArrow::setPlannedEnd(QPointF end, double receiverX) {
    m_plannedEnd = end;
    m_receiverX = receiverX;
    m_hasPlan = true;
    m_labelRectKnown = false;  // the label stands along the planned line
}

QRectF SegmentArrow::crossRect() const {
    if (m_fate != Fate::Lost)
        return {};
    const qreal s = 7 + m_theme->lineWidth * 2 + 1;
    return QRectF(m_to - QPointF(s, s), m_to + QPointF(s, s));
}

QPointF SegmentArrow::labelCenter() const { return labelRect().center(); }

void SegmentArrow::setCompared(bool unpaired, const QString& extra) {
    geometryChanging();
    m_greyed = unpaired;
    if (!extra.isEmpty())
        m_label += QLatin1Char('\n') + extra;
    m_labelBox = textBox(*m_theme, m_label);
    update();
}

void SegmentArrow::setCorrupt(QString label) {
    geometryChanging();
    m_corrupt = true;
    m_label = std::move(label);
    m_labelBox = textBox(*m_theme, m_label);
    update();
}


}  // namespace finwave::app
