#include "app/views/state_graph_view.h"

#include "app/sim_controller.h"
#include "app/views/state_graph_items.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QResizeEvent>
#include <QVariantAnimation>

#include <algorithm>
#include <array>
#include <limits>
#include <map>

namespace finwave::app {

namespace {
using St = TcpState;

// Grid positions after RFC 9293 Figure 5: CLOSED on top, ESTABLISHED in the middle, the active
// closer's states on the left, the passive closer's on the right, TIME_WAIT at the bottom.
constexpr std::array<QPointF, kTcpStateCount> kGrid = {
    QPointF(2.0, 0.0),  // CLOSED
    QPointF(2.0, 1.0),  // LISTEN
    QPointF(3.2, 2.0),  // SYN_SENT
    QPointF(0.8, 2.0),  // SYN_RECEIVED
    QPointF(2.0, 3.0),  // ESTABLISHED
    QPointF(0.8, 4.1),  // FIN_WAIT_1
    QPointF(0.3, 5.4),  // FIN_WAIT_2
    QPointF(3.2, 4.1),  // CLOSE_WAIT
    QPointF(1.9, 5.4),  // CLOSING
    QPointF(3.2, 5.4),  // LAST_ACK
    QPointF(1.0, 7.3),  // TIME_WAIT: room for the labels of the three edges into it
};

struct EdgeSpec {
    St from, to;
    const char* label;
};

// Labels are "event / action" as in the RFC's diagram.
constexpr EdgeSpec kEdges[] = {
    {St::Closed, St::Listen, QT_TRANSLATE_NOOP("StateGraph", "passive OPEN")},
    {St::Closed, St::SynSent, QT_TRANSLATE_NOOP("StateGraph", "active OPEN / snd SYN")},
    {St::Listen, St::SynReceived, QT_TRANSLATE_NOOP("StateGraph", "rcv SYN / snd SYN,ACK")},
    {St::SynSent, St::SynReceived, QT_TRANSLATE_NOOP("StateGraph", "rcv SYN / snd SYN,ACK")},
    {St::SynSent, St::Established, QT_TRANSLATE_NOOP("StateGraph", "rcv SYN,ACK / snd ACK")},
    {St::SynReceived, St::Established, QT_TRANSLATE_NOOP("StateGraph", "rcv ACK of SYN / x")},
    {St::Established, St::FinWait1, QT_TRANSLATE_NOOP("StateGraph", "CLOSE / snd FIN")},
    {St::Established, St::CloseWait, QT_TRANSLATE_NOOP("StateGraph", "rcv FIN / snd ACK")},
    {St::FinWait1, St::FinWait2, QT_TRANSLATE_NOOP("StateGraph", "rcv ACK of FIN / x")},
    {St::FinWait1, St::Closing, QT_TRANSLATE_NOOP("StateGraph", "rcv FIN / snd ACK")},
    {St::FinWait1, St::TimeWait, QT_TRANSLATE_NOOP("StateGraph", "rcv FIN+ACK / snd ACK")},
    {St::FinWait2, St::TimeWait, QT_TRANSLATE_NOOP("StateGraph", "rcv FIN / snd ACK")},
    {St::Closing, St::TimeWait, QT_TRANSLATE_NOOP("StateGraph", "rcv ACK of FIN / x")},
    {St::CloseWait, St::LastAck, QT_TRANSLATE_NOOP("StateGraph", "CLOSE / snd FIN")},
    {St::LastAck, St::Closed, QT_TRANSLATE_NOOP("StateGraph", "rcv ACK of FIN / x")},
    {St::TimeWait, St::Closed, QT_TRANSLATE_NOOP("StateGraph", "timeout 2MSL / delete TCB")},
};

const char* extraLabel(Reason r) {
    switch (r) {
    case Reason::RstReceivedClosed:
    case Reason::RstKilledTimeWait: return QT_TRANSLATE_NOOP("StateGraph", "rcv RST");
    case Reason::AbortClosed: return QT_TRANSLATE_NOOP("StateGraph", "ABORT / snd RST");
    case Reason::UnreadDataResetClosed: return QT_TRANSLATE_NOOP("StateGraph", "CLOSE, data unread / snd RST");
    case Reason::DataAfterCloseResetClosed: return QT_TRANSLATE_NOOP("StateGraph", "rcv data after close / snd RST");
    case Reason::RetriesExhaustedClosed: return QT_TRANSLATE_NOOP("StateGraph", "retries exhausted");
    case Reason::FinWait2TimeoutClosed: return QT_TRANSLATE_NOOP("StateGraph", "tcp_fin_timeout (Linux)");
    case Reason::UserTimeoutClosed: return QT_TRANSLATE_NOOP("StateGraph", "user timeout");
    default: return QT_TRANSLATE_NOOP("StateGraph", "to CLOSED");
    }
}
}  // namespace

struct StateGraphView::Private {
    SimController* ctl = nullptr;
    Theme theme = Theme::light();
    QGraphicsScene* scene = nullptr;
    std::array<StateNodeItem*, kTcpStateCount> nodes{};
    std::map<std::pair<int, int>, StateEdgeItem*> edges;                // Figure 5 edges
    std::map<std::pair<int, QString>, StateEdgeItem*> extras;           // X -> CLOSED, by label
    std::array<int, 2> marked{};
    QVariantAnimation* pulse = nullptr;
    StateEdgeItem* pulsing = nullptr;
    std::size_t pulsedRecord = 0;
    double cellW = 200, cellH = 86, margin = 70;
    bool fitted = true;

