#include "app/views/sequence_view.h"

#include "app/reason_text.h"
#include "app/sim_controller.h"
#include "app/views/sequence_items.h"
#include "app/views/time_axis.h"

#include <QFontMetricsF>
#include <QEvent>
#include <QGraphicsScene>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QResizeEvent>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

namespace finwave::app {

namespace {
constexpr int kPlaced = 8;  // item data: a closed item's final geometry is set
constexpr int kNameY = 9;   // item data: where a band's name was written
}  // namespace

struct SequenceView::Private {
    SimController* ctl = nullptr;
    Theme theme = Theme::light();
    QGraphicsScene* scene = nullptr;
    TimeAxis axis;
    FrameItem* frame = nullptr;
    CursorItem* cursor = nullptr;
    std::vector<SegmentArrowItem*> arrows;
    std::unordered_map<quint32, SegmentArrowItem*> bySegment;  // the original arrow of each segment
    std::vector<StateBandItem*> bands[2];
    std::vector<TimerBracketItem*> timers[2];
    std::vector<BreakItem*> breaks;
    std::unordered_map<quint32, Micros> arrivesAt;  // from the engine while the segment flew
    int built = 0;
    std::size_t tickCount = 0;
    QVector<QPair<double, QString>> ticks;
    bool follow = true;
    bool scrolling = false;
    double zoom = 1.0;
    // geometry, derived from the theme's fonts
    double xA = 0, xB = 0, width = 0, nameWidth = 0;

    double x(Side s) const { return s == Side::A ? xA : xB; }
    double timerX(int side) const { return side == 0 ? xA - nameWidth - 14 : xB + nameWidth + 14; }
};

SequenceView::SequenceView(SimController* controller, QWidget* parent)
    : QGraphicsView(parent), d(std::make_unique<Private>()) {
    d->ctl = controller;
    d->scene = new QGraphicsScene(this);
    // Items arrive one by one, so Qt's guess of the index depth is made for a tiny scene;
    // a fixed depth keeps painting proportional to what is visible.
    d->scene->setBspTreeDepth(14);
    setScene(d->scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    connect(controller, &SimController::scenarioLoaded, this, &SequenceView::rebuild);
    connect(controller, &SimController::recordsAppended, this, &SequenceView::append);
    connect(controller, &SimController::recordsTruncated, this, &SequenceView::truncate);
    connect(controller, &SimController::displayTimeChanged, this, &SequenceView::updateOpenItems);
    // Follow the cursor unless the user scrolls away; scrolling back to it resumes following.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (d->scrolling || !d->cursor)
            return;
        const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
        d->follow = visible.contains(QPointF(d->xA, d->cursor->y()));
    });
    rebuild();
}

SequenceView::~SequenceView() = default;

const Theme& SequenceView::theme() const { return d->theme; }

void SequenceView::setTheme(const Theme& theme) {
    d->theme = theme;
    rebuild();
}

int SequenceView::arrowCount() const { return static_cast<int>(d->arrows.size()); }

QRectF SequenceView::contentRect() const { return d->scene->sceneRect(); }

void SequenceView::renderContent(QPainter* painter, const QRectF& target, const QRectF& source) {
    const bool cursorVisible = d->cursor->isVisible();
    d->cursor->setVisible(false);
    d->scene->render(painter, target, source.isNull() ? contentRect() : source);
    d->cursor->setVisible(cursorVisible);
}

double SequenceView::lifelineX(int side) const { return side == 0 ? d->xA : d->xB; }

QString SequenceView::stateNameAt(int side, double y) const {
    const auto& bands = d->bands[side == 0 ? 0 : 1];
    // Bands are in time order; the last one that began at or above y holds it.
    auto it = std::upper_bound(bands.begin(), bands.end(), y, [](double v, const StateBandItem* b) { return v < b->top(); });
    return it == bands.begin() ? QString() : (*std::prev(it))->name();
}

