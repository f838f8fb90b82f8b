#pragma once

#include "core/protocol/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finwave {

// Budgets of a scenario file, checked before the work or the allocation they bound (README
// "Limits"). A built-in needs at most a few KB, depth 4, 6 actions, 1 fault and 300 bytes.
inline constexpr std::size_t kMaxScenarioFileBytes = 4 * 1024 * 1024;  // the file as read, also from a pipe
inline constexpr int kMaxScenarioNesting = 32;                     // [ and { levels
inline constexpr std::size_t kMaxListEntries = 20'000;             // entries of any one JSON list
inline constexpr std::size_t kMaxJsonValues = 250'000;             // values in the whole file
inline constexpr std::size_t kMaxActions = 20'000;
inline constexpr std::size_t kMaxFaults = 1'000;
inline constexpr std::uint64_t kMaxBytesPerEndpoint = 10'000'000;  // sum of one endpoint's send actions
inline constexpr std::uint64_t kMaxDataSegmentsPerRun = 50'000;    // sum over sends of ceil(bytes / MSS)
inline constexpr std::size_t kMaxInteractions = 20'000;           // version 2 "recording" entries
inline constexpr std::size_t kMaxAnnotations = 1'000;             // version 2 "notes"
inline constexpr std::size_t kMaxAnnotationBytes = 2'000;         // one note's text

// Why a scenario was rejected, as a value the window can translate (app/text/scenario_error_text.h).
enum class ScenarioErrorCode : std::uint8_t {
    None,
    CannotOpen,         // the file cannot be opened
    CannotRead,         // reading failed (a folder, an I/O error)
    FileTooLarge,       // limit = kMaxScenarioFileBytes
    NestedTooDeep,      // limit = kMaxScenarioNesting
    ListTooLong,        // limit = kMaxListEntries
    TooManyValues,      // limit = kMaxJsonValues
    InvalidJson,        // expected = the parser's description
    DuplicateField,     // limit, actual = line, column of the first occurrence
    UnknownField,       // expected = the allowed fields
    MissingField,       // expected = what it should hold ("A or B"), may be empty
    NotAnObject,
    NotAList,
    NotAFlagList,
    NotANumber,
    NotABoolean,
    NotAString,
    OutOfRange,         // low, high
    NotOneOf,           // value, expected = the valid names
    NotAFlag,           // value, expected = the flag names
    UnsupportedVersion, // value
    RtoMinAboveMax,
    TooManyActions,     // limit, actual
    TooManyFaults,      // limit, actual
    TooManyBytes,       // limit, actual, value = the endpoint ("A" or "B")
    TooManySegments,    // limit, actual, value = the MSS
    NotWhole,           // low, high: a count or a step with a fraction (2.5)
};

// Where and why a scenario file was rejected. line/column are 1-based; 0 when unknown. Every
// text member is one line: control characters from the file are escaped ("\n").
struct ScenarioError {
    ScenarioErrorCode code = ScenarioErrorCode::None;
    std::string file;
    int line = 0;
    int column = 0;
    std::string field;     // JSON path of the offending field: "channel.ab.loss"
    std::string message;   // what is wrong with it, in English: "must be between 0 and 1"
    std::string value;     // the offending value as written, escaped and shortened
    std::string expected;  // the valid names or fields, or the parser's description
    double low = 0, high = 0;               // OutOfRange, NotWhole
    std::uint64_t limit = 0, actual = 0;    // the budgets
    // "file:line:column: field 'channel.ab.loss': must be between 0 and 1"
    std::string oneLine() const;
};

struct ScenarioResult {
    std::optional<Scenario> scenario;
    ScenarioError error;
    explicit operator bool() const { return scenario.has_value(); }
};

// The newest version written; the reader takes 1 (no recording) and 2 (recording, notes).
inline constexpr int kScenarioFormatVersion = 2;

ScenarioResult parseScenario(std::string_view json, std::string_view fileName);
// Reads at most kMaxScenarioFileBytes + 1 bytes, so /dev/zero and endless pipes are refused too.
ScenarioResult readScenarioFile(const std::string& path);
// Pretty JSON with every field; version 1 unless the scenario has a recording or notes.
std::string writeScenario(const Scenario& scenario);

// The work budgets of a scenario however it was made (actions, faults, bytes, segments); the
// reader applies them to every file. The error has no file, line or column.
std::optional<ScenarioError> checkScenarioBudgets(const Scenario& scenario);

// Text from a file made safe for a one-line message: control characters escaped as \n, \t or
// \xNN, and cut to `max` bytes with "..." (never inside a UTF-8 sequence).
std::string printable(std::string_view text, std::size_t max = 60);

}  // namespace finwave
