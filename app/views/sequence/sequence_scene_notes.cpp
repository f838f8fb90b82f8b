// The teacher's notes in the sequence scene: a callout per note beside its step's row, shown once
// the run reaches that step (never ahead of it), stacked so none covers another, written in place.
#include "app/views/sequence/note_item.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_scene_p.h"

#include "app/window/sim_controller.h"

#include <QMetaObject>

#include <algorithm>

namespace finwave::app {

namespace {
// When step `step` happened: the time of its first record (records are in step order).
std::optional<Micros> stepTime(const Trace& trace, quint64 step) {
    const auto& r = trace.records();
    const auto it = std::lower_bound(r.begin(), r.end(), step,
                                     [](const TraceRecord& rec, quint64 s) { return rec.step < s; });
    if (it == r.end() || it->step != step)
        return std::nullopt;
    return it->t;
}
}  // namespace

void SequenceScene::updateNotes() {
    const Simulator& sim = d->ctl->sim();
    double below = d->axis.top();
    d->notesBottom = 0;
    const double leaderX = d->geo.xB + d->geo.columnWidth;
    for (NoteItem* n : d->notes) {
        const bool editing = n->isEditing() || d->editingStep == n->step();
        const bool reached = n->step() <= sim.stepIndex();
        n->setVisible(reached || editing);
        if (!n->isVisible())
            continue;
        const std::optional<Micros> t = n->step() == 0 ? std::optional<Micros>(0) : stepTime(sim.trace(), n->step());
        const double row = t ? d->axis.y(*t) : d->axis.y(std::max(d->ctl->displayTime(), sim.now()));
        n->setAnchor(row, leaderX);
        const double y = std::max(row - 10, below);
        n->setPos(d->notesX, y);
        below = y + n->QGraphicsTextItem::boundingRect().height() + 6;
        d->notesBottom = below;
    }
}

NoteItem* SequenceScene::noteItem(quint64 step) const {
    for (NoteItem* n : d->notes)
        if (n->step() == step)
            return n;
    return nullptr;
}

NoteItem* SequenceScene::editingNote() const { return d->editingStep ? noteItem(*d->editingStep) : nullptr; }

int SequenceScene::noteCount() const {
    return static_cast<int>(std::count_if(d->notes.begin(), d->notes.end(), [](NoteItem* n) { return n->isVisible(); }));
}

quint64 SequenceScene::stepAtY(double y) const {
    const Trace& trace = d->ctl->sim().trace();
    for (std::size_t i = trace.size(); i-- > 0;)
        if (d->axis.y(trace[i].t) <= y + 2)
            return trace[i].step;
    return 0;
}

void SequenceScene::editNote(quint64 step) {
    step = std::min<quint64>(step, d->ctl->sim().stepIndex());  // no note on a step not yet reached
    d->editingStep = step;
    rebuild();
    NoteItem* note = noteItem(step);
    if (!note)
        return;
    // The scene is made anew when the note is kept or dropped; that must not happen inside the
    // item's own key handler, so it waits for the event loop.
    note->startEditing(
        [this, step](const QString& text) {
            QMetaObject::invokeMethod(this, [this, step, text] {
                if (d->editingStep != step)  // another note's editing began meanwhile
                    return;
                d->editingStep.reset();
                const std::string* old = d->ctl->sim().annotation(step);
                if ((old ? QString::fromStdString(*old) : QString()) == text)
                    rebuild();
                else
                    d->ctl->setAnnotation(step, text);  // rebuilds on annotationsChanged
                Q_EMIT noteEditingEnded();
            }, Qt::QueuedConnection);
        },
        [this, step] {
            QMetaObject::invokeMethod(this, [this, step] {
                if (d->editingStep != step)
                    return;
                d->editingStep.reset();
                rebuild();
                Q_EMIT noteEditingEnded();
            }, Qt::QueuedConnection);
        });
}

}  // namespace finwave::app
