#pragma once

#include "app/views/theme.h"

#include <QGraphicsScene>

#include <functional>
#include <limits>
#include <vector>
#include <memory>

class QPainter;

namespace finwave {
struct TraceRecord;
}

namespace finwave::app {

class SimController;
class NoteItem;
struct ComparisonMarks;
class SegmentArrow;
class CallMark;

// The two-endpoint sequence diagram as a scene of typed items, with no widget: the window's
// SequenceView shows it, the exporter and the command line draw it. It reads the controller's
// trace, adds items as records are appended and removes them when records are truncated; it
// never rebuilds per frame.
class SequenceScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit SequenceScene(SimController* controller, QObject* parent = nullptr);
    ~SequenceScene() override;

    void setTheme(const Theme& theme);
    const Theme& theme() const;

    // The whole diagram, in scene coordinates.
    QRectF contentRect() const;
    // Draws the diagram (without the cursor) into `target` on any painter (QImage, QSvgGenerator,
    // QPdfWriter); `source` narrows it to a part (an export column); null means all of it.
    void renderContent(QPainter* painter, const QRectF& target, const QRectF& source = QRectF());
    // The best y in [lo, hi] at which an export may cut the time body between two columns: just
    // inside an idle break if one lies there, otherwise the row that crosses the fewest arrows and
    // no written text; the row nearest the middle of [lo, hi] among equals.
    // `beside`: another run on the same time axis, cut at the same row (app/export, --compare).
    double quietCut(double lo, double hi, const SequenceScene* beside = nullptr) const;
    // Each side's lifeline x and the state it is in at y (for continuation columns).
    double lifelineX(int side) const;
    QString stateNameAt(int side, double y) const;
    double cursorY() const;          // the current time's row
    // The view's top edge under its pinned A/B heads (scene units), or -inf when the frame's own
    // heads are in view: the names of the states and the labels of the timers that reach below
    // it are written just under it, stacked, so a scrolled view still says what is going on.
    void setPinLine(double y);
    std::vector<QRectF> pinStrip() const;  // where the strip under the pinned heads is painted now
    double width() const;            // of the diagram, before any zoom

    int arrowCount() const;          // one arrow per segment sent (and per old duplicate)
    // Every text the diagram writes below its heads, and every cross of a lost segment, as placed
    // now: labels, state names, timer texts, call returns, row texts, break labels, the cursor's
    // time. `what` says whose, for a test's message.
    struct PlacedText {
        QRectF rect;
        QString what;
        bool pinned = false;  // written under the view's pinned heads
    };
    // `lastOfEach`: only the last so many arrows, bands, timers and calls of each side.
    std::vector<PlacedText> placedTexts(std::size_t lastOfEach = std::numeric_limits<std::size_t>::max()) const;
    std::vector<PlacedText> placedTexts(std::size_t lastOfEach, double fromY, double toY) const;
    // What a right-click on a segment in flight offers (the view shows a menu); dropSegment is
    // the click's drop.
    // The menu gets the segment, the record of its arrow (its Send, or an old duplicate's late
    // arrival), whether it can be dropped now, and the screen point.
    void setSegmentMenu(std::function<void(quint32, std::size_t, bool, QPoint)> menu);
    void chooseSegment(std::size_t record) { Q_EMIT segmentChosen(record); }
    void dropSegment(quint32 segmentId);
    SegmentArrow* arrowOf(quint32 segmentId) const;  // the first transmission's arrow
    const std::vector<SegmentArrow*>& arrows() const;  // in the order they were drawn
    const std::vector<CallMark*>& calls(int side) const; // what A's (0) or B's calls returned
    // What a tooltip at `scenePos` says of the arrow or call return there (the topmost), written
    // when asked for (helpEvent()), not kept for each of a long run's parts; empty if none.
    QString toolTipAt(QPointF scenePos) const;

    // Notes on steps: a callout beside the step's row once the run has reached it. editNote
    // opens the step's note (a new one if none) for writing in place; Enter keeps it.
    void editNote(quint64 step);
    NoteItem* noteItem(quint64 step) const;
    NoteItem* editingNote() const;       // the note being written, if any
    int noteCount() const;               // notes shown now
    // Notes are drawn in a column right of B's unless the view has no room for it at a readable
    // size: then the window shows the step's note under the diagram (the step caption), and only
    // a note being written has the column. Exports always draw it.
    bool hasNotes() const;
    bool notesBeside() const;
    void setNotesBeside(bool on);
    static double notesColumnWidth(const Theme& theme);  // what the column adds to the width
    quint64 stepAtY(double y) const;     // the step whose row is at or just above y (reached ones)

    // One of two runs side by side (app/compare): the shared time axis and what the comparison
    // found of this run's records (comparison_marks.h). Rebuilds; null goes back to a plain run.
    void setComparison(std::shared_ptr<const ComparisonMarks> marks);
    int greyedArrowCount() const;        // arrows of segments the other run has no partner for
    bool hasFirstDifferenceMark() const; // the first difference is marked (the run has reached it)

Q_SIGNALS:
    void cursorMoved(double y);      // after each update, for a view that follows the cursor
    void aboutToRebuild();
    void rebuilt();                  // the scene was made anew (load, reset, theme, language)
    void notesColumnChanged(bool shown);  // the notes' column appeared or went (notesBeside(), a note written)
    void noteEditingEnded();         // a note written in place was kept or dropped
    void segmentChosen(std::size_t record);  // an arrow clicked: its Send (or late arrival) record

protected:
    // A live language switch reaches the application object, not a scene: rebuild on it, so
    // labels are drawn in the current language.
    bool eventFilter(QObject* watched, QEvent* event) override;
    // An arrow's or a call's tooltip is written here (toolTipAt()).
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void rebuild();
    void append(int first, int count);  // sequence_scene_append.cpp
    void addArrow(SegmentArrow* arrow);
    void appendSend(const TraceRecord& r, int index);
    void appendArrival(const TraceRecord& r, int index);
    void appendState(const TraceRecord& r, int index);
    void appendTimer(const TraceRecord& r, int index);
    void appendNote(const TraceRecord& r, int index);
    void appendReturn(const TraceRecord& r, int index);
    void markFirstDifference(const TraceRecord& r, int index);
    void syncBreaks();
    void truncate(int newSize);
    bool canDrop(const SegmentArrow* arrow) const;
    void updateOpenItems();
    void placeLabels(double yNow, const std::vector<QRectF>& rows);
    void updatePinBackdrop(const double (&stackBottom)[2], const QColor (&bandColour)[2]);
    void updateTitle();
    void syncParameterMarks();
    void updateNotes();
    void applyPins();

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace finwave::app
