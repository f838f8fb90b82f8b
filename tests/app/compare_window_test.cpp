// Simulation → Compare: two runs stepping together on one time axis, the pairing listed with the
// first difference marked, and the window's run with its drops compared with the scenario without.
#include "app/compare/compare_window.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "core/capture/capture_writer.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"
#include "support/finwave_process.h"

#include <QFile>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
// The two runs' diagrams, left then right.
std::pair<SequenceScene*, SequenceScene*> diagrams(const CompareWindow& w) {
    const auto views = w.findChildren<SequenceView*>();
    EXPECT_EQ(views.size(), 2);
    return {views[0]->diagram(), views[1]->diagram()};
}
std::vector<const SegmentArrow*> arrowsOf(const SequenceScene* scene) {
    return {scene->arrows().begin(), scene->arrows().end()};
}
std::size_t unpairedSends(const compare::Comparison& c, bool first) {
    std::size_t n = 0;
    for (const compare::Aligned& line : c.lines) {
        const auto& mine = first ? line.a : line.b;
        const auto& other = first ? line.b : line.a;
        n += mine && !other && (first ? c.a : c.b)[*mine].key.kind == EventKind::Send ? 1 : 0;
    }
    return n;
}
}  // namespace

TEST(CompareWindow, LostLastAckUnderBothProfilesStepsTogetherToTheFirstDifference) {
    const Scenario s = *builtinScenario("lost-last-ack");
    CompareWindow w(s, s);
    const compare::Comparison& c = w.comparison();
    ASSERT_FALSE(c.same());
    QTreeWidget* lines = w.findChild<QTreeWidget*>();
    ASSERT_EQ(lines->topLevelItemCount(), static_cast<int>(c.lines.size()));
    EXPECT_TRUE(lines->topLevelItem(static_cast<int>(*c.firstDifference))->font(0).bold());
    EXPECT_EQ(lines->topLevelItem(static_cast<int>(*c.firstDifference))->text(1), QStringLiteral("-0.700 s"));
    w.toFirstDifference();
    EXPECT_NEAR(w.shownSeconds(), 0.55, 1e-9);  // the linux run's probe comes first
    w.stepForward();
    EXPECT_GT(w.shownSeconds(), 0.55);
    w.toStart();
    EXPECT_EQ(w.shownSeconds(), 0.0);
    // The state graphs: switching one run's view switches the other's.
    const auto sides = w.findChildren<QTabWidget*>();
    QTabWidget* first = nullptr;
    for (QTabWidget* t : sides)
        if (t->count() == 2 && t->widget(0)->inherits("finwave::app::SequenceView") && !first)
            first = t;
    ASSERT_NE(first, nullptr);
    first->setCurrentIndex(1);
    for (QTabWidget* t : sides) {
        if (t->count() == 2 && t->widget(0)->inherits("finwave::app::SequenceView")) {
            EXPECT_EQ(t->currentIndex(), 1);
        }
    }
}

TEST(CompareWindow, TheWindowsRunWithADropAgainstTheScenarioWithoutItDiffersAtTheDrop) {
    MainWindow main;
    main.controller()->loadScenario(*builtinScenario("normal-close"));
    main.controller()->stepForward();  // A's FIN leaves
    ASSERT_NE(main.controller()->dropNext(Side::A), 0u);  // and the user drops it in flight
    CompareWindow* w = main.showCompare();
    ASSERT_NE(w, nullptr);
    w->compareWith(CompareWindow::Second::WithoutUserChanges);
    const compare::Comparison& c = w->comparison();
    ASSERT_FALSE(c.same());
    const compare::Aligned& d = c.lines[*c.firstDifference];
    ASSERT_TRUE(d.a && !d.b);  // the first run (with the drop) has the loss
    EXPECT_EQ(c.a[*d.a].key.kind, EventKind::Drop);
}

