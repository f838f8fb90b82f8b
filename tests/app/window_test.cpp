// What a user checks in the window: arrows per segment, crossing FINs, marks on the right
// states, step back, click-to-drop, sliders, broken files, keys, the log.
#include "app/window/control_panel.h"
#include "app/window/event_log.h"
#include "app/window/main_window.h"
#include "app/window/playback_bar.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"

#include <QGraphicsScene>
#include <QGuiApplication>
#include <QLineF>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include <fstream>

using namespace finwave;
using namespace finwave::app;

namespace {
// One arrow per segment sent, and one more for each old copy the network delivers late.
int flights(const Simulator& sim) {
    int n = 0;
    for (const auto& r : sim.trace())
        n += r.kind == EventKind::Send || (r.kind == EventKind::Arrive && r.reason == Reason::DuplicateDelivered);
    return n;
}

// Two arrows cross when they meet away from their ends (consecutive arrows share an end).
bool cross(const QLineF& a, const QLineF& b) {
    QPointF at;
    if (a.intersects(b, &at) != QLineF::BoundedIntersection)
        return false;
    for (QPointF end : {a.p1(), a.p2(), b.p1(), b.p2()})
        if (QLineF(at, end).length() < 2)
            return false;
    return true;
}

std::vector<SegmentArrow*> arrows(SequenceView& view) {
    return view.diagram()->arrows();
}
}  // namespace

TEST(Window, EveryBuiltinScenarioRunToTheEndHasOneArrowPerSegment) {
    for (auto name : builtinScenarioNames()) {
        SimController ctl;
        SequenceView view(&ctl);
        ctl.loadScenario(*builtinScenario(name));
        ctl.seek(100000);
        ASSERT_TRUE(ctl.sim().isFinished()) << name;
        EXPECT_GT(view.arrowCount(), 0) << name;
        EXPECT_EQ(view.arrowCount(), flights(ctl.sim())) << name;
    }
}

TEST(Window, SimultaneousCloseFinArrowsCross) {
    SimController ctl;
    SequenceView view(&ctl);
    ctl.loadScenario(*builtinScenario("simultaneous-close"));
    ctl.seek(100000);
    std::vector<QLineF> fins;
    for (SegmentArrow* a : arrows(view))
        if (a->segmentId() <= 2)  // the two FINs are the first segments sent
            fins.emplace_back(a->from(), a->to());
    ASSERT_EQ(fins.size(), 2u);
    EXPECT_TRUE(cross(fins[0], fins[1]));
    // In normal-close nothing crosses: each segment leaves after the one before arrived.
    SimController ctl2;
    SequenceView view2(&ctl2);
    ctl2.loadScenario(*builtinScenario("normal-close"));
    ctl2.seek(100000);
    auto all = arrows(view2);
    ASSERT_EQ(all.size(), 4u);
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size(); ++j)
            EXPECT_FALSE(cross(QLineF(all[i]->from(), all[i]->to()), QLineF(all[j]->from(), all[j]->to())));
}

TEST(Window, StateGraphMarksSitOnTheEnginesStatesAtEveryStep) {
    for (const char* name : {"lost-last-ack", "full-lifecycle", "simultaneous-close"}) {
        SimController ctl;
        StateGraphView graph(&ctl);
        ctl.loadScenario(*builtinScenario(name));
        do {
            ASSERT_EQ(graph.markedState(0), static_cast<int>(ctl.sim().state(Side::A))) << name;
            ASSERT_EQ(graph.markedState(1), static_cast<int>(ctl.sim().state(Side::B))) << name;
            ctl.stepForward();
        } while (!ctl.sim().isFinished());
        EXPECT_EQ(graph.markedState(0), static_cast<int>(TcpState::Closed));
    }
}

