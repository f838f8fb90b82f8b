#include "app/lab/lab_window.h"

#include "app/charts/lab_chart.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>
#include <memory>

namespace finwave::app {

namespace {
QSpinBox* spin(QWidget* parent, const char* key, int lo, int hi) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(key));
    s->setRange(lo, hi);
    return s;
}
QDoubleSpinBox* real(QWidget* parent, const char* key, double lo, double hi, int decimals) {
    auto* s = new QDoubleSpinBox(parent);
    s->setObjectName(QString::fromLatin1(key));
    s->setDecimals(decimals);  // before the range, which is rounded to the decimals
    s->setRange(lo, hi);
    return s;
}
}  // namespace

LabWindow::LabWindow(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("labWindow"));
    auto* top = new QHBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(buildForm());
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll = scroll;
    // Run, Cancel and the progress under the settings, outside their scrolling: always in view.
    auto* left = new QVBoxLayout;
    left->addWidget(scroll, 1);
    auto* buttons = new QHBoxLayout;
    m_run = new QPushButton(this);
    m_run->setDefault(true);
    m_stop = new QPushButton(this);
    m_stop->setEnabled(false);
    buttons->addWidget(m_run);
    buttons->addWidget(m_stop);
    left->addLayout(buttons);
    m_progress = new QProgressBar(this);
    left->addWidget(m_progress);
    top->addLayout(left);
    auto* right = new QVBoxLayout;
    m_chart = new QChartView(this);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(420, 260);
    right->addWidget(m_chart, 1);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_summary);
    auto* openRow = new QHBoxLayout;
    m_notable = new QListWidget(this);
    m_notable->setMaximumHeight(110);
    openRow->addWidget(m_notable, 1);
    auto* openColumn = new QVBoxLayout;
    m_connection = spin(this, "connection", 1, 50'000'000);
    m_open = new QPushButton(this);
    openColumn->addWidget(m_connection);
    openColumn->addWidget(m_open);
    openColumn->addStretch();
    openRow->addLayout(openColumn);
    right->addLayout(openRow);
    top->addLayout(right, 1);
    m_redraw = new QTimer(this);
    m_redraw->setInterval(250);  // as it runs: four pictures a second, not one per simulated second
    connect(m_redraw, &QTimer::timeout, this, [this] {
        if (m_dirty)
            redraw();
    });
    connect(m_run, &QPushButton::clicked, this, &LabWindow::start);
    connect(m_stop, &QPushButton::clicked, this, &LabWindow::cancel);
    connect(m_open, &QPushButton::clicked, this, &LabWindow::openChosen);
    connect(m_notable, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem* item = m_notable->item(row); item && item->data(Qt::UserRole).toLongLong() >= 0)
            m_connection->setValue(static_cast<int>(item->data(Qt::UserRole).toLongLong() + 1));
    });
    connect(m_preset, &QComboBox::activated, this, &LabWindow::applyPreset);
    QSettings settings;
    applyPreset(std::clamp(settings.value(QStringLiteral("lab/preset"), 0).toInt(), 0, static_cast<int>(lab::labPresets().size()) - 1));
    for (QSpinBox* s : findChildren<QSpinBox*>())
        if (settings.contains(QStringLiteral("lab/") + s->objectName()))
            s->setValue(settings.value(QStringLiteral("lab/") + s->objectName()).toInt());
    for (QDoubleSpinBox* s : findChildren<QDoubleSpinBox*>())
        if (settings.contains(QStringLiteral("lab/") + s->objectName()))
            s->setValue(settings.value(QStringLiteral("lab/") + s->objectName()).toDouble());
    for (QComboBox* c : {m_profile, m_closer, m_arrivals, m_twReuse})
        if (settings.contains(QStringLiteral("lab/") + c->objectName()))
            c->setCurrentIndex(settings.value(QStringLiteral("lab/") + c->objectName()).toInt());
    m_timestamps->setChecked(settings.value(QStringLiteral("lab/timestamps"), m_timestamps->isChecked()).toBool());
    m_reuseAddr->setChecked(settings.value(QStringLiteral("lab/reuseAddr"), m_reuseAddr->isChecked()).toBool());
    retranslate();
    // Fits the screen it opens on (a 1280x720 projector included).
    const QScreen* here = parent && parent->screen() ? parent->screen() : QGuiApplication::primaryScreen();
    const QSize room = here ? here->availableGeometry().size() : QSize(1280, 720);
    resize(std::min(1180, room.width() - 40), std::min(680, room.height() - 60));
}

