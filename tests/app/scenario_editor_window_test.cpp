// The scenario editor inside the window: its menu entries, Apply and Reset loading the edited
// scenario, and the keys a user types into it staying in it.
#include "app/editor/scenario_editor.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "core/scenario/scenario_builder.h"
#include "core/scenario/scenario_io.h"
#include "support/finwave_process.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QImage>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
QAction* actionWithKey(MainWindow& w, const QKeySequence& key) {
    for (QAction* a : w.actions())
        if (a->shortcut() == key)
            return a;
    return nullptr;
}

TEST(ScenarioEditorWindow, EditScenarioOpensTheCurrentScenarioAndApplyLoadsTheEditAtStepZero) {
    MainWindow w;
    ASSERT_TRUE(w.openScenario(QStringLiteral("lost-last-ack"), nullptr, true));
    w.controller()->seek(5);
    QAction* edit = actionWithKey(w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    ASSERT_NE(edit, nullptr);
    EXPECT_FALSE(edit->text().isEmpty());
    edit->trigger();
    ScenarioEditor* editor = w.scenarioEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_TRUE(editor->isVisible());
    EXPECT_EQ(writeScenario(editor->draft()), writeScenario(w.controller()->scenario()));
    editor->findChild<QLineEdit*>(QStringLiteral("channel.ab.delay_ms"))->setText(QStringLiteral("80"));
    ASSERT_TRUE(editor->apply());
    EXPECT_EQ(w.controller()->scenario().ab.delay, 80 * kMs);
    EXPECT_EQ(w.controller()->scenario().name, "lost-last-ack");
    EXPECT_EQ(w.controller()->sim().stepIndex(), 0u);
    EXPECT_TRUE(w.isModified()) << "an applied edit is an unsaved change of the document";
    // The history survives Apply: undo and apply again gives the built-in back.
    editor->undoStack()->undo();
    ASSERT_TRUE(editor->apply());
    EXPECT_EQ(w.controller()->scenario().ab.delay, 50 * kMs);
}

TEST(ScenarioEditorWindow, NewScenarioOpensTheEditorOnTheBlankTemplate) {
    MainWindow w;
    QAction* blank = actionWithKey(w, QKeySequence(QKeySequence::New));
    ASSERT_NE(blank, nullptr);
    blank->trigger();
    ASSERT_NE(w.scenarioEditor(), nullptr);
    Scenario want = blankScenario();
    EXPECT_EQ(w.scenarioEditor()->draft().title, "Untitled scenario");
    EXPECT_EQ(writeScenario(w.scenarioEditor()->draft()), writeScenario(want));
    ASSERT_TRUE(w.scenarioEditor()->apply());
    EXPECT_EQ(w.controller()->scenario().name, "untitled");
}

TEST(ScenarioEditorWindow, ResetAppliesTheEditorsPendingEdits) {
    MainWindow w;
    ASSERT_TRUE(w.openScenario(QStringLiteral("normal-close"), nullptr, true));
    ScenarioEditor* editor = w.showScenarioEditor();
    editor->findChild<QLineEdit*>(QStringLiteral("seed"))->setText(QStringLiteral("77"));
    EXPECT_TRUE(editor->hasPendingChanges());
    QAction* reset = actionWithKey(w, QKeySequence(Qt::Key_Home));
    ASSERT_NE(reset, nullptr);
    reset->trigger();
    EXPECT_EQ(w.controller()->scenario().seed, 77u);
    EXPECT_FALSE(editor->hasPendingChanges());
}

TEST(ScenarioEditorWindow, ASpaceOnAnEditorCheckBoxTicksItAndDoesNotPlayTheRun) {
    MainWindow w;
    w.show();
    ScenarioEditor* editor = w.showScenarioEditor();
    editor->showPage(1);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(editor));
    auto* box = editor->findChild<QCheckBox*>(QStringLiteral("a.linger_zero"));
    ASSERT_NE(box, nullptr);
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    EXPECT_TRUE(box->isChecked());
    EXPECT_TRUE(editor->draft().a.lingerZero);
    EXPECT_FALSE(w.controller()->isPlaying());
    // And typing a D into a field types it rather than dropping a segment.
    auto* name = editor->findChild<QLineEdit*>(QStringLiteral("name"));
    editor->showPage(0);
    name->setFocus();
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Drop Note"));  // D drops, N writes a note, Space plays
    EXPECT_EQ(name->text(), QStringLiteral("Drop Note"));
    EXPECT_EQ(editor->draft().name, "Drop Note");
    EXPECT_FALSE(w.controller()->isPlaying());
}

TEST(ScenarioEditorWindow, CtrlZInAnEditorFieldUndoesTheScenarioEdit) {
    MainWindow w;
    w.show();
    ScenarioEditor* editor = w.showScenarioEditor();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(editor));
    QApplication::setActiveWindow(editor);
    const std::string before = writeScenario(editor->draft());
    auto* seed = editor->findChild<QLineEdit*>(QStringLiteral("seed"));
    seed->setFocus();
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("42"));
    EXPECT_EQ(editor->draft().seed, 42u);
    EXPECT_EQ(editor->undoStack()->count(), 1) << "typing 4, 2 is one step";
    QTest::keyClick(seed, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(writeScenario(editor->draft()), before);
    EXPECT_EQ(editor->undoStack()->index(), 0) << "the editor's stack undid it, not the line edit's own undo";
    QTest::keyClick(seed, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(editor->draft().seed, 42u);
    EXPECT_EQ(seed->text(), QStringLiteral("42"));
}
}  // namespace

