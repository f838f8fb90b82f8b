#include "app/views/state_graph/state_graph_items.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>

namespace finwave::app {

StateNodeItem::StateNodeItem(const Theme* theme, int tcpState, QString name, FigurePart part)
    : m_theme(theme), m_state(tcpState), m_name(std::move(name)), m_part(part) {
    setZValue(5);
}

QRectF nodeBox(const Theme& theme, FigurePart part) {
    // Every box as wide as the longest name needs in the theme's title font, and no wider: the
    // boxes set the graph's width, and so how large it can be drawn in its pane.
    const QFontMetricsF fm(theme.titleFont);
    const qreal w = fm.horizontalAdvance(part == FigurePart::Closing || part == FigurePart::ClosingWithListen ? QStringLiteral("ESTABLISHED") : QStringLiteral("SYN_RECEIVED")) + 20, h = fm.height() + 12;
    return QRectF(-w / 2, -h / 2, w, h);
}

QRectF StateNodeItem::box() const { return m_shape.isEmpty() ? nodeBox(*m_theme, m_part) : m_shape; }

void StateNodeItem::setBox(const QRectF& shape) {
    prepareGeometryChange();
    m_shape = shape;
}

QRectF StateNodeItem::markCircle(int side) const {
    const QRectF r = box();
    const qreal d = 26 * std::max(1.0, m_theme->font.pointSizeF() / 12.0);
    // On the box's top corners, a little outside them: a name as wide as its box (TIME_WAIT in the
    // narrow closing part) starts close to its corner, and a badge further in covered its first
    // letter. B's no further right than its corner, for the lane of resets just right of the
    // right-hand column. Still inside the room the graph keeps round every box (contentRect()).
    const QPointF c = side == 0 ? r.topLeft() + QPointF(-d * 0.1, -d * 0.1) : r.topRight() + QPointF(0, -d * 0.12);
    return QRectF(c.x() - d / 2, c.y() - d / 2, d, d);
}

QRectF StateNodeItem::boundingRect() const { return box().adjusted(-22, -22, 22, 22); }

void StateNodeItem::setMarks(bool a, bool b) {
    if (a == m_a && b == m_b)
        return;
    m_a = a;
    m_b = b;
    update();
}

void StateNodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = box();
    QPen border(t.foreground, std::max<qreal>(1.2, t.lineWidth * 0.7));
    if (m_a || m_b)
        border = QPen(m_a && m_b ? t.foreground : (m_a ? t.sideA : t.sideB), t.lineWidth * 2.2);
    p->setPen(border);
    p->setBrush(t.stateBand[m_state]);
    p->drawRoundedRect(r, 10, 10);
    p->setPen(t.foreground);
    p->setFont(t.titleFont);
    p->drawText(r, Qt::AlignCenter, m_name);
    // Letter badges, so the marks do not rely on colour alone.
    const auto badge = [&](const QRectF& c, const QColor& colour, const QString& letter) {
        p->setPen(QPen(t.background, 2));
        p->setBrush(colour);
        p->drawEllipse(c);
        p->setPen(Qt::white);
        p->setFont(t.titleFont);
        p->drawText(c, Qt::AlignCenter, letter);
    };
    if (m_a)
        badge(markCircle(0), t.sideA, QStringLiteral("A"));
    if (m_b)
        badge(markCircle(1), t.sideB, QStringLiteral("B"));
}

QString edgeLabel(const Transition& t) { return QCoreApplication::translate("StateGraph", std::string(t.label).c_str()); }

QString edgeLabelText(const QString& label, const QString& steps, bool stacked) {
    QString text = label;
    text.replace(QStringLiteral(" / "), QStringLiteral("\n"));
    if (stacked) {
        text.replace(QStringLiteral(", "), QStringLiteral(",\n"));
        text.replace(QStringLiteral(" ("), QStringLiteral("\n("));  // "tcp_fin_timeout" over "(Linux)"
        text.replace(QStringLiteral("\uFF08"), QStringLiteral("\n\uFF08"));
        // A line still longer than most ("retries exhausted", "rcv data after close") at the
        // space nearest its middle.
        QStringList lines = text.split(QLatin1Char('\n'));
        for (QString& line : lines) {
            if (line.size() <= 16)
                continue;
            qsizetype best = -1;
            for (qsizetype i = line.indexOf(QLatin1Char(' ')); i >= 0; i = line.indexOf(QLatin1Char(' '), i + 1))
                if (best < 0 || std::abs(i - line.size() / 2) < std::abs(best - line.size() / 2))
                    best = i;
            if (best > 0)
                line[best] = QLatin1Char('\n');
        }
        text = lines.join(QLatin1Char('\n'));
        text.replace(QStringLiteral("\u3001"), QStringLiteral("\u3001\n"));
        text.replace(QStringLiteral("\uFF0C"), QStringLiteral("\uFF0C\n"));
        return steps.isEmpty() ? text : text + QLatin1Char('\n') + steps;
    }
    return steps.isEmpty() ? text : text + QStringLiteral("  ") + steps;
}