// One time axis: at every moment both cursors stand on the same row, and an event both runs have
// at one time is drawn at one height in both, though the runs' own axes would differ (the linux
// run has events between 0.55 s and 1.25 s that the rfc run does not).
TEST(CompareWindow, BothDiagramsShareOneTimeAxis) {
    const Scenario s = *builtinScenario("lost-last-ack");
    CompareWindow w(s, s);
    const auto [a, b] = diagrams(w);
    // Until the shorter run (linux, TIME_WAIT 60 s) ends: then its cursor stays at its end.
    const double bothRun = static_cast<double>(std::min(w.comparison().a.back().t, w.comparison().b.back().t)) / kSec;
    std::size_t compared = 0;
    for (std::size_t moment = 0; moment < 40; ++moment) {
        if (w.shownSeconds() <= bothRun) {
            EXPECT_DOUBLE_EQ(a->cursorY(), b->cursorY()) << "at " << w.shownSeconds() << " s";
            ++compared;
        }
        const double before = w.shownSeconds();
        w.stepForward();
        if (w.shownSeconds() == before)
            break;
    }
    EXPECT_GT(compared, 10u);
    EXPECT_GT(w.shownSeconds(), 240.0);  // stepped to the end of both
}

// The marks: what has no partner is grey, a paired segment at another time says by how much, and
// the first difference is marked on both once each run has come to it.
TEST(CompareWindow, UnpairedArrowsAreGreyShiftedOnesSayTheirShiftAndTheFirstDifferenceIsMarked) {
    const Scenario s = *builtinScenario("lost-last-ack");
    CompareWindow w(s, s);
    w.compareWith(CompareWindow::Second::Builtin, QStringLiteral("normal-close"));
    const compare::Comparison& c = w.comparison();
    ASSERT_FALSE(c.same());
    const auto [a, b] = diagrams(w);
    EXPECT_FALSE(a->hasFirstDifferenceMark());
    for (int k = 0; k < 200 && w.shownSeconds() < 300; ++k)
        w.stepForward();
    ASSERT_GT(unpairedSends(c, true), 0u);  // lost-last-ack's FIN resent and the ACK sent again
    EXPECT_EQ(static_cast<std::size_t>(a->greyedArrowCount()), unpairedSends(c, true));
    EXPECT_EQ(static_cast<std::size_t>(b->greyedArrowCount()), unpairedSends(c, false));
    EXPECT_TRUE(a->hasFirstDifferenceMark());
    EXPECT_TRUE(b->hasFirstDifferenceMark());
    w.toStart();
    EXPECT_FALSE(a->hasFirstDifferenceMark()) << "stepped back before it";

    w.compareWith(CompareWindow::Second::OtherProfile);
    std::size_t shiftedSends = 0;
    for (const compare::Aligned& line : w.comparison().lines)
        shiftedSends += line.a && line.b && line.dt != 0 && w.comparison().b[*line.b].key.kind == EventKind::Send ? 1 : 0;
    ASSERT_GT(shiftedSends, 0u);
    for (int k = 0; k < 200 && w.shownSeconds() < 300; ++k)
        w.stepForward();
    const auto [a2, b2] = diagrams(w);
    const auto withShift = [](const SequenceScene* scene) {
        const auto arrows = arrowsOf(scene);
        return static_cast<std::size_t>(std::count_if(arrows.begin(), arrows.end(), [](const SegmentArrow* x) { return x->label().contains(QStringLiteral("Δt ")); }));
    };
    EXPECT_EQ(withShift(b2), shiftedSends);
    EXPECT_EQ(withShift(a2), 0u) << "the shift is written on the second run's arrows";
}

