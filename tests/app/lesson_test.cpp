// A teacher's lesson: the run she prepared (drops, slider and profile changes, notes) saved and
// replayed exactly, notes drawn in the diagram and its exports, lessons paged in class.
#include "app/window/control_panel.h"
#include "app/export/diagram_exporter.h"
#include "app/window/main_window.h"
#include "app/window/playback_bar.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/note_item.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/theme.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/lesson.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/trace_format.h"
#include "support/export_views.h"
#include "support/finwave_process.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QTimer>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStatusBar>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace finwave;
using namespace finwave::app;

namespace {

std::string jsonl(const Simulator& sim) { return finwave::testing::traceJsonl(sim); }

std::optional<InFlight> flying(const Simulator& sim, Side sender) { return finwave::testing::firstInFlight(sim, sender); }

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// What a teacher does the evening before, through the window's own controls: a click drop at the
// cursor, a drop-next (D), two sliders and the profile box.
void prepareRun(MainWindow& w) {
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("half-close"));
    ctl.stepForward();
    const auto first = flying(ctl.sim(), Side::A);
    ASSERT_TRUE(first);
    ctl.setDisplayTime(first->sentAt + (first->arrivesAt - first->sentAt) / 2);
    ASSERT_TRUE(ctl.dropSegment(first->seg.id));
    ctl.stepForward();
    ctl.dropNext(Side::B);
    ctl.stepForward();
    w.controlPanel()->slider(QStringLiteral("delayAb"))->setValue(90);
    ctl.stepForward();
    w.controlPanel()->slider(QStringLiteral("timeWait"))->setValue(12);
    ctl.stepForward();
    auto* profile = w.controlPanel()->findChild<QComboBox*>();
    ASSERT_NE(profile, nullptr);
    profile->setCurrentIndex(1);  // linux, from this step on
    ctl.seek(1'000'000);
}

}  // namespace

TEST(Lesson, ARunSavedFromTheWindowReplaysIntoAByteIdenticalTrace) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("prepared.json"));
    std::string liveTrace;
    {
        MainWindow w;
        prepareRun(w);
        if (::testing::Test::HasFatalFailure())
            return;
        EXPECT_EQ(w.controller()->sim().recording().size(), 5u);
        EXPECT_TRUE(w.isModified());
        EXPECT_TRUE(w.isWindowModified());
        QString error;
        ASSERT_TRUE(w.saveRunTo(file, &error)) << error.toStdString();
        EXPECT_FALSE(w.isWindowModified());
        EXPECT_TRUE(w.windowTitle().contains(QStringLiteral("prepared.json")));
        liveTrace = jsonl(w.controller()->sim());
    }
    MainWindow again;
    ASSERT_TRUE(again.openScenario(file, nullptr, true));
    again.controller()->seek(1'000'000);
    EXPECT_EQ(jsonl(again.controller()->sim()), liveTrace);
    EXPECT_FALSE(again.isModified());

    // And the command line replays the file the same way.
    const auto cli = finwave::testing::runFinwave({QStringLiteral("trace"), QStringLiteral("--scenario"), file,
                                                   QStringLiteral("--format"), QStringLiteral("jsonl")});
    EXPECT_EQ(cli.code, 0);
    EXPECT_EQ(cli.out.toStdString(), liveTrace);
}

TEST(Lesson, AStepBackPastAClickDropRemovesItFromTheSavedFile) {
    QTemporaryDir dir;
    MainWindow w;
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.stepForward();
    ASSERT_TRUE(ctl.dropSegment(flying(ctl.sim(), Side::A)->seg.id));  // runs the drop: step 2
    EXPECT_TRUE(w.isWindowModified());
    ctl.stepBack();
    ctl.stepBack();
    EXPECT_FALSE(w.isWindowModified());  // nothing is left to save
    const QString file = dir.filePath(QStringLiteral("undone.json"));
    ASSERT_TRUE(w.saveRunTo(file));
    const ScenarioResult saved = readScenarioFile(file.toStdString());
    ASSERT_TRUE(saved) << saved.error.oneLine();
    EXPECT_TRUE(saved.scenario->recording.empty());
    EXPECT_EQ(finwave::testing::readFile(file).count("\"drop\""), 0);
}

