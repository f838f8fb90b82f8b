#pragma once

#include "core/teaching/quiz.h"
#include "core/teaching/quiz_score.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace finwave::app {

class SimController;

// Quiz mode over the SimController: before each step that teaches something it holds
// the step back (the controller's step gate) and asks; an answer runs the step and reveals it.
// It only reads what core's quiz makes; it decides nothing about TCP.
class QuizController : public QObject {
    Q_OBJECT
public:
    enum class Phase { Off, Idle, Asking, Revealed, Finished };

    explicit QuizController(SimController* controller, QObject* parent = nullptr);
    ~QuizController() override;

    bool isActive() const { return m_phase != Phase::Off; }
    Phase phase() const { return m_phase; }
    const std::optional<QuizQuestion>& question() const { return m_question; }
    bool hinted() const { return m_hinted; }
    int chosen() const { return m_chosen; }
    const QuizScore& score() const { return m_score; }
    // Every question answered in this run with the choice made (the first answer of each).
    struct Answered {
        QuizQuestion question;
        int chosen = 0;
        bool hinted = false;
    };
    const std::vector<Answered>& answered() const { return m_answered; }
    const QuizSettings& settings() const { return m_settings; }
    // The runs of this quiz (the first is the scenario it started on) and which one is on.
    const QStringList& runs() const { return m_runs; }
    int runIndex() const { return m_runIndex; }
    bool hasNextRun() const { return m_runIndex + 1 < m_runs.size(); }

public Q_SLOTS:
    void start();        // on the current scenario, with its quiz settings (or every kind, unlocked)
    void stop();
    void toggle();
    void answer(int choice);  // 0-based; ignored unless a question is open
    void hint();
    void next();         // after the reveal: on to the next question (or the end of the run)
    void nextRun();      // the quiz's next run, if any
    void restartRun();
    // Each attempt (start, Again) draws a seed that orders every question's choices
    // (shuffleChoices); a fixed one makes the order repeat (the demo flags, tests). 0: draw.
    void setFixedSeed(quint64 seed) { m_fixedSeed = seed; }
    quint64 attemptSeed() const { return m_attemptSeed; }

Q_SIGNALS:
    void changed();      // phase, question, hint or score changed
    void activeChanged(bool active);
    void runFinished();  // the end of a run: the score was saved (quiz_scores.h)

private:
    bool gate();
    void refresh();
    void onStepChanged();
    void invalidate();
    void finishRun();
    void setPhase(Phase p);

    QPointer<SimController> m_ctl;  // the window may delete the controller first
    Phase m_phase = Phase::Off;
    QuizSettings m_settings;
    QuizScore m_score;
    std::vector<Answered> m_answered;
    quint64 m_fixedSeed = 0;
    quint64 m_attemptSeed = 1;
    void newAttempt();
    void syncHiding();
    std::optional<QuizQuestion> m_question;
    bool m_hinted = false;
    int m_chosen = -1;
    // The lookahead for the position (step, version) it was made at; a step, a parameter change
    // or a drop makes it stale.
    bool m_fresh = false;
    bool m_revealing = false;
    bool m_saved = false;
    QStringList m_runs;
    int m_runIndex = 0;
};

}  // namespace finwave::app
