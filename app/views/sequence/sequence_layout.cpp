#include "app/views/sequence/sequence_layout.h"

#include "app/views/sequence/call_mark.h"

#include "app/text/reason_text.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/time_axis.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLineF>

#include <algorithm>
#include <deque>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

namespace finwave::app {

SequenceGeometry SequenceGeometry::forTheme(const Theme& theme, Micros grain) {
    SequenceGeometry g;
    const QFontMetricsF name(theme.titleFont), text(theme.font);
    // Each side's column holds its state names and its timers' text: as wide as the longest of
    // either, plus the bracket at its outer edge.
    g.columnWidth = std::max(name.horizontalAdvance(QStringLiteral("SYN_RECEIVED")),
                             text.horizontalAdvance(QStringLiteral("fires in ") + formatTime(240 * kSec, grain))) + 20;
    g.ruler = text.horizontalAdvance(formatTime(240 * kSec + 300 * kMs, grain)) + 16;
    // Between the lifelines: a label and a half, so the labels of two crossing segments, each
    // written near its sender, stay apart. A longer label (a data segment's) is broken into lines
    // (SegmentArrow::fitLabel()) rather than widening every diagram.
    const double label = text.horizontalAdvance(QStringLiteral("FIN, ACK seq=1 ack=1"));
    g.xA = g.ruler + g.columnWidth;
    g.xB = g.xA + label * 1.3 + 24;
    g.width = g.xB + g.columnWidth + 10;
    return g;
}

TimeAxis timeAxisFor(const Theme& theme, const Simulator& sim) {
    const Scenario& sc = sim.scenario();
    if (sim.isReplay()) {
        // A captured connection (Simulator::loadReplay): a loopback round trip is microseconds, so
        // the scale follows the run's own round trip (at least 10 µs), and idle spans over three
        // round trips are compressed.
        const Micros rtt = std::max<Micros>(10, sc.ab.delay + sc.ba.delay);
        TimeAxis axis;
        axis.reset(130, 150.0 / static_cast<double>(rtt) * (theme.font.pointSizeF() / 10.0), 3 * rtt, 70);
        axis.setGrain(sim.timeGrain());
        return axis;
    }
    const double rttMs = std::max(1.0, static_cast<double>(sc.ab.delay + sc.ba.delay) / 1000.0);
    const double pxPerMs = std::clamp(150.0 / rttMs, 0.05, 8.0) * (theme.font.pointSizeF() / 10.0);
    // Idle longer than a round trip (plus jitter) is compressed.
    const Micros threshold = std::max<Micros>(20 * kMs, sc.ab.delay + sc.ba.delay + 2 * sc.ab.jitter);
    TimeAxis axis;
    axis.reset(130, pxPerMs / 1000.0, threshold, 70);
    axis.setGrain(sim.timeGrain());
    return axis;
}

QString parameterLine(const Simulator& sim) {
    if (sim.isReplay())
        return QCoreApplication::translate("finwave::app::SequenceScene", "captured · round trip %1 ms")
            .arg(static_cast<double>(sim.scenario().ab.delay + sim.scenario().ba.delay) / 1000.0);
    return parameterLine(sim.params(), sim.channel(Direction::AtoB), sim.channel(Direction::BtoA));
}

QString parameterLine(const ProtocolParams& params, const ChannelParams& ab, const ChannelParams& ba) {
    return QCoreApplication::translate("finwave::app::SequenceScene", "profile %1 · delay %2 / %3 ms · loss %4 % / %5 %")
        .arg(QString::fromUtf8(profileName(params.profile).data()))
        .arg(static_cast<double>(ab.delay) / 1000.0)
        .arg(static_cast<double>(ba.delay) / 1000.0)
        .arg(ab.loss * 100.0, 0, 'f', 0)
        .arg(ba.loss * 100.0, 0, 'f', 0);
}

SegmentArrow* makeArrow(const Theme& theme, const Simulator& sim, const TraceRecord& r, int index) {
    // On two lines when retransmitted, so the label stays within the gap between the lifelines.
    const QString label = segmentLabel(sim, r.seg).replace(QStringLiteral(" ("), QStringLiteral("\n("));
    auto* arrow = new SegmentArrow(&theme, r.seg.id, r.seg.dir == Direction::AtoB, label, r.seg.isRetransmission());
    arrow->createdAt = index;
    arrow->sentAt = r.t;
    return arrow;  // its tooltip is written when asked for (arrowToolTip())
}

QString arrowToolTip(const Simulator& sim, const TraceRecord& r) {
    const QString label = segmentLabel(sim, r.seg).replace(QStringLiteral(" ("), QStringLiteral("\n("));
    return QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
        .arg(label.toHtmlEscaped(), recordSummary(sim, r).toHtmlEscaped(), reasonSentence(r.reason).toHtmlEscaped());
}

namespace {
// The first top at or below `top` where a text `height` tall in [left, right] meets no row text
// or idle break.
double clearOf(double top, double height, double left, double right, const std::vector<QRectF>& rows) {
    for (bool moved = true; moved;) {
        moved = false;
        for (const QRectF& o : rows)
            if (o.right() > left && o.left() < right && o.top() < top + height && o.bottom() > top) {
                top = o.bottom() + 1;
                moved = true;
            }
    }
    return top;
}

struct Column {
    double left, right;
    const std::vector<QRectF>& rows;
    double clear(double top, double height) const { return clearOf(top, height, left, right, rows); }
};

}  // namespace

// Every text of a side's column is an entry at its time: a state's name where the state begins, a
// timer's label where it starts and each of its marks (a restart, its end) where that happened, a
// call's return where it returned. In time order (at one time, in the order the records came),
// each is written at its row, or just below the text above it; so a mark far below its timer's
// start pushes only what comes after it. Placed (finished) items keep their places.
// A column text pushed further than this many lines below its own row would read as another
// row's: it is left off (the tick stays, and the tooltip or the log has the words).
constexpr double kMaxDrift = 4;

void layoutColumn(const Theme& theme, const TimeAxis& axis, const SequenceGeometry& geo, int side, ColumnItems items,
                  Micros now, const std::vector<QRectF>& rows, bool hideTimes) {
    const double x = geo.x(side), column = geo.columnWidth;
    const double bracketX = side == 0 ? x - column + 4 : x + column - 4;
    const Column room{side == 0 ? x - column : x, side == 0 ? x : x + column, rows};
    const double nameLine = QFontMetricsF(theme.titleFont).height(), line = QFontMetricsF(theme.font).height();
    enum Kind { Band, TimerLabel, TimerMark, Call };
    struct Entry {
        Micros at;
        double order;
        Kind kind;
        std::size_t item;
        int mark;  // TimerMark: which (restarts in order, then the end)
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < items.bands.size(); ++i)
        entries.push_back({items.bands[i]->startTime, static_cast<double>(items.bands[i]->createdAt), Band, i, 0});
    for (std::size_t i = 0; i < items.timers.size(); ++i) {
        const TimerBracketItem* t = items.timers[i];
        entries.push_back({t->startTime, static_cast<double>(t->createdAt), TimerLabel, i, 0});
        for (int k = 0; k < t->restarts.size(); ++k)
            entries.push_back({t->restarts[k].at, static_cast<double>(t->restarts[k].index), TimerMark, i, k});
        if (t->endedAt >= 0)
            entries.push_back({t->endTime, static_cast<double>(t->endedAt), TimerMark, i, static_cast<int>(t->restarts.size())});
    }
    for (std::size_t i = 0; i < items.calls.size(); ++i)
        entries.push_back({items.calls[i]->at, static_cast<double>(items.calls[i]->createdAt), Call, i, 0});
    // A call that returns in the step that started a timer is written under the step's state name
    // and above the timer's label: "close() = 0" next to FIN_WAIT_1, not two lines further down
    // where it reads as a return at a later row.
    // The state names and timer labels at each time, so each call looks at its own time's few
    // (a scan of every entry per call was calls x entries: minutes for a 50 000-segment run).
    std::unordered_map<Micros, std::vector<std::size_t>> atTime;
    for (std::size_t k = 0; k < entries.size(); ++k)
        if (entries[k].kind == Band || entries[k].kind == TimerLabel)
            atTime[entries[k].at].push_back(k);
    for (Entry& c : entries) {
        if (c.kind != Call)
            continue;
        const auto same = atTime.find(c.at);
        if (same == atTime.end())
            continue;
        double band = -1e18, label = 1e18;
        for (std::size_t k : same->second)
            if (entries[k].order < c.order && entries[k].kind == Band)
                band = std::max(band, entries[k].order);
        for (std::size_t k : same->second)
            if (entries[k].order < c.order && entries[k].order > band && entries[k].kind == TimerLabel)
                label = std::min(label, entries[k].order);
        if (label < 1e18)
            c.order = label - 0.5;
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.at != b.at ? a.at < b.at : a.order != b.order ? a.order < b.order : a.kind < b.kind;
    });
    std::vector<QVector<TimerBracketItem::Mark>> marks(items.timers.size());
    double below = -1e9;
    for (const Entry& e : entries) {
        switch (e.kind) {
        case Band: {
            StateBandItem* b = items.bands[e.item];
            if (!b->placed) {
                const double y0 = axis.y(b->startTime);
                b->setSpan(x, y0, axis.y(b->endedAt >= 0 ? b->endTime : now), column);
                const double nameY = room.clear(std::max(y0 + 2, below), nameLine) + nameLine / 2;
                b->setNameOffset(nameY - y0);
                b->placed = b->endedAt >= 0;
            }
            below = std::max(below, b->nameY() + nameLine / 2);
            break;
        }
        case TimerLabel: {
            TimerBracketItem* t = items.timers[e.item];
            if (t->placed) {
                below = std::max(below, t->labelBottom());
                break;
            }
            // Its span is set once its marks are known (below): its label's place is computed here.
            const double y0 = axis.y(t->startTime);
            const double lines = t->endedAt >= 0 ? 2 : 3;
            const double top = room.clear(std::max(y0, below), line * lines);
            t->setLabelOffset(top - y0);
            below = std::max(below, top + line * lines);
            break;
        }
        case TimerMark: {
            TimerBracketItem* t = items.timers[e.item];
            if (t->placed) {
                if (e.mark < t->marks().size())
                    below = std::max(below, t->marks()[e.mark].textY + line / 2);
                break;
            }
            const bool end = e.mark == static_cast<int>(t->restarts.size());
            const QString text = end ? (t->expired ? QCoreApplication::translate("finwave::app::SequenceScene", "expired")
                                                   : QCoreApplication::translate("finwave::app::SequenceScene", "stopped"))
                                     : QCoreApplication::translate("finwave::app::SequenceScene", "restart: %1")
                                           .arg(hideTimes && t->endedAt < 0 ? QStringLiteral("?") : formatTime(t->restarts[e.mark].length, axis.grain()));
            const double y = axis.y(e.at);
            const double textY = room.clear(std::max(y - line / 2, below), line) + line / 2;
            if (textY - y > kMaxDrift * line) {  // a burst of restarts: the marks, not their words
                marks[e.item].push_back({y, y, QString()});
                break;
            }
            marks[e.item].push_back({y, textY, text});
            below = textY + line / 2;
            break;
        }
        case Call: {
            CallMark* c = items.calls[e.item];
            if (!c->placed) {
                const double y = axis.y(c->at);
                const double top = room.clear(std::max(y - line / 2, below + 1), c->textHeight(column));
                if (top - y > kMaxDrift * line)  // a burst of returns (a read() per 1-byte segment)
                    c->placeWithoutText(x, y, column);
                else
                    c->place(x, y, top, column);
                c->placed = c->at < now;  // nothing more can happen at its time
            }
            if (!c->textRect().isEmpty())
                below = std::max(below, c->textBottom() + 1);
            break;
        }
        }
    }
    for (std::size_t i = 0; i < items.timers.size(); ++i) {
        TimerBracketItem* t = items.timers[i];
        if (t->placed)
            continue;
        const double y0 = axis.y(t->startTime);
        if (t->endedAt >= 0) {
            t->setSpan(bracketX, y0, axis.y(t->endTime), formatTime(t->length, axis.grain()), false, marks[i]);
            t->placed = true;
            continue;
        }
        const Micros left = std::max<Micros>(0, t->deadline - now);
        t->setSpan(bracketX, y0, std::max(axis.y(now), y0 + 20),
                   (hideTimes ? QStringLiteral("?") : formatTime(t->length, axis.grain())) + QLatin1Char('\n') +
                       QCoreApplication::translate("finwave::app::SequenceScene", "fires in %1")
                           .arg(hideTimes ? QStringLiteral("?") : formatTime(left, axis.grain())),
                   true, marks[i]);
    }
}

