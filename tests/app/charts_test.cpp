// The Charts panel and `finwave experiment`.
#include "app/charts/charts_panel.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QCategoryAxis>

#include <QLineSeries>

#include <QChart>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

TEST(Charts, TimelineGainsPointsAsTheControllerStepsAndLosesThemOnStepBack) {
    SimController ctl;
    ChartsPanel panel(&ctl);
    ctl.loadScenario(*builtinScenario("normal-close"));
    const int start = panel.timelinePoints();
    ctl.stepForward();  // A: ESTABLISHED -> FIN_WAIT_1
    const int one = panel.timelinePoints();
    EXPECT_GT(one, start);
    ctl.stepForward();
    ctl.stepForward();
    EXPECT_GT(panel.timelinePoints(), one);
    ctl.stepBack();
    ctl.stepBack();
    EXPECT_EQ(panel.timelinePoints(), one);
}

// At the end of a run both lines reach CLOSED, each seen (A's a little above its row, B's a
// little below: B's line hid A's last stretch), the cursor is drawn under them, and the time axis
// has a tick at the cursor's time.
TEST(Charts, TheTimelineShowsBothEndsClosedAndATickAtNow) {
    SimController ctl;
    ChartsPanel panel(&ctl);
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ctl.seek(1'000'000);
    ASSERT_TRUE(ctl.sim().isFinished());
    QChart* chart = panel.timelineChart();
    const QList<QAbstractSeries*> series = chart->series();
    ASSERT_EQ(series.size(), 3);
    EXPECT_EQ(series[0]->name(), QStringLiteral("now"));  // drawn first: under the lines
    const auto* a = qobject_cast<QLineSeries*>(series[1]);
    const auto* b = qobject_cast<QLineSeries*>(series[2]);
    ASSERT_TRUE(a && b);
    auto* y = qobject_cast<QCategoryAxis*>(chart->axes(Qt::Vertical).value(0));
    ASSERT_NE(y, nullptr);
    const double closedRow = y->endValue(QStringLiteral("CLOSED"));
    EXPECT_NEAR(a->at(a->count() - 1).y(), closedRow, 0.1);
    EXPECT_NEAR(b->at(b->count() - 1).y(), closedRow, 0.1);
    EXPECT_NE(a->at(a->count() - 1).y(), b->at(b->count() - 1).y());
    auto* x = qobject_cast<QCategoryAxis*>(chart->axes(Qt::Horizontal).value(0));
    ASSERT_NE(x, nullptr);
    EXPECT_TRUE(x->categoriesLabels().contains(formatTime(ctl.sim().now(), ctl.sim().timeGrain())))
        << x->categoriesLabels().join(QLatin1Char(',')).toStdString();
}

// The sweep runs on workers while the window's event loop turns (its progress reaches the GUI
// thread while the sweep still runs), and Cancel stops it: a sweep of 130 million runs, cancelled
// at its first progress, is reported cancelled with its points unfinished.
TEST(Charts, SweepRunsOffTheGuiThreadAndCancelStopsIt) {
    SimController ctl;
    ChartsPanel panel(&ctl);
    panel.setSweepScope(0, 0.6, 0.05, 10'000'000);
    QSignalSpy progress(&panel, &ChartsPanel::sweepProgress);
    QSignalSpy finished(&panel, &ChartsPanel::sweepFinished);
    bool runningAtFirstProgress = false;
    QObject::connect(&panel, &ChartsPanel::sweepProgress, &panel, [&] {
        if (!runningAtFirstProgress && panel.isSweepRunning()) {
            runningAtFirstProgress = true;
            panel.cancelSweep();
        }
    });
    panel.startSweep();
    EXPECT_TRUE(panel.isSweepRunning());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(runningAtFirstProgress) << "no progress reached the GUI thread while the sweep ran";
    EXPECT_FALSE(panel.isSweepRunning());
    EXPECT_TRUE(finished.first().first().toBool()) << "the sweep was not reported cancelled";
    EXPECT_GT(progress.count(), 0);
}

