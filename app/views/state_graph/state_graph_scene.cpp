#include "app/views/state_graph/state_graph_scene.h"

#include "app/window/sim_controller.h"
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_layout.h"
#include "core/protocol/transitions.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QVariantAnimation>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <tuple>

namespace finwave::app {

namespace {
// One drawn edge per (from, to, label): rows that differ only in their reason share it.
using EdgeKey = std::tuple<int, int, std::string_view>;
EdgeKey keyOf(const Transition& t) { return {static_cast<int>(t.from), static_cast<int>(t.to), t.label}; }

}  // namespace

struct StateGraphScene::Private {
    SimController* ctl = nullptr;
    Theme theme = Theme::light();
    std::unique_ptr<StateGraphLayout> layout;
    std::array<StateNodeItem*, kTcpStateCount> nodes{};
    StateNodeItem* aside = nullptr;  // the second CLOSED box (closing part), shown once an edge ends there
    std::array<bool, 2> asideMarks{};  // A's, B's mark is on it
    std::map<EdgeKey, StateEdgeItem*> figure;  // always drawn
    std::map<EdgeKey, StateEdgeItem*> extras;  // made when first taken
    std::vector<QRectF> occupied;              // boxes and labels placed so far
    std::array<int, 2> marked{};
    FigurePart part = FigurePart::Whole;  // the part of Figure 5 drawn now (core decides)
    bool whole = false;                   // the user asked for the whole figure
    QVariantAnimation* pulse = nullptr;
    StateEdgeItem* pulsing = nullptr;
    std::size_t pulsedRecord = 0;
};

StateGraphScene::StateGraphScene(SimController* controller, QObject* parent)
    : QGraphicsScene(parent), d(std::make_unique<Private>()) {
    d->ctl = controller;
    d->pulse = new QVariantAnimation(this);
    d->pulse->setDuration(700);
    d->pulse->setKeyValueAt(0, 0.0);
    d->pulse->setKeyValueAt(0.5, 1.0);
    d->pulse->setKeyValueAt(1, 0.0);
    connect(d->pulse, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        if (d->pulsing)
            d->pulsing->setPulse(v.toReal());
    });
    connect(controller, &SimController::scenarioLoaded, this, [this] {
        d->part = partNow();
        rebuild();
    });
    connect(controller, &SimController::recordsAppended, this, &StateGraphScene::refresh);
    connect(controller, &SimController::recordsTruncated, this, &StateGraphScene::refresh);
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
    d->part = partNow();
    rebuild();
}

StateGraphScene::~StateGraphScene() = default;

const Theme& StateGraphScene::theme() const { return d->theme; }

FigurePart StateGraphScene::partNow() const {
    return d->whole ? FigurePart::Whole : figurePartNow(d->ctl->scenario(), d->ctl->sim().trace());
}

FigurePart StateGraphScene::part() const { return d->part; }

void StateGraphScene::setWholeFigure(bool whole) {
    if (whole == d->whole)
        return;
    d->whole = whole;
    d->part = partNow();
    rebuild();
}

void StateGraphScene::setTheme(const Theme& theme) {
    d->theme = theme;
    // In the projector theme the graph's labels are set at four fifths of its state names, the
    // proportion of the sizes asked of them from the back row (16 px labels, 20 px names): any
    // larger and the labels, which take most of the room, would make the fitted graph smaller
    // without making its names any larger.
    if (theme.large)
        d->theme.font.setPointSizeF(theme.titleFont.pointSizeF() * 0.8);
    rebuild();
}

// What is drawn: itemsBoundingRect() would count the hidden edges (resets and time-outs not yet
// taken) and their lanes too, and the fitted graph would shrink to leave room for them.
QRectF StateGraphScene::contentRect() const {
    QRectF r;
    for (const QGraphicsItem* item : items())
        if (item->isVisible()) {
            // The room each item draws in, not the generous one it repaints (which keeps a wide
            // margin for its label's step numbers and the pulse).
            if (const auto* e = qgraphicsitem_cast<const StateEdgeItem*>(item))
                r |= e->mapRectToScene(e->drawnRect());
            else if (const auto* n = qgraphicsitem_cast<const StateNodeItem*>(item))
                r |= n->mapRectToScene(n->box().adjusted(-12, -12, 12, 12));
            else
                r |= item->sceneBoundingRect();
        }
    const double margin = QFontMetricsF(d->theme.font).height() * 0.3;
    return r.adjusted(-margin, -margin, margin, margin);
}

