// The scenario editor as a teacher uses it: every field set in the editor reaches the scenario
// file and comes back from it; undo and redo give back the exact scenario; a wrong value gets the
// file reader's own message and turns Apply off; New scenario gives the documented template.
#include "app/editor/number_field.h"
#include "app/editor/scenario_editor.h"
#include "support/scenario_editor_support.h"
#include "app/text/scenario_error_text.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/protocol/names.h"
#include "core/scenario/scenario_builder.h"
#include "core/scenario/scenario_io.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <sstream>

using namespace finwave;
using namespace finwave::app;

namespace {
using finwave::testing::richScenario;
using K = AppAction::Kind;
using T = AppAction::Trigger;

Scenario readBack(const std::string& json) {
    const ScenarioResult r = parseScenario(json, "editor.json");
    EXPECT_TRUE(r) << r.error.oneLine();
    return r ? *r.scenario : Scenario{};
}

// One edit as a user makes it: type into a field, tick a box, or pick an entry.
struct Edit {
    enum class How { Type, Toggle, Pick } how;
    const char* widget;  // the field's object name: its JSON path, "[]" for the selected entry
    QString text = {};   // typed
    int index = 0;       // picked
};

void perform(ScenarioEditor& editor, const Edit& e) {
    const QString name = QString::fromLatin1(e.widget);
    switch (e.how) {
    case Edit::How::Type:
        if (auto* plain = editor.findChild<QPlainTextEdit*>(name)) {
            plain->setPlainText(e.text);
        } else {
            auto* line = editor.findChild<QLineEdit*>(name);
            ASSERT_NE(line, nullptr) << e.widget;
            line->setText(e.text);
        }
        break;
    case Edit::How::Toggle: {
        auto* box = editor.findChild<QCheckBox*>(name);
        ASSERT_NE(box, nullptr) << e.widget;
        box->setChecked(!box->isChecked());
        break;
    }
    case Edit::How::Pick: {
        auto* combo = editor.findChild<QComboBox*>(name);
        ASSERT_NE(combo, nullptr) << e.widget;
        combo->setCurrentIndex(e.index);
        break;
    }
    }
}

struct FieldCase {
    Edit edit;
    std::function<void(Scenario&)> expect;  // what the edit does to the scenario, by hand
};

// Keeps the object names the table points to (a deque never moves its strings).
const char* keep(std::string name) {
    static std::deque<std::string> names;
    names.push_back(std::move(name));
    return names.back().c_str();
}

// The first line where two written scenarios differ, or "" when they are the same.
std::string firstDifference(const std::string& a, const std::string& b) {
    std::istringstream x(a), y(b);
    std::string l, r;
    for (int line = 1;; ++line) {
        const bool more = static_cast<bool>(std::getline(x, l)), moreToo = static_cast<bool>(std::getline(y, r));
        if (!more && !moreToo)
            return {};
        if (l != r || more != moreToo)
            return "line " + std::to_string(line) + ": '" + l + "' vs '" + r + "'";
    }
}

using How = Edit::How;
std::vector<FieldCase> everyField() {
    std::vector<FieldCase> c = {
        {{How::Type, "name", QStringLiteral("my-lesson")}, [](Scenario& s) { s.name = "my-lesson"; }},
        {{How::Type, "title", QStringLiteral("我的课")}, [](Scenario& s) { s.title = "我的课"; }},
        {{How::Type, "description", QStringLiteral("Two lines\nof text")}, [](Scenario& s) { s.description = "Two lines\nof text"; }},
        {{How::Type, "seed", QStringLiteral("9007199254740992")}, [](Scenario& s) { s.seed = 9007199254740992ull; }},
        {{How::Type, "horizon_ms", QStringLiteral("86400000")}, [](Scenario& s) { s.horizon = 86400 * kSec; }},
        {{How::Pick, "profile", {}, 1}, [](Scenario& s) { s.params = paramsFor(Profile::Linux); }},
        {{How::Type, "channel.ab.delay_ms", QStringLiteral("12.345")}, [](Scenario& s) { s.ab.delay = 12345; }},
        {{How::Type, "channel.ab.jitter_ms", QStringLiteral("7")}, [](Scenario& s) { s.ab.jitter = 7 * kMs; }},
        {{How::Type, "channel.ab.loss", QStringLiteral("0.25")}, [](Scenario& s) { s.ab.loss = 0.25; }},
        {{How::Type, "channel.ba.delay_ms", QStringLiteral("60000")}, [](Scenario& s) { s.ba.delay = 60 * kSec; }},
        {{How::Type, "channel.ba.jitter_ms", QStringLiteral("0.5")}, [](Scenario& s) { s.ba.jitter = 500; }},
        {{How::Type, "channel.ba.loss", QStringLiteral("1")}, [](Scenario& s) { s.ba.loss = 1; }},
        {{How::Type, "actions[].delay_ms", QStringLiteral("250")}, [](Scenario& s) { s.actions[0].delay = 250 * kMs; }},
        {{How::Type, "actions[].bytes", QStringLiteral("4000")}, [](Scenario& s) { s.actions[0].bytes = 4000; }},
        {{How::Pick, "actions[].side", {}, 1}, [](Scenario& s) { s.actions[0].side = Side::B; }},
        {{How::Pick, "actions[].do", {}, 1}, [](Scenario& s) { s.actions[0].kind = K::Connect; }},
        {{How::Pick, "actions[].when", {}, 2}, [](Scenario& s) { s.actions[0].trigger = T::AfterEstablished; }},
        {{How::Toggle, "actions[].has_iss"}, [](Scenario& s) { s.actions[0].iss = 0; }},
        {{How::Type, "actions[].iss", QStringLiteral("4294967295")}, [](Scenario& s) { s.actions[0].iss = 4294967295u; }},
        {{How::Pick, "faults[].kind", {}, 3}, [](Scenario& s) { s.faults[0].kind = Fault::Kind::InjectRst; }},
        {{How::Pick, "faults[].dir", {}, 0}, [](Scenario& s) { s.faults[0].dir = Direction::AtoB; }},
        {{How::Type, "faults[].n", QStringLiteral("7")}, [](Scenario& s) { s.faults[0].n = 7; }},
        {{How::Toggle, "faults[].exact_flags"}, [](Scenario& s) { s.faults[0].exactFlags = true; }},
        {{How::Type, "faults[].count", QStringLiteral("3")}, [](Scenario& s) { s.faults[0].count = 3; }},
        {{How::Type, "faults[].extra_delay_ms", QStringLiteral("1500")}, [](Scenario& s) { s.faults[0].extraDelay = 1500 * kMs; }},
        {{How::Type, "faults[].at_ms", QStringLiteral("42")}, [](Scenario& s) { s.faults[0].at = 42 * kMs; }},
        {{How::Type, "faults[].seq_offset", QStringLiteral("-1000000000")}, [](Scenario& s) { s.faults[0].seqOffset = -1000000000; }},
    };
    for (const auto& [bit, name] : flagNames()) {
        const std::uint8_t b = bit;
        c.push_back({{How::Toggle, keep("faults[].flags." + std::string(name))}, [b](Scenario& s) { s.faults[0].flags |= b; }});
    }
    for (const char* side : {"a", "b"}) {
        const bool a = side[0] == 'a';
        const auto ep = [a](Scenario& s) -> EndpointSetup& { return a ? s.a : s.b; };
        const auto key = [side](const char* k) { return keep(std::string(side) + "." + k); };
        c.push_back({{How::Pick, key("initial"), {}, 1}, [ep](Scenario& s) { ep(s).initial = TcpState::Closed; }});
        c.push_back({{How::Type, key("iss"), QStringLiteral("123456")}, [ep](Scenario& s) { ep(s).iss = 123456; }});
        c.push_back({{How::Type, key("already_sent"), QStringLiteral("1000000000")}, [ep](Scenario& s) { ep(s).alreadySent = 1000000000; }});
        c.push_back({{How::Toggle, key("auto_read")}, [ep](Scenario& s) { ep(s).autoRead = false; }});
        c.push_back({{How::Toggle, key("linger_zero")}, [ep](Scenario& s) { ep(s).lingerZero = true; }});
        c.push_back({{How::Toggle, key("linger2_negative")}, [ep](Scenario& s) { ep(s).linger2Negative = true; }});
        c.push_back({{How::Toggle, key("listen_again")}, [ep](Scenario& s) { ep(s).listenAgain = true; }});
    }
    const std::pair<const char*, std::function<void(ProtocolParams&)>> params[] = {
        {"msl_ms", [](ProtocolParams& p) { p.msl = 30 * kSec; }},
        {"time_wait_ms", [](ProtocolParams& p) { p.timeWait = 30 * kSec; }},
        {"rto_initial_ms", [](ProtocolParams& p) { p.rtoInitial = 30 * kSec; }},
        {"rto_min_ms", [](ProtocolParams& p) { p.rtoMin = 30 * kSec; }},
        {"rto_max_ms", [](ProtocolParams& p) { p.rtoMax = 30 * kSec; }},
        {"max_retries", [](ProtocolParams& p) { p.maxRetries = 30; }},
        {"give_up_after_ms", [](ProtocolParams& p) { p.giveUpAfter = 30 * kSec; }},
        {"delayed_ack_ms", [](ProtocolParams& p) { p.delayedAckTimeout = 30 * kMs; }},
        {"quick_acks", [](ProtocolParams& p) { p.quickAcks = 30; }},
        {"fin_wait_2_timeout_ms", [](ProtocolParams& p) { p.finWait2Timeout = 30 * kSec; }},
        {"user_timeout_ms", [](ProtocolParams& p) { p.userTimeout = 30 * kSec; }},
        {"orphan_retries", [](ProtocolParams& p) { p.orphanRetries = 30; }},
        {"mss", [](ProtocolParams& p) { p.mss = 30; }},
    };
    for (const auto& [k, set] : params) {
        const bool ms = std::string_view(k).ends_with("_ms");
        c.push_back({{How::Type, keep(std::string("params.") + k), ms ? QStringLiteral("30000") : QStringLiteral("30")},
                     [set](Scenario& s) { set(s.params); }});
    }
    // The ms fields above that are not 30 s: delayed_ack_ms allows at most 500 ms.
    for (FieldCase& f : c)
        if (std::string_view(f.edit.widget) == "params.delayed_ack_ms")
            f.edit.text = QStringLiteral("30");
    for (const char* k : {"delayed_ack", "rfc1337", "rst_carries_ack", "linux_time_wait_restart"}) {
        const std::string key = k;
        c.push_back({{How::Toggle, keep("params." + key)}, [key](Scenario& s) {
                         ProtocolParams& p = s.params;
                         if (key == "delayed_ack") p.delayedAck = true;
                         if (key == "rfc1337") p.rfc1337 = true;
                         if (key == "rst_carries_ack") p.rstCarriesAck = true;
                         if (key == "linux_time_wait_restart") p.linuxTimeWaitRestart = true;
                     }});
    }
    return c;
}

// The lead's record/replay extends Scenario; a field the editor has no widget for, such as the
// version, must reach Apply as it came in.
TEST(ScenarioEditor, EveryFieldSetInTheEditorComesBackFromTheWrittenFileAndNothingElseChanges) {
    const std::vector<FieldCase> cases = everyField();
    EXPECT_GE(cases.size(), 60u);  // 5 general, profile, 6 channel, 7 actions, 12 faults, 14 endpoints, 17 constants
    for (const FieldCase& c : cases) {
        SCOPED_TRACE(c.edit.widget);
        ScenarioEditor editor;
        const Scenario base = richScenario();
        editor.setScenario(base);
        std::vector<Scenario> applied;
        QObject::connect(&editor, &ScenarioEditor::applied, [&applied](const Scenario& s) { applied.push_back(s); });
        perform(editor, c.edit);
        ASSERT_TRUE(editor.canApply());
        ASSERT_TRUE(editor.apply());
        ASSERT_EQ(applied.size(), 1u);
        const Scenario got = applied.front();
        Scenario want = base;
        c.expect(want);
        const std::string written = writeScenario(got);
        EXPECT_EQ(firstDifference(written, writeScenario(want)), "");
        EXPECT_NE(written, writeScenario(base)) << "the edit changed nothing";
        // Through the file and back: the same scenario, every field.
        EXPECT_EQ(firstDifference(writeScenario(readBack(written)), writeScenario(want)), "");
    }
}

TEST(ScenarioEditor, FieldsTheEditorDoesNotShowAreCarriedThroughApplyAndTheFile) {
    ScenarioEditor editor;
    Scenario base = richScenario();
    base.version = 7;  // nothing in the editor shows it, nor the recording and the notes
    Interaction drop;
    drop.kind = Interaction::Kind::DropSegment;
    drop.step = 3;
    drop.dir = Direction::BtoA;
    drop.ordinal = 2;
    drop.at = 120 * kMs;
    base.recording = {drop};
    base.annotations = {{4, "Watch B's FIN come back"}};
    editor.setScenario(base);
    std::vector<Scenario> applied;
    QObject::connect(&editor, &ScenarioEditor::applied, [&applied](const Scenario& s) { applied.push_back(s); });
    editor.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("Changed"));
    ASSERT_TRUE(editor.apply());
    ASSERT_EQ(applied.size(), 1u);
    const Scenario got = applied.front();
    EXPECT_EQ(got.version, 7);
    EXPECT_EQ(got.title, "Changed");
    EXPECT_EQ(got.actions.size(), base.actions.size());
    EXPECT_EQ(got.recording, base.recording);
    EXPECT_EQ(got.annotations, base.annotations);
    const Scenario back = readBack(writeScenario(got));
    EXPECT_EQ(back.recording, base.recording);
    EXPECT_EQ(back.annotations, base.annotations);
}

