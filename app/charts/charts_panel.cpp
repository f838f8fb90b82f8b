#include "app/charts/charts_panel.h"

#include "app/charts/chart_builders.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_layout.h"
#include "app/views/sequence/time_axis.h"
#include "core/scenario/builtin_scenarios.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QValueAxis>

#include <QFontMetricsF>
#include <array>
#include <QVBoxLayout>

namespace finwave::app {

ChartsPanel::ChartsPanel(SimController* controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildTimelineTab(), QString());
    m_tabs->addTab(buildSweepTab(), QString());
    m_tabs->addTab(buildPileupTab(), QString());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    // Tabbed under the log, the panel must not make the strip taller than the log needs: raising
    // its tab makes room (MainWindow), and F9 gives it a window of its own.
    setMinimumHeight(120);
    connect(controller, &SimController::scenarioLoaded, this, &ChartsPanel::refreshTimeline);
    connect(controller, &SimController::recordsAppended, this, &ChartsPanel::refreshTimeline);
    connect(controller, &SimController::recordsTruncated, this, &ChartsPanel::refreshTimeline);
    connect(controller, &SimController::displayTimeChanged, this, &ChartsPanel::moveTimelineCursor);
    connect(controller, &SimController::playingChanged, this, &ChartsPanel::moveTimelineCursor);  // the tick on pause
    setTheme(m_theme);  // A and B in the diagrams' colours from the start
    retranslate();
}

// Every text in the panel, and the charts drawn again, in the current language.
void ChartsPanel::retranslate() {
    m_tabs->setTabText(0, tr("State timeline"));
    m_tabs->setTabText(1, tr("Loss sweep"));
    // Names for a screen reader (the charts draw their text; the log holds the same events).
    m_tabs->setAccessibleName(tr("Charts"));
    m_timelineView->setAccessibleName(tr("State timeline"));
    if (m_pileupView)
        m_pileupView->setAccessibleName(tr("TIME_WAIT pile-up"));
    m_tabs->setTabText(2, tr("TIME_WAIT pile-up"));
    m_cursor->setName(tr("now"));
    if (auto* x = m_timelineView->chart()->axes(Qt::Horizontal).value(0))
        x->setTitleText(tr("time (idle spans shortened)"));
    m_scenario->setItemText(0, tr("current: %1").arg(QString::fromStdString(m_ctl->scenario().name)));
    m_run->setText(tr("Run"));
    m_cancel->setText(tr("Cancel"));
    m_csv->setText(tr("Export CSV…"));
    m_png->setText(tr("Export chart…"));
    m_pilePng->setText(tr("Export chart…"));
    const QString sweepLabels[] = {tr("Scenario"), tr("Loss from"), tr("to"), tr("step"), tr("Runs per point"), tr("Master seed")};
    for (int i = 0; i < m_sweepLabels.size(); ++i)
        m_sweepLabels[i]->setText(sweepLabels[i]);
    m_rateName->setText(tr("Connections closed per second (R)"));
    m_twName->setText(tr("Custom TIME_WAIT (T)"));
    refreshTimeline();
    if (!m_sweep.points.empty())
        showSweep();
    refreshPileup();
}

void ChartsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

ChartsPanel::~ChartsPanel() {
    if (m_worker) {
        m_cancelFlag = true;
        m_worker->wait();
    }
}

// --- state timeline ------------------------------------------------------------------------