TEST(Lesson, ANoteIsWrittenInPlaceShownBesideItsRowAndNeverAhead) {
    MainWindow w;
    w.show();
    QApplication::processEvents();  // the window first fits itself to the (small) test screen
    w.resize(2400, 1000);           // room for the notes' column beside the diagram at a readable size
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ctl.seek(7);
    w.sequenceView()->editNote(7);
    SequenceScene* scene = w.sequenceView()->diagram();
    NoteItem* editing = scene->editingNote();
    ASSERT_NE(editing, nullptr);
    // Keys typed go into the note, not to the window's shortcuts (N, D, Space, arrows).
    QTest::keyClicks(w.sequenceView()->viewport(), QStringLiteral("Watch B's FIN come back"));
    // Left and Right move in the text, not the run; D and N are letters here.
    QTest::keyClick(w.sequenceView()->viewport(), Qt::Key_Left);
    QTest::keyClick(w.sequenceView()->viewport(), Qt::Key_Right);
    QTest::keyClicks(w.sequenceView()->viewport(), QStringLiteral(" D N"));
    EXPECT_EQ(ctl.sim().stepIndex(), 7u);
    EXPECT_TRUE(ctl.sim().recording().empty());  // no drop-next either
    EXPECT_EQ(editing->toPlainText(), QStringLiteral("Watch B's FIN come back D N"));
    QTest::keyClick(w.sequenceView()->viewport(), Qt::Key_Return);
    QCoreApplication::processEvents();
    ASSERT_NE(ctl.sim().annotation(7), nullptr);
    EXPECT_EQ(*ctl.sim().annotation(7), "Watch B's FIN come back D N");
    EXPECT_TRUE(w.isWindowModified());
    NoteItem* note = scene->noteItem(7);
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->isVisible());
    // Beside its row: right of B's column, its leader at the step's time.
    EXPECT_GT(note->scenePos().x(), scene->lifelineX(1));
    EXPECT_NEAR(note->rowY(), scene->cursorY(), 1.0);
    // Stepping back before the step hides it: a note never shows the future.
    ctl.seek(5);
    EXPECT_FALSE(scene->noteItem(7)->isVisible());
    EXPECT_EQ(scene->noteCount(), 0);
    ctl.seek(9);
    EXPECT_TRUE(scene->noteItem(7)->isVisible());
}

TEST(Lesson, EscapeLeavesANoteAsItWas) {
    MainWindow w;
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.seek(2);
    ctl.setAnnotation(2, QStringLiteral("B is told"));
    w.sequenceView()->editNote(2);
    QTest::keyClicks(w.sequenceView()->viewport(), QStringLiteral("something else"));
    QTest::keyClick(w.sequenceView()->viewport(), Qt::Key_Escape);
    QCoreApplication::processEvents();
    EXPECT_EQ(*ctl.sim().annotation(2), "B is told");
}

TEST(Lesson, AnAnnotationIsTextInAnSvgExport) {
    finwave::testing::Views v("lost-last-ack", 2);
    v.ctl.setAnnotation(8, QStringLiteral("A is still in TIME_WAIT, so it ACKs again"));
    v.ctl.setAnnotation(1, QStringLiteral("A closes first"));
    v.ctl.seek(1'000'000);
    QTemporaryDir dir;
    ExportOptions o;
    o.view = DiagramView::Sequence;
    o.format = ExportFormat::Svg;
    const QString file = dir.filePath(QStringLiteral("notes.svg"));
    ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, file), QString());
    bool ok = false;
    // A wrapped note is one text run per line.
    const QString text = finwave::testing::svgText(finwave::testing::readFile(file), &ok).simplified();
    EXPECT_TRUE(ok);
    EXPECT_TRUE(text.contains(QStringLiteral("A closes first"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("TIME_WAIT, so it ACKs again"))) << text.toStdString();
}

