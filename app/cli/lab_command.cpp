// `finwave lab`: the server lab, headless, to CSV and optionally a chart, with a summary.
#include "app/charts/chart_builders.h"
#include "app/charts/lab_chart.h"
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/io/save_file.h"

#include <QApplication>
#include <QChart>
#include <QFileInfo>
#include <QSaveFile>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <unistd.h>

namespace finwave::app {

namespace {
void printSummary(const lab::LabResult& r, double seconds) {
    std::cout << "connections: " << r.connections << ", established: " << r.established
              << ", EADDRNOTAVAIL: " << r.addrNotAvail << '\n';
    if (r.firstAddrNotAvailSeconds >= 0)
        std::cout << "first EADDRNOTAVAIL at " << r.firstAddrNotAvailSeconds << " s\n";
    if (r.refused > 0) {
        std::cout << "refused after the restart (no listener, RST): " << r.refused;
        if (r.listeningAgainSeconds >= 0)
            std::cout << ", listening again at " << r.listeningAgainSeconds << " s";
        std::cout << '\n';
    }
    std::cout << "peak TIME_WAIT: client " << r.peakTimeWaitClient << ", server " << r.peakTimeWaitServer << '\n'
              << "engine runs: " << r.engineRuns << ", lab memory: " << r.peakLabBytes / 1024 << " KiB, "
              << "computed in " << seconds << " s\n";
}
}  // namespace

int runLab(const options::LabOptions& o, char* program) {
    const auto fail = [](const std::string& msg) { return refuse("lab", msg); };
    QSaveFile csvFile, chartFile;
    if (const auto bad = openCheckedOutput("--csv", o.csv, csvFile))
        return fail(*bad);
    if (!o.chart.empty())
        if (const auto bad = openCheckedOutput("--chart", o.chart, chartFile))
            return fail(*bad);
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const auto started = std::chrono::steady_clock::now();
    const lab::LabResult result = lab::runLab(o.config, nullptr, [terminal](int done, int total, const lab::LabSecond&) {
        if (terminal && (done % 10 == 0 || done == total))
            std::fprintf(stderr, "\rfinwave lab: %d / %d simulated seconds%s", done, total, done == total ? "\n" : "");
    });
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::string text = lab::labCsv(result);
    QByteArray chartBytes;
    if (!o.chart.empty()) {
        prepareHeadlessQt();
        int qargc = 1;
        QApplication app(qargc, &program);
        QChart* c = makeLabChart(result, QStringLiteral("finwave lab"), Theme::light());
        chartBytes = renderChart(c, QFileInfo(QString::fromStdString(o.chart)).suffix().toLower());
        delete c;
        if (chartBytes.isEmpty())
            return fail("--chart: " + o.chart + ": the chart could not be drawn");
    }
    if (csvFile.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()))
        return fail("--csv: " + o.csv + ": cannot be written (" + csvFile.errorString().toStdString() + ")");
    if (!o.chart.empty() && chartFile.write(chartBytes) != chartBytes.size())
        return fail("--chart: " + o.chart + ": cannot be written (" + chartFile.errorString().toStdString() + ")");
    if (!o.chart.empty())
        if (const QString why = commitChecked(chartFile); !why.isEmpty())
            return fail("--chart: cannot be written: " + why.toStdString());
    if (const QString why = commitChecked(csvFile); !why.isEmpty())
        return fail("--csv: cannot be written: " + why.toStdString());
    printSummary(result, took);
    return finishOutput("lab");
}

}  // namespace finwave::app