TEST(ScenarioEditor, UndoingEveryEditRestoresTheExactScenarioAndRedoingThemRestoresEachStep) {
    ScenarioEditor editor;
    editor.setScenario(richScenario());
    std::vector<std::string> states = {writeScenario(editor.draft())};
    const auto edits = everyField();
    // A mixture of fields, then the lists' own commands.
    for (std::size_t i = 0; i < edits.size(); i += 3) {
        perform(editor, edits[i].edit);
        states.push_back(writeScenario(editor.draft()));
        EXPECT_EQ(editor.undoStack()->count(), static_cast<int>(states.size()) - 1) << edits[i].edit.widget;
    }
    const auto list = editor.findChild<QListWidget*>(QStringLiteral("actions"));
    for (const char* b : {"actions.add", "actions.up", "actions.remove", "faults.add", "faults.up", "actions.down"}) {
        auto* pushed = editor.findChild<QPushButton*>(QString::fromLatin1(b));
        ASSERT_NE(pushed, nullptr) << b;
        EXPECT_TRUE(pushed->isEnabled()) << b;
        pushed->click();
        states.push_back(writeScenario(editor.draft()));
        EXPECT_EQ(editor.undoStack()->count(), static_cast<int>(states.size()) - 1) << b;
    }
    list->setCurrentRow(2);
    editor.findChild<QPushButton*>(QStringLiteral("actions.up"))->click();
    states.push_back(writeScenario(editor.draft()));
    const int n = static_cast<int>(states.size()) - 1;
    ASSERT_EQ(editor.undoStack()->count(), n) << "each edit one command";
    for (int i = n; i > 0; --i) {
        EXPECT_EQ(firstDifference(writeScenario(editor.draft()), states[static_cast<std::size_t>(i)]), "") << "undo " << i;
        editor.undoStack()->undo();
    }
    EXPECT_EQ(writeScenario(editor.draft()), states.front()) << "byte for byte after N undos";
    for (int i = 1; i <= n; ++i) {
        editor.undoStack()->redo();
        EXPECT_EQ(firstDifference(writeScenario(editor.draft()), states[static_cast<std::size_t>(i)]), "") << "redo " << i;
    }
}

