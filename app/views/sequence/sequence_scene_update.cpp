// The sequence scene follows the run: the header and change marks, step back, and what moves
// with the cursor.
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_scene_p.h"

#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/call_mark.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_layout.h"
#include "app/views/sequence/time_axis.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <array>
#include <unordered_map>

namespace finwave::app {

void SequenceScene::updateTitle() {
    if (!d->frame)
        return;
    const Simulator& sim = d->ctl->sim();
    // A capture: which file and connection, then both ends and where it was taken.
    if (const capture::Reconstruction* run = d->ctl->capture(); run && !d->ctl->captureName().isEmpty())
        d->frame->setTitle(d->ctl->captureName(),
                           tr("A %1 · B %2 · captured at %3 · round trip %4 ms")
                               .arg(QString::fromStdString(run->endpointA.text()), QString::fromStdString(run->endpointB.text()),
                                    run->near == Side::A ? QStringLiteral("A") : QStringLiteral("B"))
                               .arg(static_cast<double>(sim.scenario().ab.delay + sim.scenario().ba.delay) / 1000.0));
    else
        d->frame->setTitle(scenarioTitle(sim.scenario()), parameterLine(sim));
    syncParameterMarks();
}

// The header says what holds now; each step where the run's parameters changed (the user's
// slider moves, live or recorded in a saved run) is marked with the new values, so the diagram
// above it stays explained by the old ones. Drawn from the simulator's recording, so the window,
// a replay of the saved run and an export all mark the same rows.
void SequenceScene::syncParameterMarks() {
    const Simulator& sim = d->ctl->sim();
    const std::vector<ParameterChange> changes = sim.parameterChanges();
    const Trace& trace = sim.trace();
    std::vector<std::pair<Micros, QString>> wanted;
    for (const ParameterChange& c : changes) {
        // Applied after `step` events: at the time of that step's last record.
        const auto end = std::upper_bound(trace.begin(), trace.end(), c.step,
                                          [](std::uint64_t step, const TraceRecord& r) { return step < r.step; });
        const Micros at = end == trace.begin() ? 0 : std::prev(end)->t;
        wanted.emplace_back(at, tr("from here: %1").arg(parameterLine(c.params, c.ab, c.ba)));
    }
    const bool same = std::equal(wanted.begin(), wanted.end(), d->parameterMarks.begin(), d->parameterMarks.end(),
                                 [](const auto& w, const MarkerItem* m) { return w.first == m->at && w.second == m->text(); });
    if (same)
        return;
    for (MarkerItem* m : d->parameterMarks)
        delete m;
    d->parameterMarks.clear();
    for (const auto& [at, text] : wanted) {
        auto* mark = new MarkerItem(&d->theme, d->geo.ruler, d->geo.width - 4, text, d->theme.cursor);
        mark->at = at;
        mark->setPos(0, d->axis.y(at));
        addItem(mark);
        d->parameterMarks.push_back(mark);
    }
}

// Everything from scratch: on load, reset, theme and language change. Records are then added
// one by one.
void SequenceScene::truncate(int newSize) {
    const auto drop = [&](auto& list) {
        while (!list.empty() && list.back()->createdAt >= newSize) {
            delete list.back();
            list.pop_back();
        }
        for (auto* item : list) {
            if (item->endedAt >= newSize) {
                item->endedAt = -1;
                item->placed = false;
            }
        }
    };
    d->labelsSettled = 0;  // what remains is placed again, without what was taken away
    while (!d->arrows.empty() && d->arrows.back()->createdAt >= newSize) {
        if (d->arrows.back()->endedAt != d->arrows.back()->createdAt)  // not an old duplicate's
            d->bySegment.erase(d->arrows.back()->segmentId());
        deleteLastPart(d->arrows);
    }
    for (SegmentArrow* a : d->arrows) {
        if (a->endedAt >= newSize) {
            a->endedAt = -1;
            if (a->fate() == SegmentArrow::Fate::Lost)  // its cross is gone
                d->labelsDirtyY = std::min(d->labelsDirtyY, a->from().y());
            a->setLine(a->from(), a->from(), SegmentArrow::Fate::InFlight);
        }
    }
    for (int s = 0; s < 2; ++s) {
        drop(d->bands[s]);
        drop(d->timers[s]);
        for (TimerBracketItem* t : d->timers[s]) {
            while (!t->restarts.isEmpty() && t->restarts.back().index >= newSize) {
                t->restarts.pop_back();
                t->placed = false;
                // The deadline it had before that restart: a countdown shows no time from the future.
                t->deadline = t->restarts.isEmpty() ? t->startTime + t->length
                                                    : t->restarts.back().at + t->restarts.back().length;
            }
        }
    }
    for (auto& calls : d->calls)
        while (!calls.empty() && calls.back()->createdAt >= newSize)
            deleteLastPart(calls);
    while (!d->markers.empty() && d->markers.back()->createdAt >= newSize) {
        if (d->markers.back() == d->differenceMark)
            d->differenceMark = nullptr;
        delete d->markers.back();
        d->markers.pop_back();
    }
    // A step back past a change takes its mark away; the header shows what holds.
    syncParameterMarks();
    const Trace& trace = d->ctl->sim().trace();
    d->axis.truncateAfter(newSize > 0 ? trace[static_cast<std::size_t>(newSize - 1)].t : 0);
    d->axis.forgetHolds(newSize);
    syncBreaks();
    updateOpenItems();
}

// Whatever depends on the cursor: segments in flight, the open state bands, timers, the ruler.
void SequenceScene::updateOpenItems() {
    const Simulator& sim = d->ctl->sim();
    const Micros now = std::max(d->ctl->displayTime(), sim.now());
    const double yNow = d->axis.y(now);
    if (d->axis.frozen()) {  // beside another run: the shared axis's breaks up to the cursor
        d->axis.addTime(now);  // frozen: only how far the run has come moves
        syncBreaks();
    }
    std::unordered_map<quint32, InFlight> flying;
    for (const InFlight& f : sim.inFlight())
        flying[f.seg.id] = f;
    // Arrows before labelsSettled have all landed (placeLabels()): a long run's are not looked at
    // on every tick.
    for (std::size_t i = std::min(d->labelsSettled, d->arrows.size()); i < d->arrows.size(); ++i) {
        SegmentArrow* a = d->arrows[i];
        if (a->fate() != SegmentArrow::Fate::InFlight)
            continue;
        const auto it = flying.find(a->segmentId());
        if (it == flying.end())
            continue;
        const InFlight& f = it->second;
        const double frac = f.arrivesAt > f.sentAt
                                ? std::clamp(static_cast<double>(now - f.sentAt) / static_cast<double>(f.arrivesAt - f.sentAt), 0.0, 1.0)
                                : 1.0;
        const double xFrom = d->geo.x(a->isAToB() ? 0 : 1), xTo = d->geo.x(a->isAToB() ? 1 : 0);
        a->setLine(a->from(), QPointF(xFrom + (xTo - xFrom) * frac, std::max(a->from().y(), yNow)),
                   SegmentArrow::Fate::InFlight);
    }
    for (auto* list : {&d->markers, &d->parameterMarks})
        for (MarkerItem* m : *list)  // the axis may have been compressed since
            m->setPos(0, d->axis.y(m->at));
    // Row texts and idle breaks stand where their time is; labels and column texts keep off them.
    std::vector<QRectF> rows;
    for (const auto* list : {&d->markers, &d->parameterMarks})
        for (const MarkerItem* m : *list)
            rows.push_back(m->textRect());
    for (const BreakItem* b : d->breaks)
        rows.push_back(b->band());
    for (int s = 0; s < 2; ++s)
        layoutColumn(d->theme, d->axis, d->geo, s, ColumnItems{d->bands[s], d->timers[s], d->calls[s]}, now, rows,
                     d->ctl->timesHidden());
    placeLabels(yNow, rows);
    updateNotes();
    applyPins();
    d->cursorY = yNow;
    d->cursor->setPos(0, yNow);
    // The dashed line leaves out every text on its row (of the last items only: the row is now).
    QVector<QPair<double, double>> gaps;
    for (const PlacedText& t : placedTexts(200))
        if (t.rect.top() < yNow + 1 && t.rect.bottom() > yNow - 1 && t.what != QLatin1String("cursor time"))
            gaps.push_back({t.rect.left(), t.rect.right()});
    d->cursor->setGaps(gaps);
    d->frame->setCursorRow(yNow);
    d->cursor->setText(formatTime(now, d->axis.grain()));  // the step is in the bar; the time is read off the ruler
    // The ruler grows with the axis; only a step back rebuilds it.
    const auto knots = d->axis.knots();
    if (knots.size() < d->tickCount) {
        d->ticks.clear();
        d->tickCount = 0;
    }
    if (knots.size() != d->tickCount) {
        for (std::size_t k = d->tickCount; k < knots.size(); ++k)
            d->ticks.push_back({d->axis.knotY(k), formatTime(knots[k], d->axis.grain())});
        d->tickCount = knots.size();
        d->frame->setTicks(d->ticks);
    }
    // Room below for the last note too, so a long one can be scrolled into view.
    const double bottom = std::max(std::max(yNow, d->axis.y(d->axis.lastTime())) + 110, d->notesBottom + 20);
    d->frame->setBottom(bottom - 40);
    setSceneRect(QRectF(0, 0, d->geo.width, bottom));
    Q_EMIT cursorMoved(yNow);
}

// The labels of arrows that may still meet something new: from the first arrow still flying, or
// leaving within reach of one that does, on. Earlier ones are settled and keep their place.
void SequenceScene::placeLabels(double yNow, const std::vector<QRectF>& rows) {
    auto& arrows = d->arrows;
    d->labelsSettled = std::min(d->labelsSettled, arrows.size());
    // Nothing above the first row: the title, the subtitle and the A and B heads are there.
    std::vector<QRectF> obstacles = rows;
    obstacles.emplace_back(-1e6, -1e6, 2e6, 1e6 + kHeadsBottom + 2);
    // A label's place depends on the 64 arrows either side of it (placeArrowLabels()), so with
    // thousands in flight (MSS 1 and a large send) only the newest few hundred and those near a
    // changed fate are placed again: every unsettled arrow on every frame made the window and the
    // quiz crawl (a 20 000-segment run's quiz summary ran past 60 s).
    // Arrows never placed (a seek or a rebuild adds thousands at once) are placed in any case.
    constexpr std::size_t kRecent = 256;
    std::size_t first = d->labelsSettled;
    d->labelsPlacedUpTo = std::min(d->labelsPlacedUpTo, arrows.size());
    if (arrows.size() > first + kRecent) {
        const double dirty = d->labelsDirtyY - 400;  // placeArrowLabels()' neighbourhood
        std::size_t from = std::max(first, std::min(arrows.size() - kRecent, d->labelsPlacedUpTo));
        while (from > first && arrows[from - 1]->from().y() >= dirty)
            --from;
        first = from;
    }
    d->labelsDirtyY = std::numeric_limits<double>::infinity();
    placeArrowLabels(arrows, first, obstacles);
    d->labelsPlacedUpTo = arrows.size();
    double floor = yNow;
    for (std::size_t i = d->labelsSettled; i < arrows.size(); ++i)
        if (arrows[i]->fate() == SegmentArrow::Fate::InFlight)
            floor = std::min(floor, arrows[i]->from().y());
    constexpr double kReach = 1000;  // twice placeArrowLabels()' neighbourhood
    while (d->labelsSettled < arrows.size() && arrows[d->labelsSettled]->fate() != SegmentArrow::Fate::InFlight &&
           arrows[d->labelsSettled]->from().y() < floor - kReach)
        ++d->labelsSettled;
}

std::vector<SequenceScene::PlacedText> SequenceScene::placedTexts(std::size_t lastOfEach) const {
    return placedTexts(lastOfEach, -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity());
}

// Only the texts reaching into the rows from `fromY` to `toY` (the row at fromY when they are
// equal), and their names are only written for those (a dense run has 100 000 texts, and this is
// asked on every update).
std::vector<SequenceScene::PlacedText> SequenceScene::placedTexts(std::size_t lastOfEach, double fromY, double toY) const {
    std::vector<PlacedText> out;
    const auto tail = [lastOfEach](const auto& list) {
        return list.size() > lastOfEach ? list.begin() + static_cast<std::ptrdiff_t>(list.size() - lastOfEach) : list.begin();
    };
    // A text under the pinned heads' strip is hidden by it: not placed, unless pinned there (the
    // strip reaches below any text it would cut: updatePinBackdrop()).
    const auto add = [&out, this, fromY, toY](const QRectF& r, const auto& what, bool pinned = false) {
        if (r.isEmpty() || !(r.top() < toY && r.bottom() > fromY))
            return;
        if (pinned || !d->pinBackdrop || !d->pinBackdrop->hides(r))
            out.push_back({r, what(), pinned});
    };
    for (auto it = tail(d->arrows); it != d->arrows.end(); ++it) {
        const SegmentArrow* a = *it;
        add(a->labelRect(), [a] { return QStringLiteral("label of segment %1").arg(a->segmentId()); });
        add(a->crossRect(), [a] { return QStringLiteral("cross of segment %1").arg(a->segmentId()); });
    }
    for (int s = 0; s < 2; ++s) {
        const QString side = s == 0 ? QStringLiteral("A") : QStringLiteral("B");
        for (auto it = tail(d->bands[s]); it != d->bands[s].end(); ++it)
            add((*it)->nameRect(), [&] { return side + QStringLiteral(" state ") + (*it)->name(); }, (*it)->isPinned());
        for (auto it = tail(d->timers[s]); it != d->timers[s].end(); ++it) {
            const QVector<QRectF> rects = (*it)->textRects();  // the label's lines, then the marks
            for (int k = 0; k < rects.size(); ++k)
                add(rects[k], [&] { return side + QStringLiteral(" timer ") + (*it)->name(); }, k < (*it)->labelLines() && (*it)->isPinned());
        }
        for (auto it = tail(d->calls[s]); it != d->calls[s].end(); ++it)
            add((*it)->textRect(), [&] { return side + QStringLiteral(" call ") + (*it)->text(); });
    }
    for (const auto* list : {&d->markers, &d->parameterMarks})
        for (const MarkerItem* m : *list)
            add(m->textRect(), [m] { return QStringLiteral("row ") + m->text(); });
    for (const BreakItem* b : d->breaks)
        add(b->labelRect(), [] { return QStringLiteral("break label"); });
    add(d->cursor->textRect(), [] { return QStringLiteral("cursor time"); });
    return out;
}

void SequenceScene::setPinLine(double y) {
    if (y == d->pinLine)
        return;
    d->pinLine = y;
    applyPins();
}

// On each side, the band the pin line crosses has its name just under it, and the timers whose
// brackets cross it have their labels under that, in the order they are written unpinned.
void SequenceScene::applyPins() {
    // Nothing to do at the top of the diagram once every label is back in its place: the common
    // case, on every tick while a run plays in view.
    if (d->pinLine == -std::numeric_limits<double>::infinity() && !d->anyPinned)
        return;
    if (!d->pinBackdrop)  // the scene is being made anew
        return;
    const double gap = 2;
    bool any = false;
    double stackBottom[2] = {d->pinLine, d->pinLine};
    QColor bandColour[2];
    for (int s = 0; s < 2; ++s) {
        double next = d->pinLine + gap;
        for (StateBandItem* band : d->bands[s]) {
            const bool crosses = band->top() < d->pinLine && band->bottom() > d->pinLine;
            const bool pinned = band->setPinTop(crosses ? next : -std::numeric_limits<double>::infinity());
            any = any || pinned;
            if (crosses)
                bandColour[s] = band->fill();
            // Below its name, pinned or still showing where it began just under the heads.
            if (pinned || (crosses && band->shownNameY() + band->nameHeight() / 2 > d->pinLine))
                next = std::max(next, band->shownNameY() + band->nameHeight() / 2 + gap);
        }
        std::vector<TimerBracketItem*> timers = d->timers[s];
        std::stable_sort(timers.begin(), timers.end(),
                         [](const TimerBracketItem* a, const TimerBracketItem* b) { return a->labelTop() < b->labelTop(); });
        for (TimerBracketItem* t : timers) {
            const bool crosses = t->top() < d->pinLine && t->bottom() > d->pinLine && t->labelTop() < next;
            if (t->setPinTop(crosses ? next : -std::numeric_limits<double>::infinity())) {
                next = std::max(next, t->shownLabelTop() + t->labelHeight() + gap);
                any = true;
            }
        }
        if (any)
            stackBottom[s] = next;
    }
    d->anyPinned = any;
    updatePinBackdrop(stackBottom, bandColour);
}

// Under the pinned labels of each side, down to the last of them, and in each stretch across the
// diagram (the ruler, A's column, the room between the lifelines, B's column, the notes) down past
// any text the heads cut there: painted as the page and the columns are. A text the strip would
// cut in turn is taken in whole, so nothing is seen cut in half; a stretch with no cut text has no
// strip (a label just under the heads beside another stretch's cut text stays whole).
void SequenceScene::updatePinBackdrop(const double (&stackBottom)[2], const QColor (&bandColour)[2]) {
    QVector<PinBackdropItem::Patch> patches;
    d->pinBackdrop->setPatches(patches);  // measured without it
    if (d->pinLine == -std::numeric_limits<double>::infinity())
        return;
    // The texts near the pin line: a strip never reaches further than a few lines below it.
    constexpr double kReach = 400;
    const std::vector<PlacedText> near = placedTexts(std::numeric_limits<std::size_t>::max(), d->pinLine, d->pinLine + kReach);
    const double column = d->geo.columnWidth;
    const double left[2] = {d->geo.x(0) - column, d->geo.x(1)};
    struct Stretch {
        double x0, x1, from;
        QColor colour;
    };
    const Stretch stretches[] = {{0, left[0], d->pinLine, QColor()},
                                 {left[0], d->geo.x(0), std::max(d->pinLine, stackBottom[0]), bandColour[0]},
                                 {d->geo.x(0), d->geo.x(1), d->pinLine, QColor()},
                                 {left[1], left[1] + column, std::max(d->pinLine, stackBottom[1]), bandColour[1]},
                                 {left[1] + column, d->geo.width, d->pinLine, QColor()}};
    constexpr std::size_t kStretches = std::size(stretches);
    const auto across = [&stretches](const PlacedText& t, std::size_t k) {
        return t.rect.left() < stretches[k].x1 && t.rect.right() > stretches[k].x0;
    };
    double cut[kStretches];
    for (std::size_t k = 0; k < kStretches; ++k) {
        cut[k] = stretches[k].from;
        for (const PlacedText& t : near)  // under the pinned labels reaching into it
            if (t.pinned && across(t, k))
                cut[k] = std::max(cut[k], t.rect.bottom() + 1);
    }
    // A text partly under the strip in any stretch it spans is taken in whole, in all of them; each
    // pass may reach further texts.
    for (bool grew = true; grew;) {
        grew = false;
        for (const PlacedText& t : near) {
            if (t.pinned)
                continue;
            bool under = false;
            for (std::size_t k = 0; k < kStretches; ++k)
                under = under || (across(t, k) && t.rect.top() < cut[k]);
            for (std::size_t k = 0; under && k < kStretches; ++k)
                if (across(t, k) && cut[k] < t.rect.bottom()) {  // to its edge: a text stacked under it stays whole
                    cut[k] = t.rect.bottom();
                    grew = true;
                }
        }
    }
    for (std::size_t k = 0; k < kStretches; ++k)
        if (cut[k] > d->pinLine)
            patches.push_back({QRectF(stretches[k].x0, d->pinLine, stretches[k].x1 - stretches[k].x0, cut[k] - d->pinLine), stretches[k].colour});
    d->pinBackdrop->setPatches(patches);
}

}  // namespace finwave::app
