#include "app/control_panel.h"

#include "app/reason_text.h"
#include "app/sim_controller.h"
#include "core/builtin_scenarios.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>

#include <cmath>

namespace finwave::app {

namespace {
// Slider keys; their order is the grid order.
const char* const kKeys[] = {"lossAb", "lossBa", "delayAb", "delayBa", "jitter", "timeWait", "rtoMin"};
}

ControlPanel::ControlPanel(SimController* controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
    auto* buttons = new QHBoxLayout;
    const auto button = [&](QStyle::StandardPixmap icon) {
        auto* b = new QPushButton(style()->standardIcon(icon), QString(), this);
        b->setFocusPolicy(Qt::NoFocus);  // keys belong to the window's shortcuts
        buttons->addWidget(b);
        return b;
    };
    m_reset = button(QStyle::SP_MediaSkipBackward);
    m_back = button(QStyle::SP_MediaSeekBackward);
    m_play = button(QStyle::SP_MediaPlay);
    m_step = button(QStyle::SP_MediaSeekForward);
    m_speedName = new QLabel(this);
    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setRange(-10, 10);  // 10^(v/10): 0.1x .. 10x
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_speed->setMinimumWidth(140);
    m_speedLabel = new QLabel(this);
    m_readout = new QLabel(this);
    buttons->addSpacing(12);
    buttons->addWidget(m_speedName);
    buttons->addWidget(m_speed, 1);
    buttons->addWidget(m_speedLabel);


    auto* grid = new QGridLayout;
    addSlider(0, QString::fromLatin1(kKeys[0]), 0, 100);
    addSlider(1, QString::fromLatin1(kKeys[1]), 0, 100);
    addSlider(2, QString::fromLatin1(kKeys[2]), 0, 2000);
    addSlider(3, QString::fromLatin1(kKeys[3]), 0, 2000);
    addSlider(4, QString::fromLatin1(kKeys[4]), 0, 500);
    addSlider(5, QString::fromLatin1(kKeys[5]), 1, 300);
    addSlider(6, QString::fromLatin1(kKeys[6]), 10, 3000);
    for (int i = 0; i < m_sliders.size(); ++i) {
        const int col = (i % 2) * 3, row = i / 2;
        grid->addWidget(m_names[i], row, col);
        grid->addWidget(m_sliders[i], row, col + 1);
        grid->addWidget(m_values[i], row, col + 2);
    }
    m_profileLabel = new QLabel(this);
    m_profile = new QComboBox(this);
    m_profile->addItem(QStringLiteral("rfc"));
    m_profile->addItem(QStringLiteral("linux"));
    m_seedLabel = new QLabel(this);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 999999);
    auto* extra = new QHBoxLayout;
    extra->addWidget(m_profileLabel);
    extra->addWidget(m_profile);
    extra->addSpacing(12);
    extra->addWidget(m_seedLabel);
    extra->addWidget(m_seed);
    grid->addLayout(extra, 3, 3, 1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_readout);
    layout->addLayout(grid);
    layout->addStretch(1);

    connect(m_reset, &QPushButton::clicked, m_ctl, &SimController::reset);
    connect(m_back, &QPushButton::clicked, m_ctl, &SimController::stepBack);
    connect(m_play, &QPushButton::clicked, m_ctl, &SimController::togglePlay);
    connect(m_step, &QPushButton::clicked, m_ctl, &SimController::stepForward);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) {
        if (!m_syncing)
            m_ctl->setSpeed(std::pow(10.0, v / 10.0));
        updateLabels();
    });
    for (int i = 0; i < m_sliders.size(); ++i) {
        connect(m_sliders[i], &QSlider::valueChanged, this, [this, i] {
            updateLabels();
            if (m_syncing)
                return;
            i < 5 ? applyChannel() : applyProtocol();
        });
    }
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing)
            return;
        Scenario s = m_ctl->scenario();
        applyProfile(s, index == 1 ? Profile::Linux : Profile::Rfc);
        s.ab = m_ctl->sim().channel(Direction::AtoB);
        s.ba = m_ctl->sim().channel(Direction::BtoA);
        m_ctl->loadScenario(s);
    });
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_syncing)
            return;
        m_ctl->setSeed(static_cast<quint64>(v));
        m_ctl->reset();
    });
    connect(m_ctl, &SimController::playingChanged, this, [this](bool playing) {
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_ctl, &SimController::stepChanged, this, &ControlPanel::updateLabels);
    connect(m_ctl, &SimController::scenarioLoaded, this, &ControlPanel::syncFromEngine);
    connect(m_ctl, &SimController::speedChanged, this, [this](double s) {
        m_syncing = true;
        m_speed->setValue(static_cast<int>(std::lround(std::log10(s) * 10)));
        m_syncing = false;
        updateLabels();
    });
    retranslate();
    syncFromEngine();
}

