#include "app/views/sequence_layout.h"

#include "app/reason_text.h"
#include "app/views/sequence_items.h"
#include "app/views/time_axis.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace finwave::app {

SequenceGeometry SequenceGeometry::forTheme(const Theme& theme) {
    SequenceGeometry g;
    const QFontMetricsF name(theme.titleFont), text(theme.font);
    g.nameWidth = name.horizontalAdvance(QStringLiteral("SYN_RECEIVED")) + 30;
    const double timerWidth = text.horizontalAdvance(QStringLiteral("FIN_WAIT_2 120.000 s")) + 16;
    const double ruler = text.horizontalAdvance(QStringLiteral("240.300 s")) + 20;
    g.xA = ruler + timerWidth + 14 + g.nameWidth;
    g.xB = g.xA + std::max(480.0, text.horizontalAdvance(QStringLiteral("FIN, PSH, ACK seq=1001 ack=1 len=1000 (retransmission #2)")) + 40);
    g.width = g.xB + g.nameWidth + 14 + timerWidth + 20;
    return g;
}

TimeAxis timeAxisFor(const Theme& theme, const Scenario& sc) {
    const double rttMs = std::max(1.0, static_cast<double>(sc.ab.delay + sc.ba.delay) / 1000.0);
    const double pxPerMs = std::clamp(150.0 / rttMs, 0.05, 8.0) * (theme.font.pointSizeF() / 10.0);
    // Idle longer than a round trip (plus jitter) is compressed.
    const Micros threshold = std::max<Micros>(20 * kMs, sc.ab.delay + sc.ba.delay + 2 * sc.ab.jitter);
    TimeAxis axis;
    axis.reset(130, pxPerMs / 1000.0, threshold, 70);
    return axis;
}

QString parameterLine(const Simulator& sim) {
    return QCoreApplication::translate("finwave::app::SequenceScene", "profile %1 · delay %2 / %3 ms · loss %4 % / %5 %")
        .arg(QString::fromUtf8(profileName(sim.params().profile).data()))
        .arg(static_cast<double>(sim.channel(Direction::AtoB).delay) / 1000.0)
        .arg(static_cast<double>(sim.channel(Direction::BtoA).delay) / 1000.0)
        .arg(sim.channel(Direction::AtoB).loss * 100.0, 0, 'f', 0)
        .arg(sim.channel(Direction::BtoA).loss * 100.0, 0, 'f', 0);
}

SegmentArrowItem* makeArrow(const Theme& theme, const Simulator& sim, const TraceRecord& r, int index) {
    const QString label = segmentLabel(sim, r.seg);
    auto* arrow = new SegmentArrowItem(&theme, r.seg.id, r.seg.dir == Direction::AtoB, label, r.seg.isRetransmission());
    arrow->createdAt = index;
    arrow->sentAt = r.t;
    arrow->setToolTip(QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                          .arg(label.toHtmlEscaped(), recordSummary(sim, r).toHtmlEscaped(),
                               reasonSentence(r.reason).toHtmlEscaped()));
    return arrow;
}

void layoutBands(const Theme& theme, const TimeAxis& axis, double x, std::vector<StateBandItem*>& bands, Micros now) {
    const double line = QFontMetricsF(theme.titleFont).height();
    double lastName = -1e9;
    for (StateBandItem* b : bands) {
        if (b->placed) {  // closed bands never move again
            lastName = b->nameY();
            continue;
        }
        const double y0 = axis.y(b->startTime);
        b->setSpan(x, y0, axis.y(b->endedAt >= 0 ? b->endTime : now));
        // States entered in the same instant get their names one under the other.
        const double nameY = std::max(y0, lastName + line);
        b->setNameOffset(nameY - y0);
        lastName = nameY;
        b->placed = b->endedAt >= 0;
    }
}

