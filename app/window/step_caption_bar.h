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
    bool isProjector() const { return m_projector; }
    // The teacher's note on the current step, first, when the diagram has no room to draw notes.
    void setShowsNotes(bool on);
    bool showsNotes() const { return m_notes; }
    // A lesson's page: before the first step the caption is its title card, with the lesson's
    // title and place ("page 2 of 3") and, on its first page, the lesson's introduction. An empty
    // title: no lesson.
    void setLessonPage(const QString& title, const QString& introduction, int page, int pages);
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
    QString m_lessonTitle, m_lessonIntro;
    int m_lessonPage = 0, m_lessonPages = 0;
};

}  // namespace finwave::app
