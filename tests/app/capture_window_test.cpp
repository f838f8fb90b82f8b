// File → Open capture… in the window: the reconstructed run replays in the views with the
// sliders and drops off, the log marks inferred states, the status bar explains the teardown.
#include "app/window/capture_dialogs.h"
#include "app/window/capture_panel.h"
#include "app/window/control_panel.h"
#include "app/window/event_log.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/teaching/figure_part.h"
#include "support/every_step.h"

#include <QStatusBar>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
QString fixture(const char* name) { return QStringLiteral(FINWAVE_SOURCE_DIR "/tests/data/") + QLatin1String(name); }
}  // namespace

TEST(CaptureWindow, anOpenedCaptureReplaysWithSlidersAndDropsOff) {
    MainWindow window;
    // A scenario file opened first must not be written over by a Save after the capture.
    QTemporaryDir dir;
    const QString opened = dir.filePath(QStringLiteral("before.json"));
    ASSERT_TRUE(window.saveRunTo(opened));
    ASSERT_EQ(window.currentFile(), opened);
    const QString why = openCapture(&window, window.controller(), fixture("real-lo.pcap"), 1);
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    SimController* ctl = window.controller();
    EXPECT_TRUE(ctl->isReplay());
    EXPECT_TRUE(window.currentFile().isEmpty());
    EXPECT_FALSE(window.controlPanel()->isEnabled());
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("real-lo.pcap")));
    ctl->seek(1'000'000);
    EXPECT_TRUE(ctl->sim().isFinished());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("Complete four-way close")))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_FALSE(ctl->dropNext(Side::A));
    QAbstractItemModel* log = window.eventLog()->model();
    // At the end the log says how the connection ended, in a row after the records.
    ASSERT_EQ(log->rowCount(), static_cast<int>(ctl->sim().trace().size()) + 1);
    EXPECT_TRUE(log->index(log->rowCount() - 1, EventLogModel::What).data().toString().contains(
        QStringLiteral("How it ended: Complete four-way close")))
        << log->index(log->rowCount() - 1, EventLogModel::What).data().toString().toStdString();
    int inferred = 0;
    for (int row = 0; row + 1 < log->rowCount(); ++row)
        inferred += log->index(row, EventLogModel::What).data().toString().contains(QStringLiteral("inferred: "));
    EXPECT_GT(inferred, 0) << "TIME_WAIT's end and the listening server are not in the capture";
    const auto before = ctl->sim().stepIndex();
    ctl->stepBack();
    EXPECT_EQ(ctl->sim().stepIndex(), before - 1);
    EXPECT_EQ(log->rowCount(), static_cast<int>(ctl->sim().trace().size()));  // not at the end: no ending
    // A scenario brings the sliders back.
    ctl->loadScenario(*builtinScenario("normal-close"));
    EXPECT_FALSE(ctl->isReplay());
    EXPECT_TRUE(window.controlPanel()->isEnabled());
}

// In the sliders' place, what the capture tells: where it was taken, what each SYN offered, whether
// SACK is in use (so whether Linux probes a lost tail), and that the hosts look like Linux; a
// scenario brings the sliders back.
TEST(CaptureWindow, theParametersDockShowsWhatTheCaptureTells) {
    MainWindow window;
    const QString why = openCapture(&window, window.controller(), fixture("kernel/lost-fin-nosack-at-B.pcapng"), 1);
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    EXPECT_TRUE(window.capturePanel()->isVisibleTo(&window));
    EXPECT_FALSE(window.controlPanel()->isVisibleTo(&window));
    QMap<QString, QString> rows;
    for (const auto& [label, value] : window.capturePanel()->rows())
        rows[label] = value;
    EXPECT_EQ(rows.value(QStringLiteral("Captured at")), QStringLiteral("B's end, 10.77.0.2:5501"));
    EXPECT_EQ(rows.value(QStringLiteral("A's SYN offered")), QStringLiteral("MSS 1460 · timestamps · window scale 10"));
    EXPECT_TRUE(rows.value(QStringLiteral("SACK")).startsWith(QStringLiteral("not in use"))) << rows.value(QStringLiteral("SACK")).toStdString();
    EXPECT_EQ(rows.value(QStringLiteral("Hosts")), QStringLiteral("Linux, by the order of the SYN options"));
    EXPECT_TRUE(rows.value(QStringLiteral("Assumed")).contains(QStringLiteral("60 s")));
    ASSERT_TRUE(openCapture(&window, window.controller(), fixture("kernel/lost-fin-at-A.pcapng"), 1).isEmpty());
    rows.clear();
    for (const auto& [label, value] : window.capturePanel()->rows())
        rows[label] = value;
    EXPECT_EQ(rows.value(QStringLiteral("A's SYN offered")), QStringLiteral("MSS 1460 · SACK-permitted · timestamps · window scale 10"));
    EXPECT_TRUE(rows.value(QStringLiteral("SACK")).startsWith(QStringLiteral("in use"))) << rows.value(QStringLiteral("SACK")).toStdString();
    window.controller()->loadScenario(*builtinScenario("normal-close"));
    EXPECT_TRUE(window.controlPanel()->isVisibleTo(&window));
    EXPECT_TRUE(window.capturePanel()->rows().isEmpty());
}