TEST(ScenarioEditor, TypingInOneFieldIsOneUndoStepAndItsTextFollowsUndo) {
    ScenarioEditor editor;
    editor.setScenario(richScenario());
    auto* loss = editor.findChild<QLineEdit*>(QStringLiteral("channel.ab.loss"));
    for (const char* t : {"0", "0.", "0.2", "0.25"})
        loss->setText(QString::fromLatin1(t));
    EXPECT_EQ(editor.undoStack()->count(), 1);
    EXPECT_EQ(editor.draft().ab.loss, 0.25);
    EXPECT_EQ(loss->text(), QStringLiteral("0.25")) << "the typed text is kept while typing";
    editor.undoStack()->undo();
    EXPECT_EQ(editor.draft().ab.loss, 0.0);
    EXPECT_EQ(loss->text(), QStringLiteral("0"));
}

TEST(ScenarioEditor, NewScenarioGivesTheDocumentedTemplateAndCanBeUndone) {
    ScenarioEditor editor;
    editor.setScenario(richScenario());
    const std::string before = writeScenario(editor.draft());
    editor.newScenario();
    const Scenario& s = editor.draft();
    EXPECT_EQ(s.name, "untitled");
    EXPECT_EQ(s.title, "Untitled scenario");
    EXPECT_EQ(s.params, paramsFor(Profile::Rfc));
    EXPECT_EQ(s.a.initial, TcpState::Established);
    EXPECT_EQ(s.b.initial, TcpState::Established);
    ASSERT_EQ(s.actions.size(), 1u);
    EXPECT_EQ(s.actions[0].side, Side::A);
    EXPECT_EQ(s.actions[0].kind, K::Close);
    EXPECT_EQ(s.actions[0].trigger, T::AtTime);
    EXPECT_EQ(s.actions[0].delay, 0);
    EXPECT_TRUE(s.faults.empty());
    EXPECT_EQ(s.ab.delay, 50 * kMs);
    EXPECT_EQ(s.ba.delay, 50 * kMs);
    EXPECT_EQ(s.seed, 1u);
    EXPECT_EQ(writeScenario(s), writeScenario(blankScenario()));
    EXPECT_TRUE(editor.canApply());
    editor.undoStack()->undo();
    EXPECT_EQ(writeScenario(editor.draft()), before);
}

}  // namespace