double SequenceView::quietCut(double lo, double hi) const {
    const double middle = (lo + hi) / 2;
    // An idle break is the natural place: cut just under its upper zig-zag, so the next column
    // opens with the break's "… later …" label whole. A short break (a gap just over the
    // threshold) has no room above its label.
    constexpr double kUnderZigZag = 12;
    const double lineHeight = QFontMetricsF(d->theme.font).height();
    std::optional<double> inBreak;
    for (const TimeAxis::Break& b : d->axis.breaks()) {
        const double y = b.y0 + kUnderZigZag;
        const bool roomy = (b.y1 - b.y0) / 2 - lineHeight * 0.7 > kUnderZigZag;
        if (roomy && y >= lo && y <= hi && (!inBreak || std::abs(y - middle) < std::abs(*inBreak - middle)))
            inBreak = y;
    }
    if (inBreak)
        return *inBreak;
    // Otherwise the row that crosses the fewest arrows and no written text: segment labels, the
    // ruler's times, state names, timer labels, break labels. A text costs as much as many crossings.
    const double nameHeight = QFontMetricsF(d->theme.titleFont).height();
    std::vector<std::pair<double, double>> lines, texts;
    const auto text = [&](double top, double bottom) {
        if (bottom >= lo && top <= hi)
            texts.emplace_back(top, bottom);
    };
    for (const SegmentArrowItem* a : d->arrows) {
        const double top = std::min(a->from().y(), a->to().y()), bottom = std::max(a->from().y(), a->to().y());
        if (bottom >= lo && top <= hi)
            lines.emplace_back(top, bottom);
        const double label = a->labelCenter().y();
        text(label - lineHeight * 0.7, label + lineHeight * 0.7);
    }
    for (const auto& tick : d->ticks)
        text(tick.first - lineHeight * 0.7, tick.first + lineHeight * 0.7);
    for (const TimeAxis::Break& b : d->axis.breaks())
        text((b.y0 + b.y1) / 2 - lineHeight * 0.7, (b.y0 + b.y1) / 2 + lineHeight * 0.7);
    for (const auto& side : d->bands)
        for (const StateBandItem* band : side)
            text(band->nameY() - nameHeight * 0.7, band->nameY() + nameHeight * 0.7);
    for (const auto& side : d->timers)
        for (const TimerBracketItem* timer : side)
            text(timer->labelBottom() - lineHeight * 2.2, timer->labelBottom());
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

// The diagram is fitted to the pane's width (never enlarged), then the user's zoom applies.
void SequenceView::applyZoom() {
    // Room for the vertical scroll bar is kept even before it appears, or its arrival would make
    // the fitted diagram a few pixels too wide and add a horizontal bar.
    const int bar = verticalScrollBar()->isVisible() ? 0 : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const double fit = d->width > 0 ? std::clamp((viewport()->width() - bar) / (d->width + 8), 0.35, 1.0) : 1.0;
    const double k = fit * d->zoom;
    setTransform(QTransform::fromScale(k, k));
}
void SequenceView::zoomIn() {
    d->zoom = std::min(4.0, d->zoom * 1.2);
    applyZoom();
}
void SequenceView::zoomOut() {
    d->zoom = std::max(0.25, d->zoom / 1.2);
    applyZoom();
}
void SequenceView::resetZoom() {
    d->zoom = 1.0;
    applyZoom();
}

void SequenceView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    applyZoom();
}

void SequenceView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

