#include "app/quiz/quiz_controller.h"

#include "app/quiz/quiz_scores.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QRandomGenerator>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr int kMaxStepsToNextQuestion = 100'000;  // "next" never loops for ever
}

QuizController::QuizController(SimController* controller, QObject* parent) : QObject(parent), m_ctl(controller) {
    connect(m_ctl, &SimController::stepChanged, this, &QuizController::onStepChanged);
    connect(m_ctl, &SimController::paramsChanged, this, &QuizController::invalidate);
    connect(m_ctl, &SimController::futureChanged, this, &QuizController::invalidate);
    connect(m_ctl, &SimController::scenarioLoaded, this, [this] {
        if (!isActive())
            return;
        m_score.clear();
        m_answered.clear();
        m_saved = false;
        const QString name = QString::fromStdString(m_ctl->scenario().name);
        if (m_runIndex < m_runs.size() && m_runs[m_runIndex] != name) {  // another scenario: a new quiz
            m_settings = m_ctl->scenario().quiz.value_or(QuizSettings{});
            m_runs = {name};
            for (const std::string& r : m_settings.runs)
                m_runs << QString::fromStdString(r);
            m_runIndex = 0;
            m_ctl->setLocked(m_settings.lockParams);
        }
        invalidate();
    });
}

QuizController::~QuizController() {
    if (m_ctl)  // the gate must not call a quiz that is gone
        m_ctl->setStepGate(nullptr);
}

// While a question asks which timer fires next and when, no view shows the timers' times.
void QuizController::syncHiding() {
    m_ctl->setTimesHidden(m_phase == Phase::Asking && m_question && m_question->kind == QuizKind::Timer);
}

void QuizController::setPhase(Phase p) {
    const bool was = isActive();
    m_phase = p;
    syncHiding();
    if (was != isActive())
        Q_EMIT activeChanged(isActive());
}

void QuizController::newAttempt() {
    m_attemptSeed = m_fixedSeed != 0 ? m_fixedSeed : QRandomGenerator::global()->generate64() | 1;
}

void QuizController::start() {
    if (isActive())
        return;
    newAttempt();
    const Scenario& s = m_ctl->scenario();
    m_settings = s.quiz.value_or(QuizSettings{});
    m_runs = {QString::fromStdString(s.name)};
    for (const std::string& r : m_settings.runs)
        m_runs << QString::fromStdString(r);
    m_runIndex = 0;
    m_score.clear();
    m_answered.clear();
    m_saved = false;
    m_ctl->pause();
    // A teacher's locked quiz runs on the file's own parameters, from its start: whatever the
    // sliders were moved to before the quiz began does not count.
    if (m_settings.lockParams) {
        const Scenario own = s;
        m_ctl->setLocked(false);
        m_ctl->loadScenario(own);
    }
    setPhase(Phase::Idle);
    m_ctl->setLocked(m_settings.lockParams);
    m_ctl->setStepGate([this] { return gate(); });
    invalidate();
}

void QuizController::stop() {
    if (!isActive())
        return;
    m_ctl->setStepGate(nullptr);
    m_ctl->setLocked(false);
    m_question.reset();
    setPhase(Phase::Off);
    Q_EMIT changed();
}

void QuizController::toggle() { isActive() ? stop() : start(); }

// Asked by the controller before each step forward: the step a question is open for waits for
// its answer; the answered step may run.
bool QuizController::gate() {
    if (m_revealing)
        return true;
    if (!m_fresh)
        refresh();
    return m_phase != Phase::Asking;
}

void QuizController::invalidate() {
    m_fresh = false;
    if (isActive() && m_phase != Phase::Revealed)
        refresh();
}

// Looks at the next event and opens its question, if it has one.
void QuizController::refresh() {
    if (!isActive())
        return;
    m_fresh = true;
    const Simulator& sim = m_ctl->sim();
    if (m_score.asked() >= kMaxQuizQuestions) {  // the run's quiz is long enough
        finishRun();
        return;
    }
    std::optional<QuizQuestion> q = m_ctl->lookAhead(m_settings);
    if (q)
        shuffleChoices(*q, m_attemptSeed);
    const bool same = q && m_question && m_phase == Phase::Asking && m_question->step == q->step;
    if (q) {
        if (!same) {
            m_question = std::move(q);
            m_hinted = false;
            m_chosen = -1;
        }
        setPhase(Phase::Asking);
        syncHiding();  // the question may have changed within the phase
        m_ctl->pause();
    } else if (sim.isFinished()) {
        finishRun();
        return;
    } else {
        m_question.reset();
        setPhase(Phase::Idle);
    }
    Q_EMIT changed();
}

void QuizController::onStepChanged() {
    if (!isActive())
        return;
    m_fresh = false;
    // The step just answered stays on screen with its explanation until "next".
    if (m_phase == Phase::Revealed && m_question && m_ctl->sim().stepIndex() == m_question->step)
        return;
    refresh();
}

void QuizController::answer(int choice) {
    if (m_phase != Phase::Asking || !m_question || choice < 0 || choice >= static_cast<int>(m_question->choices.size()))
        return;
    if (m_hinted && std::find(m_question->hintRemoves.begin(), m_question->hintRemoves.end(), choice) != m_question->hintRemoves.end())
        return;  // struck out by the hint
    m_chosen = choice;
    if (!m_score.answered(m_question->step))
        m_answered.push_back({*m_question, choice, m_hinted});
    m_score.record({m_question->step, m_question->kind, choice, m_question->right, m_hinted});
    setPhase(Phase::Revealed);
    m_revealing = true;
    m_ctl->stepForward();  // the step asked about, now shown
    m_revealing = false;
    Q_EMIT changed();
}

void QuizController::hint() {
    if (m_phase != Phase::Asking || m_hinted)
        return;
    m_hinted = true;
    Q_EMIT changed();
}

void QuizController::next() {
    if (m_phase == Phase::Asking || !isActive())
        return;
    if (m_phase == Phase::Finished) {
        if (hasNextRun())
            nextRun();
        return;
    }
    setPhase(Phase::Idle);
    m_fresh = false;
    refresh();
    for (int i = 0; i < kMaxStepsToNextQuestion && m_phase == Phase::Idle && !m_ctl->sim().isFinished(); ++i)
        m_ctl->stepForward();
    if (m_phase == Phase::Idle && m_ctl->sim().isFinished())
        finishRun();
}

void QuizController::finishRun() {
    m_question.reset();
    setPhase(Phase::Finished);
    if (!m_saved && m_score.asked() > 0) {
        m_saved = true;
        QuizScores::save(QString::fromStdString(m_ctl->scenario().name), m_score);
    }
    Q_EMIT changed();
    Q_EMIT runFinished();
}

void QuizController::nextRun() {
    if (!hasNextRun())
        return;
    const auto s = builtinScenario(m_runs[m_runIndex + 1].toStdString());
    if (!s)
        return;
    ++m_runIndex;
    m_ctl->setLocked(false);  // the run's own parameters load; the lock then applies again
    m_ctl->loadScenario(*s);
    m_ctl->setLocked(m_settings.lockParams);
}

void QuizController::restartRun() {
    if (!isActive())
        return;
    newAttempt();  // Again: another order of the choices
    m_ctl->setLocked(false);
    m_ctl->reset();
    m_ctl->setLocked(m_settings.lockParams);
}

}  // namespace finwave::app
