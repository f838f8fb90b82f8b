// Simulation → Compare: two runs stepping together on one time axis, the pairing listed with the
// first difference marked, and the window's run with its drops compared with the scenario without.
#include "app/compare/compare_window.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QTabWidget>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

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