void StateGraphScene::renderContent(QPainter* painter, const QRectF& target) { render(painter, target, contentRect()); }

QPointF StateGraphScene::nodeCenter(int tcpState) const { return d->nodes[static_cast<std::size_t>(tcpState)]->pos(); }
QRectF StateGraphScene::closedAsideBox() const {
    return d->aside && d->aside->isVisible() ? d->aside->mapRectToScene(d->aside->box()) : QRectF();
}
bool StateGraphScene::markedAside(int side) const { return d->aside && d->aside->isVisible() && d->asideMarks[side == 0 ? 0 : 1]; }
int StateGraphScene::markedState(int side) const { return d->marked[side == 0 ? 0 : 1]; }

std::vector<StateEdgeItem*> StateGraphScene::edges() const {
    std::vector<StateEdgeItem*> out;
    for (const auto& [key, e] : d->figure)
        out.push_back(e);
    for (const auto& [key, e] : d->extras)
        out.push_back(e);
    return out;
}

bool StateGraphScene::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        rebuild();
    return QGraphicsScene::eventFilter(watched, event);
}

void StateGraphScene::rebuild() {
    d->pulse->stop();
    d->pulsing = nullptr;
    clear();
    d->figure.clear();
    d->extras.clear();
    setBackgroundBrush(d->theme.background);
    d->layout = std::make_unique<StateGraphLayout>(d->theme, d->part);
    for (int s = 0; s < kTcpStateCount; ++s) {
        auto* node = new StateNodeItem(&d->theme, s, QString::fromUtf8(stateName(static_cast<TcpState>(s)).data()), d->part);
        node->setVisible(inFigurePart(d->part, static_cast<TcpState>(s)));
        node->setBox(d->layout->shape(static_cast<TcpState>(s)));
        node->setPos(d->layout->centre(static_cast<TcpState>(s)));
        addItem(node);
        d->nodes[static_cast<std::size_t>(s)] = node;
    }
    d->occupied = d->layout->boxes();
    d->aside = nullptr;
    if (const QRectF aside = d->layout->closedAside(); !aside.isEmpty()) {
        const auto closed = static_cast<int>(TcpState::Closed);
        d->aside = new StateNodeItem(&d->theme, closed, QString::fromUtf8(stateName(TcpState::Closed).data()), d->part);
        d->aside->setBox(aside.translated(-aside.center()));
        d->aside->setPos(aside.center());
        d->aside->setVisible(false);
        addItem(d->aside);
        d->occupied.push_back(aside);  // kept free whether drawn or not, so no label moves when it is
    }
    // The edges of Figure 5 first (their labels take the best places), then the self-loops.
    for (bool loops : {false, true}) {
        for (const Transition& t : transitions()) {
            if (!t.inFigure || t.isSelfLoop() != loops || d->figure.count(keyOf(t)) ||
                !inFigurePart(d->part, t.from) || !inFigurePart(d->part, t.to))
                continue;
            const QPainterPath path = d->layout->route(t);
            const QString label = d->layout->label(t);
            QPointF at;
            if (const auto fixed = d->layout->fixedLabel(t, label)) {
                at = *fixed;
                // Room for the steps of both ends, or of one where only one can take it.
                d->occupied.push_back(d->layout->labelRect(label, at, oneEndPerConnection(t)));
            } else {
                at = d->layout->placeLabel(label, path, t.isSelfLoop(), d->occupied);
            }
            auto* item = new StateEdgeItem(&d->theme, path, at, label, false, &t);
            item->setStacked(d->part != FigurePart::Whole);
            addItem(item);
            addItem(item->labelItem());
            d->figure[keyOf(t)] = item;
        }
    }
    d->pulsedRecord = std::numeric_limits<std::size_t>::max();  // a full refresh, without a pulse
    refresh();
    Q_EMIT rebuilt();
}

