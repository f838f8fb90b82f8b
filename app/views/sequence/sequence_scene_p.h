#pragma once
// Internal to the sequence scene: its state, shared by the files that build and update it.

#include "app/views/sequence/comparison_marks.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_layout.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/time_axis.h"

#include <array>
#include <optional>
#include <functional>
#include <unordered_map>
#include <limits>
#include <memory>
#include <vector>

namespace finwave::app {

class NoteItem;
class SimController;

struct SequenceScene::Private {
    SimController* ctl = nullptr;
    Theme theme = Theme::light();
    TimeAxis axis;
    SequenceGeometry geo;
    FrameItem* frame = nullptr;
    CursorItem* cursor = nullptr;
    PinBackdropItem* pinBackdrop = nullptr;  // made with the frame; empty while nothing is pinned
    std::vector<SegmentArrow*> arrows;
    std::unordered_map<quint32, SegmentArrow*> bySegment;  // the original arrow of each segment
    std::vector<StateBandItem*> bands[2];
    std::vector<TimerBracketItem*> timers[2];
    std::vector<CallMark*> calls[2];  // what each side's application's calls returned
    std::size_t labelsSettled = 0;    // arrows before this index keep their label's place
    std::size_t labelsPlacedUpTo = 0; // arrows from this index on were never placed
    // Arrows leaving below this line changed fate (a cross came or went) since labels were last placed.
    double labelsDirtyY = std::numeric_limits<double>::infinity();
    double pinLine = -std::numeric_limits<double>::infinity();  // setPinLine()
    bool anyPinned = false;                                      // a label stands under the heads
    std::vector<BreakItem*> breaks;
    std::vector<MarkerItem*> markers;         // a new connection on the same ports
    std::vector<MarkerItem*> parameterMarks;  // the run's parameter changes (syncParameterMarks)
    std::vector<NoteItem*> notes;           // the teacher's notes, in step order
    bool notesColumn = false;       // the column is drawn now
    bool notesColumnTold = false;   // what notesColumnChanged() last said
    bool notesBeside = true;                // notes drawn in a column beside B's (else the window shows them)
    double notesX = 0, notesWidth = 0;      // the notes column, right of B's (0 wide without notes)
    std::optional<quint64> editingStep;     // a note being written in place
    double notesBottom = 0;                 // the lowest shown note's bottom edge
    std::function<void(quint32, std::size_t, bool, QPoint)> segmentMenu;
    std::size_t tickCount = 0;
    QVector<QPair<double, QString>> ticks;
    double cursorY = 0;
    std::shared_ptr<const ComparisonMarks> compared;  // setComparison()
    MarkerItem* differenceMark = nullptr;             // in `markers` while the run has reached it
};

}  // namespace finwave::app
