// Window and export speed: paint at 200/2 000/20 000 segments, step to an
// updated view at step 1 000, cold start to the first painted frame, exports of 200 segments (a 4K slide, one long column)
// and the PNG encoder alone.
#include "app/export/diagram_exporter.h"
#include "app/main/window_main.h"
#include "app/export/png_encoder.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"
#include "core/teaching/figure_part.h"
#include "support/long_run.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

using namespace finwave;
using namespace finwave::app;

namespace {

void paint(benchmark::State& state) {
    SimController ctl;
    SequenceView view(&ctl);
    view.resize(1920, 1080);
    ctl.loadScenario(finwave::testing::longRun(static_cast<int>(state.range(0))));
    ctl.seek(100'000'000);
    view.show();  // a laid-out viewport: render() then paints what the screen would show
    QCoreApplication::processEvents();
    view.centerOn(QPointF(view.diagram()->contentRect().center().x(), view.diagram()->contentRect().height() * 0.4));
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter p(&image);
        view.render(&p);
    }
    state.counters["arrows"] = view.arrowCount();
}
}  // namespace

static void BM_PaintSequence1920x1080(benchmark::State& state) { paint(state); }
BENCHMARK(BM_PaintSequence1920x1080)->Arg(200)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

static void BM_StepToUpdatedViewAtStep1000(benchmark::State& state) {
    SimController ctl;
    SequenceView view(&ctl);
    StateGraphView graph(&ctl);
    view.resize(1200, 900);
    view.show();
    QCoreApplication::processEvents();
    ctl.loadScenario(finwave::testing::longRun(2000));
    ctl.seek(1000);
    QImage image(1200, 900, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        state.PauseTiming();
        ctl.stepBack();
        state.ResumeTiming();
        ctl.stepForward();
        QPainter p(&image);
        view.render(&p);
    }
}
BENCHMARK(BM_StepToUpdatedViewAtStep1000)->Unit(benchmark::kMillisecond);

// Stepped back and forth across the first step where the graph's part of Figure 5 changes: each
// crossing draws the graph anew in the other part. Arg 0: full-lifecycle, where its close begins
// (opening, closing). Arg 1: old-duplicate, where B listens again (closing, closing with LISTEN).
static void BM_StateGraphStepAcrossPartChange(benchmark::State& state) {
    SimController ctl;
    StateGraphView graph(&ctl);
    graph.resize(540, 630);
    graph.show();
    ctl.loadScenario(*finwave::builtinScenario(state.range(0) == 0 ? "full-lifecycle" : "old-duplicate"));
    auto* scene = static_cast<StateGraphScene*>(graph.scene());
    const finwave::FigurePart first = scene->part();
    std::uint64_t crossing = 0;
    while (scene->part() == first && crossing < 1000) {
        ctl.stepForward();
        crossing = ctl.sim().stepIndex();
    }
    int switches = 0;
    for (auto _ : state) {
        ctl.seek(crossing - 1);
        ctl.seek(crossing);
        switches += 2;
    }
    state.counters["part_switches_per_s"] = benchmark::Counter(switches, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StateGraphStepAcrossPartChange)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

static void BM_ColdStartToFirstFrame(benchmark::State& state) {
    for (auto _ : state) {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        benchmark::DoNotOptimize(window.grab());
    }
}
BENCHMARK(BM_ColdStartToFirstFrame)->Unit(benchmark::kMillisecond)->Iterations(5);

// The dense run of the reliability issue: MSS 1 and one send of N bytes (N segments sent in
// bursts as the window opens), sought to its end in the window and painted. The target for
// N = 50 000 is 1 s and 200 MB.
static void BM_MainWindowSeekToEndOfDenseRun(benchmark::State& state) {
    Scenario s = *builtinScenario("normal-close");
    s.params.mss = 1;
    s.actions.clear();
    s.actions.push_back(action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, static_cast<std::uint32_t>(state.range(0))));
    s.actions.push_back(action(Side::A, AppAction::Kind::Close, 100 * kMs));
    s.actions.push_back(action(Side::B, AppAction::Kind::Close, 0, AppAction::Trigger::AfterEof));
    for (auto _ : state) {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        window.controller()->loadScenario(s);
        window.controller()->seek(100'000'000);
        benchmark::DoNotOptimize(window.grab());
        state.counters["steps"] = static_cast<double>(window.controller()->sim().stepIndex());
        // The whole process, at its end with the window painted, and its peak so far (issue 28's
        // target: 200 MB for the 50 000-segment run).
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    }
}
BENCHMARK(BM_MainWindowSeekToEndOfDenseRun)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond)->Iterations(1);