QWidget* ChartsPanel::buildTimelineTab() {
    auto* chart = new QChart;
    m_lineA = new QLineSeries;
    m_lineA->setName(QStringLiteral("A"));
    m_lineB = new QLineSeries;
    m_lineB->setName(QStringLiteral("B"));
    m_cursor = new QLineSeries;
    m_cursor->setName(tr("now"));
    // The cursor first, under the lines: an end's last drop (TIME_WAIT to CLOSED) at "now" is seen.
    chart->addSeries(m_cursor);
    chart->addSeries(m_lineA);
    chart->addSeries(m_lineB);
    auto* y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int s = 0; s < kTcpStateCount; ++s)
        y->append(QString::fromUtf8(stateName(static_cast<TcpState>(s)).data()), s);
    y->setRange(-0.5, kTcpStateCount - 0.5);
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setTitleText(tr("time (idle spans shortened)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {m_lineA, m_lineB, m_cursor}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_timelineView = new QChartView(chart, this);
    m_timelineView->setRenderHint(QPainter::Antialiasing);
    m_axis = std::make_unique<TimeAxis>();
    return m_timelineView;
}

void ChartsPanel::refreshTimeline() {
    const Simulator& sim = m_ctl->sim();
    const Scenario& sc = sim.scenario();
    // The same compression as the sequence diagram: a round trip is one unit.
    const Micros rtt = std::max<Micros>(20 * kMs, sc.ab.delay + sc.ba.delay);
    m_axis->reset(0, 1.0 / static_cast<double>(rtt), rtt + 2 * sc.ab.jitter, 1.0);
    for (const TraceRecord& r : sim.trace())
        m_axis->addTime(r.t);
    // One row per state this run visits, in the order of Figure 5, so each name has room.
    std::array<bool, kTcpStateCount> visited{};
    const TcpState firstA = initialState(sc.a), firstB = initialState(sc.b);
    visited[static_cast<std::size_t>(firstA)] = visited[static_cast<std::size_t>(firstB)] = true;
    for (const TraceRecord& r : sim.trace())
        if (r.kind == EventKind::State)
            visited[static_cast<std::size_t>(r.to)] = true;
    std::array<double, kTcpStateCount> row{};
    int rows = 0;
    auto* y = qobject_cast<QCategoryAxis*>(m_timelineView->chart()->axes(Qt::Vertical).value(0));
    for (const QString& label : y->categoriesLabels())
        y->remove(label);
    for (int s = 0; s < kTcpStateCount; ++s) {
        if (!visited[static_cast<std::size_t>(s)])
            continue;
        row[static_cast<std::size_t>(s)] = rows;
        y->append(QString::fromUtf8(stateName(static_cast<TcpState>(s)).data()), rows++);
    }
    y->setRange(-0.5, rows - 0.5);
    m_timelineRows = rows;
    QList<QPointF> a, b;
    // A's line a little above its row and B's a little below, so two ends in one state are two
    // lines (at the end both are in CLOSED: B's line hid A's last stretch and its drop).
    constexpr double kApart = 0.06;
    double sa = row[static_cast<std::size_t>(firstA)] + kApart, sb = row[static_cast<std::size_t>(firstB)] - kApart;
    a.append({0, sa});
    b.append({0, sb});
    for (const TraceRecord& r : sim.trace()) {
        if (r.kind != EventKind::State)
            continue;
        QList<QPointF>& list = r.side == Side::A ? a : b;
        double& cur = r.side == Side::A ? sa : sb;
        const double x = m_axis->y(r.t);
        list.append({x, cur});  // stepped: hold, then jump
        cur = row[static_cast<std::size_t>(r.to)] + (r.side == Side::A ? kApart : -kApart);
        list.append({x, cur});
    }
    const double end = m_axis->y(std::max(m_ctl->displayTime(), sim.now()));
    const double right = std::max(1.0, end * 1.05);
    // Each line runs to the right edge, so the state it ends in (CLOSED) is seen as a stretch.
    a.append({right, sa});
    b.append({right, sb});
    m_lineA->replace(a);
    m_lineB->replace(b);
    auto* x = qobject_cast<QCategoryAxis*>(m_timelineView->chart()->axes(Qt::Horizontal).value(0));
    for (const QString& label : x->categoriesLabels())
        x->remove(label);
    // Tick labels no closer than their own width allows at the chart's size.
    const QFontMetricsF fm(m_theme.font);
    const double plot = std::max(100.0, m_timelineView->chart()->plotArea().width());
    const double minGap = (fm.horizontalAdvance(formatTime(std::max(m_ctl->displayTime(), sim.now()), sim.timeGrain())) + 16) / plot * right;
    double last = -1e9;
    for (Micros k : m_axis->knots()) {
        const double pos = m_axis->y(k);
        // None on the cursor's own label ("now", moveTimelineCursor()) or too near it.
        if (pos - last < minGap || pos > end - minGap)
            continue;
        x->append(formatTime(k, sim.timeGrain()), pos);
        last = pos;
    }
    m_lastTick = last;
    m_nowLabel.clear();
    x->setRange(0, right);
    moveTimelineCursor();
}

int ChartsPanel::timelineRows() const { return m_timelineRows; }
QChart* ChartsPanel::timelineChart() const { return m_timelineView->chart(); }
void ChartsPanel::showTab(int index) { m_tabs->setCurrentIndex(index); }
QChart* ChartsPanel::sweepChart() const { return m_sweepView->chart(); }

void ChartsPanel::moveTimelineCursor() {
    const Micros now = std::max(m_ctl->displayTime(), m_ctl->sim().now());
    const double x = m_axis->y(now);
    m_cursor->replace(QList<QPointF>{{x, -0.5}, {x, m_timelineRows - 0.5}});
    // The cursor's time as the axis's last tick, as the diagram's ruler writes it; not on every
    // frame of playing (relabelling the axis lays the chart out again): at each step and on pause.
    auto* axis = qobject_cast<QCategoryAxis*>(m_timelineView->chart()->axes(Qt::Horizontal).value(0));
    if (!axis || (m_ctl->isPlaying() && now != m_ctl->sim().now()))
        return;
    if (!m_nowLabel.isEmpty())
        axis->remove(m_nowLabel);
    m_nowLabel = formatTime(now, m_ctl->sim().timeGrain());
    if (x > m_lastTick && !axis->categoriesLabels().contains(m_nowLabel))
        axis->append(m_nowLabel, x);
    else
        m_nowLabel.clear();
}

int ChartsPanel::timelinePoints() const { return static_cast<int>(m_lineA->count() + m_lineB->count()); }

// --- TIME_WAIT pile-up ---------------------------------------------------------------------

QWidget* ChartsPanel::buildPileupTab() {
    auto* page = new QWidget(this);
    m_rate = new QSlider(Qt::Horizontal, page);
    m_rate->setRange(1, 2000);
    m_rate->setValue(200);
    m_tw = new QSlider(Qt::Horizontal, page);
    m_tw->setRange(1, 240);
    m_tw->setValue(30);
    m_rateLabel = new QLabel(page);
    m_twLabel = new QLabel(page);
    auto* row = new QHBoxLayout;
    m_rateName = new QLabel(page);
    m_twName = new QLabel(page);
    row->addWidget(m_rateName);
    row->addWidget(m_rate, 1);
    row->addWidget(m_rateLabel);
    row->addSpacing(16);
    row->addWidget(m_twName);
    row->addWidget(m_tw, 1);
    row->addWidget(m_twLabel);
    m_pileupView = new QChartView(new QChart, page);
    m_pileupView->setRenderHint(QPainter::Antialiasing);
    auto* png = new QPushButton(page);
    m_pilePng = png;
    row->addWidget(png);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_pileupView, 1);
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(debounce, &QTimer::timeout, this, &ChartsPanel::refreshPileup);
    connect(m_rate, &QSlider::valueChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_tw, &QSlider::valueChanged, debounce, qOverload<>(&QTimer::start));
    connect(png, &QPushButton::clicked, this, [this] { exportChart(m_pileupView); });
    refreshPileup();
    return page;
}

