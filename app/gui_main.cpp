#include "app/gui_main.h"

#include "app/capture_ui.h"
#include "app/cli_options.h"
#include "app/language.h"
#include "app/main_window.h"
#include "app/sim_controller.h"
#include "app/views/sequence_view.h"
#include "app/views/state_graph_view.h"
#include "core/scenario_io.h"

#include <QApplication>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <string_view>

// The resources live in a static library; the macro must be used outside any namespace.
void initFinwaveResources() { Q_INIT_RESOURCE(finwave); }

namespace finwave::app {

int runWindow(int argc, char** argv) {

    // The window's flags: a missing value reads as an unknown option, as it always has.
    ParsedFlags flags = parseFlags(argc, argv, 1,
                                   {{"--theme", true}, {"--lang", true}, {"--screenshot", true}, {"--steps", true},
                                    {"--report-geometry", false}, {"--capture", true}, {"--connection", true}});
    if (flags.error == FlagError::MissingValue && !isScenarioFlag(flags.flag))
        flags.error = FlagError::UnknownFlag;
    if (flags.error == FlagError::UnknownFlag) {
        std::fprintf(stderr, "finwave: unknown option '%s' (see finwave --help)\n", printable(flags.flag).c_str());
        return 2;
    }
    if (const auto reason = commonFlagError(flags)) {
        std::fprintf(stderr, "finwave: %s\n", reason->c_str());
        return 2;
    }
    ScenarioOptions options = flags.scenario;
    const bool scenarioGiven = flags.scenarioGiven;
    const auto last = [&flags](std::string_view flag) {
        const auto& v = flags.values(flag);
        return v.empty() ? QString() : QString::fromLocal8Bit(v.back().c_str());
    };
    const QString theme = last("--theme"), lang = last("--lang"), screenshot = last("--screenshot");
    const long long steps = flags.has("--steps") ? last("--steps").toLongLong() : -1;
    // The same values as `finwave export` takes, refused the same way (exit 2, one line).
    if (!theme.isNull() && theme != QLatin1String("light") && theme != QLatin1String("projector")) {
        std::fprintf(stderr, "finwave: --theme: '%s' is not a theme (light, projector)\n", printable(theme.toStdString()).c_str());
        return 2;
    }
    if (!lang.isNull() && lang != QLatin1String("en") && lang != QLatin1String("zh_CN")) {
        std::fprintf(stderr, "finwave: --lang: '%s' is not a language (en, zh_CN)\n", printable(lang.toStdString()).c_str());
        return 2;
    }
    const bool reportGeometry = flags.has("--report-geometry");
    // Only now the display: a bad flag is refused with its one line even where there is none.
    QApplication app(argc, argv);
    initFinwaveResources();
    QApplication::setApplicationName(QStringLiteral("FinWave"));
    QApplication::setOrganizationName(QStringLiteral("FinWave"));
    QApplication::setApplicationVersion(QStringLiteral(FINWAVE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/finwave.svg")));
    QSettings settings;
    installLanguage(lang.isNull() ? settings.value(QStringLiteral("view/language")).toString() : lang);

    MainWindow window;
    if (!scenarioGiven)
        options.scenario = settings.value(QStringLiteral("scenario/last"), QStringLiteral("normal-close")).toString().toStdString();
    std::string error;
    const auto scenario = resolveScenario(options, error);
    if (!scenario) {
        std::fprintf(stderr, "finwave: %s\n", error.c_str());
        if (scenarioGiven)
            return 2;
    } else {
        window.controller()->loadScenario(*scenario);
        settings.setValue(QStringLiteral("scenario/last"), QString::fromStdString(options.scenario));
    }
    // --capture FILE [--connection N]: open a capture instead of the scenario (as File → Open capture…).
    if (flags.has("--capture")) {
        const QString why = openCapture(&window, window.controller(), last("--capture"),
                                        flags.has("--connection") ? last("--connection").toInt() : 1);
        if (!why.isEmpty()) {
            std::fprintf(stderr, "finwave: %s\n", why.toStdString().c_str());
            return 2;
        }
    }
    if (!theme.isNull())
        window.setProjectorMode(theme == QLatin1String("projector"), false);
    window.show();
    // --steps N opens the run at step N. --screenshot FILE saves the whole screen the window is
    // on (what a user sees, including whatever does not fit), then quits.
    if (steps >= 0 || !screenshot.isEmpty()) {
        QTimer::singleShot(300, &window, [&] {
            window.controller()->seek(steps >= 0 ? static_cast<quint64>(steps) : 10'000'000ull);
            if (screenshot.isEmpty())
                return;
            QTimer::singleShot(700, &window, [&] {
                QScreen* screen = window.screen();
                const QPixmap shot = screen ? screen->grabWindow(0) : window.grab();
                QApplication::exit(shot.save(screenshot) ? 0 : 1);
            });
        });
    }
    // --report-geometry: once shown, print the window's frame and the screen's available area
    // ("frame X Y W H available X Y W H"), then close as a user would (the geometry is saved).
    if (reportGeometry) {
        QTimer::singleShot(400, &window, [&] {
            const QRect f = window.frameGeometry();
            const QRect a = window.screen() ? window.screen()->availableGeometry() : QRect();
            // And the smallest text of each diagram in screen pixels: the label and state-name
            // fonts times the view's scale.
            const Theme& t = window.sequenceView()->theme();
            const double px = t.font.pointSizeF() * kScreenDpi / 72.0, names = t.titleFont.pointSizeF() * kScreenDpi / 72.0;
            const double seq = window.sequenceView()->transform().m11(), graph = window.stateGraph()->viewScale();
            std::printf("frame %d %d %d %d available %d %d %d %d text sequence %.1f %.1f graph %.1f %.1f\n", f.x(), f.y(),
                        f.width(), f.height(), a.x(), a.y(), a.width(), a.height(), px * seq, names * seq, px * graph,
                        names * graph);
            std::fflush(stdout);
            window.close();
        });
    }
    return app.exec();
}

}  // namespace finwave::app
