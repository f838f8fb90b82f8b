#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/note_item.h"
#include "app/views/sequence/sequence_scene_p.h"
#include "app/views/sequence/call_mark.h"

#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_layout.h"
#include "app/views/sequence/time_axis.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsSceneHelpEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace finwave::app {


SequenceScene::SequenceScene(SimController* controller, QObject* parent)
    : QGraphicsScene(parent), d(std::make_unique<Private>()) {
    d->ctl = controller;
    // Items arrive one by one, so Qt's guess of the index depth is made for a tiny scene;
    // a fixed depth keeps painting proportional to what is visible. 10, not 14: an item is listed
    // in every leaf it covers, and at 14 the 50 000-segment run's index held 1 GB of lists
    // (bench_app: painting 20 000 arrows 2.8 ms at 14, 2.9 ms at 10).
    setBspTreeDepth(10);
    connect(controller, &SimController::scenarioLoaded, this, [this] {
        // Another run: a note being written belonged to the old one.
        if (NoteItem* note = editingNote())
            note->endEditingQuietly();
        d->editingStep.reset();
        rebuild();
    });
    connect(controller, &SimController::recordsAppended, this, &SequenceScene::append);
    connect(controller, &SimController::recordsTruncated, this, &SequenceScene::truncate);
    connect(controller, &SimController::displayTimeChanged, this, &SequenceScene::updateOpenItems);
    connect(controller, &SimController::timesHiddenChanged, this, &SequenceScene::updateOpenItems);
    connect(controller, &SimController::paramsChanged, this, &SequenceScene::updateTitle);
    connect(controller, &SimController::annotationsChanged, this, &SequenceScene::rebuild);
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

std::vector<QRectF> SequenceScene::pinStrip() const {
    std::vector<QRectF> out;
    if (d->pinBackdrop)
        for (const PinBackdropItem::Patch& p : d->pinBackdrop->patches())
            out.push_back(p.rect);
    return out;
}

const std::vector<SegmentArrow*>& SequenceScene::arrows() const { return d->arrows; }

const std::vector<CallMark*>& SequenceScene::calls(int side) const { return d->calls[side == 0 ? 0 : 1]; }

SegmentArrow* SequenceScene::arrowOf(quint32 segmentId) const {
    const auto it = d->bySegment.find(segmentId);
    return it == d->bySegment.end() ? nullptr : it->second;
}

QRectF SequenceScene::contentRect() const { return sceneRect(); }

void SequenceScene::setSegmentMenu(std::function<void(quint32, std::size_t, bool, QPoint)> menu) {
    d->segmentMenu = std::move(menu);
}

// A segment can be dropped while in flight, in a simulated run the user may change (no capture, no
// quiz holding the run).
bool SequenceScene::canDrop(const SegmentArrow* arrow) const {
    return arrow->fate() == SegmentArrow::Fate::InFlight && !d->ctl->isReplay() && !d->ctl->isLocked();
}
void SequenceScene::dropSegment(quint32 segmentId) { d->ctl->dropSegment(segmentId); }
double SequenceScene::cursorY() const { return d->cursorY; }
double SequenceScene::width() const { return d->geo.width; }
double SequenceScene::lifelineX(int side) const { return d->geo.x(side); }

void SequenceScene::renderContent(QPainter* painter, const QRectF& target, const QRectF& source) {
    // Without the cursor, so with every tick of the ruler.
    const bool cursorVisible = d->cursor->isVisible();
    d->cursor->setVisible(false);
    d->frame->setCursorRow(-1e9);
    render(painter, target, source.isNull() ? contentRect() : source);
    d->frame->setCursorRow(d->cursorY);
    d->cursor->setVisible(cursorVisible);
}

QString SequenceScene::stateNameAt(int side, double y) const {
    const auto& bands = d->bands[side == 0 ? 0 : 1];
    // Bands are in time order; the last one that began at or above y holds it.
    auto it = std::upper_bound(bands.begin(), bands.end(), y, [](double v, const StateBandItem* b) { return v < b->top(); });
    return it == bands.begin() ? QString() : (*std::prev(it))->name();
}

double SequenceScene::quietCut(double lo, double hi, const SequenceScene* beside) const {
    std::vector<CutCosts> scenes;
    for (const SequenceScene* s : {this, beside})
        if (s)
            scenes.push_back(cutCosts(s->d->theme, s->d->axis, s->d->arrows, s->d->bands, s->d->timers, s->d->ticks, lo, hi));
    return finwave::app::quietCut(scenes, lo, hi);
}

bool SequenceScene::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        rebuild();
    return QGraphicsScene::eventFilter(watched, event);
}

