#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/trace_format.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace finwave;

TEST(ScenarioIo, EveryBuiltinRoundTripsThroughJsonAndRunsTheSame) {
    for (auto name : builtinScenarioNames()) {
        const Scenario s = *builtinScenario(name);
        const std::string text = writeScenario(s);
        const ScenarioResult r = parseScenario(text, std::string(name) + ".json");
        ASSERT_TRUE(r) << r.error.oneLine();
        EXPECT_EQ(writeScenario(*r.scenario), text) << name;
        Simulator a(s), b(*r.scenario);
        a.runToEnd();
        b.runToEnd();
        std::ostringstream ta, tb;
        writeTrace(ta, a, TraceFormat::Jsonl);
        writeTrace(tb, b, TraceFormat::Jsonl);
        EXPECT_EQ(ta.str(), tb.str()) << name;
    }
}

TEST(ScenarioIo, TheBuiltinsAreTheShippedFilesAsTheReaderReadsThem) {
    for (auto name : builtinScenarioNames()) {
        const std::string path = std::string(FINWAVE_SOURCE_DIR) + "/resources/scenarios/" + std::string(name) + ".json";
        const ScenarioResult r = readScenarioFile(path);
        ASSERT_TRUE(r) << r.error.oneLine();
        EXPECT_EQ(writeScenario(*r.scenario), writeScenario(*builtinScenario(name))) << path;
    }
}

TEST(ScenarioIo, SyntaxErrorNamesFileLineAndColumn) {
    const ScenarioResult r = parseScenario("{\n  \"version\": 1,\n  \"seed\": ,\n}", "broken.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.file, "broken.json");
    EXPECT_EQ(r.error.line, 3);
    EXPECT_EQ(r.error.column, 11);
    EXPECT_NE(r.error.oneLine().find("broken.json:3:11:"), std::string::npos) << r.error.oneLine();
}

TEST(ScenarioIo, OutOfRangeValueNamesTheFieldAndRange) {
    const ScenarioResult r =
        parseScenario("{\"version\": 1,\n \"channel\": {\"ab\": {\n   \"loss\": 1.5}}}", "loss.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.field, "channel.ab.loss");
    EXPECT_EQ(r.error.line, 3);
    EXPECT_NE(r.error.message.find("between 0 and 1"), std::string::npos);
}

TEST(ScenarioIo, UnknownFieldWrongTypeBadEnumAndVersionAreRejected) {
    struct Case {
        const char* json;
        const char* field;
    } cases[] = {
        {R"({"version": 1, "colour": "red"})", "colour"},
        {R"({"version": 1, "seed": "abc"})", "seed"},
        {R"({"version": 1, "profile": "bsd"})", "profile"},
        {R"({"version": 3})", "version"},
        {R"({"name": "x"})", "version"},
        {R"({"version": 1, "actions": [{"side": "C", "do": "close"}]})", "actions[0].side"},
        {R"({"version": 1, "faults": [{"kind": "drop-nth", "flags": ["XYZ"]}]})", "faults[0].flags"},
        {R"({"version": 1, "params": {"delayed_ack_ms": 800}})", "params.delayed_ack_ms"},
        {R"([1, 2, 3])", ""},
    };
    for (const auto& c : cases) {
        const ScenarioResult r = parseScenario(c.json, "case.json");
        ASSERT_FALSE(r) << c.json;
        EXPECT_EQ(r.error.field, c.field) << c.json << " -> " << r.error.oneLine();
        EXPECT_FALSE(r.error.message.empty());
    }
}

TEST(ScenarioIo, NumberTooLargeForADoubleIsAnErrorNotAnException) {
    // Found by fuzz_scenario: nlohmann throws out_of_range, not parse_error, for 1e888888888.
    const ScenarioResult r = parseScenario("{\"version\": 1, \"seed\": 666e888888888}", "huge.json");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error.message.find("not valid JSON"), std::string::npos) << r.error.oneLine();
}

TEST(ScenarioIo, MissingFileIsAnErrorNotACrash) {
    const ScenarioResult r = readScenarioFile("/nonexistent/dir/x.json");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error.oneLine().find("/nonexistent/dir/x.json"), std::string::npos);
}

TEST(ScenarioIo, ForgedRstFaultRoundTrips) {
    const char* text = R"({"version": 1, "faults": [{"kind": "inject-rst", "dir": "B>A", "at_ms": 1500, "seq_offset": -3}]})";
    const ScenarioResult r = parseScenario(text, "forged.json");
    ASSERT_TRUE(r) << r.error.oneLine();
    ASSERT_EQ(r.scenario->faults.size(), 1u);
    const Fault& f = r.scenario->faults[0];
    EXPECT_EQ(f.kind, Fault::Kind::InjectRst);
    EXPECT_EQ(f.dir, Direction::BtoA);
    EXPECT_EQ(f.at, 1500 * kMs);
    EXPECT_EQ(f.seqOffset, -3);
    const ScenarioResult again = parseScenario(writeScenario(*r.scenario), "again.json");
    ASSERT_TRUE(again);
    EXPECT_EQ(writeScenario(*again.scenario), writeScenario(*r.scenario));
}

#include "core/scenario/lesson.h"

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

// A FIFO nobody writes to, named as a scenario, a lesson or a lesson's entry: std::ifstream waited
// in open() for a writer forever. Now it reads as an empty file and is refused.
TEST(ScenarioIo, AFifoWithNoWriterIsRefusedNotWaitedFor) {
    const std::string dir = ::testing::TempDir() + "finwave_fifo_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string fifo = dir + "/s.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const ScenarioResult r = readScenarioFile(fifo);
    EXPECT_FALSE(r);
    EXPECT_EQ(r.error.file, fifo);
    const LessonResult l = readLessonFile(fifo);
    EXPECT_FALSE(l);
    LessonEntry entry;
    entry.file = "s.json";
    EXPECT_FALSE(openLessonEntry(entry, dir).scenario);
    // A folder is refused with its own reason.
    const ScenarioResult folder = readScenarioFile(dir);
    ASSERT_FALSE(folder);
    EXPECT_NE(folder.error.message.find("folder"), std::string::npos) << folder.error.oneLine();
    std::filesystem::remove_all(dir);
}
