#include "app/views/sequence_scene.h"

#include "app/reason_text.h"
#include "app/sim_controller.h"
#include "app/views/sequence_items.h"
#include "app/views/sequence_layout.h"
#include "app/views/time_axis.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace finwave::app {

struct SequenceScene::Private {
    SimController* ctl = nullptr;
    Theme theme = Theme::light();
    TimeAxis axis;
    SequenceGeometry geo;
    FrameItem* frame = nullptr;
    CursorItem* cursor = nullptr;
    std::vector<SegmentArrowItem*> arrows;
    std::unordered_map<quint32, SegmentArrowItem*> bySegment;  // the original arrow of each segment
    std::vector<StateBandItem*> bands[2];
    std::vector<TimerBracketItem*> timers[2];
    std::vector<BreakItem*> breaks;
    std::vector<MarkerItem*> markers;
    ProtocolParams shownParams;
    std::array<ChannelParams, 2> shownChannels{};
    std::function<void(quint32, QPoint)> segmentMenu;
    std::size_t tickCount = 0;
    QVector<QPair<double, QString>> ticks;
    double cursorY = 0;
};

SequenceScene::SequenceScene(SimController* controller, QObject* parent)
    : QGraphicsScene(parent), d(std::make_unique<Private>()) {
    d->ctl = controller;
    // Items arrive one by one, so Qt's guess of the index depth is made for a tiny scene;
    // a fixed depth keeps painting proportional to what is visible.
    setBspTreeDepth(14);
    connect(controller, &SimController::scenarioLoaded, this, &SequenceScene::rebuild);
    connect(controller, &SimController::recordsAppended, this, &SequenceScene::append);
    connect(controller, &SimController::recordsTruncated, this, &SequenceScene::truncate);
    connect(controller, &SimController::displayTimeChanged, this, &SequenceScene::updateOpenItems);
    connect(controller, &SimController::paramsChanged, this, &SequenceScene::updateTitle);
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
    rebuild();
}

SequenceScene::~SequenceScene() = default;

const Theme& SequenceScene::theme() const { return d->theme; }

void SequenceScene::setTheme(const Theme& theme) {
    d->theme = theme;
    rebuild();
}

int SequenceScene::arrowCount() const { return static_cast<int>(d->arrows.size()); }

SegmentArrowItem* SequenceScene::arrowOf(quint32 segmentId) const {
    const auto it = d->bySegment.find(segmentId);
    return it == d->bySegment.end() ? nullptr : it->second;
}

QRectF SequenceScene::contentRect() const { return sceneRect(); }

void SequenceScene::setSegmentMenu(std::function<void(quint32, QPoint)> menu) { d->segmentMenu = std::move(menu); }
void SequenceScene::dropSegment(quint32 segmentId) { d->ctl->dropSegment(segmentId); }
double SequenceScene::cursorY() const { return d->cursorY; }
double SequenceScene::width() const { return d->geo.width; }
double SequenceScene::lifelineX(int side) const { return d->geo.x(side); }

void SequenceScene::renderContent(QPainter* painter, const QRectF& target, const QRectF& source) {
    const bool cursorVisible = d->cursor->isVisible();
    d->cursor->setVisible(false);
    render(painter, target, source.isNull() ? contentRect() : source);
    d->cursor->setVisible(cursorVisible);
}

QString SequenceScene::stateNameAt(int side, double y) const {
    const auto& bands = d->bands[side == 0 ? 0 : 1];
    // Bands are in time order; the last one that began at or above y holds it.
    auto it = std::upper_bound(bands.begin(), bands.end(), y, [](double v, const StateBandItem* b) { return v < b->top(); });
    return it == bands.begin() ? QString() : (*std::prev(it))->name();
}

double SequenceScene::quietCut(double lo, double hi) const {
    return finwave::app::quietCut(d->theme, d->axis, d->arrows, d->bands, d->timers, d->ticks, lo, hi);
}

bool SequenceScene::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        rebuild();
    return QGraphicsScene::eventFilter(watched, event);
}

