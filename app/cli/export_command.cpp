// `finwave export`: draws a diagram into a file with no display (the offscreen platform).
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/still_options.h"
#include "app/export/animation_export.h"
#include "app/export/diagram_exporter.h"
#include "app/export/mp4_encoder.h"
#include "app/text/language.h"
#include "app/text/reason_text.h"
#include "app/text/step_text.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/window/capture_dialogs.h"
#include "app/window/sim_controller.h"
#include "core/capture/capture_reader.h"
#include "core/options/scenario_resolve.h"

#include <QApplication>

#include <algorithm>
#include <iostream>

namespace finwave::app {

namespace {
// --output FILE.gif|.mp4|.html or --handout FILE.pdf: the run as it moves (animation_export.h).
int writeMoving(const SimController& ctl, const options::ExportOptions& o) {
    ExportOptions e;
    e.view = o.view;
    e.format = o.format;
    e.handout = !o.handout.empty();
    e.theme = QString::fromStdString(o.theme);
    e.language = QString::fromStdString(o.language);
    e.wholeFigure = o.wholeFigure;
    e.fromStep = o.fromStep.value_or(0);
    e.toStep = o.toStep.value_or(~quint64{0});
    if (o.size)
        e.frameSize = QSize(o.size->first, o.size->second);
    e.fps = o.fps.value_or(15);
    e.speed = o.speed.value_or(1.0);
    e.allowLong = o.allowLong;
    e.bothLanguages = o.bothLanguages;
    const QString failure = exportMoving(ctl, e, QString::fromStdString(o.output));
    if (!failure.isEmpty()) {
        std::cerr << "finwave export: " << failure.toStdString() << '\n';
        return 2;
    }
    return 0;
}
}  // namespace

int runExport(const options::ExportOptions& o, char* program) {
    if (o.compare)
        return runExportCompare(o, program);
    const auto fail = [](const std::string& msg) { return refuse("export", msg); };
    // --capture FILE [--connection N]: draw an imported capture's reconstructed run instead.
    std::optional<capture::Reconstruction> imported;
    if (o.capture) {
        const std::string& capturePath = o.capture->file;
        const auto list = capture::listConnections(capturePath);
        if (!list.ok())
            return fail(list.error);
        if (o.capture->connection == 0 && list.connections.size() > 1)
            return fail(capturePath + ": " + std::to_string(list.connections.size()) +
                        " TCP connections; choose one with --connection N");
        const auto one = capture::readConnection(capturePath, std::max(1, o.capture->connection));
        if (!one.ok())
            return fail(one.error);
        imported = capture::reconstruct(one.segments);
    }
    const bool moving = !o.handout.empty() || o.format == options::DiagramFormat::Gif ||
                        o.format == options::DiagramFormat::Mp4 || o.format == options::DiagramFormat::Html;
    // Said before any window system or file: the MP4 needs a program FinWave does not ship.
    if (o.handout.empty() && o.format == options::DiagramFormat::Mp4 && ffmpegProgram().isEmpty())
        return fail("--output: " + o.output + ": " + ffmpegMissingText().toStdString());
    std::string error;
    const auto scenario = imported ? std::optional<Scenario>(Scenario{}) : options::resolveScenario(o.scenario, error);
    if (!scenario)
        return fail(error);

    prepareHeadlessQt();
    int qargc = 1;
    // QGraphicsScene needs a QApplication, but no QWidget is made: the scenes draw by themselves.
    QApplication app(qargc, &program);
    installLanguage(QString::fromStdString(o.language));
    SimController ctl;
    if (imported)  // named as the window names it
        loadCaptureRun(&ctl, *imported, QString::fromStdString(o.capture->file), std::max(1, o.capture->connection));
    else
        ctl.loadScenario(*scenario);
    if (moving)
        return writeMoving(ctl, o);
    ctl.seek(o.step.value_or(10'000'000ull));
    if (const QString tooLarge = drawingBudgetProblem(ctl); !tooLarge.isEmpty())  // before any scene is built
        return fail(o.output + ": " + tooLarge.toStdString());
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(o.wholeFigure);  // all eleven states, not the part the run is in
    const Theme t = Theme::byName(QString::fromStdString(o.theme));
    seq.setTheme(t);
    states.setTheme(t);
    ExportOptions e = stillExportOptions(o);
    if (o.caption)  // the same caption as the window's; with --step, that step's sentence too
        e.caption = runCaption(ctl.sim()) + (o.step ? QLatin1Char('\n') + stepCaptionLine(ctl.sim(), ctl.teardownText()) : QString());
    const QString failure = exportDiagram(&seq, &states, e, QString::fromStdString(o.output));
    if (!failure.isEmpty()) {
        std::cerr << "finwave export: " << failure.toStdString() << '\n';
        return 2;
    }
    return 0;
}

}  // namespace finwave::app
