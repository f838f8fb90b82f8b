// The scenario editor's checks: a wrong value gets the file reader's own message beside its field
// and turns Apply off; an overridden constant is marked and can be set back.
#include "app/editor/number_field.h"
#include "app/editor/scenario_editor.h"
#include "app/text/scenario_error_text.h"
#include "core/scenario/scenario_io.h"
#include "support/scenario_editor_support.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;
using finwave::testing::button;
using finwave::testing::richScenario;

namespace {
// The message beside the field is the reader's for the same value in a file, word for word.
TEST(ScenarioEditor, AWrongValueShowsTheFileReadersMessageAndTurnsApplyOff) {
    struct Bad {
        const char* widget;
        const char* typed;
        const char* json;  // the same value in a file
    };
    const Bad cases[] = {
        {"channel.ab.loss", "1.5", R"({"version":1,"channel":{"ab":{"loss":1.5}}})"},
        {"params.mss", "0", R"({"version":1,"params":{"mss":0}})"},
        {"params.delayed_ack_ms", "600", R"({"version":1,"params":{"delayed_ack_ms":600}})"},
        {"a.iss", "4294967296", R"({"version":1,"a":{"iss":4294967296}})"},
        {"seed", "-1", R"({"version":1,"seed":-1})"},
        {"faults[].n", "0", R"({"version":1,"faults":[{"kind":"drop-nth","n":0}]})"},
        {"actions[].delay_ms", "1e9", R"({"version":1,"actions":[{"side":"A","do":"close","delay_ms":1e9}]})"},
        {"channel.ba.delay_ms", "abc", R"({"version":1,"channel":{"ba":{"delay_ms":"abc"}}})"},
    };
    for (const Bad& b : cases) {
        SCOPED_TRACE(b.widget);
        ScenarioEditor editor;
        editor.setScenario(richScenario());
        const std::string before = writeScenario(editor.draft());
        auto* line = editor.findChild<QLineEdit*>(QString::fromLatin1(b.widget));
        ASSERT_NE(line, nullptr);
        auto* field = qobject_cast<NumberField*>(line->parentWidget());
        ASSERT_NE(field, nullptr);
        line->setText(QString::fromLatin1(b.typed));
        const ScenarioResult file = parseScenario(b.json, "bad.json");
        ASSERT_FALSE(file);
        EXPECT_EQ(field->message(), scenarioErrorReason(file.error));
        EXPECT_EQ(field->messageLabel()->text(), scenarioErrorReason(file.error));
        EXPECT_FALSE(field->messageLabel()->isHidden());
        EXPECT_FALSE(editor.canApply());
        EXPECT_FALSE(button(editor, "Apply and reset")->isEnabled());
        EXPECT_FALSE(editor.apply());
        EXPECT_EQ(writeScenario(editor.draft()), before) << "a wrong value never reaches the scenario";
        line->setText(QStringLiteral("1"));
        EXPECT_TRUE(editor.canApply());
        EXPECT_TRUE(field->messageLabel()->isHidden());
    }
}

TEST(ScenarioEditor, AnRtoFloorAboveItsCeilingGetsTheReadersMessageOnTheFloor) {
    ScenarioEditor editor;
    editor.setScenario(richScenario());
    editor.findChild<QLineEdit*>(QStringLiteral("params.rto_min_ms"))->setText(QStringLiteral("200000"));
    const ScenarioResult file = parseScenario(R"({"version":1,"params":{"rto_min_ms":200000}})", "bad.json");
    ASSERT_FALSE(file);
    auto* field = qobject_cast<NumberField*>(editor.findChild<QLineEdit*>(QStringLiteral("params.rto_min_ms"))->parentWidget());
    EXPECT_EQ(field->message(), scenarioErrorReason(file.error));
    EXPECT_FALSE(editor.canApply());
    editor.findChild<QLineEdit*>(QStringLiteral("params.rto_max_ms"))->setText(QStringLiteral("300000"));
    EXPECT_TRUE(editor.canApply());
    EXPECT_TRUE(field->message().isEmpty());
}

TEST(ScenarioEditor, SendsOverTheReadersByteBudgetTurnApplyOff) {
    ScenarioEditor editor;
    editor.setScenario(richScenario());
    editor.findChild<QListWidget*>(QStringLiteral("actions"))->setCurrentRow(1);  // B sends 300
    editor.findChild<QLineEdit*>(QStringLiteral("actions[].bytes"))->setText(QStringLiteral("20000000"));
    EXPECT_FALSE(editor.canApply());
    const auto over = checkScenarioBudgets(editor.draft());
    ASSERT_TRUE(over.has_value());
    bool shown = false;
    for (QLabel* l : editor.findChildren<QLabel*>())
        shown = shown || l->text().contains(scenarioErrorReason(*over));
    EXPECT_TRUE(shown) << "the budget's message is shown";
}

TEST(ScenarioEditor, AnOverriddenConstantIsMarkedAndItsButtonSetsItBackToTheProfilesValue) {
    ScenarioEditor editor;
    Scenario base = richScenario();
    base.params.timeWait = 10 * kSec;
    editor.setScenario(base);
    auto* reset = editor.findChild<QToolButton*>(QStringLiteral("params.time_wait_ms.reset"));
    ASSERT_NE(reset, nullptr);
    EXPECT_TRUE(reset->isEnabled());
    EXPECT_FALSE(editor.findChild<QToolButton*>(QStringLiteral("params.msl_ms.reset"))->isEnabled());
    // A new profile keeps the override and moves the rest to its own values.
    editor.findChild<QComboBox*>(QStringLiteral("profile"))->setCurrentIndex(1);
    EXPECT_EQ(editor.draft().params.timeWait, 10 * kSec);
    EXPECT_EQ(editor.draft().params.rtoMin, paramsFor(Profile::Linux).rtoMin);
    reset->click();
    EXPECT_EQ(editor.draft().params, paramsFor(Profile::Linux));
    EXPECT_FALSE(reset->isEnabled());
}

// Every command holds two snapshots: the history is bounded by their size, not by the edits.
TEST(ScenarioEditor, TheUndoHistoryOfAScenarioAtTheReadersBudgetIsBoundedInMemory) {
    ScenarioEditor editor;
    editor.setScenario(richScenario());
    EXPECT_EQ(editor.undoStack()->undoLimit(), 1000);
    Scenario big = richScenario();
    big.actions.assign(kMaxActions, big.actions.front());
    editor.setScenario(big);
    const int limit = editor.undoStack()->undoLimit();
    EXPECT_GE(limit, 20);
    EXPECT_LE(static_cast<std::size_t>(limit) * 2 * kMaxActions * sizeof(AppAction), std::size_t{70} << 20);
    auto* seed = editor.findChild<QLineEdit*>(QStringLiteral("seed"));
    for (int i = 0; i < limit + 10; ++i) {
        editor.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QString::number(i));  // a new field each time: no merging
        seed->setText(QString::number(i + 2));
    }
    EXPECT_EQ(editor.undoStack()->count(), limit);
}
}  // namespace