void SequenceScene::updateTitle() {
    if (!d->frame)
        return;
    const Simulator& sim = d->ctl->sim();
    d->frame->setTitle(scenarioTitle(sim.scenario()), parameterLine(sim));
    // The header says what holds now; the row where the user changed it is marked, with the
    // new values, so the diagram above it stays explained by the old ones.
    const std::array<ChannelParams, 2> channels = {sim.channel(Direction::AtoB), sim.channel(Direction::BtoA)};
    const bool changed = !(channels == d->shownChannels) || !(sim.params() == d->shownParams);
    d->shownParams = sim.params();
    d->shownChannels = channels;
    if (!changed || sim.trace().empty())
        return;
    const Micros at = std::max(d->ctl->displayTime(), sim.now());
    if (!d->markers.empty() && d->markers.back()->at == at && d->markers.back()->createdAt == static_cast<int>(sim.trace().size())) {
        delete d->markers.back();  // one mark per moment: the latest values
        d->markers.pop_back();
    }
    auto* mark = new MarkerItem(&d->theme, d->geo.ruler, d->geo.width - 4, tr("from here: %1").arg(parameterLine(sim)), d->theme.cursor);
    mark->createdAt = static_cast<int>(sim.trace().size());
    mark->at = at;
    mark->setPos(0, d->axis.y(at));
    addItem(mark);
    d->markers.push_back(mark);
}

// Everything from scratch: on load, reset, theme and language change. Records are then added
// one by one.
void SequenceScene::rebuild() {
    Q_EMIT aboutToRebuild();
    clear();
    d->arrows.clear();
    d->bySegment.clear();
    for (int s = 0; s < 2; ++s) {
        d->bands[s].clear();
        d->timers[s].clear();
    }
    d->breaks.clear();
    d->markers.clear();
    d->tickCount = 0;
    d->ticks.clear();
    setBackgroundBrush(d->theme.background);

    const Simulator& sim = d->ctl->sim();
    const Scenario& sc = sim.scenario();
    d->shownParams = sim.params();
    d->shownChannels = {sim.channel(Direction::AtoB), sim.channel(Direction::BtoA)};
    d->geo = SequenceGeometry::forTheme(d->theme);
    d->axis = timeAxisFor(d->theme, sc);

    d->frame = new FrameItem(&d->theme, d->geo.xA, d->geo.xB, d->geo.width, d->geo.ruler);
    addItem(d->frame);
    updateTitle();
    d->cursor = new CursorItem(&d->theme, d->geo.ruler, d->geo.width - 4);
    addItem(d->cursor);

    for (Side side : {Side::A, Side::B}) {
        const TcpState s0 = initialStateOf(side == Side::A ? sc.a : sc.b);
        auto* band = new StateBandItem(&d->theme, static_cast<int>(s0), side == Side::A,
                                       QString::fromUtf8(stateName(s0).data()));
        addItem(band);
        d->bands[side == Side::A ? 0 : 1].push_back(band);
        band->setSpan(d->geo.x(side == Side::A ? 0 : 1), d->axis.top(), d->axis.top(), d->geo.columnWidth);
    }
    const int size = static_cast<int>(sim.trace().size());
    if (size > 0)
        append(0, size);
    updateOpenItems();
    Q_EMIT rebuilt();
}