TEST(Window, StepBackRemovesExactlyTheLastEventsItems) {
    SimController ctl;
    SequenceView view(&ctl);
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    for (int i = 0; i < 3; ++i)
        ctl.stepForward();
    const int arrowsBefore = view.arrowCount();
    const int itemsBefore = view.scene()->items().size();
    ctl.stepForward();  // step 4, B closes: its FIN (an arrow), LAST_ACK (a band), RTX (a timer)
    EXPECT_EQ(view.arrowCount(), arrowsBefore + 1);
    EXPECT_GT(view.scene()->items().size(), itemsBefore);
    ctl.stepBack();
    EXPECT_EQ(view.arrowCount(), arrowsBefore);
    EXPECT_EQ(view.scene()->items().size(), itemsBefore);
}

// normal-close's FIN in flight, 60 % of the way to B, in a view on the screen.
class WindowFinInFlight : public ::testing::Test {
protected:
    void SetUp() override {
        view.resize(1400, 900);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
        ctl.loadScenario(*builtinScenario("normal-close"));
        ctl.stepForward();             // A's FIN leaves at t = 0
        ctl.setDisplayTime(30 * kMs);  // and is 60 % of the way to B
    }
    SimController ctl;
    SequenceView view{&ctl};
};

TEST_F(WindowFinInFlight, ClickingItMakesTheEngineReportItLost) {
    auto flying = arrows(view);
    ASSERT_EQ(flying.size(), 1u);
    ASSERT_EQ(flying[0]->fate(), SegmentArrow::Fate::InFlight);
    const QPointF middle = (flying[0]->from() + flying[0]->to()) / 2;
    QTest::mouseMove(view.viewport(), view.mapFromScene(middle));
    EXPECT_EQ(view.viewport()->cursor().shape(), Qt::PointingHandCursor) << "a segment in flight can be clicked";
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(middle));
    const TraceRecord& last = ctl.sim().trace().records().back();
    EXPECT_EQ(last.kind, EventKind::Drop);
    EXPECT_EQ(last.reason, Reason::LostByUser);
    EXPECT_EQ(flying[0]->fate(), SegmentArrow::Fate::Lost);
}

// The hand over a segment in flight goes when the segment lands, though the mouse has not moved.
TEST_F(WindowFinInFlight, TheHandOverItGoesWhenItLandsUnderAStillMouse) {
    const SegmentArrow* fin = view.diagram()->arrowOf(1);
    ASSERT_NE(fin, nullptr);
    const QPointF middle = (fin->from() + fin->to()) / 2;
    QCursor::setPos(view.viewport()->mapToGlobal(view.mapFromScene(middle)));
    QTest::mouseMove(view.viewport(), view.mapFromScene(middle));
    ASSERT_EQ(view.viewport()->cursor().shape(), Qt::PointingHandCursor);
    ASSERT_TRUE(ctl.dropSegment(1));
    QCoreApplication::processEvents();
    ASSERT_EQ(fin->fate(), SegmentArrow::Fate::Lost);
    EXPECT_NE(view.viewport()->cursor().shape(), Qt::PointingHandCursor);
}

TEST(Window, MovingASliderChangesTheEnginesParameter) {
    SimController ctl;
    ControlPanel panel(&ctl);
    panel.slider(QStringLiteral("lossAb"))->setValue(40);
    EXPECT_DOUBLE_EQ(ctl.sim().channel(Direction::AtoB).loss, 0.4);
    panel.slider(QStringLiteral("delayBa"))->setValue(300);
    EXPECT_EQ(ctl.sim().channel(Direction::BtoA).delay, 300 * kMs);
    panel.slider(QStringLiteral("timeWait"))->setValue(30);
    EXPECT_EQ(ctl.sim().params().timeWait, 30 * kSec);
}

