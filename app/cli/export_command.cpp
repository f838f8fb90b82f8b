// `finwave export`: draws a diagram into a file with no display (the offscreen platform).
#include "app/window/capture_dialogs.h"
#include "app/cli/command_support.h"
#include "app/export/diagram_exporter.h"
#include "app/text/language.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "core/capture/capture_reader.h"
#include "core/scenario/scenario_io.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string_view>

namespace finwave::app {

namespace {
// "4k", "fhd" or "WxH"; an empty size when it is none of these.
QSize parseFit(const std::string& value) {
    if (value == "4k" || value == "4K")
        return kFit4K;
    if (value == "fhd" || value == "FHD" || value == "1080p")
        return kFitFullHd;
    const auto x = value.find_first_of("xX");
    if (x == std::string::npos)
        return {};
    int w = 0, h = 0;
    const char* end = value.data() + value.size();
    const auto [pw, ew] = std::from_chars(value.data(), value.data() + x, w);
    const auto [ph, eh] = std::from_chars(value.data() + x + 1, end, h);
    if (ew != std::errc() || eh != std::errc() || pw != value.data() + x || ph != end)
        return {};
    if (w < 100 || h < 100 || w > 8192 || h > 8192)
        return {};
    return QSize(w, h);
}
}  // namespace

int runExport(int argc, char** argv) {
    std::string output, viewName = "sequence", lang = "en", theme = "light";
    double scale = 1;
    QSize fit;
    long long step = -1;
    const auto fail = [](const std::string& msg) { return refuse("export", msg); };
    const ParsedFlags flags = parseFlags(argc, argv, 2,
                                         {{"--output", true}, {"--view", true}, {"--scale", true}, {"--lang", true},
                                          {"--theme", true}, {"--step", true}, {"--fit", true},
                                          {"--transparent", false}, {"--caption", false}, {"--whole-figure", false}, {"--capture", true},
                                          {"--connection", true}});
    if (const auto reason = commonFlagError(flags))
        return fail(*reason);
    const ScenarioOptions& options = flags.scenario;
    const bool transparent = flags.has("--transparent"), caption = flags.has("--caption");
    const bool scaleGiven = flags.has("--scale");
    for (const std::string& value : flags.values("--output"))
        output = value;
    for (const std::string& value : flags.values("--view")) {
        if (value != "sequence" && value != "states" && value != "both")
            return fail("--view: '" + printable(value) + "' is not a view (sequence, states, both)");
        viewName = value;
    }
    for (const std::string& value : flags.values("--scale")) {
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), scale);
        if (ec != std::errc() || p != value.data() + value.size() || !(scale >= 1 && scale <= 4))  // nan too
            return fail("--scale: '" + printable(value) + "' is out of range (1 to 4)");
    }
    for (const std::string& value : flags.values("--fit")) {
        fit = parseFit(value);
        if (fit.isEmpty())
            return fail("--fit: '" + printable(value) + "' is not a size (4k, fhd or WxH, 100 to 8192 each)");
    }
    for (const std::string& value : flags.values("--lang")) {
        if (value != "en" && value != "zh_CN")
            return fail("--lang: '" + printable(value) + "' is not a language (en, zh_CN)");
        lang = value;
    }
    for (const std::string& value : flags.values("--theme")) {
        if (value != "light" && value != "projector")
            return fail("--theme: '" + printable(value) + "' is not a theme (light, projector)");
        theme = value;
    }
    for (const std::string& value : flags.values("--step")) {
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), step);
        if (ec != std::errc() || p != value.data() + value.size() || step < 0)
            return fail("--step: '" + printable(value) + "' is not a step number (0 or more)");
    }
    if (output.empty())
        return fail("--output: is required (FILE.png, FILE.svg or FILE.pdf)");
    if (scaleGiven && !fit.isEmpty())
        return fail("--fit: cannot be used with --scale (a fitted PNG has the fit's size)");
    ExportFormat format;
    if (!formatFromPath(QString::fromStdString(output), format))
        return fail("--output: " + output + ": unknown extension (png, svg, pdf)");
    std::string error;
    // --capture FILE [--connection N]: draw an imported capture's reconstructed run instead.
    std::optional<capture::Reconstruction> imported;
    std::string capturePath;
    if (flags.has("--capture")) {
        if (flags.scenarioGiven)
            return fail("--capture: scenario options do not apply to a capture");
        capturePath = flags.values("--capture").back();
        int connection = 1;
        for (const std::string& v : flags.values("--connection")) {
            const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), connection);
            if (ec != std::errc() || p != v.data() + v.size() || connection < 1)
                return fail("--connection: '" + printable(v) + "' is not a connection number (1 or more)");
        }
        const auto list = capture::listConnections(capturePath);
        if (!list.ok())
            return fail(list.error);
        if (!flags.has("--connection") && list.connections.size() > 1)
            return fail(capturePath + ": " + std::to_string(list.connections.size()) +
                        " TCP connections; choose one with --connection N");
        const auto one = capture::readConnection(capturePath, connection);
        if (!one.ok())
            return fail(one.error);
        imported = capture::reconstruct(one.segments);
    }
    const auto scenario = imported ? std::optional<Scenario>(Scenario{}) : resolveScenario(options, error);
    if (!scenario)
        return fail(error);
    // Checked before Qt starts, so the reason is the only line on stderr.
    const QFileInfo target(QString::fromStdString(output));
    if (!target.absoluteDir().exists())
        return fail("--output: " + output + ": the folder " + target.absolutePath().toStdString() + " does not exist");
    if (target.isDir())
        return fail("--output: " + output + ": is a folder");

    prepareHeadlessQt();
    int qargc = 1;
    // QGraphicsScene needs a QApplication, but no QWidget is made: the scenes draw by themselves.
    QApplication app(qargc, argv);
    installLanguage(QString::fromStdString(lang));
    SimController ctl;
    if (imported)
        ctl.loadReplay(*imported, QString::fromStdString(capturePath),
                       teardownText(capture::classifyTeardown(*imported)));
    else
        ctl.loadScenario(*scenario);
    ctl.seek(step >= 0 ? static_cast<quint64>(step) : 10'000'000ull);
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(flags.has("--whole-figure"));  // all eleven states, not the part the run is in
    const Theme t = Theme::byName(QString::fromStdString(theme));
    seq.setTheme(t);
    states.setTheme(t);
    ExportOptions o;
    o.view = viewName == "states" ? DiagramView::States : viewName == "both" ? DiagramView::Both : DiagramView::Sequence;
    o.format = format;
    o.scale = scale;
    o.fit = fit;
    o.transparent = transparent;
    if (caption)
        o.caption = runCaption(ctl.sim());  // the same caption as the window's
    const QString failure = exportDiagram(&seq, &states, o, QString::fromStdString(output));
    if (!failure.isEmpty()) {
        std::cerr << "finwave export: " << failure.toStdString() << '\n';
        return 2;
    }
    return 0;
}

}  // namespace finwave::app