void layoutTimers(const Theme& theme, const TimeAxis& axis, double x, std::vector<TimerBracketItem*>& timers, Micros now) {
    const double line = QFontMetricsF(theme.font).height();
    double lastText = -1e9;
    for (TimerBracketItem* t : timers) {
        if (t->placed) {
            lastText = t->bottomTextY();
            continue;
        }
        const double y0 = axis.y(t->startTime);
        t->setLabelOffset(std::max(0.0, lastText - y0));
        // Marks (restarts, then the end) at their own rows, pushed just below the text above them.
        QVector<TimerBracketItem::Mark> marks;
        double below = y0 + std::max(0.0, lastText - y0) + line * 2.5;
        const auto mark = [&](Micros at, QString text) {
            const double y = axis.y(at);
            const double textY = std::max(y, below);
            marks.push_back({y, textY, std::move(text)});
            below = textY + line;
        };
        for (const TimerBracketItem::Restart& r : t->restarts)
            mark(r.at, QCoreApplication::translate("finwave::app::SequenceScene", "restarted, %1").arg(formatTime(r.length)));
        if (t->endedAt >= 0) {
            mark(t->endTime, t->expired ? QCoreApplication::translate("finwave::app::SequenceScene", "expired")
                                        : QCoreApplication::translate("finwave::app::SequenceScene", "stopped"));
            t->setSpan(x, y0, axis.y(t->endTime), QString(), false, marks);
            t->placed = true;
        } else {
            const Micros left = std::max<Micros>(0, t->deadline - now);
            t->setSpan(x, y0, std::max(axis.y(now), y0 + 20),
                       QCoreApplication::translate("finwave::app::SequenceScene", "fires in %1").arg(formatTime(left)),
                       true, marks);
        }
        lastText = t->bottomTextY();
    }
}

double quietCut(const Theme& theme, const TimeAxis& axis, const std::vector<SegmentArrowItem*>& arrows,
                const std::vector<StateBandItem*> (&bands)[2], const std::vector<TimerBracketItem*> (&timers)[2],
                const QVector<QPair<double, QString>>& ticks, double lo, double hi) {
    const double middle = (lo + hi) / 2;
    // An idle break is the natural place: cut just under its upper zig-zag, so the next column
    // opens with the break's "… later …" label whole. A short break (a gap just over the
    // threshold) has no room above its label.
    constexpr double kUnderZigZag = 12;
    const double lineHeight = QFontMetricsF(theme.font).height();
    std::optional<double> inBreak;
    for (const TimeAxis::Break& b : axis.breaks()) {
        const double y = b.y0 + kUnderZigZag;
        const bool roomy = (b.y1 - b.y0) / 2 - lineHeight * 0.7 > kUnderZigZag;
        if (roomy && y >= lo && y <= hi && (!inBreak || std::abs(y - middle) < std::abs(*inBreak - middle)))
            inBreak = y;
    }
    if (inBreak)
        return *inBreak;
    // Otherwise the row that crosses the fewest arrows and no written text: segment labels, the
    // ruler's times, state names, timer labels, break labels. A text costs as much as many crossings.
    const double nameHeight = QFontMetricsF(theme.titleFont).height();
    std::vector<std::pair<double, double>> lines, texts;
    const auto text = [&](double top, double bottom) {
        if (bottom >= lo && top <= hi)
            texts.emplace_back(top, bottom);
    };
    for (const SegmentArrowItem* a : arrows) {
        const double top = std::min(a->from().y(), a->to().y()), bottom = std::max(a->from().y(), a->to().y());
        if (bottom >= lo && top <= hi)
            lines.emplace_back(top, bottom);
        const double label = a->labelCenter().y();
        text(label - lineHeight * 0.7, label + lineHeight * 0.7);
    }
    for (const auto& tick : ticks)
        text(tick.first - lineHeight * 0.7, tick.first + lineHeight * 0.7);
    for (const TimeAxis::Break& b : axis.breaks())
        text((b.y0 + b.y1) / 2 - lineHeight * 0.7, (b.y0 + b.y1) / 2 + lineHeight * 0.7);
    for (const auto& side : bands)
        for (const StateBandItem* band : side)
            text(band->nameY() - nameHeight * 0.7, band->nameY() + nameHeight * 0.7);
    for (const auto& side : timers)
        for (const TimerBracketItem* timer : side) {
            text(timer->labelBottom() - lineHeight * 2.2, timer->labelBottom());
            for (const TimerBracketItem::Mark& m : timer->marks())
                text(m.textY - lineHeight * 0.7, m.textY + lineHeight * 0.7);
        }
    double best = middle, bestCost = std::numeric_limits<double>::max();
    const double step = std::max(2.0, (hi - lo) / 300);  // a few hundred rows, however long the run
    for (double y = lo; y <= hi; y += step) {
        double cost = 0;
        for (const auto& [top, bottom] : lines)
            cost += top < y && y < bottom ? 1 : 0;
        for (const auto& [top, bottom] : texts)
            cost += top < y && y < bottom ? 1000 : 0;
        if (cost < bestCost || (cost == bestCost && std::abs(y - middle) < std::abs(best - middle))) {
            best = y;
            bestCost = cost;
        }
    }
    return best;
}

TcpState initialStateOf(const EndpointSetup& setup) {
    return setup.initial == TcpState::Established ? TcpState::Established : TcpState::Closed;
}

}  // namespace finwave::app
