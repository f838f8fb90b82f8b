// Every scenario input gets bounded work and memory and a one-line reason.
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"
#include "core/scenario/scenario_io.h"
#include "support/long_run.h"

#include "support/temp_folder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

using namespace finwave;

namespace {
std::string deepFlags(int depth) {
    return R"({"version": 1, "faults": [{"kind": "drop-nth", "flags": )" + std::string(depth, '[') +
           std::string(depth, ']') + "}]}";
}

std::string sends(int count, std::uint64_t bytes, int mss) {
    std::string s = R"({"version": 1, "params": {"mss": )" + std::to_string(mss) + R"(}, "actions": [)";
    for (int i = 0; i < count; ++i)
        s += std::string(i ? ", " : "") + R"({"side": "A", "do": "send", "bytes": )" + std::to_string(bytes) + "}";
    return s + "]}";
}

bool oneLine(const ScenarioResult& r) { return r.error.oneLine().find_first_of("\n\r") == std::string::npos; }
}  // namespace

TEST(ScenarioLimits, AHundredThousandNestedListsInFlagsAreRefusedNotACrash) {
    const ScenarioResult r = parseScenario(deepFlags(100'000), "deep.json");  // 200 KB
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::NestedTooDeep);
    EXPECT_EQ(r.error.field.rfind("faults[0].flags", 0), 0u) << r.error.oneLine();
    EXPECT_NE(r.error.message.find("32 levels"), std::string::npos) << r.error.message;
    EXPECT_EQ(r.error.line, 1);
    EXPECT_TRUE(oneLine(r));
}

TEST(ScenarioLimits, NestingAtTheLimitStillReachesTheReader) {
    // 3 levels of scenario (root, faults, fault) plus the flags list nested up to the limit.
    const ScenarioResult r = parseScenario(deepFlags(kMaxScenarioNesting - 3), "deep.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::NotAFlag) << r.error.oneLine();
    EXPECT_EQ(r.error.message, "a list is not a flag (SYN, FIN, RST, PSH, ACK)");
}

TEST(ScenarioLimits, AFlagThatIsAnObjectIsDescribedNotDumped) {
    const ScenarioResult r =
        parseScenario(R"({"version": 1, "faults": [{"kind": "drop-nth", "flags": ["FIN", {"x": [1]}]}]})", "f.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.field, "faults[0].flags");
    EXPECT_EQ(r.error.message, "an object is not a flag (SYN, FIN, RST, PSH, ACK)");
}

TEST(ScenarioLimits, TenToTheNineBytesAtMssOneAreRefusedNamingTheFieldAndLimit) {
    const ScenarioResult r = parseScenario(sends(1, 1'000'000'000, 1), "big.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::TooManyBytes);
    EXPECT_EQ(r.error.field, "actions[0].bytes");
    EXPECT_EQ(r.error.limit, kMaxBytesPerEndpoint);
    EXPECT_NE(r.error.message.find(std::to_string(kMaxBytesPerEndpoint)), std::string::npos) << r.error.message;
    EXPECT_GT(r.error.line, 0);
}

TEST(ScenarioLimits, SendsThatWouldCutTooManySegmentsAreRefused) {
    const ScenarioResult r = parseScenario(sends(3, 20'000, 1), "segments.json");  // 60 000 segments
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::TooManySegments);
    EXPECT_EQ(r.error.field, "actions[2].bytes");
    EXPECT_NE(r.error.message.find(std::to_string(kMaxDataSegmentsPerRun)), std::string::npos) << r.error.message;
}

TEST(ScenarioLimits, SendsAddingUpPastTwoToThe32DoNotWrap) {
    // 5 x 10^9 = 5 000 000 000 bytes: in 32 bits that is 705 032 704, which looks harmless.
    const ScenarioResult r = parseScenario(sends(5, 1'000'000'000, 65535), "wrap.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::TooManyBytes);
    Scenario s = *builtinScenario("normal-close");
    for (int i = 0; i < 5; ++i)
        s.actions.push_back(action(Side::B, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 1'000'000'000));
    const auto over = checkScenarioBudgets(s);
    ASSERT_TRUE(over);
    EXPECT_EQ(over->value, "B");
    EXPECT_EQ(over->field, "actions[2].bytes");
    EXPECT_EQ(over->actual, 1'000'000'000u);
}

TEST(ScenarioLimits, EveryBuiltinAndALongLessonFitTheBudgets) {
    for (auto name : builtinScenarioNames())
        EXPECT_FALSE(checkScenarioBudgets(*builtinScenario(name))) << name;
    const Scenario lesson = finwave::testing::longRun(20'000);  // the longest run the export tests draw
    EXPECT_FALSE(checkScenarioBudgets(lesson));
    const ScenarioResult r = parseScenario(writeScenario(lesson), "lesson.json");
    EXPECT_TRUE(r) << r.error.oneLine();
}

TEST(ScenarioLimits, ATextLargerThanTheFileLimitIsRefusedBeforeParsing) {
    std::string many = "[";
    while (many.size() <= kMaxScenarioFileBytes)
        many += "{},";
    many += "{}]";
    const ScenarioResult r = parseScenario(many, "many.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::FileTooLarge);
    EXPECT_NE(r.error.oneLine().find("many.json: is larger than 4194304 bytes"), std::string::npos) << r.error.oneLine();
}

TEST(ScenarioLimits, DevZeroIsReadOnlyUpToTheLimit) {
    const ScenarioResult r = readScenarioFile("/dev/zero");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::FileTooLarge);
    EXPECT_EQ(r.error.actual, kMaxScenarioFileBytes + 1);
}

TEST(ScenarioLimits, AFileExactlyAtTheLimitIsParsed) {
    std::string text = R"({"version": 1, "description": ")";
    text += std::string(kMaxScenarioFileBytes - text.size() - 2, 'x') + "\"}";
    ASSERT_EQ(text.size(), kMaxScenarioFileBytes);
    const finwave::testing::TempFolder folder;
    const std::string path = folder.file("at-limit.json");
    std::ofstream(path, std::ios::binary) << text;
    const ScenarioResult r = readScenarioFile(path);
    EXPECT_TRUE(r) << r.error.oneLine();
}

TEST(ScenarioLimits, ALongListIsRefusedBeforeTheParserBuildsIt) {
    std::string text = R"({"version": 1, "actions": [)";
    for (std::size_t i = 0; i <= kMaxListEntries; ++i)
        text += i ? ",{}" : "{}";
    text += "]}";
    const ScenarioResult r = parseScenario(text, "list.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::ListTooLong);
    EXPECT_EQ(r.error.field, "actions");
}

TEST(ScenarioLimits, ManyShortListsAreRefusedByTheValueCount) {
    // Each list is short, but together they would make the parser build a million empty objects.
    std::string inner;
    for (std::size_t i = 0; i < kMaxJsonValues / 50; ++i)
        inner += i ? ",{}" : "{}";
    std::string list;
    for (std::size_t i = 0; i < 100; ++i)
        list += (i ? ",[" : "[") + inner + "]";
    const std::string text = R"({"version": 1, "x": [)" + list + "]}";
    ASSERT_LT(text.size(), kMaxScenarioFileBytes);
    const ScenarioResult r = parseScenario(text, "values.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::TooManyValues);
    EXPECT_EQ(r.error.limit, kMaxJsonValues);
}

TEST(ScenarioLimits, TooManyFaultsAreRefusedWithTheLimit) {
    std::string text = R"({"version": 1, "faults": [)";
    for (std::size_t i = 0; i <= kMaxFaults; ++i)
        text += std::string(i ? "," : "") + R"({"kind": "drop-nth"})";
    const ScenarioResult r = parseScenario(text + "]}", "faults.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::TooManyFaults);
    EXPECT_EQ(r.error.limit, kMaxFaults);
}

TEST(ScenarioLimits, ANewlineInAnEnumValueOrAnUnknownKeyIsEscaped) {
    ScenarioResult r = parseScenario(R"({"version": 1, "profile": "rfc\nlinux"})", "nl.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.message, "'rfc\\nlinux' is not one of: rfc, linux");
    EXPECT_TRUE(oneLine(r));
    r = parseScenario("{\"version\": 1, \"col\\nour\\u0007\": 1}", "key.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.field, "col\\nour\\x07");
    EXPECT_TRUE(oneLine(r));
    r = parseScenario("{\"version\": 1}", "a\nb.json");
    EXPECT_TRUE(r);
    r = parseScenario("{\"version\": 3}", "a\nb.json");
    EXPECT_TRUE(oneLine(r)) << r.error.oneLine();
}

TEST(ScenarioLimits, BadJsonIsDescribedWholeAtItsLineAndColumn) {
    ScenarioResult r = parseScenario("{\"version\": 1,\n \"seed\": NaN}", "nan.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::InvalidJson);
    EXPECT_EQ(r.error.line, 2);
    EXPECT_EQ(r.error.message, "not valid JSON: syntax error while parsing value - invalid literal; last read: '\"seed\": N'");
    r = parseScenario("hello", "h.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.message, "not valid JSON: syntax error while parsing value - invalid literal; last read: 'h'");
    r = parseScenario("{\"version\": 1, \"name\": \"a\nb\"}", "ctl.json");  // a raw newline inside a string
    ASSERT_FALSE(r);
    EXPECT_TRUE(oneLine(r)) << r.error.oneLine();
}

TEST(ScenarioLimits, ADuplicateKeyIsRefusedAtItsOwnLocation) {
    const ScenarioResult r = parseScenario("{\"version\": 1,\n \"seed\": 4,\n \"seed\": \"x\"}", "dup.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::DuplicateField);
    EXPECT_EQ(r.error.field, "seed");
    EXPECT_EQ(r.error.line, 3);
    EXPECT_EQ(r.error.column, 2);
    EXPECT_NE(r.error.message.find("line 2, column 2"), std::string::npos) << r.error.message;
}

// A key written with an escape is the same key: "\u0066aults" after "faults" silently took the
// drop out of lost-last-ack (the parser keeps the last). Surrogate pairs and short escapes too.
TEST(ScenarioLimits, ADuplicateKeyWrittenWithAnEscapeIsRefusedToo) {
    ScenarioResult r = parseScenario("{\"version\": 1,\n \"faults\": [],\n \"\\u0066aults\": []}", "esc.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::DuplicateField);
    EXPECT_EQ(r.error.line, 3);
    r = parseScenario(R"({"version": 1, "name": "a", "na\u006De": "b"})", "esc2.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::DuplicateField);
    r = parseScenario(R"({"version": 1, "notes": [{"step": 1, "text": "x", "\ud83d\ude00": 1, "\uD83D\uDE00": 2}]})", "emoji.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::DuplicateField);
    // Different keys that only look alike stay apart.
    r = parseScenario(R"({"version": 1, "seed": 1, "se\u0065d2": 2})", "apart.json");
    EXPECT_NE(r.error.code, ScenarioErrorCode::DuplicateField) << r.error.oneLine();
}

// Escaped keys in an object that stays open while many objects open inside it: the scanner's open
// objects were held in a vector whose growth copied them, leaving the escaped keys' decoded names
// freed (fuzz_lesson found it; the ASan build reports the use after free).
TEST(ScenarioLimits, EscapedKeysStayKnownWhileObjectsNestInsideTheirs) {
    std::string text = R"({"version": 1, "\u006Eotes": [)";
    for (int depth = 0; depth < 20; ++depth)
        text += R"({"\u0061": )";
    text += "1";
    for (int depth = 0; depth < 20; ++depth)
        text += "}";
    text += R"(], "n\u006Ftes": []})";
    const ScenarioResult r = parseScenario(text, "nested.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.code, ScenarioErrorCode::DuplicateField) << r.error.oneLine();
}

TEST(ScenarioLimits, TheSameKeyInTwoObjectsIsNoDuplicate) {
    const ScenarioResult r = parseScenario(
        R"({"version": 1, "channel": {"ab": {"loss": 0.1}, "ba": {"loss": 0.2}}})", "two.json");
    EXPECT_TRUE(r) << r.error.oneLine();
}

TEST(ScenarioLimits, ErrorLocationPointsAtTheFieldItNames) {
    const ScenarioResult r = parseScenario(
        "{\"version\": 1, \"actions\": [\n{\"side\": \"A\", \"do\": \"close\"},\n{\"side\": \"A\", \"do\": \"melt\"}]}",
        "where.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.field, "actions[1].do");
    EXPECT_EQ(r.error.line, 3);
    EXPECT_EQ(r.error.column, 15);
}

// A count or a step with a fraction is refused, as quiz steps are (2.5 was read as 2): recording
// and note steps, a fault's n and count, MSS, retries, ISS, bytes and the seed.
TEST(ScenarioLimits, ACountOrAStepWithAFractionIsRefused) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"version": 2, "recording": [{"step": 2.5, "do": "drop-next", "side": "A"}]})", "recording[0].step"},
        {R"({"version": 2, "notes": [{"step": 1.5, "text": "x"}]})", "notes[0].step"},
        {R"({"version": 1, "faults": [{"kind": "drop-nth", "n": 1.5}]})", "faults[0].n"},
        {R"({"version": 1, "params": {"mss": 1000.5}})", "params.mss"},
        {R"({"version": 1, "seed": 3.25})", "seed"},
    };
    for (const auto& [text, field] : cases) {
        const ScenarioResult r = parseScenario(text, "frac.json");
        ASSERT_FALSE(r) << text;
        EXPECT_EQ(r.error.code, ScenarioErrorCode::NotWhole) << text << ": " << r.error.oneLine();
        EXPECT_EQ(r.error.field, field) << r.error.oneLine();
    }
    // Whole numbers written with a point are whole.
    EXPECT_TRUE(parseScenario(R"({"version": 1, "seed": 3.0, "params": {"mss": 1000.0}})", "ok.json")) << "3.0";
}