void StateGraphScene::refresh() {
    if (redrawnInAnotherPart())
        return;
    const Trace& trace = d->ctl->sim().trace();
    // Most events take no edge: then the marks and the lit edges are as they were.
    if (trace.size() >= d->pulsedRecord && d->pulsedRecord > 0) {
        bool changed = false;
        for (std::size_t i = d->pulsedRecord; i < trace.size() && !changed; ++i)
            changed = transitionOf(trace[i]) != nullptr;
        if (!changed) {
            d->pulsedRecord = trace.size();
            return;
        }
    }
    const std::size_t extrasBefore = d->extras.size();
    std::map<StateEdgeItem*, QVector<StateEdgeItem::Taken>> taken;
    for (StateEdgeItem* e : edges())
        taken[e] = {};
    StateEdgeItem* last = nullptr;
    std::size_t lastIndex = 0;
    std::array<bool, 2> inAside{};  // each side's last edge into CLOSED ended in the second CLOSED box
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Transition* row = transitionOf(trace[i]);
        if (!row)
            continue;  // not an edge; the engine checks every change of state is in the table
        if (row->to == TcpState::Closed)
            inAside[trace[i].side == Side::A ? 0 : 1] = d->layout->endsAside(*row);
        if (!inFigurePart(d->part, row->from) || !inFigurePart(d->part, row->to))
            continue;  // taken in the other part of the figure
        StateEdgeItem* edge = edgeFor(*row);
        taken[edge].push_back({trace[i].side == Side::A ? 0 : 1, trace[i].step});
        last = edge;
        lastIndex = i + 1;
    }
    bool asideDrawn = false;
    for (auto& [edge, list] : taken) {
        edge->setTaken(list);
        asideDrawn = asideDrawn || (edge->isDrawn() && edge->row() && d->layout->endsAside(*edge->row()));
    }
    markStates(inAside, asideDrawn);
    // Animate the transition just taken, only when moving forward.
    if (last && lastIndex > d->pulsedRecord) {
        if (d->pulsing)
            d->pulsing->setPulse(0);
        d->pulsing = last;
        d->pulse->stop();
        d->pulse->start();
    }
    d->pulsedRecord = trace.size();
    if (d->extras.size() != extrasBefore)
        Q_EMIT contentGrown();
}

// Core says which part of the figure to draw for where the run is now; it changes only with a
// change of state (or a step back), and then the graph is drawn anew in that part.
bool StateGraphScene::redrawnInAnotherPart() {
    if (d->whole)
        return false;
    const Trace& trace = d->ctl->sim().trace();
    const bool full = d->pulsedRecord == std::numeric_limits<std::size_t>::max();
    bool check = full || trace.size() < d->pulsedRecord;
    for (std::size_t i = full ? 0 : std::min(d->pulsedRecord, trace.size()); i < trace.size() && !check; ++i)
        check = trace[i].kind == EventKind::State;
    if (!check)
        return false;
    const FigurePart now = partNow();
    if (now == d->part)
        return false;
    d->part = now;
    rebuild();
    return true;
}

// The item of an edge taken: one of Figure 5's, or one drawn once taken, made now with its route
// and label (state_graph_places.cpp).
StateEdgeItem* StateGraphScene::edgeFor(const Transition& row) {
    const EdgeKey key = keyOf(row);
    if (auto it = d->figure.find(key); it != d->figure.end())
        return it->second;
    if (auto ex = d->extras.find(key); ex != d->extras.end())
        return ex->second;
    const QPainterPath path = d->layout->routeExtra(row, static_cast<int>(d->extras.size()));
    const QString label = d->layout->label(row);
    QPointF at;
    if (const auto slot = d->layout->extraLabel(row, label, path, d->occupied)) {
        at = *slot;
        d->occupied.push_back(d->layout->labelRect(label, at, true));
    } else {
        at = d->layout->placeLabel(label, path, false, d->occupied);
    }
    auto* edge = new StateEdgeItem(&d->theme, path, at, label, true, &row);
    edge->setStacked(d->part != FigurePart::Whole);
    addItem(edge);
    addItem(edge->labelItem());
    d->extras[key] = edge;
    return edge;
}

// Each end's mark on the box of its state. An end that reached CLOSED by an edge into the second
// CLOSED box is marked there, where its edge ends.
void StateGraphScene::markStates(const std::array<bool, 2>& inAside, bool asideDrawn) {
    const Simulator& sim = d->ctl->sim();
    d->marked = {static_cast<int>(sim.state(Side::A)), static_cast<int>(sim.state(Side::B))};
    const auto closed = static_cast<int>(TcpState::Closed);
    const std::array<bool, 2> aside = {d->aside && d->marked[0] == closed && inAside[0],
                                       d->aside && d->marked[1] == closed && inAside[1]};
    for (int s = 0; s < kTcpStateCount; ++s)
        d->nodes[static_cast<std::size_t>(s)]->setMarks(d->marked[0] == s && !aside[0], d->marked[1] == s && !aside[1]);
    if (d->aside) {
        d->aside->setVisible(asideDrawn);
        d->aside->setMarks(aside[0], aside[1]);
    }
    d->asideMarks = aside;
}

}  // namespace finwave::app
