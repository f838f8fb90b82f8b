#pragma once
// What the scenario editor's tests share: a scenario with entries in every list, and a button
// found by its text.
#include "app/editor/scenario_editor.h"
#include "core/scenario/scenario_builder.h"

#include <QPushButton>

#include <gtest/gtest.h>

namespace finwave::testing {

using K = AppAction::Kind;
using T = AppAction::Trigger;

// A scenario with something in every list, so the list fields have entries to edit.
inline Scenario richScenario() {
    Scenario s = makeScenario("rich", "Rich", "Every list has entries.");
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Send, 100 * kMs, T::AfterEof, 300),
                 action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
    s.faults = {dropNth(Direction::BtoA, 2), forgedRst(Direction::AtoB, 500 * kMs, -5)};
    s.a.iss = 1000;
    s.b.iss = 5000;
    return s;
}

inline QPushButton* button(app::ScenarioEditor& editor, const char* text) {
    for (QPushButton* b : editor.findChildren<QPushButton*>())
        if (b->text().remove(QLatin1Char('&')) == QLatin1String(text))
            return b;
    ADD_FAILURE() << "no button " << text;
    return nullptr;
}

}  // namespace finwave::testing