void ChartsPanel::refreshPileup() {
    const double rate = m_rate->value();
    m_rateLabel->setText(tr("%1 /s").arg(rate));
    m_twLabel->setText(tr("%1 s").arg(m_tw->value()));
    const auto run = [&](Profile profile, Micros tw, bool linger) {
        PileupConfig c;
        c.scenario = *builtinScenario("normal-close");
        applyProfile(c.scenario, profile);
        if (tw > 0)
            c.scenario.params.timeWait = tw;
        c.scenario.a.lingerZero = linger;
        c.connectionsPerSecond = rate;
        c.duration = 600 * kSec;
        c.sample = 16;
        return runPileup(c);
    };
    std::vector<std::pair<QString, PileupResult>> series = {
        {tr("Linux, 60 s"), run(Profile::Linux, 0, false)},
        {tr("RFC, 240 s"), run(Profile::Rfc, 0, false)},
        {tr("custom, %1 s").arg(m_tw->value()), run(Profile::Rfc, m_tw->value() * kSec, false)},
        {tr("SO_LINGER 0"), run(Profile::Linux, 0, true)},
    };
    QChart* old = m_pileupView->chart();
    m_pileupView->setChart(makePileupChart(series, rate, m_theme));
    delete old;
}

void ChartsPanel::setTheme(const Theme& theme) {
    m_theme = theme;
    styleChart(m_timelineView->chart(), theme);
    styleChart(m_sweepView->chart(), theme);
    styleChart(m_pileupView->chart(), theme);
    m_lineA->setColor(theme.sideA);
    m_lineB->setColor(theme.sideB);
    m_cursor->setColor(theme.cursor);
}

}  // namespace finwave::app
