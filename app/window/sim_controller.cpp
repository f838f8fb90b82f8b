#include "app/window/sim_controller.h"
#include "app/window/play_pace.h"

#include "core/scenario/builtin_scenarios.h"

#include <QCursor>
#include <QGuiApplication>
#include <QScopeGuard>

#include <algorithm>
#include <array>
#include <cmath>

namespace finwave::app {

namespace {
constexpr int kTickMs = 16;
}

SimController::SimController(QObject* parent) : QObject(parent) {
    m_sim = std::make_unique<Simulator>(*builtinScenario("normal-close"));
    rememberShown();
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimController::tick);
}

SimController::~SimController() = default;

void SimController::rememberShown() {
    m_shownParams = m_sim->params();
    m_shownChannels = {m_sim->channel(Direction::AtoB), m_sim->channel(Direction::BtoA)};
    m_shownRecording = m_sim->recording().size();
}

void SimController::loadScenario(const Scenario& scenario) {
    pause();
    m_sim->load(scenario);
    m_capture.reset();
    m_captureName.clear();
    m_teardown.clear();
    announceLoaded();
}

void SimController::loadReplay(const capture::Reconstruction& run, const QString& name, const QString& teardown) {
    loadReplay(std::make_shared<const capture::Reconstruction>(run), name, teardown);
}

void SimController::loadReplay(std::shared_ptr<const capture::Reconstruction> run, const QString& name,
                               const QString& teardown) {
    pause();
    const QString title = tr("%1: A %2, B %3")
                              .arg(name, QString::fromStdString(run->endpointA.text()), QString::fromStdString(run->endpointB.text()));
    m_sim->loadReplay(run->trace, run->issA, run->issB, title.toStdString());
    m_capture = std::move(run);
    m_teardown = teardown;
    m_captureName = name;
    announceLoaded();
}

void SimController::loadSameRun(const SimController& source) {
    if (source.m_capture)
        loadReplay(source.m_capture, source.m_captureName, source.m_teardown);
    else
        loadScenario(source.sim().recordedRun());
}

// A run at step 0: every view starts over.
void SimController::announceLoaded() {
    rememberShown();
    m_loadedRecording = m_sim->recording().size();
    m_story.reset();
    m_displayTime = 0;
    Q_EMIT scenarioLoaded();
    Q_EMIT stepChanged(0, 0);
    Q_EMIT displayTimeChanged(0);
    Q_EMIT paramsChanged();
    Q_EMIT recordingChanged();
}

std::optional<Departure> SimController::departure() const {
    if (isReplay() || m_sim->recording().size() <= m_loadedRecording)
        return std::nullopt;
    if (!m_story)
        m_story = writtenStory(m_sim->scenario());
    return departureFrom(*m_story, m_sim->trace(), m_sim->outcome(), m_sim->isFinished());
}

void SimController::setStepGate(std::function<bool()> gate) { m_gate = std::move(gate); }

std::optional<QuizQuestion> SimController::lookAhead(const QuizSettings& settings) {
    return nextQuestion(*m_sim, settings);
}

void SimController::setTimesHidden(bool hidden) {
    if (hidden == m_timesHidden)
        return;
    m_timesHidden = hidden;
    Q_EMIT timesHiddenChanged(hidden);
}

void SimController::setLocked(bool locked) {
    if (locked == m_locked)
        return;
    m_locked = locked;
    Q_EMIT lockedChanged(locked);
}

