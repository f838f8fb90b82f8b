#pragma once

#include <QFrame>

class QLabel;

namespace finwave::app {

class SimController;

// Under the diagrams: what the current step did and why, with its rule, in text large enough for
// the back of a classroom in the presenter layout; at the end of a run how it ended, larger still.
// Never over the diagrams: it takes its own strip of the window. Hidden while a quiz asks, so it
// does not give an answer away.
class StepCaptionBar : public QFrame {
    Q_OBJECT
public:
    explicit StepCaptionBar(SimController* controller, QWidget* parent = nullptr);
    void setProjector(bool on);
    // The teacher's note on the current step, first, when the diagram has no room to draw notes.
    void setShowsNotes(bool on);
    bool showsNotes() const { return m_notes; }
    QString text() const;  // as shown, plain
    QLabel* label() const { return m_text; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    SimController* m_ctl;
    QLabel* m_text;
    bool m_projector = false;
    bool m_notes = false;
};

}  // namespace finwave::app