    QPointF centre(int s) const { return QPointF(margin + kGrid[s].x() * cellW, margin + kGrid[s].y() * cellH); }
};

StateGraphView::StateGraphView(SimController* controller, QWidget* parent)
    : QGraphicsView(parent), d(std::make_unique<Private>()) {
    d->ctl = controller;
    d->scene = new QGraphicsScene(this);
    setScene(d->scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    d->pulse = new QVariantAnimation(this);
    d->pulse->setDuration(700);
    d->pulse->setKeyValueAt(0, 0.0);
    d->pulse->setKeyValueAt(0.5, 1.0);
    d->pulse->setKeyValueAt(1, 0.0);
    connect(d->pulse, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        if (d->pulsing)
            d->pulsing->setPulse(v.toReal());
    });
    connect(controller, &SimController::scenarioLoaded, this, &StateGraphView::refresh);
    connect(controller, &SimController::recordsAppended, this, &StateGraphView::refresh);
    connect(controller, &SimController::recordsTruncated, this, &StateGraphView::refresh);
    rebuild();
}

StateGraphView::~StateGraphView() = default;

const Theme& StateGraphView::theme() const { return d->theme; }

void StateGraphView::setTheme(const Theme& theme) {
    d->theme = theme;
    rebuild();
}

QRectF StateGraphView::contentRect() const { return d->scene->itemsBoundingRect().adjusted(-20, -20, 20, 20); }

void StateGraphView::renderContent(QPainter* painter, const QRectF& target) {
    d->scene->render(painter, target, contentRect());
}

QPointF StateGraphView::nodeCenter(int tcpState) const { return d->nodes[static_cast<std::size_t>(tcpState)]->pos(); }
int StateGraphView::markedState(int side) const { return d->marked[side == 0 ? 0 : 1]; }

void StateGraphView::zoomIn() { d->fitted = false; scale(1.2, 1.2); }
void StateGraphView::zoomOut() { d->fitted = false; scale(1 / 1.2, 1 / 1.2); }
void StateGraphView::resetZoom() {
    d->fitted = true;
    fitInView(contentRect(), Qt::KeepAspectRatio);
}

void StateGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (d->fitted)
        fitInView(contentRect(), Qt::KeepAspectRatio);
}

