#include "app/main/window_main.h"

#include "app/main/demo_hooks.h"
#include "app/text/language.h"
#include "app/window/capture_dialogs.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "core/options/scenario_resolve.h"
#include "core/scenario/lesson.h"

#include <QApplication>
#include <QSettings>

#include <cstdio>
#include <filesystem>

// The resources live in a static library; the macro must be used outside any namespace.
void initFinwaveResources() { Q_INIT_RESOURCE(finwave); }

namespace finwave::app {

namespace {
// What the flags name, read before Qt starts.
struct Opening {
    std::optional<Scenario> scenario;                // --scenario (or another scenario flag) given
    std::optional<capture::Reconstruction> capture;  // --capture
    std::string lessonLeftOut;                      // --lesson: the entries that cannot be opened, in one line
};

// A lesson's entries opened before Qt starts: with none usable the lesson is refused in one line
// (it was found only after QApplication, which aborts with no display); entries left out are named
// in one line, the first of them in full.
std::optional<std::string> checkLessonEntries(const std::string& file, const Lesson& lesson, std::string& leftOut) {
    const std::string dir = std::filesystem::absolute(file).parent_path().string();
    std::size_t usable = 0;
    std::vector<std::string> problems;
    for (const LessonEntry& e : lesson.entries) {
        const LessonScenario opened = openLessonEntry(e, dir);
        if (opened.scenario)
            ++usable;
        else
            problems.push_back(opened.error.oneLine());
    }
    if (problems.empty())
        return std::nullopt;
    const std::string first = problems.front() + (problems.size() > 1 ? "; and " + std::to_string(problems.size() - 1) + " more" : "");
    if (usable == 0)
        return file + ": none of its " + std::to_string(problems.size()) + " scenarios can be opened (" + first + ")";
    leftOut = file + ": " + std::to_string(problems.size()) + " of " + std::to_string(lesson.entries.size()) +
              " scenarios cannot be opened and are left out (" + first + ")";
    return std::nullopt;
}

std::optional<std::string> readFiles(const options::WindowOptions& o, Opening& out) {
    std::string error;
    if (o.scenario.anyGiven()) {
        out.scenario = options::resolveScenario(o.scenario, error);
        if (!out.scenario)
            return error;
    }
    // A lesson in the program's resources (":/lessons/...") is read once Qt is up.
    if (!o.lesson.empty() && o.lesson[0] != ':') {
        const LessonResult lesson = readLessonFile(o.lesson);
        if (!lesson)
            return lesson.error.oneLine();
        if (auto none = checkLessonEntries(o.lesson, *lesson.lesson, out.lessonLeftOut))
            return none;
    }
    if (o.capture) {
        const auto list = capture::listConnections(o.capture->file);
        if (!list.ok())
            return list.error;
        const int connection = std::max(1, o.capture->connection);
        if (connection > static_cast<int>(list.connections.size()))
            return "--connection: " + std::to_string(connection) + ": " + printable(o.capture->file) + " has " +
                   std::to_string(list.connections.size()) + " connections";
        const auto one = capture::readConnection(o.capture->file, connection);
        if (!one.ok())
            return one.error;
        out.capture = capture::reconstruct(one.segments);
    }
    return std::nullopt;
}

int refuse(const std::string& reason) {
    std::fprintf(stderr, "finwave: %s\n", printable(reason, 4096).c_str());
    return 2;
}

// The scenario the window opens on: the one asked for, else the one used last.
void openScenario(MainWindow& window, const options::WindowOptions& o, Opening& opening) {
    QSettings settings;
    if (!opening.scenario) {
        options::ScenarioFlags last;
        last.scenario = settings.value(QStringLiteral("scenario/last"), QStringLiteral("normal-close")).toString().toStdString();
        std::string error;
        opening.scenario = options::resolveScenario(last, error);  // a file since removed: the default stays
    }
    if (!opening.scenario)
        return;
    window.controller()->loadScenario(*opening.scenario);
    if (o.scenario.scenarioGiven)
        settings.setValue(QStringLiteral("scenario/last"), QString::fromStdString(o.scenario.scenario));
}
}  // namespace

int runWindow(const options::WindowOptions& o, char* program) {
    Opening opening;
    if (const auto error = readFiles(o, opening))
        return refuse(*error);
    // Only now the display: a bad flag or file is refused with its one line even where there is none.
    int argc = 1;
    QApplication app(argc, &program);
    initFinwaveResources();
    QApplication::setApplicationName(QStringLiteral("FinWave"));
    QApplication::setOrganizationName(QStringLiteral("FinWave"));
    QApplication::setApplicationVersion(QStringLiteral(FINWAVE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/finwave.svg")));
    // The installed desktop entry's id (packaging/), so a desktop groups the window under it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.finwave.FinWave"));
    installLanguage(o.language.empty() ? QSettings().value(QStringLiteral("view/language")).toString()
                                       : QString::fromStdString(o.language));

    MainWindow window;
    openScenario(window, o, opening);
    if (!o.lesson.empty()) {
        QString lessonError;
        if (!window.openLesson(QString::fromStdString(o.lesson), &lessonError, true))
            return refuse(lessonError.toStdString());
        if (!opening.lessonLeftOut.empty())  // some scenarios left out: named, and the rest open
            std::fprintf(stderr, "finwave: %s\n", printable(opening.lessonLeftOut, 4096).c_str());
        if (o.lessonPage > window.lessonSize())
            return refuse("--lesson-page: the lesson has " + std::to_string(window.lessonSize()) + " scenarios, not " +
                          std::to_string(o.lessonPage));
        if (o.lessonPage > 0)
            window.moveInLesson(o.lessonPage - 1 - window.lessonIndex());
    }
    if (opening.capture)
        loadCaptureRun(window.controller(), *opening.capture, QString::fromStdString(o.capture->file),
                       std::max(1, o.capture->connection));
    if (!o.theme.empty()) {
        window.setProjectorMode(o.theme == "projector", false);
        window.setHighContrast(o.theme == "high-contrast");
    }
    window.show();
    if (DemoHooks::wanted(o))
        new DemoHooks(&window, o);  // owned by the window
    return app.exec();
}

}  // namespace finwave::app
