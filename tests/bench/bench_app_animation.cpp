// The run as it moves (issue 31), lost-last-ack at 1280×720 and 15 frames a second: writing the
// GIF and the MP4 (ffmpeg, when installed), the HTML page and the handout, each to a file as the
// command line does. Reported with the file's size; the bars: GIF and MP4 ≤ 5 s each, the
// GIF ≤ 1 MB, the page ≤ 500 KB.
#include "app/export/animation_export.h"
#include "app/export/mp4_encoder.h"
#include "app/main/window_main.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace finwave;
using namespace finwave::app;

namespace {
void writeLostLastAck(benchmark::State& state, ExportFormat format, bool handout = false) {
    if (format == ExportFormat::Mp4 && ffmpegProgram().isEmpty()) {
        state.SkipWithError("ffmpeg is not installed");
        return;
    }
    SimController source;
    source.loadScenario(*builtinScenario("lost-last-ack"));
    ExportOptions o;
    o.format = format;
    o.handout = handout;
    o.language = QStringLiteral("en");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lost-last-ack.") +
                                      (handout ? QStringLiteral("pdf") : format == ExportFormat::Gif ? QStringLiteral("gif")
                                                                     : format == ExportFormat::Mp4 ? QStringLiteral("mp4")
                                                                                                   : QStringLiteral("html")));
    for (auto _ : state) {
        const QString error = exportMoving(source, o, path);
        if (!error.isEmpty()) {
            state.SkipWithError(error.toStdString().c_str());
            return;
        }
    }
    state.counters["KB"] = static_cast<double>(QFileInfo(path).size()) / 1024.0;
}
}  // namespace

static void BM_LostLastAckGif1280x720At15(benchmark::State& state) { writeLostLastAck(state, ExportFormat::Gif); }
static void BM_LostLastAckMp41280x720At15(benchmark::State& state) { writeLostLastAck(state, ExportFormat::Mp4); }
static void BM_LostLastAckHtml(benchmark::State& state) { writeLostLastAck(state, ExportFormat::Html); }
static void BM_LostLastAckHandout(benchmark::State& state) { writeLostLastAck(state, ExportFormat::Pdf, true); }
BENCHMARK(BM_LostLastAckGif1280x720At15)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LostLastAckMp41280x720At15)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LostLastAckHtml)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_LostLastAckHandout)->Unit(benchmark::kMillisecond)->Iterations(5);