void StateGraphView::rebuild() {
    d->pulse->stop();
    d->pulsing = nullptr;
    d->scene->clear();
    d->edges.clear();
    d->extras.clear();
    d->scene->setBackgroundBrush(d->theme.background);
    const double f = std::max(1.0, d->theme.font.pointSizeF() / 10.0);  // labels grow with the font: so do the gaps
    d->cellW = 200 * f;
    d->cellH = 86 * f;
    for (int s = 0; s < kTcpStateCount; ++s) {
        auto* node = new StateNodeItem(&d->theme, s, QString::fromUtf8(stateName(static_cast<St>(s)).data()));
        node->setPos(d->centre(s));
        d->scene->addItem(node);
        d->nodes[static_cast<std::size_t>(s)] = node;
    }
    const QRectF box = d->nodes[0]->box();
    const double left = d->centre(static_cast<int>(St::FinWait2)).x() + box.left() - 40;
    const double right = d->centre(static_cast<int>(St::LastAck)).x() + box.right() + 40;
    const auto border = [&](QPointF c, QPointF toward) {
        const QPointF v = toward - c;
        const double sx = std::abs(v.x()) > 1e-6 ? (box.width() / 2) / std::abs(v.x()) : 1e9;
        const double sy = std::abs(v.y()) > 1e-6 ? (box.height() / 2) / std::abs(v.y()) : 1e9;
        return c + v * std::min(sx, sy);
    };
    // Where a label may not go: the boxes, then each label placed so far. A label's room includes
    // the steps that get appended to it ("  A#1  B#2").
    const QFontMetricsF labelMetrics(d->theme.font);
    const auto labelRect = [&](const QString& text, QPointF centre) {
        QRectF r = labelMetrics.boundingRect(text + QStringLiteral("  A#10  B#10"));
        r.adjust(-6, -3, 6, 3);
        r.moveCenter(centre);
        return r;
    };
    std::vector<QRectF> occupied;
    for (int s = 0; s < kTcpStateCount; ++s)
        occupied.push_back(box.translated(d->centre(s)));
    // Along the middle of the straight run p0..p1, the place that overlaps least (by area): midway
    // when clear, else slid off the boxes and earlier labels ("active OPEN" beside LISTEN, the
    // three edges into TIME_WAIT). Never over the arrowhead.
    const auto placeLabel = [&](const char* label, QPointF p0, QPointF p1) {
        const QRectF size = labelRect(QCoreApplication::translate("StateGraph", label), QPointF());
        QPointF best = (p0 + p1) / 2;
        double least = std::numeric_limits<double>::max();
        for (double t : {0.5, 0.55, 0.45, 0.6, 0.4, 0.65, 0.35, 0.7, 0.3, 0.75, 0.25}) {
            const QRectF r = size.translated(p0 + (p1 - p0) * t);
            double overlap = 0;
            for (const QRectF& o : occupied) {
                const QRectF common = o.intersected(r);
                overlap += common.width() * common.height();
            }
            if (overlap < least) {
                least = overlap;
                best = p0 + (p1 - p0) * t;
            }
        }
        return best;
    };
    for (const EdgeSpec& e : kEdges) {
        const int a = static_cast<int>(e.from), b = static_cast<int>(e.to);
        const QPointF ca = d->centre(a), cb = d->centre(b);
        QPainterPath path;
        QPointF labelAt;
        if (e.to == St::Closed && e.from == St::LastAck) {  // up the right side
            path.moveTo(ca + QPointF(box.right(), 0));
            path.lineTo(right, ca.y());
            path.lineTo(right, cb.y());
            path.lineTo(cb + QPointF(box.right(), 0));
            labelAt = placeLabel(e.label, QPointF(right, cb.y()), QPointF(right, ca.y()));
        } else if (e.to == St::Closed && e.from == St::TimeWait) {  // up the left side
            path.moveTo(ca + QPointF(box.left(), 0));
            path.lineTo(left, ca.y());
            path.lineTo(left, cb.y());
            path.lineTo(cb + QPointF(box.left(), 0));
            labelAt = placeLabel(e.label, QPointF(left, cb.y()), QPointF(left, ca.y()));
        } else {
            const QPointF p0 = border(ca, cb), p1 = border(cb, ca);
            path.moveTo(p0);
            path.lineTo(p1);
            labelAt = placeLabel(e.label, p0, p1);
        }
        occupied.push_back(labelRect(QCoreApplication::translate("StateGraph", e.label), labelAt));
        auto* item = new StateEdgeItem(&d->theme, path, labelAt, QCoreApplication::translate("StateGraph", e.label), false);
        d->scene->addItem(item);
        d->edges[{a, b}] = item;
    }
    d->pulsedRecord = std::numeric_limits<std::size_t>::max();  // a full refresh, without a pulse
    refresh();
    if (d->fitted)
        fitInView(contentRect(), Qt::KeepAspectRatio);
}