// A scenario file's sub-millisecond delay and fractional loss are not rounded to the sliders' whole
// units when another slider moves, and the values shown are the run's.
TEST(Window, ASliderMoveKeepsTheOtherValuesAsTheScenarioGaveThem) {
    Scenario s = *builtinScenario("normal-close");
    s.ab.delay = 250;  // 0.25 ms
    s.ba.loss = 0.125;
    s.params = withRtoFloor(s.params, 1500 * kMs + 500);
    SimController ctl;
    ctl.loadScenario(s);
    ControlPanel panel(&ctl);
    const auto valueText = [&panel](const char* key) { return panel.valueText(QLatin1String(key)); };
    EXPECT_EQ(valueText("delayAb"), QStringLiteral("0.25 ms"));
    panel.slider(QStringLiteral("delayBa"))->setValue(70);
    panel.slider(QStringLiteral("lossAb"))->setValue(10);
    panel.slider(QStringLiteral("timeWait"))->setValue(30);
    EXPECT_EQ(ctl.sim().channel(Direction::AtoB).delay, 250);
    EXPECT_DOUBLE_EQ(ctl.sim().channel(Direction::BtoA).loss, 0.125);
    EXPECT_EQ(ctl.sim().params().rtoMin, 1500 * kMs + 500);
    EXPECT_EQ(ctl.sim().channel(Direction::BtoA).delay, 70 * kMs);
    EXPECT_EQ(valueText("delayAb"), QStringLiteral("0.25 ms"));
    EXPECT_EQ(valueText("lossBa"), QStringLiteral("12.5 %"));
}