void SimController::play() {
    if (m_playing)
        return;
    if (m_sim->isFinished() || !mayStepForward())
        return;
    m_playing = true;
    m_clock.start();
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void SimController::pause() {
    if (!m_playing)
        return;
    m_playing = false;
    m_fastForward = false;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void SimController::togglePlay() { m_playing ? pause() : play(); }

void SimController::afterTraceChange(std::size_t oldSize) {
    const std::size_t size = m_sim->trace().size();
    // A recorded change replayed, or a step back past one: the sliders and the header follow.
    const std::array<ChannelParams, 2> channels = {m_sim->channel(Direction::AtoB), m_sim->channel(Direction::BtoA)};
    const bool paramsMoved = m_sim->params() != m_shownParams || channels != m_shownChannels;
    const bool recordingMoved = m_sim->recording().size() != m_shownRecording;
    rememberShown();
    if (size < oldSize)
        Q_EMIT recordsTruncated(static_cast<int>(size));
    else if (size > oldSize)
        Q_EMIT recordsAppended(static_cast<int>(oldSize), static_cast<int>(size - oldSize));
    m_displayTime = m_sim->now();
    Q_EMIT stepChanged(m_sim->stepIndex(), m_sim->now());
    Q_EMIT displayTimeChanged(m_displayTime);
    if (paramsMoved)
        Q_EMIT paramsChanged();
    if (recordingMoved)
        Q_EMIT recordingChanged();
    if (m_sim->isFinished()) {
        pause();
        Q_EMIT finished();
    }
}

void SimController::stepForward() {
    if (!mayStepForward())
        return;
    const std::size_t old = m_sim->trace().size();
    if (m_sim->step())
        afterTraceChange(old);
}

void SimController::stepBack() {
    pause();
    const std::size_t old = m_sim->trace().size();
    if (m_sim->stepBack())
        afterTraceChange(old);
}

void SimController::reset() {
    pause();
    // Keep the user's parameters across a reset: they are what the sliders show.
    m_sim->resetKeepingSettings();
    announceLoaded();
}

void SimController::seek(quint64 step) {
    pause();
    // A jump far ahead (the last row of a long capture's log) draws for a second or more on this
    // thread: the mouse says so meanwhile.
    constexpr quint64 kLongJump = 20'000;
    const bool busy = step > m_sim->stepIndex() + kLongJump && qobject_cast<QGuiApplication*>(QCoreApplication::instance());
    if (busy)
        QGuiApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
    const auto done = qScopeGuard([busy] {
        if (busy)
            QGuiApplication::restoreOverrideCursor();
    });
    const std::size_t old = m_sim->trace().size();
    if (step < m_sim->stepIndex()) {
        m_sim->seek(step);
        afterTraceChange(old);
        return;
    }
    if (m_gate) {  // forward one event at a time, stopping where the quiz holds the next one
        while (m_sim->stepIndex() < step && mayStepForward() && m_sim->step()) {
        }
    } else {
        m_sim->seek(step);
    }
    afterTraceChange(old);
}

void SimController::setSpeed(double speed) {
    speed = std::clamp(speed, 0.01, 10.0);  // down to slow motion: a 50 ms flight then takes seconds
    if (speed == m_speed)
        return;
    m_speed = speed;
    Q_EMIT speedChanged(speed);
}

void SimController::setChannel(Direction dir, const ChannelParams& params) {
    if (m_locked)
        return;
    m_sim->setChannel(dir, params);
    rememberShown();
    Q_EMIT paramsChanged();
    Q_EMIT recordingChanged();
}

void SimController::setParams(const ProtocolParams& params) {
    if (m_locked)
        return;
    m_sim->setParams(params);
    rememberShown();
    Q_EMIT paramsChanged();
    Q_EMIT recordingChanged();
}

void SimController::commitRecording() {
    m_sim->commitRecording();
    Q_EMIT recordingChanged();
}

void SimController::setAnnotation(quint64 step, const QString& text) {
    const std::string* old = m_sim->annotation(step);
    if ((old ? QString::fromStdString(*old) : QString()) == text)
        return;
    m_sim->setAnnotation(step, text.toStdString());
    Q_EMIT annotationsChanged();
}

void SimController::setSeed(quint64 seed) {
    if (m_locked)
        return;
    m_sim->setSeed(seed);
    Q_EMIT paramsChanged();
}

bool SimController::dropSegment(quint32 segmentId) {
    // At the cursor's time, where the segment is seen: the drop is then the next event (the
    // cursor never passes the next event), so running it keeps time moving forward.
    const Micros at = m_displayTime;
    if (m_locked || !m_sim->dropInFlight(segmentId, at))
        return false;
    Q_EMIT recordingChanged();
    Q_EMIT futureChanged();
    stepForward();
    return true;
}

quint32 SimController::dropNext(finwave::Side sender) {
    if (m_locked)
        return 0;
    const std::uint32_t id = m_sim->dropNext(sender);
    Q_EMIT recordingChanged();
    Q_EMIT futureChanged();
    if (id != 0)
        stepForward();  // the drop, now
    Q_EMIT paramsChanged();  // "armed" shows in the bar
    return id;
}

void SimController::setDisplayTime(qint64 us) {
    // A held event's time is not shown either: the cursor stays at now().
    const auto next = mayStepForward() ? m_sim->nextEventTime() : std::nullopt;
    m_displayTime = std::clamp<Micros>(us, m_sim->now(), next ? *next : m_sim->now());
    Q_EMIT displayTimeChanged(m_displayTime);
}

// Teaching pace (play_pace.h): one round trip per real second at speed 1, long idle spans crossed
// in 1.5 s so that TIME_WAIT's 60 s or 240 s stays watchable.
void SimController::tick() {
    const double elapsed = static_cast<double>(m_clock.restart()) / 1000.0;
    const auto next = m_sim->nextEventTime();
    if (!next) {
        pause();
        Q_EMIT finished();
        return;
    }
    const ChannelParams ab = m_sim->channel(Direction::AtoB), ba = m_sim->channel(Direction::BtoA);
    const PlayPace pace = playPace(*next - m_sim->now(), ab.delay + ba.delay);  // shared with animated exports
    m_fastForward = pace.fastForward;
    m_displayTime += static_cast<Micros>(elapsed * pace.simPerSecond * m_speed);
    if (!mayStepForward()) {  // the quiz holds the next event: stop where we are
        m_displayTime = m_sim->now();
        pause();
        Q_EMIT displayTimeChanged(m_displayTime);
        return;
    }
    const std::size_t old = m_sim->trace().size();
    bool stepped = false;
    while (m_sim->nextEventTime() && *m_sim->nextEventTime() <= m_displayTime) {
        m_sim->step();
        stepped = true;
        break;  // one event per tick, so each one is seen
    }
    if (stepped) {
        const Micros keep = std::max(m_displayTime, m_sim->now());
        afterTraceChange(old);
        m_displayTime = keep;
    }
    Q_EMIT displayTimeChanged(m_displayTime);
}

}  // namespace finwave::app
