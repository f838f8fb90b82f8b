#include "app/window/playback_bar.h"
#include "app/window/slider_keys.h"

#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace finwave::app {

PlaybackBar::PlaybackBar(SimController* controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    const auto button = [&](QStyle::StandardPixmap icon) {
        auto* b = new QToolButton(this);
        if (icon != QStyle::SP_CustomBase)
            b->setIcon(style()->standardIcon(icon));
        b->setFocusPolicy(Qt::NoFocus);  // keys belong to the window's shortcuts
        b->setAutoRaise(true);
        row->addWidget(b);
        return b;
    };
    m_reset = button(QStyle::SP_MediaSkipBackward);
    m_back = button(QStyle::SP_MediaSeekBackward);
    m_playIcon = style()->standardIcon(QStyle::SP_MediaPlay);
    m_pauseIcon = style()->standardIcon(QStyle::SP_MediaPause);
    m_play = button(QStyle::SP_CustomBase);
    m_play->setIcon(m_playIcon);
    m_step = button(QStyle::SP_MediaSeekForward);
    row->addSpacing(8);
    m_speedName = new QLabel(this);
    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setRange(kSpeedSliderMin, kSpeedSliderMax);
    reachableByKeyboard(m_speed);
    m_speed->setMinimumWidth(90);
    m_speed->setMaximumWidth(160);
    m_speedValue = new QLabel(this);
    m_speedValue->setMinimumWidth(m_speedValue->fontMetrics().horizontalAdvance(QStringLiteral("0.01×")) + 6);
    row->addWidget(m_speedName);
    row->addWidget(m_speed);
    row->addWidget(m_speedValue);
    row->addSpacing(8);
    m_dropA = button(QStyle::SP_CustomBase);
    m_dropB = button(QStyle::SP_CustomBase);
    // A pending drop shows on its button (held down, its text saying so), not as more words in the
    // readout: the readout's width is the bar's and so the window's least width, and on a projector
    // two pending drops made it wider than the screen.
    for (QToolButton* b : {m_dropA, m_dropB}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setCheckable(true);
    }
    row->addSpacing(8);
    m_readout = new QLabel(this);
    m_readout->setTextFormat(Qt::PlainText);
    row->addWidget(m_readout, 1);
    m_keys = new QLabel(this);  // the window moves it into its status bar for the presenter layout
    m_keys->setVisible(false);

    connect(m_reset, &QToolButton::clicked, this, [this] {
        if (!m_resetRouted)  // without a window (a test of the bar alone), reset directly
            m_ctl->reset();
    });
    connect(m_back, &QToolButton::clicked, m_ctl, &SimController::stepBack);
    connect(m_play, &QToolButton::clicked, m_ctl, &SimController::togglePlay);
    connect(m_step, &QToolButton::clicked, m_ctl, &SimController::stepForward);
    connect(m_dropA, &QToolButton::clicked, this, [this] {
        m_ctl->dropNext(Side::A);
        updateDropButtons();  // held down only while the drop is really pending
    });
    connect(m_dropB, &QToolButton::clicked, this, [this] {
        m_ctl->dropNext(Side::B);
        updateDropButtons();
    });
    connect(m_ctl, &SimController::lockedChanged, this, [this](bool locked) {  // a locked quiz
        m_dropA->setEnabled(!locked);
        m_dropB->setEnabled(!locked);
    });
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) {
        if (!m_syncing)
            m_ctl->setSpeed(std::pow(10.0, v / 10.0));
    });
    connect(m_ctl, &SimController::speedChanged, this, &PlaybackBar::updateSpeed);
    connect(m_ctl, &SimController::playingChanged, this, [this](bool playing) {
        m_play->setIcon(playing ? m_pauseIcon : m_playIcon);
    });
    connect(m_ctl, &SimController::displayTimeChanged, this, &PlaybackBar::updateReadout);
    connect(m_ctl, &SimController::paramsChanged, this, &PlaybackBar::updateReadout);
    // A drop is armed, used up by the segment it takes, or undone by a step back: not a per-frame
    // matter like the readout's time.
    for (auto signal : {&SimController::paramsChanged, &SimController::recordingChanged, &SimController::scenarioLoaded})
        connect(m_ctl, signal, this, &PlaybackBar::updateDropButtons);
    connect(m_ctl, &SimController::stepChanged, this, &PlaybackBar::updateDropButtons);
    retranslate();
    updateSpeed();
}

QLabel* PlaybackBar::keysLabel() const { return m_keys; }

QString PlaybackBar::readout() const { return m_readout->text(); }

void PlaybackBar::updateSpeed() {
    m_syncing = true;
    m_speed->setValue(static_cast<int>(std::lround(std::log10(m_ctl->speed()) * 10)));
    m_syncing = false;
    m_speedValue->setText(tr("%1×").arg(m_ctl->speed(), 0, 'g', 2));
}

// The cursor's time, not the last event's: paused mid-flight, every view says the same "now".
void PlaybackBar::updateReadout() {
    const Simulator& sim = m_ctl->sim();
    QString text = tr("t = %1 · step %2 · A %3 · B %4")
                       .arg(formatTime(std::max(m_ctl->displayTime(), sim.now()), sim.timeGrain()))
                       .arg(sim.stepIndex())
                       .arg(QString::fromUtf8(stateName(sim.state(Side::A)).data()),
                            QString::fromUtf8(stateName(sim.state(Side::B)).data()));
    m_readout->setText(text);
    // A captured run happened already: nothing in it can be dropped; nor in a locked quiz.
    m_dropA->setEnabled(!sim.isReplay() && !m_ctl->isLocked());
    m_dropB->setEnabled(!sim.isReplay() && !m_ctl->isLocked());
}

// Each drop button says whether its side's next segment is already marked to be lost; the
// longer of its two texts sets its width, so arming one moves nothing else in the bar.
void PlaybackBar::updateDropButtons() {
    const Simulator& sim = m_ctl->sim();
    const auto show = [&](QToolButton* b, Side side, const QString& idle, const QString& armed, const QString& tip) {
        const bool on = sim.isDropNextArmed(side);
        b->setChecked(on);
        b->setText(on ? armed : idle);
        b->setToolTip(tip);
        const QFontMetrics fm(b->font());
        b->setMinimumWidth(std::max(fm.horizontalAdvance(idle), fm.horizontalAdvance(armed)) + fm.height());
    };
    show(m_dropA, Side::A, tr("Drop A's next"), tr("A's next: lost"),
         tr("Drop A's segment in flight, or the next one A sends (D)"));
    show(m_dropB, Side::B, tr("Drop B's next"), tr("B's next: lost"),
         tr("Drop B's segment in flight, or the next one B sends (Shift+D)"));
}

void PlaybackBar::retranslate() {
    m_reset->setToolTip(tr("Reset (Home)"));
    m_back->setToolTip(tr("Step back (Left)"));
    m_play->setToolTip(tr("Play / pause (Space)"));
    m_step->setToolTip(tr("Step (Right)"));
    m_speedName->setText(tr("Speed"));
    m_speed->setAccessibleName(tr("Speed"));
    m_keys->setText(tr("Space play · ← → step · Home reset · D / Shift+D drop · F11 leave"));
    updateReadout();
    updateDropButtons();
}

void PlaybackBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        updateDropButtons();  // the projector's larger font: widths again
    QWidget::changeEvent(event);
}

}  // namespace finwave::app