TEST(CaptureWindow, aBrokenCaptureGivesItsOneLineReasonAndKeepsTheRun) {
    MainWindow window;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.pcap"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not packets\n");
    f.close();
    const QString why = openCapture(&window, window.controller(), path, 1);
    EXPECT_TRUE(why.startsWith(path)) << why.toStdString();
    EXPECT_FALSE(why.contains(QLatin1Char('\n')));
    EXPECT_FALSE(window.controller()->isReplay());
}

// A capture that opens (real-lo.pcap has its handshake) is drawn like a run that opens: at every
// step both ends' marks sit on states the graph draws, and the handshake's edges are drawn.
TEST(CaptureWindow, theStateGraphDrawsTheCapturesHandshake) {
    MainWindow window;
    const QString why = openCapture(&window, window.controller(), fixture("real-lo.pcap"), 1);
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    SimController* ctl = window.controller();
    auto* graph = static_cast<StateGraphScene*>(window.stateGraph()->scene());
    bool sawOpening = false, litHandshake = false;
    finwave::testing::forEveryStep(*ctl, [&](std::uint64_t step) {
        sawOpening = sawOpening || graph->part() == FigurePart::Opening;
        for (Side side : {Side::A, Side::B}) {
            const TcpState s = ctl->sim().state(side);
            EXPECT_TRUE(inFigurePart(graph->part(), s)) << "step " << step << ": " << stateName(s) << " not drawn";
        }
        for (const StateEdgeItem* e : graph->edges())
            litHandshake = litHandshake || (e->row()->from == TcpState::SynSent && !e->taken().isEmpty());
    });
    EXPECT_TRUE(sawOpening);
    EXPECT_TRUE(litHandshake) << "SYN_SENT's edge to ESTABLISHED was never lit";
}

#include "app/window/background_task.h"

#include <QProgressDialog>
#include <QTimer>

#include <chrono>
#include <thread>

// Opening a capture reads and reconstructs it on a worker thread: the window keeps running its
// events (here a timer ticks while the work goes on) and Cancel returns at once with nothing. The
// work waits for the Cancel, so the test does not depend on how fast the machine is; it gives up
// after 20 s and then returns a value, which fails the test.
TEST(CaptureWindow, longCaptureWorkRunsOffTheWindowThreadAndCancelStopsIt) {
    QWidget parent;
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(5);
    QTimer canceller;
    QObject::connect(&canceller, &QTimer::timeout, [&parent, &ticks] {
        if (ticks < 3)
            return;  // the window ran its events while the work went on
        if (auto* dialog = parent.findChild<QProgressDialog*>())
            dialog->cancel();
    });
    canceller.start(5);
    std::atomic<bool> sawCancel{false};
    const auto result = runInBackground<int>(&parent, QStringLiteral("Working…"), 100, [&sawCancel](const BackgroundProgress& tick) {
        for (int i = 0; i < 2000; ++i) {
            if (!tick(static_cast<std::uint64_t>(i % 100))) {
                sawCancel = true;
                return 1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return 2;
    });
    EXPECT_FALSE(result.has_value());
    EXPECT_GE(ticks, 3);
    // The worker is told: its next progress call returns false.
    for (int i = 0; i < 200 && !sawCancel; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(sawCancel);
    // Without a Cancel the work's result comes back.
    canceller.stop();
    const auto done = runInBackground<int>(&parent, QStringLiteral("Working…"), 0, [](const BackgroundProgress&) { return 7; });
    EXPECT_EQ(done, std::optional<int>(7));
}
