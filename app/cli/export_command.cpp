// `finwave export`: draws a diagram into a file with no display (the offscreen platform).
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/export/diagram_exporter.h"
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
    ctl.seek(o.step.value_or(10'000'000ull));
    if (const QString tooLarge = drawingBudgetProblem(ctl); !tooLarge.isEmpty())  // before any scene is built
        return fail(o.output + ": " + tooLarge.toStdString());
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(o.wholeFigure);  // all eleven states, not the part the run is in
    const Theme t = Theme::byName(QString::fromStdString(o.theme));
    seq.setTheme(t);
    states.setTheme(t);
    ExportOptions e;
    e.view = o.view;
    e.format = o.format;
    e.scale = o.scale.value_or(1.0);
    if (o.fit)
        e.fit = QSize(o.fit->first, o.fit->second);
    e.transparent = o.transparent;
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
