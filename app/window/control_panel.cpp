#include "app/window/control_panel.h"
#include "app/window/slider_keys.h"

#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>
#include <cmath>

namespace finwave::app {

namespace {
// Slider keys; their order is the grid order.
const char* const kKeys[] = {"lossAb", "lossBa", "delayAb", "delayBa", "jitter", "timeWait", "rtoMin"};
}

ControlPanel::ControlPanel(SimController* controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
    addSlider(0, QString::fromLatin1(kKeys[0]), 0, 100);
    addSlider(1, QString::fromLatin1(kKeys[1]), 0, 100);
    addSlider(2, QString::fromLatin1(kKeys[2]), 0, 2000);
    addSlider(3, QString::fromLatin1(kKeys[3]), 0, 2000);
    addSlider(4, QString::fromLatin1(kKeys[4]), 0, 500);
    addSlider(5, QString::fromLatin1(kKeys[5]), 1, 300);
    addSlider(6, QString::fromLatin1(kKeys[6]), 10, 3000);
    m_profileLabel = new QLabel(this);
    m_profile = new QComboBox(this);
    m_profile->addItem(QStringLiteral("rfc"));
    m_profile->addItem(QStringLiteral("linux"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_seedLabel = new QLabel(this);
    m_seed = new QSpinBox(this);
    m_seedLabel->setBuddy(m_seed);  // its accessible name, as the sliders' labels name them
    m_seed->setRange(0, 999999);
    m_names.push_back(m_profileLabel);
    m_names.push_back(m_seedLabel);
    auto* outer = new QVBoxLayout(this);
    m_grid = new QGridLayout;
    outer->addLayout(m_grid);
    outer->addStretch(1);

    for (int i = 0; i < m_sliders.size(); ++i) {
        connect(m_sliders[i], &QSlider::valueChanged, this, [this, i] {
            if (!m_syncing)
                i < 5 ? applyChannel(i) : applyProtocol(i);
            updateLabels();
        });
    }
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing)
            return;
        // From this step on, as a slider: the change is part of the run and its recording.
        m_ctl->setParams(withProfile(m_ctl->sim().params(), index == 1 ? Profile::Linux : Profile::Rfc));
        syncFromEngine();  // the profile's own TIME_WAIT and RTO floor show on the sliders
    });
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_syncing)
            return;
        m_ctl->setSeed(static_cast<quint64>(v));
        m_ctl->reset();
    });
    connect(m_ctl, &SimController::scenarioLoaded, this, &ControlPanel::syncFromEngine);
    connect(m_ctl, &SimController::paramsChanged, this, &ControlPanel::syncFromEngine);
    retranslate();
    syncFromEngine();
    reflow();
}

// As many label | slider | value columns as fit, never fewer than one.
void ControlPanel::reflow() {
    int need = 0;
    for (QLabel* l : m_names)
        need = std::max(need, l->sizeHint().width());
    int value = 0;
    for (QLabel* v : m_values)
        value = std::max(value, v->sizeHint().width());
    const int columnWidth = need + value + 120 + 3 * m_grid->horizontalSpacing() + 16;
    const int columns = std::clamp(width() / std::max(1, columnWidth), 1, 4);
    if (columns == m_columns)
        return;
    m_columns = columns;
    while (m_grid->count() > 0)
        delete m_grid->takeAt(0);  // the layout item, not its widget
    const int items = static_cast<int>(m_sliders.size()) + 2;  // the sliders, then profile and seed
    const int rows = (items + columns - 1) / columns;
    for (int i = 0; i < items; ++i) {
        const int row = i % rows, col = (i / rows) * 3;
        if (i < m_sliders.size()) {
            m_grid->addWidget(m_names[i], row, col);
            m_grid->addWidget(m_sliders[i], row, col + 1);
            m_grid->addWidget(m_values[i], row, col + 2);
        } else {
            const bool profile = i == m_sliders.size();
            m_grid->addWidget(profile ? m_profileLabel : m_seedLabel, row, col);
            m_grid->addWidget(profile ? static_cast<QWidget*>(m_profile) : m_seed, row, col + 1, 1, 2, Qt::AlignLeft);
        }
    }
}

void ControlPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    reflow();
}