namespace {
// The message under a wrong field is whole at a laptop's size: not cut in width or height.
TEST(ScenarioEditorWindow, AWrongValuesMessageIsShownWholeUnderItsField) {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    ScenarioEditor* editor = w.showScenarioEditor();
    editor->showPage(3);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(editor));
    auto* loss = editor->findChild<QLineEdit*>(QStringLiteral("channel.ab.loss"));
    loss->setText(QStringLiteral("2"));
    QApplication::processEvents();
    QLabel* message = nullptr;
    for (QLabel* l : editor->findChildren<QLabel*>())
        if (l->isVisible() && l->text() == QStringLiteral("must be between 0 and 1") && l->parentWidget() == loss->parentWidget())
            message = l;
    ASSERT_NE(message, nullptr);
    EXPECT_GE(message->width(), message->fontMetrics().horizontalAdvance(message->text()));
    EXPECT_GE(message->height(), message->heightForWidth(message->width()));
    EXPECT_FALSE(loss->styleSheet().isEmpty()) << "a red frame";
    if (const QByteArray out = qgetenv("FINWAVE_EDITOR_SHOT"); !out.isEmpty())
        editor->grab().save(QString::fromLocal8Bit(out));
}
}  // namespace

namespace {
TEST(ScenarioEditorWindow, TheEditorFollowsAnotherOpenedScenarioUnlessItHoldsEditsNotApplied) {
    MainWindow w;
    ScenarioEditor* editor = w.showScenarioEditor();
    ASSERT_TRUE(w.openScenario(QStringLiteral("half-close"), nullptr, true));
    EXPECT_EQ(editor->draft().name, "half-close");
    editor->findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("Mine"));
    ASSERT_TRUE(w.openScenario(QStringLiteral("lost-fin"), nullptr, true));
    EXPECT_EQ(editor->draft().name, "half-close") << "the edit is not lost";
    EXPECT_EQ(editor->draft().title, "Mine");
}

// The pictures' flag: the editor open over the window, at the page asked for, in a PNG.
TEST(ScenarioEditorWindow, TheEditorFlagPutsTheEditorInTheScreenshot) {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("editor.png"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    const auto r = finwave::testing::runFinwave({QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                                                 QStringLiteral("--editor-page"), QStringLiteral("4"),
                                                 QStringLiteral("--screenshot"), png}, 60000, env);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_FALSE(QImage(png).isNull());
    const auto bad = finwave::testing::runFinwave({QStringLiteral("--editor-page")}, 60000, env);
    EXPECT_TRUE(bad.isOneLineRefusal()) << bad.err.toStdString();
}
}  // namespace

namespace {
TEST(ScenarioEditorWindow, TabCrossesTheEndpointGridRowByRowAndEachCellIsNamedForItsSide) {
    ScenarioEditor editor;
    editor.showPage(1);
    editor.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&editor));
    auto* aIss = editor.findChild<QLineEdit*>(QStringLiteral("a.iss"));
    auto* bIss = editor.findChild<QLineEdit*>(QStringLiteral("b.iss"));
    auto* aSent = editor.findChild<QLineEdit*>(QStringLiteral("a.already_sent"));
    aIss->setFocus();
    QTest::keyClick(aIss, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), bIss);
    QTest::keyClick(bIss, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), aSent);
    EXPECT_TRUE(bIss->parentWidget()->accessibleName().startsWith(QStringLiteral("Endpoint B: ")));
}
}  // namespace

// The editor's New scenario button is another document: after Apply, Save asks for a name instead
// of writing the new scenario over the saved run the window had open (with its drop), and the
// title no longer names that file. (Ctrl+S then lost the run: H4 in the students issue.)
TEST(ScenarioEditorWindow, ANewScenarioAppliedIsNeverSavedOverTheFileOpenBefore) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.json"));
    {
        MainWindow first;
        ASSERT_TRUE(first.openScenario(QStringLiteral("lost-last-ack"), nullptr, true));
        first.controller()->seek(2);
        first.controller()->dropNext(Side::A);
        ASSERT_TRUE(first.saveRunTo(file));
    }
    QFile saved(file);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    const QByteArray before = saved.readAll();
    saved.close();
    MainWindow w;
    ASSERT_TRUE(w.openScenario(file, nullptr, true));
    ASSERT_EQ(w.currentFile(), file);
    w.showScenarioEditor();
    w.scenarioEditor()->newScenario();
    ASSERT_TRUE(w.scenarioEditor()->apply());
    EXPECT_EQ(w.controller()->scenario().name, "untitled");
    EXPECT_TRUE(w.currentFile().isEmpty()) << w.currentFile().toStdString();
    EXPECT_FALSE(w.windowTitle().contains(QStringLiteral("run.json"))) << w.windowTitle().toStdString();
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), before);
    // An edit of the file's own scenario keeps its file, also after a New undone or reverted.
    ASSERT_TRUE(w.openScenario(file, nullptr, true));
    w.scenarioEditor()->findChild<QLineEdit*>(QStringLiteral("channel.ab.delay_ms"))->setText(QStringLiteral("80"));
    ASSERT_TRUE(w.scenarioEditor()->apply());
    EXPECT_EQ(w.currentFile(), file);
    w.scenarioEditor()->newScenario();
    w.scenarioEditor()->undoStack()->undo();
    w.scenarioEditor()->findChild<QLineEdit*>(QStringLiteral("channel.ab.delay_ms"))->setText(QStringLiteral("70"));
    ASSERT_TRUE(w.scenarioEditor()->apply());
    EXPECT_EQ(w.currentFile(), file) << "a New undone";
    w.scenarioEditor()->newScenario();
    w.scenarioEditor()->revert();
    w.scenarioEditor()->findChild<QLineEdit*>(QStringLiteral("channel.ab.delay_ms"))->setText(QStringLiteral("60"));
    ASSERT_TRUE(w.scenarioEditor()->apply());
    EXPECT_EQ(w.currentFile(), file) << "a New reverted";
}
