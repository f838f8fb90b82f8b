// `finwave experiment`: a loss sweep over many runs, to CSV and optionally a chart.
#include "app/charts/chart_builders.h"
#include "app/cli_options.h"
#include "core/experiment.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string_view>

namespace finwave::app {

namespace {
bool parseDouble(std::string_view s, double& out) {
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool folderExists(const std::string& path) { return QFileInfo(QString::fromStdString(path)).absoluteDir().exists(); }
}  // namespace

int runExperiment(int argc, char** argv) {
    ScenarioOptions options;
    SweepConfig config;
    std::string csv, chart;
    bool haveSweep = false, haveRuns = false;
    const auto fail = [](const std::string& msg) {
        std::cerr << "finwave experiment: " << msg << '\n';
        return 2;
    };
    for (int i = 2; i < argc; ++i) {
        int status = 0;
        const FlagParse parsed = handleScenarioFlag(argc, argv, i, options, "experiment", status);
        if (parsed == FlagParse::Consumed)
            continue;
        if (parsed == FlagParse::Error)
            return status;
        const std::string_view flag = argv[i];
        if (flag != "--sweep" && flag != "--runs" && flag != "--threads" && flag != "--csv" && flag != "--chart")
            return fail("unknown flag '" + std::string(flag) + "' (see finwave --help)");
        if (i + 1 >= argc)
            return fail(std::string(flag) + ": needs a value");
        const std::string value = argv[++i];
        if (flag == "--sweep") {
            // loss=FROM:TO:STEP, as fractions (0.1) or percentages (10%)
            const std::string prefix = "loss=";
            double v[3];
            std::string_view rest(value);
            bool ok = rest.substr(0, prefix.size()) == prefix;
            rest.remove_prefix(ok ? prefix.size() : 0);
            for (int k = 0; ok && k < 3; ++k) {
                const auto colon = rest.find(':');
                ok = parseDouble(rest.substr(0, colon), v[k]) && (k == 2) == (colon == std::string_view::npos);
                rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon + 1);
            }
            if (!ok || v[0] < 0 || v[1] > 1 || v[0] > v[1] || v[2] <= 0)
                return fail("--sweep: '" + value + "' must be loss=FROM:TO:STEP with 0 <= FROM <= TO <= 1, STEP > 0");
            config.lossFrom = v[0];
            config.lossTo = v[1];
            config.lossStep = v[2];
            haveSweep = true;
        } else if (flag == "--runs" || flag == "--threads") {
            double n = 0;
            const double max = flag == "--runs" ? 10'000'000 : 256;
            if (!parseDouble(value, n) || n != static_cast<int>(n) || n < 1 || n > max)
                return fail(std::string(flag) + ": '" + value + "' is out of range (1 to " + std::to_string(static_cast<int>(max)) + ")");
            (flag == "--runs" ? config.runsPerPoint : config.threads) = static_cast<int>(n);
            haveRuns = haveRuns || flag == "--runs";
        } else if (flag == "--csv") {
            csv = value;
        } else {
            chart = value;
        }
    }
    if (!haveSweep)
        return fail("--sweep: is required (loss=FROM:TO:STEP)");
    if (!haveRuns)
        return fail("--runs: is required");
    if (csv.empty())
        return fail("--csv: is required");
    if (!folderExists(csv))
        return fail("--csv: " + csv + ": the folder does not exist");
    if (!chart.empty()) {
        const QString ext = QFileInfo(QString::fromStdString(chart)).suffix().toLower();
        if (ext != QLatin1String("png") && ext != QLatin1String("svg"))
            return fail("--chart: " + chart + ": unknown extension (png, svg)");
        if (!folderExists(chart))
            return fail("--chart: " + chart + ": the folder does not exist");
    }
    std::string error;
    const auto scenario = resolveScenario(options, error);
    if (!scenario)
        return fail(error);
    config.scenario = *scenario;
    if (options.seed)
        config.masterSeed = *options.seed;
    const SweepResult result = runSweep(config, nullptr, [](int done, int total) {
        std::fprintf(stderr, "\rfinwave experiment: %d / %d runs", done, total);
        if (done == total)
            std::fputc('\n', stderr);
    });
    const std::string text = sweepCsv(result);
    QSaveFile out(QString::fromStdString(csv));
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) < 0 || !out.commit())
        return fail("--csv: " + csv + ": cannot be written (" + out.errorString().toStdString() + ")");
    if (!chart.empty()) {
        prepareHeadlessQt();
        int qargc = 1;
        QApplication app(qargc, argv);
        QChart* c = makeSweepChart(result, QString::fromStdString(scenario->name), Theme::light());
        const QString failure = saveChart(c, QString::fromStdString(chart));
        delete c;
        if (!failure.isEmpty()) {
            std::cerr << "finwave experiment: " << failure.toStdString() << '\n';
            return 2;
        }
    }
    return 0;
}

}  // namespace finwave::app
