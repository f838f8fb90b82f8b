// The Charts panel's loss sweep: many runs per loss level off the GUI thread, its chart, CSV and
// image export.
#include "app/charts/charts_panel.h"
#include "app/io/save_file.h"

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

// --- loss sweep ----------------------------------------------------------------------------

QWidget* ChartsPanel::buildSweepTab() {
    auto* page = new QWidget(this);
    m_scenario = new QComboBox(page);
    // First the scenario loaded in the window (with its sliders as they are), then the built-ins.
    m_scenario->addItem(QString());
    for (auto name : builtinScenarioNames())
        m_scenario->addItem(QString::fromUtf8(name.data(), static_cast<int>(name.size())));
    connect(m_ctl, &SimController::scenarioLoaded, this, [this] {
        m_scenario->setItemText(0, tr("current: %1").arg(QString::fromStdString(m_ctl->scenario().name)));
        m_scenario->setCurrentIndex(0);
    });
    const auto spin = [page](double v, double max, double step) {
        auto* s = new QDoubleSpinBox(page);
        s->setRange(0, max);
        s->setSingleStep(step);
        s->setValue(v);
        s->setSuffix(QStringLiteral(" %"));
        return s;
    };
    m_from = spin(0, 100, 5);
    m_to = spin(60, 100, 5);
    m_step = spin(5, 100, 1);
    m_step->setMinimum(0.5);
    m_runs = new QSpinBox(page);
    m_runs->setRange(1, 1'000'000);
    m_runs->setValue(1000);
    m_seed = new QSpinBox(page);
    m_seed->setRange(0, 1'000'000'000);
    m_seed->setValue(1);
    m_run = new QPushButton(page);
    m_cancel = new QPushButton(page);
    m_cancel->setEnabled(false);
    m_csv = new QPushButton(page);
    m_png = new QPushButton(page);
    m_csv->setEnabled(false);
    m_png->setEnabled(false);
    m_progress = new QProgressBar(page);
    auto* form = new QHBoxLayout;
    for (QWidget* w : {static_cast<QWidget*>(m_scenario), static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to),
                       static_cast<QWidget*>(m_step), static_cast<QWidget*>(m_runs), static_cast<QWidget*>(m_seed)}) {
        m_sweepLabels.push_back(new QLabel(page));
        form->addWidget(m_sweepLabels.back());
        form->addWidget(w);
    }
    auto* buttons = new QHBoxLayout;
    for (QWidget* w : {static_cast<QWidget*>(m_run), static_cast<QWidget*>(m_cancel), static_cast<QWidget*>(m_progress),
                       static_cast<QWidget*>(m_csv), static_cast<QWidget*>(m_png)})
        buttons->addWidget(w, w == m_progress ? 1 : 0);
    m_sweepView = new QChartView(new QChart, page);
    m_sweepView->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_sweepView, 1);
    connect(m_run, &QPushButton::clicked, this, &ChartsPanel::startSweep);
    connect(m_cancel, &QPushButton::clicked, this, &ChartsPanel::cancelSweep);
    connect(m_csv, &QPushButton::clicked, this, &ChartsPanel::exportCsv);
    connect(m_png, &QPushButton::clicked, this, [this] { exportChart(m_sweepView); });
    return page;
}

bool ChartsPanel::isSweepRunning() const { return m_worker != nullptr; }

void ChartsPanel::setSweepScope(double from, double to, double step, int runs) {
    m_from->setValue(from * 100);
    m_to->setValue(to * 100);
    m_step->setValue(step * 100);
    m_runs->setValue(runs);
}

void ChartsPanel::startSweep() {
    if (m_worker)
        return;
    SweepConfig config;
    if (m_scenario->currentIndex() <= 0) {
        config.scenario = m_ctl->scenario();
        config.scenario.params = m_ctl->sim().params();
        config.scenario.ab = m_ctl->sim().channel(Direction::AtoB);
        config.scenario.ba = m_ctl->sim().channel(Direction::BtoA);
    } else {
        config.scenario = *builtinScenario(m_scenario->currentText().toStdString());
    }
    m_sweepName = QString::fromStdString(config.scenario.name);
    config.lossFrom = m_from->value() / 100;
    config.lossTo = m_to->value() / 100;
    config.lossStep = m_step->value() / 100;
    config.runsPerPoint = m_runs->value();
    config.masterSeed = static_cast<std::uint64_t>(m_seed->value());
    m_cancelFlag = false;
    m_progress->setValue(0);
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    auto result = std::make_shared<SweepResult>();
    // All cores work; progress comes back to the GUI thread through queued calls.
    m_worker = QThread::create([this, config, result] {
        *result = runSweep(config, &m_cancelFlag, [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] {
                m_progress->setMaximum(total);
                m_progress->setValue(done);
                Q_EMIT sweepProgress(done, total);
            }, Qt::QueuedConnection);
        });
    });
    connect(m_worker, &QThread::finished, this, [this, result] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        if (!result->cancelled) {
            m_sweep = *result;
            showSweep();
        }
        Q_EMIT sweepFinished(result->cancelled);
    });
    m_worker->start();
}

void ChartsPanel::cancelSweep() { m_cancelFlag = true; }

void ChartsPanel::showSweep() {
    QChart* old = m_sweepView->chart();
    m_sweepView->setChart(makeSweepChart(m_sweep, m_sweepName, m_theme));
    delete old;
    m_csv->setEnabled(true);
    m_png->setEnabled(true);
}

void ChartsPanel::exportCsv() {
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"),
                                                      settings.value(QStringLiteral("charts/folder")).toString() +
                                                          QStringLiteral("/sweep.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const std::string csv = sweepCsv(m_sweep);
    if (const QString why = saveFile(path, QByteArray(csv.data(), static_cast<qsizetype>(csv.size()))); !why.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), why);
    settings.setValue(QStringLiteral("charts/folder"), QFileInfo(path).absolutePath());
}

void ChartsPanel::exportChart(QChartView* view) {
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"),
                                                      settings.value(QStringLiteral("charts/folder")).toString() +
                                                          QStringLiteral("/chart.png"),
                                                      tr("Images (*.png *.svg)"));
    if (path.isEmpty())
        return;
    const QString error = saveChart(view->chart(), path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
    settings.setValue(QStringLiteral("charts/folder"), QFileInfo(path).absolutePath());
}

}  // namespace finwave::app