// The steps that took the edge, per side: one or two as they are, more as the first and last
// ("A#3…11"), so a FIN resent eight times does not grow the label across the graph.
QString StateEdgeItem::labelText() const {
    QStringList parts;
    for (int side : {0, 1}) {
        QList<quint32> steps;
        for (const Taken& k : m_taken)
            if (k.side == side)
                steps << k.step;
        const QString who = side == 0 ? QStringLiteral("A") : QStringLiteral("B");
        if (steps.size() == 1 || steps.size() == 2) {
            for (quint32 step : steps)
                parts << QStringLiteral("%1#%2").arg(who).arg(step);
        } else if (steps.size() > 2) {
            parts << QStringLiteral("%1#%2…%3").arg(who).arg(steps.front()).arg(steps.back());
        }
    }
    return edgeLabelText(m_label, parts.join(QLatin1Char(' ')), m_stacked);
}

QRectF StateEdgeItem::labelRect() const {
    QRectF r = QFontMetricsF(m_theme->font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter, labelText());
    r.adjust(-4, -2, 4, 2);
    r.moveCenter(m_labelAt);
    return r;
}

QRectF StateEdgeItem::drawnRect() const {
    QRectF r = QFontMetricsF(m_theme->font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter,
                                                        edgeLabelText(m_label, QStringLiteral("A#10 B#10"), m_stacked));
    r.adjust(-4, -2, 4, 2);
    r.moveCenter(m_labelAt);
    return m_path.boundingRect().adjusted(-m_theme->lineWidth * 3, -m_theme->lineWidth * 3, m_theme->lineWidth * 3,
                                          m_theme->lineWidth * 3).united(r.united(labelRect()));
}

StateEdgeItem::StateEdgeItem(const Theme* theme, QPainterPath path, QPointF labelAt, QString label, bool extra,
                             const Transition* row)
    : m_theme(theme), m_path(std::move(path)), m_labelAt(labelAt), m_label(std::move(label)), m_extra(extra), m_row(row),
      m_labelItem(new StateEdgeLabelItem(this)) {
    setZValue(extra ? 1 : 2);
}

StateEdgeItem::~StateEdgeItem() {
    if (!m_labelItem)
        return;  // the scene deleted the label first
    m_labelItem->m_edge = nullptr;
    if (!m_labelItem->scene())
        delete m_labelItem;  // never added to a scene; else the scene deletes it
}

StateEdgeLabelItem::StateEdgeLabelItem(StateEdgeItem* edge) : m_edge(edge) { setZValue(4); }

StateEdgeLabelItem::~StateEdgeLabelItem() {
    if (m_edge)
        m_edge->m_labelItem = nullptr;
}

QRectF StateEdgeLabelItem::boundingRect() const { return m_edge ? m_edge->labelRect().adjusted(-2, -2, 2, 2) : QRectF(); }

void StateEdgeLabelItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_edge)
        m_edge->paintLabel(p);
}

void StateEdgeItem::setStacked(bool stacked) {
    prepareGeometryChange();
    if (m_labelItem)
        m_labelItem->aboutToChange();
    m_stacked = stacked;
}

void StateEdgeLabelItem::aboutToChange() { prepareGeometryChange(); }

QRectF StateEdgeItem::boundingRect() const {
    const QRectF label = labelRect();
    return m_path.boundingRect().united(label.adjusted(-60, -30, 60, 30)).adjusted(-12, -12, 12, 12);
}

void StateEdgeItem::setTaken(QVector<Taken> taken) {
    // The label grows with its step numbers: both items say so before it changes, as Qt asks.
    prepareGeometryChange();
    if (m_labelItem)
        m_labelItem->aboutToChange();
    m_taken = std::move(taken);
    update();
    if (m_labelItem)
        m_labelItem->update();
}

void StateEdgeItem::setPulse(qreal pulse) {
    m_pulse = pulse;
    update();
}

void StateEdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const Theme& t = *m_theme;
    if (!isDrawn())
        return;  // the extra edges to CLOSED appear only once taken
    p->setRenderHint(QPainter::Antialiasing);
    bool byA = false, byB = false;
    for (const Taken& k : m_taken)
        (k.side == 0 ? byA : byB) = true;
    const auto stroke = [&](const QColor& c, qreal width, qreal offset, Qt::PenStyle style, bool sideB = false) {
        p->save();
        p->translate(offset, offset);
        QPen pen(c, width, style, Qt::FlatCap, Qt::RoundJoin);
        // B's path is dashed and A's solid (dash-dot and dashed on the extra edges), so the two
        // sides differ by more than colour (Okabe–Ito hues, but not for every reader).
        if (sideB)
            pen.setDashPattern(m_extra ? QList<qreal>{3, 1.2, 0.8, 1.2} : QList<qreal>{3, 1.2});
        else if (style == Qt::SolidLine)
            pen.setCapStyle(Qt::RoundCap);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(m_path);
        p->restore();
    };
    const qreal base = std::max<qreal>(1.0, t.lineWidth * 0.7);
    const Qt::PenStyle style = m_extra ? Qt::DashLine : Qt::SolidLine;
    if (!byA && !byB)
        stroke(t.muted, base, 0, style);
    const qreal lit = t.lineWidth * 1.8 + m_pulse * 5;
    if (byA)
        stroke(t.sideA, lit, byB ? -2.5 : 0, style);
    if (byB)
        stroke(t.sideB, lit, byA ? 2.5 : 0, style, true);
    // Arrowhead at the end of the path.
    const QPointF end = m_path.pointAtPercent(1.0);
    const QPointF before = m_path.pointAtPercent(0.97);
    const qreal angle = std::atan2(end.y() - before.y(), end.x() - before.x());
    const qreal s = 8 + t.lineWidth * 2;
    QPolygonF head({end, end - QPointF(std::cos(angle - 0.45) * s, std::sin(angle - 0.45) * s),
                    end - QPointF(std::cos(angle + 0.45) * s, std::sin(angle + 0.45) * s)});
    p->setPen(Qt::NoPen);
    p->setBrush(byA ? t.sideA : (byB ? t.sideB : t.muted));
    p->drawPolygon(head);
}

// Label with the step numbers of each side that took it.
void StateEdgeItem::paintLabel(QPainter* p) const {
    if (!isDrawn())
        return;
    const Theme& t = *m_theme;
    bool byA = false, byB = false;
    for (const Taken& k : m_taken)
        (k.side == 0 ? byA : byB) = true;
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    const QString text = labelText();
    const QRectF r = labelRect();
    QColor bg = t.background;
    bg.setAlpha(230);
    p->setBrush(bg);
    p->drawRoundedRect(r, 3, 3);
    p->setFont(t.font);
    // Each side's step numbers in its own colour; the words in the colour of the one side that
    // took the edge, or in the text colour when both did ("A#1 B#2" was all in A's colour).
    const QColor words = byA && byB ? t.foreground : byA ? t.sideA : byB ? t.sideB : t.foreground;
    const QFontMetricsF fm(t.font);
    const QStringList lines = text.split(QLatin1Char('\n'));
    double y = r.center().y() - fm.height() * lines.size() / 2 + fm.ascent();
    for (const QString& line : lines) {
        // Runs of one colour, each written whole (so an SVG keeps "snd FIN  B#3" as one text).
        QList<QPair<QString, QColor>> runs;
        const QStringList tokens = line.split(QLatin1Char(' '));
        for (int i = 0; i < tokens.size(); ++i) {
            const QString& token = tokens[i];
            const QColor c = token.startsWith(QLatin1String("A#")) ? t.sideA : token.startsWith(QLatin1String("B#")) ? t.sideB : words;
            if (!runs.isEmpty() && (runs.back().second == c || token.isEmpty())) {
                runs.back().first += QLatin1Char(' ') + token;
                continue;
            }
            if (!runs.isEmpty())
                runs.back().first += QLatin1Char(' ');
            runs.append({token, c});
        }
        double x = r.center().x() - fm.horizontalAdvance(line) / 2;
        for (const auto& [run, colour] : runs) {
            p->setPen(colour);
            p->drawText(QPointF(x, y), run);
            x += fm.horizontalAdvance(run);
        }
        y += fm.height();
    }
}

}  // namespace finwave::app