// Everything from scratch: on load, reset and theme change. Records are then added one by one.
void SequenceView::rebuild() {
    d->scene->clear();
    d->arrows.clear();
    d->bySegment.clear();
    d->arrivesAt.clear();
    d->bands[0].clear();
    d->bands[1].clear();
    d->timers[0].clear();
    d->timers[1].clear();
    d->breaks.clear();
    d->built = 0;
    d->tickCount = 0;
    d->ticks.clear();
    d->follow = true;
    d->scene->setBackgroundBrush(d->theme.background);

    const QFontMetricsF name(d->theme.titleFont), text(d->theme.font);
    d->nameWidth = name.horizontalAdvance(QStringLiteral("SYN_RECEIVED")) + 30;
    const double timerWidth = text.horizontalAdvance(QStringLiteral("fires in 240.0 s")) + 16;
    const double ruler = text.horizontalAdvance(QStringLiteral("240.300 s")) + 20;
    d->xA = ruler + timerWidth + 14 + d->nameWidth;
    d->xB = d->xA + std::max(480.0, text.horizontalAdvance(QStringLiteral("FIN, PSH, ACK seq=1001 ack=1 len=1000 (retransmission #2)")) + 40);
    d->width = d->xB + d->nameWidth + 14 + timerWidth + 20;

    const Simulator& sim = d->ctl->sim();
    const Scenario& sc = sim.scenario();
    const double rttMs = std::max(1.0, static_cast<double>(sc.ab.delay + sc.ba.delay) / 1000.0);
    const double pxPerMs = std::clamp(150.0 / rttMs, 0.05, 8.0) * (d->theme.font.pointSizeF() / 10.0);
    // Idle longer than a round trip (plus jitter) is compressed.
    const Micros threshold = std::max<Micros>(20 * kMs, sc.ab.delay + sc.ba.delay + 2 * sc.ab.jitter);
    d->axis.reset(130, pxPerMs / 1000.0, threshold, 70);

    d->frame = new FrameItem(&d->theme, d->xA, d->xB, d->width);
    d->frame->setTitle(scenarioTitle(sc),
                       tr("profile %1 · delay %2 / %3 ms · loss %4 % / %5 %")
                           .arg(QString::fromUtf8(profileName(sim.params().profile).data()))
                           .arg(static_cast<double>(sim.channel(Direction::AtoB).delay) / 1000.0)
                           .arg(static_cast<double>(sim.channel(Direction::BtoA).delay) / 1000.0)
                           .arg(sim.channel(Direction::AtoB).loss * 100.0, 0, 'f', 0)
                           .arg(sim.channel(Direction::BtoA).loss * 100.0, 0, 'f', 0));
    d->scene->addItem(d->frame);
    d->cursor = new CursorItem(&d->theme, 84, d->width - 4);
    d->scene->addItem(d->cursor);

    for (Side side : {Side::A, Side::B}) {
        const EndpointSetup& setup = side == Side::A ? sc.a : sc.b;
        const TcpState s0 = setup.initial == TcpState::Established ? TcpState::Established : TcpState::Closed;
        auto* band = new StateBandItem(&d->theme, static_cast<int>(s0), side == Side::A,
                                       QString::fromUtf8(stateName(s0).data()));
        d->scene->addItem(band);
        d->bands[side == Side::A ? 0 : 1].push_back(band);
        band->setSpan(d->x(side), d->axis.top(), d->axis.top());
    }
    const int size = static_cast<int>(sim.trace().size());
    if (size > 0)
        append(0, size);
    updateOpenItems();
    applyZoom();
}

