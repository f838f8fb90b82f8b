#include "app/sim_controller.h"

#include "core/builtin_scenarios.h"

#include <algorithm>
#include <cmath>

namespace finwave::app {

namespace {
constexpr int kTickMs = 16;
constexpr double kFastForwardSeconds = 1.5;  // a long idle span is crossed in this real time
}

SimController::SimController(QObject* parent) : QObject(parent) {
    m_sim = std::make_unique<Simulator>(*builtinScenario("normal-close"));
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimController::tick);
}

SimController::~SimController() = default;

void SimController::loadScenario(const Scenario& scenario) {
    pause();
    m_sim->load(scenario);
    m_inferred.clear();
    m_teardown.clear();
    m_displayTime = 0;
    Q_EMIT scenarioLoaded();
    Q_EMIT stepChanged(0, 0);
    Q_EMIT displayTimeChanged(0);
    Q_EMIT paramsChanged();
}

void SimController::loadReplay(const capture::Reconstruction& run, const QString& title, const QString& teardown) {
    pause();
    m_sim->loadReplay(run.trace, run.issA, run.issB, title.toStdString());
    m_inferred = run.inferred;
    m_teardown = teardown;
    m_displayTime = 0;
    Q_EMIT scenarioLoaded();
    Q_EMIT stepChanged(0, 0);
    Q_EMIT displayTimeChanged(0);
    Q_EMIT paramsChanged();
}

void SimController::play() {
    if (m_playing)
        return;
    if (m_sim->isFinished())
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
    if (size < oldSize)
        Q_EMIT recordsTruncated(static_cast<int>(size));
    else if (size > oldSize)
        Q_EMIT recordsAppended(static_cast<int>(oldSize), static_cast<int>(size - oldSize));
    m_displayTime = m_sim->now();
    Q_EMIT stepChanged(m_sim->stepIndex(), m_sim->now());
    Q_EMIT displayTimeChanged(m_displayTime);
    if (m_sim->isFinished()) {
        pause();
        Q_EMIT finished();
    }
}

void SimController::stepForward() {
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
    const ProtocolParams params = m_sim->params();
    const ChannelParams ab = m_sim->channel(Direction::AtoB), ba = m_sim->channel(Direction::BtoA);
    m_sim->reset();
    m_sim->setParams(params);
    m_sim->setChannel(Direction::AtoB, ab);
    m_sim->setChannel(Direction::BtoA, ba);
    m_displayTime = 0;
    Q_EMIT scenarioLoaded();
    Q_EMIT stepChanged(0, 0);
    Q_EMIT displayTimeChanged(0);
}

void SimController::seek(quint64 step) {
    pause();
    const std::size_t old = m_sim->trace().size();
    if (step < m_sim->stepIndex()) {
        m_sim->seek(step);
        afterTraceChange(old);
        return;
    }
    m_sim->seek(step);
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
    m_sim->setChannel(dir, params);
    Q_EMIT paramsChanged();
}

void SimController::setParams(const ProtocolParams& params) {
    m_sim->setParams(params);
    Q_EMIT paramsChanged();
}

void SimController::setSeed(quint64 seed) {
    m_sim->setSeed(seed);
    Q_EMIT paramsChanged();
}

bool SimController::dropSegment(quint32 segmentId) {
    // At the cursor's time, where the segment is seen: the drop is then the next event (the
    // cursor never passes the next event), so running it keeps time moving forward.
    const Micros at = m_displayTime;
    if (!m_sim->dropInFlight(segmentId, at))
        return false;
    stepForward();
    return true;
}

quint32 SimController::dropNext(finwave::Side sender) {
    const std::uint32_t id = m_sim->dropNext(sender);
    if (id != 0)
        stepForward();  // the drop, now
    Q_EMIT paramsChanged();  // "armed" shows in the bar
    return id;
}

void SimController::setDisplayTime(qint64 us) {
    const auto next = m_sim->nextEventTime();
    m_displayTime = std::clamp<Micros>(us, m_sim->now(), next ? *next : m_sim->now());
    Q_EMIT displayTimeChanged(m_displayTime);
}

// Teaching pace: one round trip per real second at speed 1. Idle spans much longer than a round
// trip are crossed in kFastForwardSeconds so that TIME_WAIT's 60 s or 240 s stays watchable.
void SimController::tick() {
    const double elapsed = static_cast<double>(m_clock.restart()) / 1000.0;
    const auto next = m_sim->nextEventTime();
    if (!next) {
        pause();
        Q_EMIT finished();
        return;
    }
    const ChannelParams ab = m_sim->channel(Direction::AtoB), ba = m_sim->channel(Direction::BtoA);
    const double rtt = std::max<double>(20'000.0, static_cast<double>(ab.delay + ba.delay));
    const double gap = static_cast<double>(*next - m_sim->now());
    m_fastForward = gap > 8.0 * rtt;
    const double rate = m_fastForward ? std::max(rtt, gap / kFastForwardSeconds) : rtt;  // sim µs per real s
    m_displayTime += static_cast<Micros>(elapsed * rate * m_speed);
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