void SequenceScene::append(int first, int count) {
    const Simulator& sim = d->ctl->sim();
    const Trace& trace = sim.trace();
    for (int i = first; i < first + count && i < static_cast<int>(trace.size()); ++i) {
        const TraceRecord& r = trace[static_cast<std::size_t>(i)];
        d->axis.addTime(r.t);
        const int side = r.side == Side::B ? 1 : 0;
        switch (r.kind) {
        case EventKind::Send: {
            auto* arrow = makeArrow(d->theme, sim, r, i);
            arrow->onClick = [ctl = d->ctl](quint32 id) { ctl->dropSegment(id); };
            arrow->onMenu = [this](quint32 id, QPoint at) {
                if (d->segmentMenu)
                    d->segmentMenu(id, at);
            };
            const bool aToB = r.seg.dir == Direction::AtoB;
            const QPointF from(d->geo.x(aToB ? 0 : 1), d->axis.y(r.t));
            arrow->setLine(from, from, SegmentArrowItem::Fate::InFlight);
            // A segment leaving the other side at about the same moment (crossing FINs) has its
            // label above its arrow: this one goes under its own.
            // So does one that leaves just under an idle break, whose label stands above it.
            const double labelHeight = QFontMetricsF(d->theme.font).height() * 2;
            for (auto it = d->arrows.rbegin(); it != d->arrows.rend() && it - d->arrows.rbegin() < 4; ++it)
                if ((*it)->isAToB() != aToB && std::abs((*it)->from().y() - from.y()) < labelHeight)
                    arrow->setLabelBelow(true);
            if (!d->axis.breaks().empty() && from.y() - d->axis.breaks().back().y1 < labelHeight)
                arrow->setLabelBelow(true);
            addItem(arrow);
            d->arrows.push_back(arrow);
            d->bySegment[r.seg.id] = arrow;
            break;
        }
        case EventKind::Arrive:
        case EventKind::Drop: {
            SegmentArrowItem* arrow = arrowOf(r.seg.id);
            if (!arrow)
                break;
            const bool aToB = r.seg.dir == Direction::AtoB;
            const double xTo = d->geo.x(aToB ? 1 : 0), xFrom = d->geo.x(aToB ? 0 : 1);
            if (r.reason == Reason::DuplicateDelivered) {  // an old copy: its own late arrow
                auto* dup = new SegmentArrowItem(&d->theme, r.seg.id, aToB,
                                                 tr("old duplicate: %1").arg(segmentLabel(sim, r.seg)), true);
                dup->createdAt = i;
                dup->endedAt = i;
                dup->sentAt = r.sentAt;
                dup->setLine(arrow->from(), QPointF(xTo, d->axis.y(r.t)), SegmentArrowItem::Fate::Arrived);
                addItem(dup);
                d->arrows.push_back(dup);
                break;
            }
            arrow->endedAt = i;
            if (r.kind == EventKind::Arrive) {
                arrow->setLine(arrow->from(), QPointF(xTo, d->axis.y(r.t)), SegmentArrowItem::Fate::Arrived);
            } else {  // the cross where it died, from the flight the engine recorded
                const double f = r.arrivesAt > r.sentAt
                                     ? std::clamp(static_cast<double>(r.t - r.sentAt) /
                                                      static_cast<double>(r.arrivesAt - r.sentAt), 0.05, 0.95)
                                     : 0.5;
                arrow->setLine(arrow->from(), QPointF(xFrom + (xTo - xFrom) * f, d->axis.y(r.t)),
                               SegmentArrowItem::Fate::Lost);
            }
            break;
        }
        case EventKind::State: {
            auto& list = d->bands[side];
            if (!list.empty() && list.back()->endedAt < 0) {
                list.back()->endedAt = i;
                list.back()->endTime = r.t;
            }
            auto* band = new StateBandItem(&d->theme, static_cast<int>(r.to), side == 0,
                                           QString::fromUtf8(stateName(r.to).data()));
            band->createdAt = i;
            band->startTime = r.t;
            // Later bands lie under earlier ones: a name written just below its band's start
            // (stacked under a state that lasted no time) is never covered by the next fill.
            band->setZValue(2 - static_cast<double>(list.size()) * 1e-6);
            addItem(band);
            list.push_back(band);
            break;
        }
        case EventKind::TimerStart:
        case EventKind::TimerStop:
        case EventKind::TimerFire: {
            TimerBracketItem* open = nullptr;
            for (TimerBracketItem* t : d->timers[side])
                if (t->endedAt < 0 && t->timerKind == static_cast<int>(r.timer))
                    open = t;
            if (r.kind == EventKind::TimerStart && open) {  // restarted: a mark on the same bracket
                open->restarts.push_back({i, r.t, r.deadline - r.t});
                open->deadline = r.deadline;
                open->placed = false;
                break;
            }
            if (open) {
                open->endedAt = i;
                open->endTime = r.t;
                open->expired = r.kind == EventKind::TimerFire;
                open->placed = false;
            }
            if (r.kind == EventKind::TimerStart) {
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
            break;
        }
        case EventKind::Note:
            if (r.reason == Reason::StaleDataAccepted) {  // the last old copy was taken as new data
                for (auto it = d->arrows.rbegin(); it != d->arrows.rend(); ++it)
                    if ((*it)->endedAt == (*it)->createdAt && (*it)->sentAt <= r.t) {
                        (*it)->setCorrupt(tr("old duplicate taken as new data: %1").arg(segmentLabel(sim, r.seg)));
                        break;
                    }
            } else if (r.reason == Reason::NewIncarnation) {
                auto* mark = new MarkerItem(&d->theme, d->geo.ruler, d->geo.width - 4,
                                            tr("%1: a new connection on the same ports begins").arg(QString::fromUtf8(sideName(r.side).data())),
                                            d->theme.foreground);
                mark->createdAt = i;
                mark->at = r.t;
                mark->setPos(0, d->axis.y(r.t));
                addItem(mark);
                d->markers.push_back(mark);
            }
            break;
        default:
            break;
        }
    }
    const auto& breaks = d->axis.breaks();
    for (std::size_t b = d->breaks.size(); b < breaks.size(); ++b) {
        auto* item = new BreakItem(&d->theme, d->geo.ruler, d->geo.width - 4, breaks[b].y0, breaks[b].y1,
                                   tr("… %1 later …").arg(formatTime(breaks[b].to - breaks[b].from)));
        addItem(item);
        d->breaks.push_back(item);
    }
    updateOpenItems();
}

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
    while (!d->arrows.empty() && d->arrows.back()->createdAt >= newSize) {
        if (d->arrows.back()->endedAt != d->arrows.back()->createdAt)  // not an old duplicate's
            d->bySegment.erase(d->arrows.back()->segmentId());
        delete d->arrows.back();
        d->arrows.pop_back();
    }
    for (SegmentArrowItem* a : d->arrows) {
        if (a->endedAt >= newSize) {
            a->endedAt = -1;
            a->setLine(a->from(), a->from(), SegmentArrowItem::Fate::InFlight);
        }
    }
    for (int s = 0; s < 2; ++s) {
        drop(d->bands[s]);
        drop(d->timers[s]);
        for (TimerBracketItem* t : d->timers[s]) {
            while (!t->restarts.isEmpty() && t->restarts.back().index >= newSize) {
                t->restarts.pop_back();
                t->placed = false;
            }
        }
    }
    while (!d->markers.empty() && d->markers.back()->createdAt >= newSize) {
        delete d->markers.back();
        d->markers.pop_back();
    }
    const Trace& trace = d->ctl->sim().trace();
    d->axis.truncateAfter(newSize > 0 ? trace[static_cast<std::size_t>(newSize - 1)].t : 0);
    while (d->breaks.size() > d->axis.breaks().size()) {
        delete d->breaks.back();
        d->breaks.pop_back();
    }
    updateOpenItems();
}