LabWindow::~LabWindow() {
    cancel();
    if (m_worker) {  // finished() will not reach a window being destroyed
        m_worker->wait();
        delete m_worker;
    }
}

QWidget* LabWindow::buildForm() {
    auto* page = new QWidget;
    m_form = new QFormLayout(page);
    const auto combo = [page](const char* key, int items) {
        auto* c = new QComboBox(page);
        c->setObjectName(QString::fromLatin1(key));
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // as wide as its longest choice, in any language
        for (int i = 0; i < items; ++i)
            c->addItem(QString());
        return c;
    };
    m_preset = combo("preset", static_cast<int>(lab::labPresets().size()));
    m_profile = combo("profile", 2);
    m_rate = real(page, "rate", 0.1, 1e6, 1);
    m_keepAlive = spin(page, "keepAlive", 1, 1'000'000);
    m_closer = combo("closer", 5);
    m_arrivals = combo("arrivals", 2);
    m_clients = spin(page, "clientAddresses", 1, lab::kMaxLabAddresses);
    m_servers = spin(page, "serverAddresses", 1, lab::kMaxLabAddresses);
    m_ports = spin(page, "serverPorts", 1, lab::kMaxLabAddresses);
    m_portLow = spin(page, "portLow", 1, 65535);
    m_portHigh = spin(page, "portHigh", 1, 65535);
    m_twReuse = combo("twReuse", 3);
    m_timestamps = new QCheckBox(page);
    m_buckets = spin(page, "maxTwBuckets", 0, 100'000'000);
    m_delay = real(page, "delay", 0, 60'000, 2);
    m_loss = real(page, "loss", 0, 100, 1);
    m_restart = real(page, "serverRestart", -1, lab::kMaxLabSeconds, 0);  // -1 shows "never"
    m_reuseAddr = new QCheckBox(page);
    m_duration = real(page, "duration", 1, lab::kMaxLabSeconds, 0);
    m_seed = spin(page, "seed", 0, 2'000'000'000);
    for (QWidget* w : std::initializer_list<QWidget*>{m_preset, m_profile, m_rate, m_keepAlive, m_closer, m_arrivals, m_clients, m_servers,
                                                     m_ports, m_portLow, m_portHigh, m_twReuse, m_timestamps, m_buckets, m_delay,
                                                     m_loss, m_restart, m_reuseAddr, m_duration, m_seed})
        m_form->addRow(new QLabel(page), w);
    return page;
}

lab::LabConfig LabWindow::config() const {
    lab::LabConfig c;
    c.profile = m_profile->currentIndex() == 0 ? Profile::Linux : Profile::Rfc;
    c.requestsPerSecond = m_rate->value();
    c.requestsPerConnection = m_keepAlive->value();
    c.closer = static_cast<lab::Closer>(m_closer->currentIndex());
    c.arrivals = m_arrivals->currentIndex() == 0 ? lab::Arrivals::Steady : lab::Arrivals::Poisson;
    c.clientAddresses = m_clients->value();
    c.serverAddresses = m_servers->value();
    c.serverPorts = m_ports->value();
    c.portLow = m_portLow->value();
    c.portHigh = m_portHigh->value();
    c.twReuse = m_twReuse->currentIndex();
    c.timestamps = m_timestamps->isChecked();
    c.maxTwBuckets = m_buckets->value();
    c.delayMs = m_delay->value();
    c.loss = m_loss->value() / 100;
    c.serverRestartSeconds = m_restart->value();
    c.reuseAddr = m_reuseAddr->isChecked();
    c.durationSeconds = m_duration->value();
    c.seed = static_cast<std::uint64_t>(m_seed->value());
    return c;
}

void LabWindow::setConfig(const lab::LabConfig& c) {
    m_profile->setCurrentIndex(c.profile == Profile::Linux ? 0 : 1);
    m_rate->setValue(c.requestsPerSecond);
    m_keepAlive->setValue(c.requestsPerConnection);
    m_closer->setCurrentIndex(static_cast<int>(c.closer));
    m_arrivals->setCurrentIndex(c.arrivals == lab::Arrivals::Steady ? 0 : 1);
    m_clients->setValue(c.clientAddresses);
    m_servers->setValue(c.serverAddresses);
    m_ports->setValue(c.serverPorts);
    m_portLow->setValue(c.portLow);
    m_portHigh->setValue(c.portHigh);
    m_twReuse->setCurrentIndex(c.twReuse);
    m_timestamps->setChecked(c.timestamps);
    m_buckets->setValue(static_cast<int>(std::min<long long>(c.maxTwBuckets, 100'000'000)));
    m_delay->setValue(c.delayMs);
    m_loss->setValue(c.loss * 100);
    m_restart->setValue(c.serverRestartSeconds < 0 ? -1 : c.serverRestartSeconds);
    m_reuseAddr->setChecked(c.reuseAddr);
    m_duration->setValue(c.durationSeconds);
    m_seed->setValue(static_cast<int>(c.seed % 2'000'000'001));
}

void LabWindow::applyPreset(int index) {
    const auto presets = lab::labPresets();
    if (index < 0 || index >= static_cast<int>(presets.size()))
        return;
    m_preset->setCurrentIndex(index);
    setConfig(presets[static_cast<std::size_t>(index)].config);
}

void LabWindow::setTheme(const Theme& theme) {
    // The theme's colours at the usual sizes: the projector's type would cut the chart's legend
    // and ticks short beside the settings at 1280 pixels.
    m_theme = theme.kind == Theme::Kind::HighContrast ? Theme::highContrast(false) : Theme::light();
    redraw();
}

void LabWindow::start() {
    if (m_worker)
        return;
    const lab::LabConfig c = config();
    if (const std::string problem = lab::labConfigProblem(c); !problem.empty()) {
        m_summary->setText(QString::fromStdString(problem));
        return;
    }
    remember();
    m_ran = c;
    m_result = {};
    m_cancel = false;
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    m_notable->clear();
    m_progress->setValue(0);
    auto full = std::make_shared<lab::LabResult>();
    auto took = std::make_shared<double>(0);
    m_worker = QThread::create([this, c, full, took] {
        const auto begun = std::chrono::steady_clock::now();
        *full = lab::runLab(c, &m_cancel, [this](int done, int total, const lab::LabSecond& second) {
            QMetaObject::invokeMethod(this, [this, done, total, second] {
                m_progress->setMaximum(total);
                m_progress->setValue(done);
                m_result.seconds.push_back(second);
                m_dirty = true;
            }, Qt::QueuedConnection);
        });
        *took = std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count();
    });
    connect(m_worker, &QThread::finished, this, [this, full, took] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_redraw->stop();
        m_run->setEnabled(true);
        m_stop->setEnabled(false);
        const bool cancelled = full->cancelled;
        m_result = *full;
        redraw();
        if (!cancelled) {
            m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                               tr("The lab itself: engine runs %1, memory %2 KiB, time %3 s.")
                                   .arg(m_result.engineRuns).arg(m_result.peakLabBytes / 1024).arg(*took, 0, 'f', 2));
            listNotable();
        }
        Q_EMIT runFinished(cancelled);
    });
    m_redraw->start();
    m_worker->start();
}

void LabWindow::cancel() { m_cancel = true; }

void LabWindow::redraw() {
    m_dirty = false;
    const lab::LabResult& r = m_result;
    QChart* old = m_chart->chart();
    // The preset's name while its settings are the ones run; edited, they are the user's own.
    const auto presets = lab::labPresets();
    const int p = m_preset->currentIndex();
    const bool asPreset = p >= 0 && p < static_cast<int>(presets.size()) &&
                          presets[static_cast<std::size_t>(p)].config == (r.seconds.empty() ? config() : m_ran);
    m_chart->setChart(makeLabChart(r, asPreset ? tr("Server lab: %1").arg(m_preset->currentText()) : tr("Server lab: your settings"),
                                   m_theme));
    delete old;
    if (r.seconds.empty()) {
        m_summary->setText(tr("Choose the settings or a preset and press Run."));
        return;
    }
    long long connections = 0, refused = 0;
    for (const lab::LabSecond& s : r.seconds) {
        connections += s.newConnections;
        refused += s.addrNotAvail;
    }
    QString text = tr("%n connection(s) in %1 simulated s;", nullptr, static_cast<int>(std::min<long long>(connections, INT32_MAX)))
                       .arg(r.seconds.size());
    // (While the lab runs, the first failure's time is not known yet: it comes with the result.)
    text += QLatin1Char(' ') + (refused == 0                       ? tr("connect() never failed.")
                                : r.firstAddrNotAvailSeconds < 0 ? tr("connect() failed %1 times with EADDRNOTAVAIL.").arg(refused)
                                                                 : tr("connect() failed %1 times with EADDRNOTAVAIL, first at %2 s.")
                                                                       .arg(refused).arg(r.firstAddrNotAvailSeconds, 0, 'f', 2));
    if (r.refused > 0)
        text += QLatin1Char(' ') + (r.listeningAgainSeconds >= 0
                                        ? tr("After the restart %1 connections were refused; the server listened again at %2 s.")
                                              .arg(r.refused).arg(r.listeningAgainSeconds, 0, 'f', 2)
                                        : tr("After the restart %1 connections were refused; the server never listened again.")
                                              .arg(r.refused));
    const lab::LabSecond& last = r.seconds.back();
    text += QLatin1Char(' ') + tr("At the end: %1 in TIME_WAIT on the client, %2 on the server, %3 KiB of kernel memory.")
                                   .arg(last.timeWaitClient).arg(last.timeWaitServer).arg(last.kernelBytes / 1024);
    m_summary->setText(text);
}

// The connections worth opening: a typical one and the first of each event the lab counts.
void LabWindow::listNotable() {
    m_notable->clear();
    const auto add = [this](long long connection, const QString& text) {
        if (connection < 0)
            return;
        auto* item = new QListWidgetItem(text.arg(connection + 1), m_notable);
        item->setData(Qt::UserRole, connection);
    };
    add(0, tr("Connection %1: the first (without loss every connection runs the same)"));
    add(m_result.firstRecycling, tr("Connection %1: takes over a client TIME_WAIT (tcp_tw_reuse)"));
    add(m_result.firstReopening, tr("Connection %1: its SYN ends a server TIME_WAIT and opens"));
    add(m_result.firstOverflowing, tr("Connection %1: closes with the buckets full, so no TIME_WAIT"));
    if (m_result.firstRefused >= 0) {
        auto* item = new QListWidgetItem(tr("Connection %1: connect() fails with EADDRNOTAVAIL (no run to open)")
                                             .arg(m_result.firstRefused + 1), m_notable);
        item->setData(Qt::UserRole, -1LL);
        item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
    }
}

void LabWindow::openChosen() {
    const long long connection = m_connection->value() - 1;
    Scenario s = lab::connectionScenario(m_result.seconds.empty() ? config() : m_ran, connection);
    const QString title = tr("Server lab: connection %1").arg(connection + 1);
    s.title = title.toStdString();
    Q_EMIT openConnection(s, title);
}

void LabWindow::remember() const {
    QSettings settings;
    settings.setValue(QStringLiteral("lab/preset"), m_preset->currentIndex());
    for (QSpinBox* s : findChildren<QSpinBox*>())
        settings.setValue(QStringLiteral("lab/") + s->objectName(), s->value());
    for (QDoubleSpinBox* s : findChildren<QDoubleSpinBox*>())
        settings.setValue(QStringLiteral("lab/") + s->objectName(), s->value());
    for (QComboBox* c : {m_profile, m_closer, m_arrivals, m_twReuse})
        settings.setValue(QStringLiteral("lab/") + c->objectName(), c->currentIndex());
    settings.setValue(QStringLiteral("lab/timestamps"), m_timestamps->isChecked());
    settings.setValue(QStringLiteral("lab/reuseAddr"), m_reuseAddr->isChecked());
}

void LabWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LabWindow::closeEvent(QCloseEvent* event) {
    cancel();
    QDialog::closeEvent(event);
}

void LabWindow::reject() {
    cancel();
    QDialog::reject();
}
}  // namespace finwave::app