TEST(Lesson, TheCommandLineExportDrawsAFilesNotes) {
    QTemporaryDir dir;
    Scenario s = *builtinScenario("normal-close");
    s.annotations.push_back({5, "The last ACK leaves"});
    const QString scenario = dir.filePath(QStringLiteral("noted.json"));
    writeText(scenario, QByteArray::fromStdString(writeScenario(s)));
    const QString svg = dir.filePath(QStringLiteral("noted.svg"));
    const auto r = finwave::testing::runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), scenario,
                                                 QStringLiteral("--view"), QStringLiteral("sequence"),
                                                 QStringLiteral("--output"), svg});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    bool ok = false;
    EXPECT_TRUE(finwave::testing::svgText(finwave::testing::readFile(svg), &ok).contains(QStringLiteral("The last ACK leaves")));
}

TEST(Lesson, ALessonOpensPagesForwardAndBackAndKeepsItsPlace) {
    QSettings().remove(QStringLiteral("lesson"));
    QTemporaryDir dir;
    Scenario mine = *builtinScenario("lost-fin");
    mine.name = "my-lost-fin";
    writeText(dir.filePath(QStringLiteral("mine.json")), QByteArray::fromStdString(writeScenario(mine)));
    Lesson l;
    l.title = "Closing";
    l.entries = {{"normal-close", "", "", {}}, {"", "mine.json", "", {{3, "A's FIN is lost"}}}, {"lost-last-ack", "", "", {}}};
    const QString file = dir.filePath(QStringLiteral("closing.lesson.json"));
    writeText(file, QByteArray::fromStdString(writeLesson(l)));
    {
        MainWindow w;
        QString error;
        ASSERT_TRUE(w.openLesson(file, &error, true)) << error.toStdString();
        EXPECT_EQ(w.lessonIndex(), 0);
        EXPECT_EQ(w.lessonPlace(), QStringLiteral("1 / 3: normal-close"));
        EXPECT_TRUE(w.moveInLesson(+1));
        EXPECT_EQ(w.controller()->scenario().name, "my-lost-fin");
        EXPECT_EQ(w.lessonPlace(), QStringLiteral("2 / 3: mine"));
        EXPECT_TRUE(w.statusBar()->currentMessage().startsWith(QStringLiteral("2 / 3: mine · ")))
            << w.statusBar()->currentMessage().toStdString();
        ASSERT_NE(w.controller()->sim().annotation(3), nullptr);  // the lesson's note on the file's scenario
        EXPECT_TRUE(w.moveInLesson(+1));
        EXPECT_FALSE(w.moveInLesson(+1));  // the last page stays
        EXPECT_TRUE(w.moveInLesson(-1));
        EXPECT_EQ(w.lessonPlace(), QStringLiteral("2 / 3: mine"));
    }
    MainWindow reopened;
    ASSERT_TRUE(reopened.openLesson(file, nullptr, true));
    EXPECT_EQ(reopened.lessonIndex(), 1);  // where it was left
    EXPECT_EQ(reopened.controller()->scenario().name, "my-lost-fin");
}

TEST(Lesson, ALessonNamingAMissingFileNamesItAndOpensTheRest) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("gaps.json"));
    writeText(file, R"({"lesson": 1, "scenarios": [{"file": "nowhere.json"}, {"builtin": "lost-fin"}]})");
    MainWindow w;
    QString message;
    ASSERT_TRUE(w.openLesson(file, &message, true));
    EXPECT_TRUE(message.contains(QStringLiteral("nowhere.json"))) << message.toStdString();
    EXPECT_EQ(w.lessonSize(), 1);
    EXPECT_EQ(w.controller()->scenario().name, "lost-fin");
}

TEST(Lesson, ABrokenLessonIsRefusedWithItsPlaceAndTheScenarioStays) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.json"));
    writeText(file, "{\"lesson\": 1,\n \"scenarios\": [{\"builtin\": \"no-such\"}]}");
    MainWindow w;
    w.controller()->loadScenario(*builtinScenario("half-close"));
    QString error;
    EXPECT_FALSE(w.openLesson(file, &error, true));
    EXPECT_TRUE(error.contains(QStringLiteral("broken.json:2:"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("scenarios[0].builtin"))) << error.toStdString();
    EXPECT_EQ(w.controller()->scenario().name, "half-close");
    EXPECT_EQ(w.lessonSize(), 0);
    // The command line says the same in one line and exits 2.
    const auto r = finwave::testing::runFinwave({QStringLiteral("--lesson"), file});
    EXPECT_TRUE(r.isOneLineRefusal()) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("broken.json:2:"))) << r.err.toStdString();
}