namespace {
int runFinwave(const QStringList& args, QString* err = nullptr) {
    QProcess p;
    p.start(QStringLiteral(FINWAVE_BINARY), args);
    p.waitForFinished(120000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}
// `finwave experiment` on lost-fin over `sweep` with `runs` runs per point, writing csv and chart.
int runSweep(const QString& sweep, int runs, const QString& csv, const QString& chart) {
    return runFinwave({QStringLiteral("experiment"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                       QStringLiteral("--sweep"), sweep, QStringLiteral("--runs"), QString::number(runs),
                       QStringLiteral("--csv"), csv, QStringLiteral("--chart"), chart});
}
}  // namespace

TEST(Charts, ExperimentCommandWritesOneCsvRowPerPointAndAChart) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("s.csv")), png = dir.filePath(QStringLiteral("s.png"));
    ASSERT_EQ(runSweep(QStringLiteral("loss=0:0.3:0.1"), 50, csv, png), 0);
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), 5);  // header + 0, 10, 20, 30 %
    EXPECT_TRUE(lines[0].startsWith("loss,runs,closed_runs,median_close_s"));
    EXPECT_FALSE(QImage(png).isNull());
}

TEST(Charts, ExperimentBadInputExitsTwoNamingTheFlag) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("s.csv"));
    struct Case {
        QStringList args;
        QString flag;
    } cases[] = {
        {{QStringLiteral("--sweep"), QStringLiteral("loss=0.5:0.1:0.1"), QStringLiteral("--runs"), QStringLiteral("5"), QStringLiteral("--csv"), csv}, QStringLiteral("--sweep")},
        {{QStringLiteral("--sweep"), QStringLiteral("delay=0:1:1"), QStringLiteral("--runs"), QStringLiteral("5"), QStringLiteral("--csv"), csv}, QStringLiteral("--sweep")},
        {{QStringLiteral("--sweep"), QStringLiteral("loss=0:0.1:0.1"), QStringLiteral("--runs"), QStringLiteral("0"), QStringLiteral("--csv"), csv}, QStringLiteral("--runs")},
        {{QStringLiteral("--sweep"), QStringLiteral("loss=0:0.1:0.1"), QStringLiteral("--runs"), QStringLiteral("5")}, QStringLiteral("--csv")},
        {{QStringLiteral("--sweep"), QStringLiteral("loss=0:0.1:0.1"), QStringLiteral("--runs"), QStringLiteral("5"), QStringLiteral("--csv"), QStringLiteral("/no/such/dir/x.csv")}, QStringLiteral("/no/such/dir")},
        {{QStringLiteral("--sweep"), QStringLiteral("loss=0:0.1:0.1"), QStringLiteral("--runs"), QStringLiteral("5"), QStringLiteral("--csv"), csv, QStringLiteral("--chart"), QStringLiteral("x.gif")}, QStringLiteral("--chart")},
    };
    for (const Case& c : cases) {
        QString err;
        EXPECT_EQ(runFinwave(QStringList{QStringLiteral("experiment")} + c.args, &err), 2) << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(err.contains(c.flag)) << err.toStdString();
        EXPECT_FALSE(QFile::exists(csv));
    }
}

TEST(Charts, ChartSvgTextIsAsLargeAsInThePng) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("s.csv")), svg = dir.filePath(QStringLiteral("s.svg"));
    ASSERT_EQ(runSweep(QStringLiteral("loss=0:0.2:0.1"), 10, csv, svg), 0);
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    // The axis labels use the 9 pt font: 12 units at the screen's 96 dpi, not 9 (72 dpi).
    EXPECT_TRUE(text.contains("font-size=\"12\"")) << text.left(600).toStdString();
    EXPECT_FALSE(text.contains("font-size=\"9\""));
}