QSlider* ControlPanel::addSlider(int, const QString& key, int min, int max) {
    auto* s = new QSlider(Qt::Horizontal, this);
    s->setObjectName(key);
    s->setRange(min, max);
    reachableByKeyboard(s);
    s->setMinimumWidth(110);
    m_sliders.push_back(s);
    m_names.push_back(new QLabel(this));
    auto* value = new QLabel(this);
    // Wide enough for the largest value in any language, so a number is never cut.
    value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("3000 ms")) + 8);
    m_values.push_back(value);
    return s;
}

QSlider* ControlPanel::slider(const QString& name) const {
    for (QSlider* s : m_sliders)
        if (s->objectName() == name)
            return s;
    return nullptr;
}

QString ControlPanel::valueText(const QString& name) const {
    for (int i = 0; i < m_sliders.size(); ++i)
        if (m_sliders[i]->objectName() == name)
            return m_values[i]->text();
    return {};
}

void ControlPanel::syncFromEngine() {
    if (m_syncing)  // our own change coming back
        return;
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
    m_syncing = false;
    updateLabels();
}

// Only the moved slider's value changes: a scenario's 0.25 ms delay or 12.5 % loss stays as the
// file gave it when another slider moves.
void ControlPanel::applyChannel(int moved) {
    ChannelParams ab = m_ctl->sim().channel(Direction::AtoB), ba = m_ctl->sim().channel(Direction::BtoA);
    const int v = m_sliders[moved]->value();
    switch (moved) {
    case 0: ab.loss = v / 100.0; break;
    case 1: ba.loss = v / 100.0; break;
    case 2: ab.delay = v * kMs; break;
    case 3: ba.delay = v * kMs; break;
    default: ab.jitter = ba.jitter = v * kMs; break;
    }
    m_syncing = true;
    m_ctl->setChannel(Direction::AtoB, ab);
    m_ctl->setChannel(Direction::BtoA, ba);
    m_syncing = false;
}

void ControlPanel::applyProtocol(int moved) {
    // MSL follows TIME_WAIT and the RTO bounds follow the floor, as core derives them.
    const ProtocolParams& now = m_ctl->sim().params();
    const ProtocolParams p = moved == 5 ? withTimeWait(now, m_sliders[5]->value() * kSec)
                                        : withRtoFloor(now, m_sliders[6]->value() * kMs);
    m_syncing = true;
    m_ctl->setParams(p);
    m_syncing = false;
}

// The values the run holds (a slider stops at whole units; a scenario file's 0.25 ms does not).
void ControlPanel::updateLabels() {
    const Simulator& sim = m_ctl->sim();
    const ChannelParams ab = sim.channel(Direction::AtoB), ba = sim.channel(Direction::BtoA);
    const ProtocolParams& p = sim.params();
    const auto ms = [](Micros t) { return static_cast<double>(t) / kMs; };
    const double values[] = {ab.loss * 100, ba.loss * 100, ms(ab.delay), ms(ba.delay), ms(std::max(ab.jitter, ba.jitter)),
                             static_cast<double>(p.timeWait) / kSec, ms(p.rtoMin)};
    const QString units[] = {tr("%1 %"), tr("%1 %"), tr("%1 ms"), tr("%1 ms"), tr("%1 ms"), tr("%1 s"), tr("%1 ms")};
    for (int i = 0; i < m_sliders.size(); ++i)
        m_values[i]->setText(units[i].arg(QString::number(values[i], 'g', 6)));
}

void ControlPanel::retranslate() {
    const QString names[] = {tr("Loss A→B"), tr("Loss B→A"), tr("Delay A→B"), tr("Delay B→A"), tr("Jitter"),
                             tr("TIME_WAIT (2MSL)"), tr("RTO floor")};
    for (int i = 0; i < m_sliders.size(); ++i) {  // m_names ends with the profile's and seed's labels
        m_names[i]->setText(names[i]);
        m_sliders[i]->setAccessibleName(names[i]);  // reached with Tab: a screen reader names it
    }
    m_profileLabel->setText(tr("Profile"));
    m_seedLabel->setText(tr("Seed"));
    m_profile->setItemText(0, tr("rfc (RFC 9293)"));
    m_profile->setItemText(1, tr("linux (Linux 6.x)"));
    updateLabels();
    m_columns = 0;  // the labels' widths changed with the language
    reflow();
}

void ControlPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace finwave::app
