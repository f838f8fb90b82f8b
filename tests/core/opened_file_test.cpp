// `finwave FILE`: a file named without a flag, as a desktop's "Open with FinWave" runs the program
// (Exec=finwave %f), goes to --scenario, --lesson or --capture by what is in it, not by its name.
#include "core/options/command_line.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace finwave;
using namespace finwave::options;

namespace {
namespace fs = std::filesystem;

class OpenedFile : public ::testing::Test {
protected:
    void SetUp() override {
        // Short, so the paths in the refusals are not cut (a path is shown up to 60 bytes).
        static int made = 0;
        m_dir = fs::temp_directory_path() /
                ("fw-open-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string write(const std::string& name, const std::string& bytes) {
        const fs::path p = m_dir / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p.string();
    }
    static WindowOptions window(std::vector<std::string> args) {
        const Parsed p = parseCommandLine(args);
        EXPECT_TRUE(p) << p.error;
        return p ? std::get<WindowOptions>(*p.command) : WindowOptions{};
    }
    static std::string refusal(std::vector<std::string> args) {
        const Parsed p = parseCommandLine(args);
        return p ? std::string("(accepted)") : p.error;
    }
    fs::path m_dir;
};

const std::string kLesson = R"({"title": "t", "lesson": 1, "scenarios": [{"builtin": "lost-fin"}]})";
const std::string kScenario =
    R"({"version": 1, "name": "mine", "notes": [{"step": 1, "text": "\"lesson\": 1"}]})";
const std::string kPcapng = std::string("\x0a\x0d\x0d\x0a", 4) + "rest of a section header";
const std::string kPcap = std::string("\xd4\xc3\xb2\xa1", 4) + "rest of a file header";
}  // namespace

TEST_F(OpenedFile, ALessonIsToldByItsTopKeyWhereverItIsWritten) {
    const std::string file = write("class.json", kLesson);
    const WindowOptions o = window({file});
    EXPECT_EQ(o.lesson, file);
    EXPECT_FALSE(o.scenario.scenarioGiven);
    EXPECT_FALSE(o.capture);
}

TEST_F(OpenedFile, AScenarioThatMentionsALessonInATextIsStillAScenario) {
    const std::string file = write("mine.json", kScenario);
    const WindowOptions o = window({"--theme", "projector", file});
    EXPECT_TRUE(o.scenario.scenarioGiven);
    EXPECT_EQ(o.scenario.scenario, file);
    EXPECT_TRUE(o.lesson.empty());
    EXPECT_EQ(o.theme, "projector") << "the window's flags still apply";
}

TEST_F(OpenedFile, ACaptureIsToldByItsFirstBytesNotItsName) {
    const std::string pcapng = write("renamed.json", kPcapng);
    const WindowOptions a = window({pcapng, "--connection", "2"});
    ASSERT_TRUE(a.capture);
    EXPECT_EQ(a.capture->file, pcapng);
    EXPECT_EQ(a.capture->connection, 2) << "--connection picks the connection of the FILE";
    const std::string pcap = write("dump", kPcap);
    ASSERT_TRUE(window({pcap}).capture);
}

TEST_F(OpenedFile, AFileThatCannotBeReadGoesByItsExtensionSoItsReaderNamesTheProblem) {
    const std::string missing = (m_dir / "gone.pcapng").string();
    const WindowOptions c = window({missing});
    ASSERT_TRUE(c.capture);
    EXPECT_EQ(c.capture->file, missing);
    const WindowOptions s = window({(m_dir / "gone.json").string()});
    EXPECT_EQ(s.scenario.scenario, (m_dir / "gone.json").string());
}

TEST_F(OpenedFile, ABareNameIsReadAsAFileNotABuiltIn) {
    const fs::path old = fs::current_path();
    fs::current_path(m_dir);
    write("lost-fin", kScenario);
    const Parsed p = parseCommandLine({"lost-fin"});
    fs::current_path(old);
    ASSERT_TRUE(p) << p.error;
    EXPECT_EQ(std::get<WindowOptions>(*p.command).scenario.scenario, "./lost-fin");
}

TEST_F(OpenedFile, OneFileAtATimeAndNotTwiceForOneKind) {
    const std::string lesson = write("l.json", kLesson);
    const std::string scenario = write("s.json", kScenario);
    EXPECT_EQ(refusal({lesson, scenario}),
              "finwave: unexpected argument '" + scenario + "': one FILE at a time (see finwave --help)");
    EXPECT_EQ(refusal({scenario, "--scenario", "lost-fin"}),
              "finwave: " + scenario + ": is a scenario, and --scenario names one too");
    EXPECT_EQ(refusal({"--lesson", lesson, lesson}),
              "finwave: " + lesson + ": is a lesson, and --lesson names one too");
    // A lesson and a scenario flag together were and are the window's business, as with --lesson.
    EXPECT_EQ(refusal({lesson, "--seed", "3"}), "(accepted)");
}

TEST_F(OpenedFile, AWordThatIsNeitherACommandNorAFileIsStillAnUnknownCommand) {
    EXPECT_EQ(refusal({"bogus"}),
              "finwave: unknown command 'bogus' (trace, export, experiment, import, lab, compare; see finwave --help)");
    EXPECT_EQ(refusal({"trace"}).rfind("finwave trace: ", 0), 0u) << "a command's name is never a file";
}
