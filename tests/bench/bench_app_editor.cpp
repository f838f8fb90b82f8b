// The scenario editor's speed: one keystroke in a field (check, undo command, refresh of every
// field and list) in a built-in and in a scenario at the reader's budget of 20 000 actions.
#include "app/editor/scenario_editor.h"
#include "app/main/window_main.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"

#include <QApplication>
#include <QLineEdit>

#include <benchmark/benchmark.h>

using namespace finwave;
using namespace finwave::app;

namespace {
Scenario withActions(int n) {
    Scenario s = *builtinScenario("normal-close");
    s.actions.clear();
    for (int i = 0; i < n; ++i)
        s.actions.push_back(action(i % 2 ? Side::B : Side::A, AppAction::Kind::Send, i * kMs, AppAction::Trigger::AtTime, 10));
    return s;
}
}  // namespace

// Typing alternately "1" and "2" into the A→B delay: every keystroke is a real edit.
static void BM_EditorKeystroke(benchmark::State& state) {
    ScenarioEditor editor;
    editor.setScenario(withActions(static_cast<int>(state.range(0))));
    auto* delay = editor.findChild<QLineEdit*>(QStringLiteral("channel.ab.delay_ms"));
    bool odd = false;
    for (auto _ : state) {
        delay->setText(odd ? QStringLiteral("1") : QStringLiteral("2"));
        odd = !odd;
    }
}
BENCHMARK(BM_EditorKeystroke)->Arg(2)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);
