// `finwave export --compare`: the run and a second one (another profile, another scenario, a
// capture) drawn side by side on one time axis, with the comparison's marks, as the compare window
// shows them at their end.
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/still_options.h"
#include "app/cli/second_run.h"
#include "app/compare/compare_marks.h"
#include "app/compare/compare_summary.h"
#include "app/export/compare_exporter.h"
#include "app/text/language.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/window/capture_dialogs.h"
#include "app/window/sim_controller.h"
#include "core/compare/compare.h"
#include "core/options/scenario_resolve.h"

#include <QApplication>

#include <iostream>

namespace finwave::app {

int runExportCompare(const options::ExportOptions& o, char* program) {
    const auto fail = [](const std::string& msg) { return refuse("export", msg); };
    std::string error;
    const auto first = options::resolveScenario(o.scenario, error);
    if (!first)
        return fail(error);
    SecondRunBuilt second = buildSecondRun(*first, o.scenario, o.second);
    if (!second.run)
        return fail(second.error);
    std::shared_ptr<const Simulator> runA = compare::finishedRun(*first), runB = std::move(second.run);
    const compare::Comparison c = compare::compareRuns(*runA, *runB, 0, second.capture.has_value());

    prepareHeadlessQt();
    int qargc = 1;
    QApplication app(qargc, &program);  // for the scenes; no QWidget is made
    installLanguage(QString::fromStdString(o.language));
    SimController ctl[2];
    ctl[0].loadScenario(*first);
    if (second.capture)
        loadCaptureRun(&ctl[1], *second.capture, QString::fromStdString(o.second.withCapture), second.connection);
    else
        ctl[1].loadScenario(*second.scenario);
    for (SimController& one : ctl) {
        one.seek(10'000'000ull);
        if (const QString tooLarge = drawingBudgetProblem(one); !tooLarge.isEmpty())  // before any scene is built
            return fail(o.output + ": " + tooLarge.toStdString());
    }
    const Theme theme = Theme::byName(QString::fromStdString(o.theme));
    const BothMarks marks = comparisonMarks(runA, runB, c);
    SequenceScene seqA(&ctl[0]), seqB(&ctl[1]);
    StateGraphScene statesA(&ctl[0]), statesB(&ctl[1]);
    seqA.setComparison(marks.a);
    seqB.setComparison(marks.b);
    for (StateGraphScene* s : {&statesA, &statesB}) {
        s->setWholeFigure(o.wholeFigure);
        s->setTheme(theme);
    }
    seqA.setTheme(theme);
    seqB.setTheme(theme);
    ExportOptions e = stillExportOptions(o);
    if (o.caption)
        e.caption = comparisonSummary(*runA, *runB, c);
    const QString path = QString::fromStdString(o.output);
    QString failure = checkExportPath(path);
    if (failure.isEmpty())
        failure = writeDiagram(paintComparison(ComparedScenes{{&seqA, &seqB}, {&statesA, &statesB}}, e), path);
    if (!failure.isEmpty()) {
        std::cerr << "finwave export: " << failure.toStdString() << '\n';
        return 2;
    }
    return 0;
}

}  // namespace finwave::app