QSlider* ControlPanel::addSlider(int, const QString& key, int min, int max) {
    auto* s = new QSlider(Qt::Horizontal, this);
    s->setObjectName(key);
    s->setRange(min, max);
    s->setFocusPolicy(Qt::NoFocus);
    s->setMinimumWidth(110);
    m_sliders.push_back(s);
    m_names.push_back(new QLabel(this));
    auto* value = new QLabel(this);
    value->setMinimumWidth(64);
    m_values.push_back(value);
    return s;
}

QSlider* ControlPanel::slider(const QString& name) const {
    for (QSlider* s : m_sliders)
        if (s->objectName() == name)
            return s;
    return nullptr;
}

void ControlPanel::syncFromEngine() {
    const Simulator& sim = m_ctl->sim();
    const ChannelParams ab = sim.channel(Direction::AtoB), ba = sim.channel(Direction::BtoA);
    const ProtocolParams& p = sim.params();
    m_syncing = true;
    const int values[] = {static_cast<int>(std::lround(ab.loss * 100)), static_cast<int>(std::lround(ba.loss * 100)),
                          static_cast<int>(ab.delay / kMs), static_cast<int>(ba.delay / kMs),
                          static_cast<int>(std::max(ab.jitter, ba.jitter) / kMs),
                          static_cast<int>(p.timeWait / kSec), static_cast<int>(p.rtoMin / kMs)};
    for (int i = 0; i < m_sliders.size(); ++i)
        m_sliders[i]->setValue(values[i]);
    m_profile->setCurrentIndex(p.profile == Profile::Linux ? 1 : 0);
    m_seed->setValue(static_cast<int>(sim.scenario().seed % 1000000));
    m_speed->setValue(static_cast<int>(std::lround(std::log10(m_ctl->speed()) * 10)));
    m_syncing = false;
    updateLabels();
}

void ControlPanel::applyChannel() {
    ChannelParams ab = m_ctl->sim().channel(Direction::AtoB), ba = m_ctl->sim().channel(Direction::BtoA);
    ab.loss = m_sliders[0]->value() / 100.0;
    ba.loss = m_sliders[1]->value() / 100.0;
    ab.delay = m_sliders[2]->value() * kMs;
    ba.delay = m_sliders[3]->value() * kMs;
    ab.jitter = ba.jitter = m_sliders[4]->value() * kMs;
    m_ctl->setChannel(Direction::AtoB, ab);
    m_ctl->setChannel(Direction::BtoA, ba);
}

void ControlPanel::applyProtocol() {
    ProtocolParams p = m_ctl->sim().params();
    p.timeWait = m_sliders[5]->value() * kSec;
    p.msl = p.timeWait / 2;
    p.rtoMin = m_sliders[6]->value() * kMs;
    p.rtoInitial = std::max(p.rtoInitial, p.rtoMin);
    m_ctl->setParams(p);
}

void ControlPanel::updateLabels() {
    const QString units[] = {tr("%1 %"), tr("%1 %"), tr("%1 ms"), tr("%1 ms"), tr("%1 ms"), tr("%1 s"), tr("%1 ms")};
    for (int i = 0; i < m_sliders.size(); ++i)
        m_values[i]->setText(units[i].arg(m_sliders[i]->value()));
    m_speedLabel->setText(tr("%1×").arg(std::pow(10.0, m_speed->value() / 10.0), 0, 'g', 2));
    const Simulator& sim = m_ctl->sim();
    m_readout->setText(tr("step %1 · t = %2 · A %3 · B %4")
                           .arg(sim.stepIndex())
                           .arg(formatTime(sim.now()))
                           .arg(QString::fromUtf8(stateName(sim.state(Side::A)).data()))
                           .arg(QString::fromUtf8(stateName(sim.state(Side::B)).data())));
}

void ControlPanel::retranslate() {
    m_reset->setToolTip(tr("Reset (Home)"));
    m_back->setToolTip(tr("Step back (Left)"));
    m_play->setToolTip(tr("Play / pause (Space)"));
    m_step->setToolTip(tr("Step (Right)"));
    m_speedName->setText(tr("Speed"));
    const QString names[] = {tr("Loss A→B"), tr("Loss B→A"), tr("Delay A→B"), tr("Delay B→A"), tr("Jitter"),
                             tr("TIME_WAIT (2MSL)"), tr("RTO floor")};
    for (int i = 0; i < m_names.size(); ++i)
        m_names[i]->setText(names[i]);
    m_profileLabel->setText(tr("Profile"));
    m_seedLabel->setText(tr("Seed"));
    m_profile->setItemText(0, tr("rfc (RFC 9293)"));
    m_profile->setItemText(1, tr("linux (Linux 6.x)"));
    updateLabels();
}

void ControlPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace finwave::app