void SequenceView::append(int first, int count) {
    const Simulator& sim = d->ctl->sim();
    const Trace& trace = sim.trace();
    std::unordered_map<quint32, Micros> flying;
    for (const InFlight& f : sim.inFlight())
        flying[f.seg.id] = f.arrivesAt;
    for (int i = first; i < first + count && i < static_cast<int>(trace.size()); ++i) {
        const TraceRecord& r = trace[static_cast<std::size_t>(i)];
        d->axis.addTime(r.t);
        const int side = r.side == Side::B ? 1 : 0;
        switch (r.kind) {
        case EventKind::Send: {
            const bool aToB = r.seg.dir == Direction::AtoB;
            QString label = segmentLabel(sim, r.seg);
            auto* arrow = new SegmentArrowItem(&d->theme, r.seg.id, aToB, label, r.seg.isRetransmission());
            arrow->createdAt = i;
            arrow->setData(0, QVariant::fromValue<qint64>(r.t));
            arrow->setToolTip(QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                                  .arg(label.toHtmlEscaped(), recordSummary(sim, r).toHtmlEscaped(),
                                       reasonSentence(r.reason).toHtmlEscaped()));
            arrow->onClick = [ctl = d->ctl](quint32 id) { ctl->dropSegment(id); };
            const QPointF from(aToB ? d->xA : d->xB, d->axis.y(r.t));
            arrow->setLine(from, from, SegmentArrowItem::Fate::InFlight);
            d->scene->addItem(arrow);
            d->arrows.push_back(arrow);
            d->bySegment[r.seg.id] = arrow;
            if (auto it = flying.find(r.seg.id); it != flying.end())
                d->arrivesAt[r.seg.id] = it->second;
            break;
        }
        case EventKind::Arrive:
        case EventKind::Drop: {
            auto it = d->bySegment.find(r.seg.id);
            if (it == d->bySegment.end())
                break;
            SegmentArrowItem* arrow = it->second;
            const bool aToB = r.seg.dir == Direction::AtoB;
            const double xTo = aToB ? d->xB : d->xA;
            const double xFrom = aToB ? d->xA : d->xB;
            if (r.reason == Reason::DuplicateDelivered) {  // an old copy: its own late arrow
                auto* dup = new SegmentArrowItem(&d->theme, r.seg.id, aToB, tr("old duplicate: %1").arg(segmentLabel(sim, r.seg)), true);
                dup->createdAt = i;
                dup->endedAt = i;
                dup->setLine(arrow->from(), QPointF(xTo, d->axis.y(r.t)), SegmentArrowItem::Fate::Arrived);
                d->scene->addItem(dup);
                d->arrows.push_back(dup);
                break;
            }
            arrow->endedAt = i;
            if (r.kind == EventKind::Arrive) {
                arrow->setLine(arrow->from(), QPointF(xTo, d->axis.y(r.t)), SegmentArrowItem::Fate::Arrived);
            } else {
                const Micros sent = arrow->data(0).toLongLong();
                double f = 0.5;
                if (auto a = d->arrivesAt.find(r.seg.id); a != d->arrivesAt.end() && a->second > sent)
                    f = std::clamp(static_cast<double>(r.t - sent) / static_cast<double>(a->second - sent), 0.05, 0.95);
                arrow->setLine(arrow->from(), QPointF(xFrom + (xTo - xFrom) * f, d->axis.y(r.t)),
                               SegmentArrowItem::Fate::Lost);
            }
            break;
        }
        case EventKind::State: {
            auto& list = d->bands[side];
            if (!list.empty() && list.back()->endedAt < 0) {
                list.back()->endedAt = i;
                list.back()->setData(1, QVariant::fromValue<qint64>(r.t));
            }
            auto* band = new StateBandItem(&d->theme, static_cast<int>(r.to), side == 0,
                                           QString::fromUtf8(stateName(r.to).data()));
            band->createdAt = i;
            band->setData(0, QVariant::fromValue<qint64>(r.t));
            d->scene->addItem(band);
            list.push_back(band);
            break;
        }
        case EventKind::TimerStart:
        case EventKind::TimerStop:
        case EventKind::TimerFire: {
            for (TimerBracketItem* t : d->timers[side]) {
                if (t->endedAt < 0 && t->timerKind == static_cast<int>(r.timer)) {
                    t->endedAt = i;
                    t->setData(1, QVariant::fromValue<qint64>(r.t));
                    t->setData(2, r.kind == EventKind::TimerFire ? tr("expired")
                                   : r.kind == EventKind::TimerStop ? tr("stopped") : tr("restarted"));
                }
            }
            if (r.kind == EventKind::TimerStart) {
                auto* t = new TimerBracketItem(&d->theme, side == 0, QString::fromUtf8(timerName(r.timer).data()));
                t->createdAt = i;
                t->timerKind = static_cast<int>(r.timer);
                t->setData(0, QVariant::fromValue<qint64>(r.t));
                t->setData(3, QVariant::fromValue<qint64>(r.deadline));
                d->scene->addItem(t);
                d->timers[side].push_back(t);
            }
            break;
        }
        default:
            break;
        }
    }
    d->built = first + count;
    const auto& breaks = d->axis.breaks();
    for (std::size_t b = d->breaks.size(); b < breaks.size(); ++b) {
        auto* item = new BreakItem(&d->theme, 84, d->width - 4, breaks[b].y0, breaks[b].y1,
                                   tr("… %1 later …").arg(formatTime(breaks[b].to - breaks[b].from)));
        d->scene->addItem(item);
        d->breaks.push_back(item);
    }
    updateOpenItems();
}

void SequenceView::truncate(int newSize) {
    const auto drop = [&](auto& list) {
        while (!list.empty() && list.back()->createdAt >= newSize) {
            delete list.back();
            list.pop_back();
        }
        for (auto* item : list) {
            if (item->endedAt >= newSize) {
                item->endedAt = -1;
                item->setData(kPlaced, false);
            }
        }
    };
    while (!d->arrows.empty() && d->arrows.back()->createdAt >= newSize) {
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
    }
    const Trace& trace = d->ctl->sim().trace();
    d->axis.truncateAfter(newSize > 0 ? trace[static_cast<std::size_t>(newSize - 1)].t : 0);
    while (d->breaks.size() > d->axis.breaks().size()) {
        delete d->breaks.back();
        d->breaks.pop_back();
    }
    d->built = newSize;
    updateOpenItems();
}

