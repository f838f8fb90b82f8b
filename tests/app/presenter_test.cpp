// The presenter layout in class: what a teacher does (drop a segment, write a note) never pushes
// the window past a projector's screen or stops the diagram following the step.
#include "app/text/language.h"
#include "app/views/sequence/note_item.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/window/main_window.h"
#include "app/window/playback_bar.h"
#include "app/window/sim_controller.h"
#include "app/window/step_caption_bar.h"
#include "core/protocol/tcp_state.h"
#include "core/scenario/builtin_scenarios.h"

#include <QAction>
#include <QApplication>
#include <QLayout>
#include <QScrollBar>
#include <QStatusBar>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
struct English {
    ~English() { installLanguage(QStringLiteral("en")); }
};
}  // namespace

// H1: a pending "drop next" on both sides wrote its words into the playback bar's readout, whose
// width became the window's least width: 1404 px at 1280x720 in English, more with both pending.
TEST(Presenter, BothDropsPendingKeepTheWindowWithinAProjectorsWidth) {
    English restore;
    for (const char* lang : {"en", "zh_CN"}) {
        installLanguage(QString::fromLatin1(lang));
        MainWindow w;
        ASSERT_TRUE(w.openScenario(QStringLiteral("lost-last-ack"), nullptr, true));
        w.setProjectorMode(true, false);
        w.resize(1280, 720);
        w.show();
        QApplication::processEvents();
        SimController* ctl = w.controller();
        ctl->dropNext(Side::A);
        ctl->dropNext(Side::B);
        ASSERT_TRUE(ctl->sim().isDropNextArmed(Side::A) && ctl->sim().isDropNextArmed(Side::B));
        QApplication::processEvents();
        w.layout()->activate();
        // The bar's least width is the toolbar's, and the window grows to hold it.
        EXPECT_LE(w.playbackBar()->minimumSizeHint().width(), 1280) << lang;
        EXPECT_LE(w.layout()->minimumSize().width(), 1280) << lang;
        EXPECT_LE(w.minimumSizeHint().width(), 1280) << lang;
        EXPECT_LE(w.width(), 1280) << lang;
    }
}

// H3: writing a note scrolled the view to the note and left it there, not following the step any
// more, even in a scenario opened afterwards, until the teacher scrolled by hand.
TEST(Presenter, TheDiagramFollowsTheStepAgainAfterANote) {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    SimController* ctl = w.controller();
    ctl->loadScenario(*builtinScenario("lost-last-ack"));
    SequenceView* view = w.sequenceView();
    for (int i = 0; i < 6; ++i)  // zoomed in, as for the back of a room: the run is taller than the view
        view->zoomIn();
    const auto cursorInView = [&] {
        QApplication::processEvents();
        const QRectF seen = view->mapToScene(view->viewport()->rect()).boundingRect();
        return seen.top() <= view->diagram()->cursorY() && view->diagram()->cursorY() <= seen.bottom();
    };
    ctl->seek(4);
    view->editNote(4);
    ASSERT_NE(view->diagram()->editingNote(), nullptr);
    QTest::keyClicks(view->viewport(), QStringLiteral("Here B resends its FIN"));
    QTest::keyClick(view->viewport(), Qt::Key_Return);
    QApplication::processEvents();
    ASSERT_NE(ctl->sim().annotation(4), nullptr);
    // Step to the far end, hundreds of seconds down: the cursor must be in view at each step.
    for (int i = 0; i < 40 && !ctl->sim().isFinished(); ++i) {
        ctl->stepForward();
        EXPECT_TRUE(cursorInView()) << "step " << ctl->sim().stepIndex();
    }
    // And a scenario opened afterwards follows too.
    ASSERT_TRUE(w.openScenario(QStringLiteral("linger-abort"), nullptr, true));
    for (int i = 0; i < 40 && !ctl->sim().isFinished(); ++i)
        ctl->stepForward();
    EXPECT_TRUE(cursorInView()) << "linger-abort's end";
}

// M9: when what the teacher did takes the run away from what the scenario was written to show,
// the status bar says so; an untouched run, or one whose drops keep to the story, says nothing.
TEST(Presenter, TheStatusBarSaysWhenTheRunLeavesTheScenariosStory) {
    MainWindow w;
    ASSERT_TRUE(w.openScenario(QStringLiteral("lost-last-ack"), nullptr, true));
    SimController* ctl = w.controller();
    const auto status = [&] { return w.statusBar()->currentMessage(); };
    ctl->seek(1'000'000);
    EXPECT_FALSE(status().contains(QStringLiteral("story"))) << status().toStdString();
    // The teacher drops A's first FIN: the last ACK is still the one lost.
    ASSERT_TRUE(w.openScenario(QStringLiteral("lost-last-ack"), nullptr, true));
    ctl->dropNext(Side::A);
    ctl->seek(1'000'000);
    EXPECT_FALSE(status().contains(QStringLiteral("story"))) << status().toStdString();
    // Every segment from A to B lost from the start: the last ACK is never sent, and the run
    // ends another way.
    ASSERT_TRUE(w.openScenario(QStringLiteral("lost-last-ack"), nullptr, true));
    ChannelParams ab = ctl->sim().channel(Direction::AtoB);
    ab.loss = 1.0;
    ctl->setChannel(Direction::AtoB, ab);
    ctl->seek(1'000'000);
    ASSERT_TRUE(ctl->sim().isFinished());
    EXPECT_TRUE(status().contains(QStringLiteral("your changes left the scenario's story: its fault (A's ACK) never came")))
        << status().toStdString();
}

