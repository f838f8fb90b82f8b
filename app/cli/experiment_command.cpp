// `finwave experiment`: a loss sweep over many runs, to CSV and optionally a chart.
#include "app/charts/chart_builders.h"
#include "app/io/save_file.h"
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/options/scenario_resolve.h"
#include "core/options/values.h"
#include "core/sim/experiment.h"
#include "core/scenario/scenario_io.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string_view>

#include <unistd.h>

namespace finwave::app {

int runExperiment(const options::ExperimentOptions& o, char* program) {
    const auto fail = [](const std::string& msg) { return refuse("experiment", msg); };
    const std::string& csv = o.csv;
    const std::string& chart = o.chart;
    QSaveFile csvFile, chartFile;
    if (const auto bad = openCheckedOutput("--csv", csv, csvFile))
        return fail(*bad);
    if (!chart.empty())
        if (const auto bad = openCheckedOutput("--chart", chart, chartFile))
            return fail(*bad);
    std::string error;
    const auto scenario = options::resolveScenario(o.scenario, error);
    if (!scenario)
        return fail(error);
    SweepConfig config;
    config.scenario = *scenario;
    config.lossFrom = o.sweep.from;
    config.lossTo = o.sweep.to;
    config.lossStep = o.sweep.step;
    config.runsPerPoint = static_cast<int>(o.runs);
    if (o.threads > 0)
        config.threads = o.threads;
    if (o.scenario.seed)
        config.masterSeed = *o.scenario.seed;
    // The progress line only on a terminal: in a pipe or a log stderr keeps to the one-line reason.
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const SweepResult result = runSweep(config, nullptr, [terminal](int done, int total) {
        if (!terminal)
            return;
        std::fprintf(stderr, "\rfinwave experiment: %d / %d runs", done, total);
        if (done == total)
            std::fputc('\n', stderr);
    });
    const std::string text = sweepCsv(result);
    QByteArray chartBytes;
    if (!chart.empty()) {
        prepareHeadlessQt();
        int qargc = 1;
        QApplication app(qargc, &program);
        QChart* c = makeSweepChart(result, QString::fromStdString(scenario->name), Theme::light());
        chartBytes = renderChart(c, QFileInfo(QString::fromStdString(chart)).suffix().toLower());
        delete c;
        if (chartBytes.isEmpty())
            return fail("--chart: " + chart + ": the chart could not be drawn");
    }
    if (csvFile.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()))
        return fail("--csv: " + csv + ": cannot be written (" + csvFile.errorString().toStdString() + ")");
    if (!chart.empty() && chartFile.write(chartBytes) != chartBytes.size())
        return fail("--chart: " + chart + ": cannot be written (" + chartFile.errorString().toStdString() + ")");
    // Flushed and checked before each commit: on a full disk the old files stay.
    if (!chart.empty())
        if (const QString why = commitChecked(chartFile); !why.isEmpty())
            return fail("--chart: cannot be written: " + why.toStdString());
    if (const QString why = commitChecked(csvFile); !why.isEmpty())
        return fail("--csv: cannot be written: " + why.toStdString());
    return 0;
}

}  // namespace finwave::app