void StateGraphView::refresh() {
    const Simulator& sim = d->ctl->sim();
    // Most events change no state: then the marks and the lit edges are as they were.
    const Trace& all = sim.trace();
    if (all.size() >= d->pulsedRecord && d->pulsedRecord > 0) {
        bool changed = false;
        for (std::size_t i = d->pulsedRecord; i < all.size() && !changed; ++i)
            changed = all[i].kind == EventKind::State;
        if (!changed) {
            d->pulsedRecord = all.size();
            return;
        }
    }
    std::map<StateEdgeItem*, QVector<StateEdgeItem::Taken>> taken;
    for (auto& [key, e] : d->edges)
        taken[e] = {};
    for (auto& [key, e] : d->extras)
        taken[e] = {};
    StateEdgeItem* last = nullptr;
    std::size_t lastIndex = 0;
    const Trace& trace = sim.trace();
    const QRectF box = d->nodes[0]->box();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const TraceRecord& r = trace[i];
        if (r.kind != EventKind::State)
            continue;
        const int from = static_cast<int>(r.from), to = static_cast<int>(r.to);
        StateEdgeItem* edge = nullptr;
        if (auto it = d->edges.find({from, to}); it != d->edges.end() &&
            !(r.to == St::Closed && r.reason != Reason::LastAckAckedClosed && r.reason != Reason::TimeWaitExpired)) {
            edge = it->second;
        } else {
            const QString label = QCoreApplication::translate("StateGraph", extraLabel(r.reason));
            auto key = std::make_pair(from, label);
            auto it2 = d->extras.find(key);
            if (it2 == d->extras.end()) {
                // Route to CLOSED along the nearer side, a little further out for each extra.
                const QPointF c = d->centre(from), closed = d->centre(0);
                const bool leftSide = c.x() <= closed.x();
                const double lane = 18.0 * static_cast<double>(d->extras.size() + 1);
                const double x = leftSide ? c.x() + box.left() - 30 - lane : c.x() + box.right() + 30 + lane;
                QPainterPath path(c + QPointF(leftSide ? box.left() : box.right(), box.height() / 4));
                path.lineTo(x, c.y() + box.height() / 4);
                path.lineTo(x, closed.y() + box.height() / 4);
                path.lineTo(closed + QPointF(leftSide ? box.left() : box.right(), box.height() / 4));
                auto* item = new StateEdgeItem(&d->theme, path, QPointF(x, (c.y() + closed.y()) / 2 + lane), label, true);
                d->scene->addItem(item);
                it2 = d->extras.emplace(key, item).first;
                taken[item] = {};
            }
            edge = it2->second;
        }
        taken[edge].push_back({r.side == Side::A ? 0 : 1, r.step});
        last = edge;
        lastIndex = i + 1;
    }
    for (auto& [edge, list] : taken)
        edge->setTaken(list);
    d->marked = {static_cast<int>(sim.state(Side::A)), static_cast<int>(sim.state(Side::B))};
    for (int s = 0; s < kTcpStateCount; ++s)
        d->nodes[static_cast<std::size_t>(s)]->setMarks(d->marked[0] == s, d->marked[1] == s);
    // Animate the transition just taken, only when moving forward.
    if (last && lastIndex > d->pulsedRecord) {
        if (d->pulsing)
            d->pulsing->setPulse(0);
        d->pulsing = last;
        d->pulse->stop();
        d->pulse->start();
    }
    d->pulsedRecord = trace.size();
}

void StateGraphView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QGraphicsView::changeEvent(event);
}

}  // namespace finwave::app