// M8: a notes column beside the diagram shrank it below the readable sizes in a lesson (13.7 px
// labels on a projector at 1280x720). Without room for it, the notes go under the diagram, in the
// step caption, and the diagram keeps its size; with room, they stand beside their rows.
TEST(Presenter, NotesGoUnderTheDiagramWhenTheyWouldShrinkIt) {
    MainWindow w;
    w.setProjectorMode(true, false);
    w.show();
    QApplication::processEvents();  // the window first fits itself to the (small) test screen
    w.resize(1280, 720);
    SimController* ctl = w.controller();
    Scenario sc = *builtinScenario("normal-close");
    sc.annotations.push_back({5, "A sends the last ACK"});
    ctl->loadScenario(sc);
    ctl->seek(5);
    QApplication::processEvents();
    SequenceView* view = w.sequenceView();
    EXPECT_FALSE(view->diagram()->notesBeside());
    EXPECT_EQ(view->diagram()->noteItem(5), nullptr);
    EXPECT_GE(view->transform().m11(), 16.0 / (view->theme().font.pointSizeF() * view->logicalDpiY() / 72.0) - 1e-9);
    const auto* caption = w.findChild<StepCaptionBar*>();
    ASSERT_NE(caption, nullptr);
    EXPECT_TRUE(caption->isVisible());
    EXPECT_TRUE(caption->text().contains(QStringLiteral("A sends the last ACK"))) << caption->text().toStdString();
    // Not on a step without a note.
    ctl->seek(4);
    EXPECT_FALSE(caption->text().contains(QStringLiteral("A sends the last ACK")));
    // A note being written has its column, as before; kept, it goes under the diagram again.
    ctl->seek(5);
    view->editNote(5);
    ASSERT_NE(view->diagram()->editingNote(), nullptr);
    EXPECT_FALSE(caption->text().contains(QStringLiteral("A sends the last ACK")));  // not twice
    QTest::keyClick(view->viewport(), Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_FALSE(view->diagram()->notesBeside());
    EXPECT_TRUE(caption->text().contains(QStringLiteral("A sends the last ACK")));
    // On a wide screen the notes stand beside their rows again, and the caption has none.
    w.setProjectorMode(false, false);
    w.resize(2400, 1000);
    QApplication::processEvents();
    EXPECT_TRUE(view->diagram()->notesBeside());
    ASSERT_NE(view->diagram()->noteItem(5), nullptr);
    EXPECT_FALSE(caption->text().contains(QStringLiteral("A sends the last ACK")));
}

// The Scenarios menu marks the scenario open, whichever way it was opened: `--scenario
// lost-last-ack` loads the controller directly, and normal-close stayed marked.
TEST(Presenter, TheScenariosMenuMarksTheScenarioOpen) {
    MainWindow w;
    w.controller()->loadScenario(*builtinScenario("lost-last-ack"));
    int marked = 0;
    for (const QAction* a : w.findChildren<QAction*>())
        if (a->isCheckable() && a->isChecked() && !a->data().toString().isEmpty() && a->data().toString() != QStringLiteral("en")) {
            ++marked;
            EXPECT_EQ(a->data().toString(), QStringLiteral("lost-last-ack"));
        }
    EXPECT_GE(marked, 1);
}

// Help > Keyboard shortcuts lists every key an action answers to (F9 and F1 were left out of the
// hand-written table, and the caption's C).
TEST(Presenter, TheShortcutsTableListsEveryActionsKey) {
    MainWindow w;
    const QString table = w.shortcutsTable();
    int keys = 0;
    for (const QAction* a : w.findChildren<QAction*>()) {
        const QString k = a->shortcut().toString(QKeySequence::NativeText);
        if (k.isEmpty())
            continue;
        ++keys;
        EXPECT_TRUE(table.contains(QStringLiteral("<b>") + k.toHtmlEscaped() + QStringLiteral("</b>"))) << k.toStdString();
    }
    EXPECT_GT(keys, 20);
    for (const char* k : {"F1", "F11", "C", "D", "Shift+D"})
        EXPECT_TRUE(table.contains(QStringLiteral("<b>%1</b>").arg(QLatin1String(k)))) << k;
}

// Tooltips in the presenter layout are as large as its other text (they stayed at 12 px).
TEST(Presenter, TooltipsGrowWithThePresenterLayout) {
    MainWindow w;
    w.setProjectorMode(true, false);
    EXPECT_GE(QToolTip::font().pointSizeF() * 96.0 / 72.0, 16.0);
    w.setProjectorMode(false, false);
    EXPECT_EQ(QToolTip::font().pointSizeF(), QApplication::font().pointSizeF());
}