TEST(Window, BrokenScenarioFileIsRefusedAndThePreviousScenarioStays) {
    MainWindow window;
    ASSERT_TRUE(window.openScenario(QStringLiteral("half-close")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    std::ofstream(path.toStdString()) << "{\n  \"version\": 1,\n  \"channel\": {\"ab\": {\"loss\": 7}}\n}\n";
    QString error;
    EXPECT_FALSE(window.openScenario(path, &error, true));
    EXPECT_TRUE(error.contains(QStringLiteral("broken.json:3:"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("channel.ab.loss"))) << error.toStdString();
    EXPECT_EQ(window.controller()->scenario().name, "half-close");
}

TEST(Window, KeyboardStepsBackAndForthAndResets) {
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.openScenario(QStringLiteral("normal-close"));
    SimController* ctl = window.controller();
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(ctl->sim().stepIndex(), 2u);
    QTest::keyClick(&window, Qt::Key_Left);
    EXPECT_EQ(ctl->sim().stepIndex(), 1u);
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::keyClick(&window, Qt::Key_Home);
    EXPECT_EQ(ctl->sim().stepIndex(), 0u);
}

TEST(Window, SelectingALogRowMovesTheWindowToThatStep) {
    MainWindow window;
    window.openScenario(QStringLiteral("lost-fin"));
    window.controller()->seek(100000);
    EventLogView* log = window.eventLog();
    const int rows = log->model()->rowCount();
    ASSERT_GT(rows, 10);
    const int row = rows / 3;
    log->selectRow(row);
    EXPECT_EQ(window.controller()->sim().stepIndex(), log->logModel()->stepOfRow(row));
    EXPECT_EQ(window.stateGraph()->markedState(0), static_cast<int>(window.controller()->sim().state(Side::A)));
}

TEST(Window, ChangingTheThemeKeepsTheLitEdgesAndMarks) {
    SimController ctl;
    StateGraphView graph(&ctl);
    ctl.loadScenario(*builtinScenario("simultaneous-close"));
    ctl.seek(6);
    const int a = graph.markedState(0);
    graph.setTheme(Theme::projector());
    EXPECT_EQ(graph.markedState(0), a);
    EXPECT_EQ(a, static_cast<int>(TcpState::TimeWait));
    // After the rebuild, a step that changes no state still leaves the marks in place.
    ctl.stepBack();
    ctl.stepForward();
    EXPECT_EQ(graph.markedState(1), static_cast<int>(ctl.sim().state(Side::B)));
}

// Each edge label of RFC 9293's diagram is readable: off every state box and off every other
// label, with the step numbers a full run adds, in both themes.
TEST(Window, StateGraphLabelsCoverNoBoxAndNoOtherLabel) {
    for (const char* scenario : {"simultaneous-close", "normal-close", "lost-fin-ack", "full-lifecycle"})
        for (const Theme& theme : {Theme::light(), Theme::projector()}) {
            SimController ctl;
            StateGraphView graph(&ctl);
            graph.setTheme(theme);
            ctl.loadScenario(*builtinScenario(scenario));
            ctl.seek(1'000'000);
            std::vector<QRectF> boxes, labels;
            for (QGraphicsItem* item : graph.scene()->items()) {
                if (item->type() == StateNodeItem::Type && item->isVisible())
                    boxes.push_back(static_cast<StateNodeItem*>(item)->box().translated(item->pos()));
                if (item->type() == StateEdgeItem::Type && !static_cast<StateEdgeItem*>(item)->isExtra())
                    labels.push_back(static_cast<StateEdgeItem*>(item)->labelRect());
            }
            // At the end every run is in the closing part: the eight states it can reach.
            ASSERT_EQ(boxes.size(), 8u) << scenario;
            ASSERT_GE(labels.size(), 13u) << scenario;
            for (std::size_t i = 0; i < labels.size(); ++i) {
                for (const QRectF& b : boxes)
                    EXPECT_FALSE(labels[i].intersects(b)) << scenario << " label at " << labels[i].center().x() << "," << labels[i].center().y();
                for (std::size_t j = i + 1; j < labels.size(); ++j)
                    EXPECT_FALSE(labels[i].intersects(labels[j])) << scenario << " labels at " << labels[i].center().y() << " and " << labels[j].center().y();
            }
        }
}

// Play and Pause show two icons made once: an icon made anew at each press put new pixmaps into
// Qt's pixmap cache, and a key soak's heap grew 0.7 KB a key press (issue 28).
TEST(Window, PlayAndPauseReuseTheirTwoIcons) {
    SimController ctl;
    PlaybackBar bar(&ctl);
    ctl.loadScenario(*builtinScenario("normal-close"));
    QToolButton* play = nullptr;
    for (QToolButton* b : bar.findChildren<QToolButton*>())
        if (b->toolTip().contains(QStringLiteral("Space")))
            play = b;
    ASSERT_NE(play, nullptr);
    const qint64 paused = play->icon().cacheKey();
    ctl.togglePlay();
    ASSERT_TRUE(ctl.isPlaying());
    const qint64 playing = play->icon().cacheKey();
    EXPECT_NE(playing, paused) << "the icon shows the state";
    for (int i = 0; i < 4; ++i)
        ctl.togglePlay();
    EXPECT_EQ(play->icon().cacheKey(), playing);
    ctl.togglePlay();
    EXPECT_EQ(play->icon().cacheKey(), paused);
}

// A jump far ahead draws for a while on the window's thread: the mouse shows a wait cursor
// meanwhile, and is given back; a short step shows none.
TEST(Window, AFarJumpShowsTheWaitCursorWhileItDraws) {
    Scenario s = *builtinScenario("normal-close");
    s.params.mss = 1;
    s.actions.clear();
    s.actions.push_back(action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 12000));
    SimController ctl;
    SequenceScene scene(&ctl);
    ctl.loadScenario(s);
    std::optional<Qt::CursorShape> during;
    QObject::connect(&ctl, &SimController::recordsAppended, &scene, [&during] {
        during = QGuiApplication::overrideCursor() ? std::optional(QGuiApplication::overrideCursor()->shape()) : std::nullopt;
    });
    ctl.seek(1'000'000);
    ASSERT_GT(ctl.sim().stepIndex(), 20'000u);
    EXPECT_EQ(during, std::optional(Qt::WaitCursor));
    EXPECT_EQ(QGuiApplication::overrideCursor(), nullptr) << "given back";
    ctl.seek(0);
    during.reset();
    ctl.seek(5);
    EXPECT_EQ(during, std::nullopt);
}