// Whatever depends on the cursor: segments in flight, the open state bands, timers, the ruler.
void SequenceScene::updateOpenItems() {
    const Simulator& sim = d->ctl->sim();
    const Micros now = std::max(d->ctl->displayTime(), sim.now());
    const double yNow = d->axis.y(now);
    std::unordered_map<quint32, InFlight> flying;
    for (const InFlight& f : sim.inFlight())
        flying[f.seg.id] = f;
    for (SegmentArrowItem* a : d->arrows) {
        if (a->fate() != SegmentArrowItem::Fate::InFlight)
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
                   SegmentArrowItem::Fate::InFlight);
    }
    for (int s = 0; s < 2; ++s) {
        layoutColumn(d->theme, d->axis, d->geo, s, d->bands[s], d->timers[s], now);
    }
    for (MarkerItem* m : d->markers)  // the axis may have been compressed since
        m->setPos(0, d->axis.y(m->at));
    d->cursorY = yNow;
    d->cursor->setPos(0, yNow);
    d->cursor->setText(formatTime(now));  // the step is in the bar; the time is read off the ruler
    // The ruler grows with the axis; only a step back rebuilds it.
    const auto& knots = d->axis.knots();
    if (knots.size() < d->tickCount) {
        d->ticks.clear();
        d->tickCount = 0;
    }
    if (knots.size() != d->tickCount) {
        for (std::size_t k = d->tickCount; k < knots.size(); ++k)
            d->ticks.push_back({d->axis.y(knots[k]), formatTime(knots[k])});
        d->tickCount = knots.size();
        d->frame->setTicks(d->ticks);
    }
    const double bottom = std::max(yNow, d->axis.y(d->axis.lastTime())) + 110;
    d->frame->setBottom(bottom - 40);
    setSceneRect(QRectF(0, 0, d->geo.width, bottom));
    Q_EMIT cursorMoved(yNow);
}

}  // namespace finwave::app