// A scenario beside its own capture: every segment paired, the capture's handshake (which the
// run, starting ESTABLISHED, does not have) grey, and the first pair on one row.
TEST(CompareWindow, AScenarioBesideItsOwnCaptureHasItsFirstPairOnOneRow) {
    const Scenario s = *builtinScenario("lost-last-ack");
    Simulator sim(s);
    sim.runToEnd();
    capture::WriteOptions o;
    o.vantage = Side::A;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lost-last-ack.pcapng"));
    ASSERT_TRUE(finwave::testing::writeBytes(path, QByteArray::fromStdString(capture::writeCapture(sim, o))));
    CompareWindow w(s, s);
    ASSERT_EQ(w.compareWithCapture(path, 1), QString());
    const compare::Comparison& c = w.comparison();
    EXPECT_EQ(unpairedSends(c, true), 0u);
    for (int k = 0; k < 200 && w.shownSeconds() < 600; ++k)
        w.stepForward();
    const auto [a, b] = diagrams(w);
    EXPECT_EQ(a->greyedArrowCount(), 0);
    EXPECT_EQ(static_cast<std::size_t>(b->greyedArrowCount()), unpairedSends(c, false));
    const auto first = std::find_if(c.lines.begin(), c.lines.end(), [](const compare::Aligned& l) { return l.a && l.b; });
    ASSERT_NE(first, c.lines.end());
    // The arrows of the first paired send start on one row.
    const auto startOf = [](const SequenceScene* scene, std::size_t record) {
        for (const SegmentArrow* x : arrowsOf(scene))
            if (x->createdAt == static_cast<int>(record))
                return x->from().y();
        return -1.0;
    };
    std::size_t k = static_cast<std::size_t>(first - c.lines.begin());
    while (k < c.lines.size() && !(c.lines[k].a && c.lines[k].b && c.a[*c.lines[k].a].key.kind == EventKind::Send))
        ++k;
    ASSERT_LT(k, c.lines.size());
    const double ya = startOf(a, c.a[*c.lines[k].a].record), yb = startOf(b, c.b[*c.lines[k].b].record);
    EXPECT_GT(ya, 0.0);
    EXPECT_NEAR(ya, yb, 0.5);
}

// Export both: the two runs as the window shows them now (up to the moment shown), with the
// summary under them; a bad extension is refused and nothing is written.
TEST(CompareWindow, ExportBothWritesTheTwoRunsAsShown) {
    const Scenario s = *builtinScenario("lost-last-ack");
    CompareWindow w(s, s);
    w.toFirstDifference();  // 0.55 s: the linux run's resent FIN has left, the rfc run's has not
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("both.svg"));
    ASSERT_EQ(w.exportTo(svg), QString());
    const QString text = QString::fromUtf8(finwave::testing::fileBytes(svg));
    EXPECT_TRUE(text.contains(QStringLiteral("profile rfc")));
    EXPECT_TRUE(text.contains(QStringLiteral("profile linux")));
    EXPECT_EQ(text.count(QStringLiteral("retransmission #1")), 1) << "only the run shown past its resend";
    EXPECT_TRUE(text.contains(QStringLiteral("The first run ends at 241.300 s")));
    EXPECT_FALSE(w.exportTo(dir.filePath(QStringLiteral("both.gifx"))).isEmpty());
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("both.gifx"))));
}

// A scenario file as the second run, a bad one refused in words; Space plays both together.
TEST(CompareWindow, AScenarioFileIsASecondRunAndSpacePlaysBothTogether) {
    const Scenario s = *builtinScenario("lost-last-ack");
    CompareWindow w(s, s);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("nc.json"));
    ASSERT_TRUE(finwave::testing::writeBytes(file, QByteArray::fromStdString(writeScenario(*builtinScenario("normal-close")))));
    ASSERT_EQ(w.compareWithScenarioFile(file), QString());
    EXPECT_GT(w.comparison().onlyA, 0u) << "lost-last-ack's loss and resend against normal-close";
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    ASSERT_TRUE(finwave::testing::writeBytes(bad, "{\"version\":1,\"params\":{\"mss\":0}}"));
    EXPECT_TRUE(w.compareWithScenarioFile(bad).contains(QStringLiteral("mss")));
    EXPECT_EQ(w.shownSeconds(), 0.0);
    w.togglePlay();
    EXPECT_TRUE(w.isPlaying());
    w.playTick();  // what the play timer does each second
    w.playTick();
    EXPECT_GT(w.shownSeconds(), 0.0) << "playing moves both runs on";
    for (int k = 0; k < 200 && w.isPlaying(); ++k)
        w.playTick();
    EXPECT_FALSE(w.isPlaying()) << "stopped at the end";
    EXPECT_GT(w.shownSeconds(), 240.0);
    w.togglePlay();  // from the end, Play starts over
    EXPECT_EQ(w.shownSeconds(), 0.0);
    w.togglePlay();
    EXPECT_FALSE(w.isPlaying());
}
