// The sequence scene grows one trace record at a time: an arrow for a segment sent, its end where
// it arrived or died, a band for each state, a bracket for each timer, the marks of a note.
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_scene_p.h"

#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/call_mark.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_layout.h"
#include "app/views/sequence/time_axis.h"

#include <QFontMetricsF>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>

#include <algorithm>
#include <cmath>

namespace finwave::app {

void SequenceScene::append(int first, int count) {
    const Trace& trace = d->ctl->sim().trace();
    for (int i = first; i < first + count && i < static_cast<int>(trace.size()); ++i) {
        const TraceRecord& r = trace[static_cast<std::size_t>(i)];
        d->axis.addTime(r.t);
        switch (r.kind) {
        case EventKind::Send: appendSend(r, i); break;
        case EventKind::Arrive:
        case EventKind::Drop: appendArrival(r, i); break;
        case EventKind::State: appendState(r, i); break;
        case EventKind::TimerStart:
        case EventKind::TimerStop:
        case EventKind::TimerFire: appendTimer(r, i); break;
        case EventKind::Note: appendNote(r, i); break;
        case EventKind::Return: appendReturn(r, i); break;
        default: break;
        }
        if (d->compared && d->compared->firstDifference == static_cast<std::size_t>(i))
            markFirstDifference(r, i);
    }
    syncBreaks();
    syncParameterMarks();  // a saved run's change replayed at this step
    updateOpenItems();
}

// An idle span's zig-zag for each break of the axis the run has come past, and no other.
void SequenceScene::syncBreaks() {
    const auto breaks = d->axis.breaks();
    while (d->breaks.size() > breaks.size()) {
        delete d->breaks.back();
        d->breaks.pop_back();
    }
    for (std::size_t b = d->breaks.size(); b < breaks.size(); ++b) {
        auto* item = new BreakItem(&d->theme, d->geo.ruler, d->geo.width - 4, breaks[b].y0, breaks[b].y1,
                                   tr("… %1 later …").arg(formatTime(breaks[b].to - breaks[b].from, d->axis.grain())));
        addItem(item);
        d->breaks.push_back(item);
    }
}

// Arrows are drawn by batches (part_batch.h); a click on one drops its segment while it flies
// (when the run may be changed), else shows its fields; a right-click offers the same in a menu.
void SequenceScene::addArrow(SegmentArrow* arrow) {
    addPart<SegmentArrow>(this, d->arrows, arrow, SegmentArrow::kZ, [this](PartBatchItem* batch) {
        batch->setFollowsMouse(true);  // a segment in flight shows a hand
        batch->onPress = [this](DiagramPart* part, QGraphicsSceneMouseEvent* event) {
            if (event->button() != Qt::LeftButton) {
                event->ignore();
                return;
            }
            const auto* a = static_cast<const SegmentArrow*>(part);
            if (!canDrop(a) || !d->ctl->dropSegment(a->segmentId()))
                Q_EMIT segmentChosen(static_cast<std::size_t>(a->createdAt));
            event->accept();
        };
        batch->onMenu = [this](DiagramPart* part, QGraphicsSceneContextMenuEvent* event) {
            const auto* a = static_cast<const SegmentArrow*>(part);
            if (d->segmentMenu)
                d->segmentMenu(a->segmentId(), static_cast<std::size_t>(a->createdAt), canDrop(a), event->screenPos());
            event->accept();
        };
    });
}

void SequenceScene::appendSend(const TraceRecord& r, int i) {
    const Simulator& sim = d->ctl->sim();
    auto* arrow = makeArrow(d->theme, sim, r, i);
    if (d->compared) {
        const auto shift = d->compared->shift.find(static_cast<std::size_t>(i));
        arrow->setCompared(d->compared->unpaired.count(static_cast<std::size_t>(i)) != 0,
                           shift == d->compared->shift.end() ? QString() : tr("Δt %1").arg((shift->second > 0 ? QStringLiteral("+") : QStringLiteral("−")) +
                                                                                   formatTime(std::abs(shift->second), d->axis.grain())));
    }
    const bool aToB = r.seg.dir == Direction::AtoB;
    const QPointF from(d->geo.x(aToB ? 0 : 1), d->axis.y(r.t));
    arrow->setLine(from, from, SegmentArrow::Fate::InFlight);
    // Its label is placed (placeArrowLabels()) against the line it will have.
    const double xTo = d->geo.x(aToB ? 1 : 0);
    arrow->fitLabel(std::abs(xTo - from.x()) - 16);
    arrow->setPlannedEnd(QPointF(xTo, d->axis.y(std::max(r.t, r.arrivesAt))), xTo);
    addArrow(arrow);
    d->bySegment[r.seg.id] = arrow;
    d->axis.hold(i, r.arrivesAt);  // no break through its flight
}

// The row where this run first differs from the one beside it (app/compare), across the diagram.
void SequenceScene::markFirstDifference(const TraceRecord& r, int i) {
    auto* mark = new MarkerItem(&d->theme, d->geo.ruler, d->geo.width - 4, tr("first difference"), d->theme.lost);
    mark->createdAt = i;
    mark->at = std::min(r.t, d->compared->firstDifferenceAt);
    mark->setPos(0, d->axis.y(mark->at));
    addItem(mark);
    d->markers.push_back(mark);
    d->differenceMark = mark;
}

void SequenceScene::appendArrival(const TraceRecord& r, int i) {
    SegmentArrow* arrow = arrowOf(r.seg.id);
    if (!arrow)
        return;
    const bool aToB = r.seg.dir == Direction::AtoB;
    const double xTo = d->geo.x(aToB ? 1 : 0), xFrom = d->geo.x(aToB ? 0 : 1);
    if (r.reason == Reason::DuplicateDelivered) {  // an old copy: its own late arrow
        auto* dup = new SegmentArrow(&d->theme, r.seg.id, aToB,
                                         tr("old duplicate: %1").arg(segmentLabel(d->ctl->sim(), r.seg)), true);
        dup->createdAt = i;
        dup->endedAt = i;
        dup->sentAt = r.sentAt;
        dup->setLine(arrow->from(), QPointF(xTo, d->axis.y(r.t)), SegmentArrow::Fate::Arrived);
        addArrow(dup);
        return;
    }
    arrow->endedAt = i;
    if (r.kind == EventKind::Arrive) {
        arrow->setLine(arrow->from(), QPointF(xTo, d->axis.y(r.t)), SegmentArrow::Fate::Arrived);
        return;
    }
    // The cross where it died, from the flight the engine recorded.
    const double f = r.arrivesAt > r.sentAt
                         ? std::clamp(static_cast<double>(r.t - r.sentAt) / static_cast<double>(r.arrivesAt - r.sentAt), 0.05, 0.95)
                         : 0.5;
    arrow->setLine(arrow->from(), QPointF(xFrom + (xTo - xFrom) * f, d->axis.y(r.t)), SegmentArrow::Fate::Lost);
    d->labelsDirtyY = std::min(d->labelsDirtyY, arrow->from().y());  // its cross may stand on a label
}

void SequenceScene::appendState(const TraceRecord& r, int i) {
    const int side = r.side == Side::B ? 1 : 0;
    auto& list = d->bands[side];
    if (!list.empty() && list.back()->endedAt < 0) {
        list.back()->endedAt = i;
        list.back()->endTime = r.t;
    }
    auto* band = new StateBandItem(&d->theme, static_cast<int>(r.to), side == 0, QString::fromUtf8(stateName(r.to).data()));
    band->createdAt = i;
    band->startTime = r.t;
    // Later bands lie under earlier ones: a name written just below its band's start (stacked
    // under a state that lasted no time) is never covered by the next fill.
    band->setZValue(2 - static_cast<double>(list.size()) * 1e-6);
    addItem(band);
    list.push_back(band);
}

void SequenceScene::appendTimer(const TraceRecord& r, int i) {
    const int side = r.side == Side::B ? 1 : 0;
    TimerBracketItem* open = nullptr;
    for (TimerBracketItem* t : d->timers[side])
        if (t->endedAt < 0 && t->timerKind == static_cast<int>(r.timer))
            open = t;
    if (r.kind == EventKind::TimerStart && open) {  // restarted: a mark on the same bracket
        open->restarts.push_back({i, r.t, r.deadline - r.t});
        open->deadline = r.deadline;
        open->placed = false;
        return;
    }
    if (open) {
        open->endedAt = i;
        open->endTime = r.t;
        open->expired = r.kind == EventKind::TimerFire;
        open->placed = false;
    }
    if (r.kind != EventKind::TimerStart)
        return;
    // Named where it starts, its length under the name.
    auto* t = new TimerBracketItem(&d->theme, side == 0, QString::fromUtf8(timerName(r.timer).data()));
    t->createdAt = i;
    t->timerKind = static_cast<int>(r.timer);
    t->startTime = r.t;
    t->length = r.deadline - r.t;
    t->deadline = r.deadline;
    addItem(t);
    d->timers[side].push_back(t);
}

// What the application's call returned, in the side's column at the row it returned.
void SequenceScene::appendReturn(const TraceRecord& r, int i) {
    if (r.side == Side::Net)
        return;
    const int side = r.side == Side::B ? 1 : 0;
    auto* call = new CallMark(&d->theme, side == 0, callLabel(r), r.error != SocketError::None);
    call->createdAt = i;
    call->at = r.t;  // its tooltip is written when asked for (toolTipAt())
    addPart(this, d->calls[side], call, CallMark::kZ);
}

void SequenceScene::appendNote(const TraceRecord& r, int i) {
    if (r.reason == Reason::StaleDataAccepted) {  // the last old copy was taken as new data
        for (auto it = d->arrows.rbegin(); it != d->arrows.rend(); ++it)
            if ((*it)->endedAt == (*it)->createdAt && (*it)->sentAt <= r.t) {
                (*it)->setCorrupt(tr("old duplicate taken as new data: %1").arg(segmentLabel(d->ctl->sim(), r.seg)));
                return;
            }
        return;
    }
    if (r.reason != Reason::NewIncarnation)
        return;
    auto* mark = new MarkerItem(&d->theme, d->geo.ruler, d->geo.width - 4,
                                tr("%1: a new connection on the same ports begins").arg(QString::fromUtf8(sideName(r.side).data())),
                                d->theme.foreground);
    mark->createdAt = i;
    mark->at = r.t;
    mark->setPos(0, d->axis.y(r.t));
    addItem(mark);
    d->markers.push_back(mark);
}

}  // namespace finwave::app
