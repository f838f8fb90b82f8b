#pragma once
// A look at the raw bytes of a JSON text before any parser allocates or recurses: how deep it
// nests, how long its lists are, whether an object repeats a key, and where a field is written.
// Syntax errors are left to the parser: the scan only stops early at a budget.

#include "core/scenario/scenario_io.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace finwave {

struct JsonScanIssue {
    ScenarioErrorCode code = ScenarioErrorCode::None;  // NestedTooDeep, ListTooLong, TooManyValues, DuplicateField
    std::string field;              // JSON path: "faults[0].flags"
    std::size_t offset = 0;         // byte where the budget was crossed, or the repeated key
    std::size_t firstOffset = 0;    // DuplicateField: the key's first occurrence
};

struct JsonBudgets {
    int depth;
    std::size_t listEntries;
    std::size_t values;
};
std::optional<JsonScanIssue> scanJsonBudgets(std::string_view text, const JsonBudgets& budgets);

// Byte offset of the field at `path` ("actions[2].bytes"): its key inside an object, its first
// byte inside a list. Assumes a text that passed scanJsonBudgets.
std::optional<std::size_t> findJsonField(std::string_view text, std::string_view path);

}  // namespace finwave
