#include "app/main/window_main.h"

#include "app/window/capture_dialogs.h"
#include "app/cli/command_support.h"
#include "app/editor/scenario_editor.h"
#include "app/text/language.h"
#include "app/window/main_window.h"
#include "app/quiz/quiz_controller.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/lesson.h"
#include "core/scenario/scenario_io.h"

#include <QApplication>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string_view>

// The resources live in a static library; the macro must be used outside any namespace.
void initFinwaveResources() { Q_INIT_RESOURCE(finwave); }

namespace finwave::app {

namespace {
// The quiz flags, for screenshots and demonstrations: questions are answered as a student
// would, through the same slots the keys use.
void runQuizFlags(QuizController& quiz, long long steps, int answer, bool summary) {
    using P = QuizController::Phase;
    quiz.start();
    const auto toQuestion = [&quiz] {
        if (quiz.phase() == P::Idle || quiz.phase() == P::Revealed)
            quiz.next();
    };
    constexpr int kGuard = 100'000;
    if (summary) {
        for (int i = 0; i < kGuard && quiz.phase() != P::Finished; ++i)
            quiz.phase() == P::Asking ? quiz.answer(0) : quiz.next();
        return;
    }
    toQuestion();
    for (long long n = 1; n < std::max(1LL, steps) && quiz.phase() == P::Asking; ++n) {
        quiz.answer(quiz.question()->right);
        toQuestion();
    }
    if (answer > 0 && quiz.phase() == P::Asking)
        quiz.answer(answer - 1);
}
}  // namespace

int runWindow(int argc, char** argv) {

    // The window's flags: a missing value reads as an unknown option, as it always has.
    ParsedFlags flags = parseFlags(argc, argv, 1,
                                   {{"--theme", true}, {"--lang", true}, {"--screenshot", true}, {"--steps", true},
                                    {"--report-geometry", false}, {"--lesson", true}, {"--lesson-page", true},
                                    {"--note-edit", false}, {"--quiz", false}, {"--quiz-answer", true},
                                    {"--quiz-summary", false}, {"--editor", false}, {"--editor-page", true},
                                    {"--capture", true}, {"--connection", true}});
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
    // --lesson FILE opens a lesson (at --lesson-page N, 1-based); a file with an error is refused
    // here with its file, line, column and field. --note-edit opens the step's note for writing.
    const QString lessonFile = last("--lesson");
    bool pageOk = true;
    const long long lessonPage = flags.has("--lesson-page") ? last("--lesson-page").toLongLong(&pageOk) : 0;
    if (!pageOk || lessonPage < 0 || (flags.has("--lesson-page") && lessonPage == 0)) {
        std::fprintf(stderr, "finwave: --lesson-page: '%s' is not a page number (1, 2, ...)\n",
                     printable(last("--lesson-page").toStdString()).c_str());
        return 2;
    }
    const bool noteEdit = flags.has("--note-edit");
    if (!lessonFile.isNull() && !lessonFile.startsWith(QLatin1Char(':'))) {
        const LessonResult lr = readLessonFile(lessonFile.toStdString());
        if (!lr) {
            std::fprintf(stderr, "finwave: %s\n", lr.error.oneLine().c_str());
            return 2;
        }
    }
    // --quiz starts quiz mode (with --steps N: at the N-th question, earlier ones answered right);
    // --quiz-answer K answers it with choice K to show the reveal; --quiz-summary answers every
    // question with choice 1 and shows the end of the run.
    const bool quizSummary = flags.has("--quiz-summary");
    int quizAnswer = 0;
    if (flags.has("--quiz-answer")) {
        bool ok = false;
        quizAnswer = last("--quiz-answer").toInt(&ok);
        if (!ok || quizAnswer < 1 || quizAnswer > 4) {
            std::fprintf(stderr, "finwave: --quiz-answer: '%s' is not a choice (1 to 4)\n",
                         printable(last("--quiz-answer").toStdString()).c_str());
            return 2;
        }
    }
    const bool quizMode = flags.has("--quiz") || quizAnswer > 0 || quizSummary;
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
    if (!lessonFile.isNull()) {
        QString lessonError;
        if (!window.openLesson(lessonFile, &lessonError, true)) {
            std::fprintf(stderr, "finwave: %s\n", lessonError.toStdString().c_str());
            return 2;
        }
        if (!lessonError.isEmpty())  // some scenarios left out: named, and the rest open
            std::fprintf(stderr, "finwave: %s\n", lessonError.toStdString().c_str());
        if (lessonPage > window.lessonSize()) {
            std::fprintf(stderr, "finwave: --lesson-page: the lesson has %d scenarios, not %lld\n", window.lessonSize(), lessonPage);
            return 2;
        }
        if (lessonPage > 0)
            window.moveInLesson(static_cast<int>(lessonPage - 1) - window.lessonIndex());
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
    // --editor opens the scenario editor over the window; --editor-page N (0-4) at its N-th page.
    if (flags.has("--editor") || flags.has("--editor-page"))
        window.showScenarioEditor()->showPage(last("--editor-page").toInt());
    // --steps N opens the run at step N. --screenshot FILE saves the whole screen the window is
    // on (what a user sees, including whatever does not fit), then quits.
    if (steps >= 0 || !screenshot.isEmpty() || quizMode) {
        QTimer::singleShot(300, &window, [&] {
            if (quizMode)
                runQuizFlags(*window.quiz(), steps, quizAnswer, quizSummary);
            else
                window.controller()->seek(steps >= 0 ? static_cast<quint64>(steps) : 10'000'000ull);
            if (noteEdit)
                window.sequenceView()->editNote(window.controller()->sim().stepIndex());
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
            const auto px = [](const QFont& font) { return font.pointSizeF() * kScreenDpi / 72.0; };
            const Theme& t = window.sequenceView()->theme();
            const Theme& g = window.stateGraph()->theme();  // the graph sets its labels in its own size
            const double seq = window.sequenceView()->transform().m11(), graph = window.stateGraph()->viewScale();
            std::printf("frame %d %d %d %d available %d %d %d %d text sequence %.1f %.1f graph %.1f %.1f\n", f.x(), f.y(),
                        f.width(), f.height(), a.x(), a.y(), a.width(), a.height(), px(t.font) * seq, px(t.titleFont) * seq,
                        px(g.font) * graph, px(g.titleFont) * graph);
            std::fflush(stdout);
            window.close();
        });
    }
    return app.exec();
}

}  // namespace finwave::app