TEST(Lesson, TheExampleLessonOpensInBothLanguagesWithItsNotes) {
    for (const QString& file : {QStringLiteral(":/lessons/why-time-wait.en.json"), QStringLiteral(":/lessons/why-time-wait.zh_CN.json")}) {
        MainWindow w;
        QString error;
        ASSERT_TRUE(w.openLesson(file, &error, true)) << error.toStdString();
        EXPECT_TRUE(error.isEmpty()) << error.toStdString();
        EXPECT_EQ(w.lessonSize(), 4);
        for (int page = 0; page < w.lessonSize(); ++page) {
            w.moveInLesson(page - w.lessonIndex());
            const Scenario& s = w.controller()->scenario();
            EXPECT_FALSE(s.annotations.empty()) << page;
            // Every note is on a step the run reaches.
            w.controller()->seek(1'000'000);
            for (const Annotation& a : s.annotations)
                EXPECT_LE(a.step, w.controller()->sim().stepIndex()) << s.name;
        }
    }
}

namespace {
// Answers the next message box with `button` once it is shown.
void answerNextMessageBox(QMessageBox::StandardButton button) {
    auto* poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            box->button(button)->click();
        }
    });
    poll->start();
}
}  // namespace

TEST(Lesson, ClosingWithUnsavedWorkAsksAndCancelKeepsTheWindow) {
    MainWindow w;
    w.show();
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.stepForward();
    ctl.dropNext(Side::A);
    ASSERT_TRUE(w.isModified());
    answerNextMessageBox(QMessageBox::Cancel);
    EXPECT_FALSE(w.close());
    EXPECT_TRUE(w.isVisible());
    answerNextMessageBox(QMessageBox::Discard);
    EXPECT_TRUE(w.close());
}

TEST(Lesson, ResetWithUnsavedDropsAsksAndCancelKeepsThem) {
    MainWindow w;
    w.show();
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.stepForward();
    ASSERT_TRUE(ctl.dropSegment(flying(ctl.sim(), Side::A)->seg.id));
    const auto step = ctl.sim().stepIndex();
    answerNextMessageBox(QMessageBox::Cancel);
    w.playbackBar()->resetButton()->click();  // the bar's button asks as Home does
    EXPECT_EQ(ctl.sim().stepIndex(), step);
    EXPECT_EQ(ctl.sim().recording().size(), 1u);
    answerNextMessageBox(QMessageBox::Discard);
    w.playbackBar()->resetButton()->click();
    EXPECT_EQ(ctl.sim().stepIndex(), 0u);
    EXPECT_TRUE(ctl.sim().recording().empty());
}

TEST(Lesson, ANoteBeingWrittenSurvivesThePresenterLayout) {
    MainWindow w;
    SimController& ctl = *w.controller();
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ctl.seek(6);
    w.sequenceView()->editNote(6);
    QTest::keyClicks(w.sequenceView()->viewport(), QStringLiteral("lost on the way"));
    // The scene is made anew in the projector theme (as F11 does; set on the view alone, so no
    // remembered setting changes under the tests that run beside this one).
    w.sequenceView()->setTheme(Theme::projector());
    QCoreApplication::processEvents();
    ASSERT_NE(ctl.sim().annotation(6), nullptr);
    EXPECT_EQ(*ctl.sim().annotation(6), "lost on the way");
    EXPECT_EQ(w.sequenceView()->diagram()->editingNote(), nullptr);
}

TEST(Lesson, ABadLessonPageIsRefusedInOneLine) {
    // A runtime folder, so Qt itself has nothing to say on stderr once the window's flags are read.
    QTemporaryDir runtime;
    QFile::setPermissions(runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    for (const QString& page : {QStringLiteral("zero"), QStringLiteral("0"), QStringLiteral("9")}) {
        const auto r = finwave::testing::runFinwave(
            {QStringLiteral("--lesson"), QStringLiteral(FINWAVE_SOURCE_DIR "/resources/lessons/why-time-wait.en.json"),
             QStringLiteral("--lesson-page"), page}, 60000, env);
        EXPECT_TRUE(r.isOneLineRefusal()) << page.toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("--lesson-page"))) << r.err.toStdString();
    }
}