enum class Size { Slide4K, Column4x, Column1x };

// The 200-segment run of the targets, run to its end, with both views built.
struct Run200 {
    Run200() {
        ctl.loadScenario(finwave::testing::longRun(200));
        ctl.seek(100'000'000);
    }
    SimController ctl;
    SequenceScene seq{&ctl};
    StateGraphScene states{&ctl};
};

static void exportBench(benchmark::State& state, ExportFormat format, Size size = Size::Slide4K) {
    Run200 run;
    SequenceScene& seq = run.seq;
    StateGraphScene& states = run.states;
    QTemporaryDir dir;
    ExportOptions o;
    o.format = format;
    if (size == Size::Slide4K)
        o.fit = kFit4K;  // 3840×2160, the diagram cut into columns
    o.scale = size == Size::Column4x ? 4 : 1;
    const QString ext = format == ExportFormat::Png ? QStringLiteral("png") : format == ExportFormat::Svg ? QStringLiteral("svg") : QStringLiteral("pdf");
    const QString path = dir.filePath(QStringLiteral("x.") + ext);
    for (auto _ : state)
        benchmark::DoNotOptimize(exportDiagram(&seq, &states, o, path));
    state.counters["arrows"] = seq.arrowCount();
    state.counters["columns"] = paintDiagram(&seq, &states, o).columns;
    state.counters["KB"] = static_cast<double>(QFileInfo(path).size()) / 1024.0;
    if (format == ExportFormat::Png) {
        const QImage image(path);
        state.counters["width_px"] = image.width();
        state.counters["height_px"] = image.height();
    }
}
static void BM_Export200SegmentsPng4K(benchmark::State& state) { exportBench(state, ExportFormat::Png); }
static void BM_Export200SegmentsPngOneColumn4x(benchmark::State& state) { exportBench(state, ExportFormat::Png, Size::Column4x); }
static void BM_Export200SegmentsPngOneColumn1x(benchmark::State& state) { exportBench(state, ExportFormat::Png, Size::Column1x); }
static void BM_Export200SegmentsSvg(benchmark::State& state) { exportBench(state, ExportFormat::Svg); }  // always one column
static void BM_Export200SegmentsPdf(benchmark::State& state) { exportBench(state, ExportFormat::Pdf); }
static void BM_Export200SegmentsPdfOneColumn(benchmark::State& state) { exportBench(state, ExportFormat::Pdf, Size::Column1x); }
BENCHMARK(BM_Export200SegmentsPng4K)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export200SegmentsPngOneColumn4x)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export200SegmentsPngOneColumn1x)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export200SegmentsSvg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export200SegmentsPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export200SegmentsPdfOneColumn)->Unit(benchmark::kMillisecond);

// The encoder alone on a painted 4K slide, by thread count: how much the second core buys.
static void BM_EncodePng4KSlide(benchmark::State& state) {
    Run200 run;
    ExportOptions o;
    o.fit = kFit4K;
    const PaintedDiagram painted = paintDiagram(&run.seq, &run.states, o);
    for (auto _ : state)
        benchmark::DoNotOptimize(encodePng(painted.image, false, static_cast<int>(state.range(0))));
}
BENCHMARK(BM_EncodePng4KSlide)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
