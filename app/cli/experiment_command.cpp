// `finwave experiment`: a loss sweep over many runs, to CSV and optionally a chart.
#include "app/charts/chart_builders.h"
#include "app/cli/command_support.h"
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

namespace {
// Checked before the sweep starts, so a path that cannot be written costs nothing and loses
// nothing: the folder must exist and the path must not be a folder. Opening the QSaveFile then
// proves the folder takes a new file (/proc does not); nothing is committed until both outputs
// are ready.
std::optional<std::string> openOutput(const char* flag, const std::string& path, QSaveFile& file) {
    const QFileInfo info(QString::fromStdString(path));
    if (!info.absoluteDir().exists())
        return std::string(flag) + ": " + path + ": the folder does not exist";
    if (info.isDir())
        return std::string(flag) + ": " + path + ": is a folder";
    file.setFileName(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return std::string(flag) + ": " + path + ": cannot be written (" + file.errorString().toStdString() + ")";
    return std::nullopt;
}
}  // namespace

int runExperiment(int argc, char** argv) {
    SweepConfig config;
    const auto fail = [](const std::string& msg) { return refuse("experiment", msg); };
    const ParsedFlags flags = parseFlags(argc, argv, 2,
                                         {{"--sweep", true}, {"--runs", true}, {"--threads", true}, {"--csv", true},
                                          {"--chart", true}});
    if (const auto reason = commonFlagError(flags))
        return fail(*reason);
    const ScenarioOptions& options = flags.scenario;
    std::optional<SweepSpec> sweep;
    for (const std::string& value : flags.values("--sweep")) {
        std::string error;
        sweep = parseSweepSpec(value, error);  // loss=FROM:TO:STEP, bounded levels
        if (!sweep)
            return fail(error);
    }
    for (const char* flag : {"--runs", "--threads"}) {
        const long long max = std::string_view(flag) == "--runs" ? kMaxRunsPerPoint : kMaxThreads;
        for (const std::string& value : flags.values(flag)) {
            const auto n = parseWholeNumber(value, 1, max);
            if (!n)
                return fail(std::string(flag) + ": '" + printable(value) + "' is out of range (1 to " + std::to_string(max) + ")");
            (std::string_view(flag) == "--runs" ? config.runsPerPoint : config.threads) = static_cast<int>(*n);
        }
    }
    const bool haveRuns = flags.has("--runs");
    const std::string csv = flags.has("--csv") ? flags.values("--csv").back() : std::string();
    const std::string chart = flags.has("--chart") ? flags.values("--chart").back() : std::string();
    if (!sweep)
        return fail("--sweep: is required (loss=FROM:TO:STEP)");
    if (!haveRuns)
        return fail("--runs: is required");
    if (const auto tooMany = sweepSizeError(sweep->levels, config.runsPerPoint))
        return fail(*tooMany);
    if (csv.empty())
        return fail("--csv: is required");
    QSaveFile csvFile, chartFile;
    if (const auto bad = openOutput("--csv", csv, csvFile))
        return fail(*bad);
    if (!chart.empty()) {
        const QString ext = QFileInfo(QString::fromStdString(chart)).suffix().toLower();
        if (ext != QLatin1String("png") && ext != QLatin1String("svg"))
            return fail("--chart: " + chart + ": unknown extension (png, svg)");
        if (const auto bad = openOutput("--chart", chart, chartFile))
            return fail(*bad);
    }
    std::string error;
    const auto scenario = resolveScenario(options, error);
    if (!scenario)
        return fail(error);
    config.scenario = *scenario;
    config.lossFrom = sweep->from;
    config.lossTo = sweep->to;
    config.lossStep = sweep->step;
    if (options.seed)
        config.masterSeed = *options.seed;
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
        QApplication app(qargc, argv);
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
    if (!chart.empty() && !chartFile.commit())
        return fail("--chart: " + chart + ": cannot be written (" + chartFile.errorString().toStdString() + ")");
    if (!csvFile.commit())
        return fail("--csv: " + csv + ": cannot be written (" + csvFile.errorString().toStdString() + ")");
    return 0;
}

}  // namespace finwave::app