namespace {
double cutStep(double lo, double hi) { return std::max(2.0, (hi - lo) / 300); }  // a few hundred rows, however long the run
}  // namespace

CutCosts cutCosts(const Theme& theme, const TimeAxis& axis, const std::vector<SegmentArrow*>& arrows,
                  const std::vector<StateBandItem*> (&bands)[2], const std::vector<TimerBracketItem*> (&timers)[2],
                  const QVector<QPair<double, QString>>& ticks, double lo, double hi) {
    CutCosts out;
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
    if (inBreak) {
        out.inBreak = inBreak;
        return out;
    }
    // Otherwise the row that crosses the fewest arrows and no written text: segment labels, the
    // ruler's times, state names, timer labels, break labels. A text costs as much as many crossings.
    const double nameHeight = QFontMetricsF(theme.titleFont).height();
    std::vector<std::pair<double, double>> lines, texts;
    const auto text = [&](double top, double bottom) {
        if (bottom >= lo && top <= hi)
            texts.emplace_back(top, bottom);
    };
    for (const SegmentArrow* a : arrows) {
        const double top = std::min(a->from().y(), a->to().y()), bottom = std::max(a->from().y(), a->to().y());
        if (bottom >= lo && top <= hi)
            lines.emplace_back(top, bottom);
        if (!a->labelShown())
            continue;
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
    for (double y = lo; y <= hi; y += cutStep(lo, hi)) {
        double cost = 0;
        for (const auto& [top, bottom] : lines)
            cost += top < y && y < bottom ? 1 : 0;
        for (const auto& [top, bottom] : texts)
            cost += top < y && y < bottom ? 1000 : 0;
        out.costs.push_back(cost);
    }
    return out;
}

double quietCut(const std::vector<CutCosts>& scenes, double lo, double hi) {
    const double middle = (lo + hi) / 2;
    for (const CutCosts& c : scenes)
        if (c.inBreak)
            return *c.inBreak;
    double best = middle, bestCost = std::numeric_limits<double>::max();
    std::size_t row = 0;
    for (double y = lo; y <= hi; y += cutStep(lo, hi), ++row) {
        double cost = 0;  // the rows' costs added over the scenes (two runs side by side)
        for (const CutCosts& c : scenes)
            cost += row < c.costs.size() ? c.costs[row] : 0;
        if (cost < bestCost || (cost == bestCost && std::abs(y - middle) < std::abs(best - middle))) {
            best = y;
            bestCost = cost;
        }
    }
    return best;
}

}  // namespace finwave::app