void SequenceScene::rebuild() {
    // A note being written is kept when the scene is made anew for the same run (a theme or a
    // language change, F11): what was typed is saved, as leaving the note would.
    if (NoteItem* note = editingNote(); note && note->isEditing()) {
        const quint64 step = note->step();
        const QString text = note->endEditingQuietly();
        d->editingStep.reset();
        d->ctl->setAnnotation(step, text);  // rebuilds (annotationsChanged) if the text is new
    }
    Q_EMIT aboutToRebuild();
    clear();
    d->pinBackdrop = nullptr;  // gone with the items: nothing may reach it until it is made again
    d->arrows.clear();
    d->bySegment.clear();
    d->labelsSettled = 0;
    d->labelsPlacedUpTo = 0;
    for (int s = 0; s < 2; ++s) {
        d->bands[s].clear();
        d->timers[s].clear();
        d->calls[s].clear();
    }
    d->breaks.clear();
    d->markers.clear();
    d->parameterMarks.clear();
    d->notes.clear();
    d->tickCount = 0;
    d->ticks.clear();
    setBackgroundBrush(d->theme.background);

    const Simulator& sim = d->ctl->sim();
    const Scenario& sc = sim.scenario();
    d->geo = SequenceGeometry::forTheme(d->theme, sim.timeGrain());
    d->axis = d->compared && d->compared->axis ? d->compared->axis(d->theme) : timeAxisFor(d->theme, sim);
    d->differenceMark = nullptr;
    // The notes column, only when there are notes and they are drawn beside the diagram (or one is
    // being written): about 18 characters wide, beside B's column.
    d->notesWidth = 0;
    const bool column = (d->notesBeside && !sc.annotations.empty()) || d->editingStep;
    d->notesColumn = column;
    if (column) {
        d->notesX = d->geo.width + 6;
        d->notesWidth = notesColumnWidth(d->theme) - 14;
        d->geo.width = d->notesX + d->notesWidth + 8;
    }

    d->frame = new FrameItem(&d->theme, d->geo.xA, d->geo.xB, d->geo.width, d->geo.ruler);
    addItem(d->frame);
    updateTitle();
    d->cursor = new CursorItem(&d->theme, d->geo.ruler, d->geo.width - 4);
    addItem(d->cursor);
    d->pinBackdrop = new PinBackdropItem(&d->theme);
    addItem(d->pinBackdrop);

    for (Side side : {Side::A, Side::B}) {
        const TcpState s0 = initialState(side == Side::A ? sc.a : sc.b);
        auto* band = new StateBandItem(&d->theme, static_cast<int>(s0), side == Side::A,
                                       QString::fromUtf8(stateName(s0).data()));
        addItem(band);
        d->bands[side == Side::A ? 0 : 1].push_back(band);
        band->setSpan(d->geo.x(side == Side::A ? 0 : 1), d->axis.top(), d->axis.top(), d->geo.columnWidth);
    }
    for (const Annotation& a : sc.annotations)
        if (column && a.step != d->editingStep)
            d->notes.push_back(new NoteItem(&d->theme, a.step, QString::fromStdString(a.text), d->notesWidth));
    if (d->editingStep) {
        const std::string* text = sim.annotation(*d->editingStep);
        auto* note = new NoteItem(&d->theme, *d->editingStep, text ? QString::fromStdString(*text) : QString(), d->notesWidth);
        const auto at = std::find_if(d->notes.begin(), d->notes.end(), [&](NoteItem* n) { return n->step() > *d->editingStep; });
        d->notes.insert(at, note);
    }
    for (NoteItem* n : d->notes)
        addItem(n);
    const int size = static_cast<int>(sim.trace().size());
    if (size > 0)
        append(0, size);
    updateOpenItems();
    Q_EMIT rebuilt();
    // Told once the scene is whole: the window's answer (the caption shown or hidden) resizes the
    // view, which lays out and pins again.
    // (A rebuild made from inside `rebuilt`, the view choosing where notes go, has told already.)
    if (d->notesColumn != d->notesColumnTold) {
        d->notesColumnTold = d->notesColumn;
        Q_EMIT notesColumnChanged(d->notesColumn);  // the window shows the notes elsewhere while there is none
    }
}

double SequenceScene::notesColumnWidth(const Theme& theme) {
    return QFontMetricsF(theme.font).averageCharWidth() * 18 + 12 + 14;  // the column and its gaps
}

bool SequenceScene::hasNotes() const { return !d->ctl->sim().scenario().annotations.empty(); }
bool SequenceScene::notesBeside() const { return d->notesBeside; }

QString SequenceScene::toolTipAt(QPointF scenePos) const {
    for (QGraphicsItem* item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (!item->toolTip().isEmpty())
            return {};  // an item with a tooltip of its own is over it
        if (item->type() != PartBatchItem::Type)
            continue;
        const DiagramPart* part = static_cast<PartBatchItem*>(item)->partAt(scenePos);
        const Trace& trace = d->ctl->sim().trace();
        const auto* arrow = dynamic_cast<const SegmentArrow*>(part);
        const auto* call = dynamic_cast<const CallMark*>(part);
        const int index = arrow ? arrow->createdAt : call ? call->createdAt : -1;
        if (index < 0 || static_cast<std::size_t>(index) >= trace.size())
            continue;
        const TraceRecord& r = trace[static_cast<std::size_t>(index)];
        if (arrow && r.kind == EventKind::Send)
            return arrowToolTip(d->ctl->sim(), r);
        if (call && r.kind == EventKind::Return)
            return QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                .arg(callLabel(r).toHtmlEscaped(), reasonSentence(r.reason).toHtmlEscaped(), ruleText(r.reason).toHtmlEscaped());
    }
    return {};
}

void SequenceScene::helpEvent(QGraphicsSceneHelpEvent* event) {
    if (const QString text = toolTipAt(event->scenePos()); !text.isEmpty()) {
        QToolTip::showText(event->screenPos(), text, event->widget());
        event->setAccepted(true);
        return;
    }
    QGraphicsScene::helpEvent(event);  // an item's own tooltip, or none
}

void SequenceScene::setComparison(std::shared_ptr<const ComparisonMarks> marks) {
    d->compared = std::move(marks);
    rebuild();
}

int SequenceScene::greyedArrowCount() const {
    return static_cast<int>(std::count_if(d->arrows.begin(), d->arrows.end(), [](const SegmentArrow* a) { return a->isGreyed(); }));
}

bool SequenceScene::hasFirstDifferenceMark() const { return d->differenceMark != nullptr; }

void SequenceScene::setNotesBeside(bool on) {
    if (on == d->notesBeside)
        return;
    d->notesBeside = on;
    rebuild();
}

}  // namespace finwave::app
