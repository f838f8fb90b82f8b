#pragma once

#include "core/teaching/departure.h"
#include "core/teaching/quiz.h"
#include "core/capture/reconstruct.h"
#include "core/sim/simulator.h"

#include <QElapsedTimer>

#include <QObject>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace finwave::app {

// The one QObject that adapts the engine to signals. It owns the Simulator, runs it on request
// and drives playing from a single QTimer. Views only read sim() and react to the signals;
// nothing here decides protocol behaviour.
class SimController : public QObject {
    Q_OBJECT
public:
    explicit SimController(QObject* parent = nullptr);
    ~SimController() override;

    const Simulator& sim() const { return *m_sim; }
    const Scenario& scenario() const { return m_sim->scenario(); }

    // The visual clock in simulated microseconds: equal to sim().now() after a step, and moving
    // between now() and the next event while playing, so segments in flight can glide.
    Micros displayTime() const { return m_displayTime; }
    bool isPlaying() const { return m_playing; }
    double speed() const { return m_speed; }          // 0.01 .. 10, 1 = one round trip per second
    bool isFastForwarding() const { return m_fastForward; }  // crossing a long idle span

    void loadScenario(const Scenario& scenario);      // resets to step 0 and emits scenarioLoaded
    // An imported capture's reconstructed run, replayed step by step (Simulator::loadReplay);
    // `name` says which ("trace.pcapng · connection 2"), `teardown` explains it in words. Its title
    // is the name and both ends' addresses. Sliders and drops do nothing in it.
    void loadReplay(const capture::Reconstruction& run, const QString& name, const QString& teardown);
    void loadReplay(std::shared_ptr<const capture::Reconstruction> run, const QString& name, const QString& teardown);
    const QString& captureName() const { return m_captureName; }
    // The run `source` holds, at step 0: a scenario's run with everything the user did to it at its
    // step (drops, slider moves, notes: Simulator::recordedRun()), or the same capture. What leaves
    // the window (export, copy, preview) draws from such a copy, so the window's own run and its
    // scroll position are never touched.
    void loadSameRun(const SimController& source);
    bool isReplay() const { return m_sim->isReplay(); }
    // Replay: why record i's state is inferred (capture::Inferred::No when the capture shows it).
    capture::Inferred inferredAt(std::size_t i) const {
        return m_capture && i < m_capture->inferred.size() ? m_capture->inferred[i] : capture::Inferred::No;
    }
    const QString& teardownText() const { return m_teardown; }
    // Where what the user did to the run (a drop, a slider) takes it away from what its scenario
    // was written to show (core/teaching/departure.h); none in a capture or an untouched run.
    std::optional<Departure> departure() const;
    const capture::Reconstruction* capture() const { return isReplay() ? m_capture.get() : nullptr; }

    // Quiz mode. The gate is asked before every step forward (step, play, seek, the cursor
    // moving toward the next event); while it says no, the next event is held back and the
    // cursor stays at now(), so nothing of it can be seen.
    void setStepGate(std::function<bool()> gate);
    bool mayStepForward() const { return !m_gate || m_gate(); }
    // The question the next event would be, made by running it and stepping back: the engine is
    // left as it was and no signal is sent (core/teaching/quiz.h).
    std::optional<QuizQuestion> lookAhead(const QuizSettings& settings);
    // Locked parameters (a teacher's quiz): channel, protocol, seed and drops are refused.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    // While a quiz asks which timer fires next and when, no view may show it: the running timers'
    // lengths and countdowns and the log's "fires at" read "?" (QuizController sets it).
    void setTimesHidden(bool hidden);
    bool timesHidden() const { return m_timesHidden; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void reset();
    void seek(quint64 step);
    void setSpeed(double speed);
    void setChannel(finwave::Direction dir, const finwave::ChannelParams& params);
    void setParams(const finwave::ProtocolParams& params);
    void setSeed(quint64 seed);                       // applies on reset
    bool dropSegment(quint32 segmentId);              // click-to-drop of a segment in flight, at the cursor
    // Drop the sender's earliest segment in flight now, or its next one if none flies (0 then).
    quint32 dropNext(finwave::Side sender);
    void setDisplayTime(qint64 us);                   // scrub between now() and the next event
    // A teacher's note on a step (empty removes it); saved with the run.
    void setAnnotation(quint64 step, const QString& text);
    void commitRecording();                           // the run was saved

Q_SIGNALS:
    void scenarioLoaded();                      // trace is empty; views rebuild from scratch
    void recordsAppended(int first, int count); // trace records [first, first + count) are new
    void recordsTruncated(int newSize);         // records at index >= newSize are gone (step back)
    void stepChanged(quint64 step, qint64 nowUs);
    void displayTimeChanged(qint64 us);         // about 60 times a second while playing
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void paramsChanged();                       // channel or protocol parameters changed
    void finished();                            // no event left
    void recordingChanged();                    // the user did something to the run, or undid it
    void annotationsChanged();                  // a note on a step was added, changed or removed
    void lockedChanged(bool locked);
    void timesHiddenChanged(bool hidden);
    void futureChanged();                       // a drop changed what the next event is

private:
    void tick();
    void afterTraceChange(std::size_t oldSize);
    void rememberShown();
    void announceLoaded();

    std::unique_ptr<Simulator> m_sim;
    std::shared_ptr<const capture::Reconstruction> m_capture;  // the open capture, if any
    QString m_teardown;
    std::size_t m_loadedRecording = 0;                 // interactions the loaded file held
    mutable std::optional<ScenarioStory> m_story;      // the loaded scenario's, worked out when first asked
    QString m_captureName;
    QTimer m_timer;
    QElapsedTimer m_clock;
    Micros m_displayTime = 0;
    double m_speed = 1.0;
    bool m_playing = false;
    bool m_fastForward = false;
    // What the views were last told, so a replayed or undone change is announced.
    ProtocolParams m_shownParams;
    std::array<ChannelParams, 2> m_shownChannels{};
    std::size_t m_shownRecording = 0;
    bool m_locked = false;
    bool m_timesHidden = false;
    std::function<bool()> m_gate;
};

}  // namespace finwave::app
