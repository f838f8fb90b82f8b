#pragma once

#include <QIcon>
#include <QToolButton>
#include <QWidget>

#include <functional>

class QLabel;
class QSlider;
class QToolButton;

namespace finwave::app {

class SimController;

// The slim bar over the diagrams: reset, step back, play, step, speed (down to slow motion, so a
// 50 ms flight can take seconds), drop A's or B's next segment, and the one "now" every view
// shows: the cursor's time, the step and both states. In the presenter layout it also lists the
// keys.
class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    explicit PlaybackBar(SimController* controller, QWidget* parent = nullptr);

    // The keys, for the presenter layout's status bar (the window takes ownership).
    QLabel* keysLabel() const;
    // The window routes this button through its Reset action (which asks before unsaved drops go).
    QToolButton* resetButton() const { return m_reset; }
    void routeReset(const std::function<void()>& reset) {
        m_resetRouted = true;
        connect(m_reset, &QToolButton::clicked, this, reset);
    }
    QString readout() const;  // for tests: what the bar says now

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateDropButtons();
    void updateReadout();
    void updateSpeed();

    SimController* m_ctl;
    QToolButton *m_reset, *m_back, *m_play, *m_step, *m_dropA, *m_dropB;
    // Made once: a standard icon made anew at each Play and Pause put new pixmaps into Qt's
    // pixmap cache each time, 0.7 KB of heap per key press in a key soak (issue 28).
    QIcon m_playIcon, m_pauseIcon;
    bool m_resetRouted = false;
    QLabel *m_speedName, *m_speedValue, *m_readout, *m_keys;
    QSlider* m_speed;
    bool m_syncing = false;
};

// Speed slider positions: 10^(v/10) times, from 0.01× (slow motion) to 10×.
inline constexpr int kSpeedSliderMin = -20;
inline constexpr int kSpeedSliderMax = 10;

}  // namespace finwave::app