// Whatever depends on the cursor: segments in flight, the open state bands, timers, the ruler.
void SequenceView::updateOpenItems() {
    const Simulator& sim = d->ctl->sim();
    const Micros now = std::max(d->ctl->displayTime(), sim.now());
    const double yNow = d->axis.y(now);
    std::unordered_map<quint32, InFlight> flying;
    for (const InFlight& f : sim.inFlight())
        flying[f.seg.id] = f;
    double bottom = yNow;
    for (SegmentArrowItem* a : d->arrows) {
        if (a->fate() != SegmentArrowItem::Fate::InFlight)
            continue;
        const auto it = flying.find(a->segmentId());
        if (it == flying.end())
            continue;
        const InFlight& f = it->second;
        const Micros end = f.lost ? f.lostAt : f.arrivesAt;
        const double frac = end > f.sentAt ? std::clamp(static_cast<double>(now - f.sentAt) / static_cast<double>(f.arrivesAt - f.sentAt), 0.0, 1.0) : 1.0;
        const double xFrom = a->isAToB() ? d->xA : d->xB, xTo = a->isAToB() ? d->xB : d->xA;
        a->setLine(a->from(), QPointF(xFrom + (xTo - xFrom) * frac, std::max(a->from().y(), yNow)),
                   SegmentArrowItem::Fate::InFlight);
    }
    const double line = QFontMetricsF(d->theme.titleFont).height();
    for (int s = 0; s < 2; ++s) {
        const double x = s == 0 ? d->xA : d->xB;
        double lastName = -1e9;
        for (StateBandItem* b : d->bands[s]) {
            if (b->endedAt >= 0 && b->data(kPlaced).toBool()) {  // closed bands never move again
                lastName = b->y() + b->data(kNameY).toDouble();
                continue;
            }
            const Micros t0 = b->data(0).isValid() ? b->data(0).toLongLong() : 0;
            const Micros t1 = b->endedAt >= 0 ? b->data(1).toLongLong() : now;
            const double y0 = d->axis.y(t0);
            b->setSpan(x, y0, d->axis.y(t1));
            // States entered in the same instant get their names one under the other.
            const double nameY = std::max(y0, lastName + line);
            b->setNameOffset(nameY - y0);
            lastName = nameY;
            b->setData(kPlaced, b->endedAt >= 0);
            b->setData(kNameY, nameY);
        }
        double lastLabel = -1e9;
        for (TimerBracketItem* t : d->timers[s]) {
            if (t->endedAt >= 0 && t->data(kPlaced).toBool()) {
                lastLabel = t->labelBottom();
                continue;
            }
            const Micros t0 = t->data(0).toLongLong();
            t->setLabelOffset(std::max(0.0, lastLabel - d->axis.y(t0)));
            const Micros deadline = t->data(3).toLongLong();
            if (t->endedAt >= 0) {
                const Micros t1 = t->data(1).toLongLong();
                t->setSpan(d->timerX(s), d->axis.y(t0), d->axis.y(t1), t->data(2).toString(), false);
                t->setData(kPlaced, true);
            } else {
                const Micros left = std::max<Micros>(0, deadline - now);
                t->setSpan(d->timerX(s), d->axis.y(t0), std::max(yNow, d->axis.y(t0) + 20),
                           tr("fires in %1").arg(formatTime(left)), true);
            }
            lastLabel = t->labelBottom();
        }
    }
    d->cursor->setPos(0, yNow);
    d->cursor->setText(tr("t = %1 · step %2").arg(formatTime(now)).arg(sim.stepIndex()));
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
    bottom = std::max(bottom, d->axis.y(d->axis.lastTime())) + 110;
    d->frame->setBottom(bottom - 40);
    d->scene->setSceneRect(QRectF(0, 0, d->width, bottom));
    if (d->follow) {
        d->scrolling = true;
        ensureVisible(QRectF(d->xA, yNow - 60, 1, 200), 10, 80);
        d->scrolling = false;
    }
}

void SequenceView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QGraphicsView::changeEvent(event);
}

}  // namespace finwave::app
