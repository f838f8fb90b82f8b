// The command line's one option layer (core/options): every command's flags read into typed
// options with no Qt; every bad value and every flag a command does not take refused with one
// line naming it.
#include "core/options/command_line.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace finwave;
using namespace finwave::options;

namespace {
Parsed parse(std::vector<std::string> args) { return parseCommandLine(args); }

std::string refusal(std::vector<std::string> args) {
    const Parsed p = parse(std::move(args));
    return p ? std::string("(accepted)") : p.error;
}
}  // namespace

TEST(CommandLineOptions, SharedFlagsAreCheckedAndACommandsOwnFlagsTyped) {
    const Parsed p = parse({"trace", "--scenario", "lost-fin", "--format", "text", "--seed", "7", "--format", "jsonl",
                            "--delay-ba", "0", "--pcap", "out.pcap", "--vantage", "b"});
    ASSERT_TRUE(p) << p.error;
    const auto& o = std::get<TraceOptions>(*p.command);
    EXPECT_EQ(o.scenario.scenario, "lost-fin");
    EXPECT_TRUE(o.scenario.scenarioGiven);
    EXPECT_EQ(o.scenario.seed, 7u);
    EXPECT_EQ(o.format, TraceFormat::Jsonl);  // the last of a repeated flag
    EXPECT_EQ(o.scenario.delayBaMs, 0.0);
    EXPECT_EQ(o.pcap, "out.pcap");
    EXPECT_EQ(o.captureOptions().format, capture::CaptureFormat::Pcap);
    EXPECT_EQ(o.captureOptions().vantage, Side::B);
}

TEST(CommandLineOptions, ANegativeNumberIsAValueNotAFlag) {
    EXPECT_EQ(refusal({"trace", "--scenario", "lost-fin", "--delay-ba", "-3"}),
              "finwave trace: --delay-ba: -3 is out of range (0 to 60000)");
}

TEST(CommandLineOptions, TheFirstProblemIsNamedAsTyped) {
    EXPECT_EQ(refusal({"trace", "--seed", "1", "stray", "--bogus"}),
              "finwave trace: unexpected argument 'stray' (see finwave --help)");
    EXPECT_EQ(refusal({"trace", "-x", "stray"}), "finwave trace: unknown flag '-x' (see finwave --help)");
    EXPECT_EQ(refusal({"export", "--caption=yes"}), "finwave export: --caption: takes no value");
    EXPECT_EQ(refusal({"trace", "--scenario", "lost-fin", "--seed"}), "finwave trace: --seed: needs a value");
    EXPECT_EQ(refusal({"trace", "--frobnicate"}), "finwave trace: unknown flag '--frobnicate' (see finwave --help)");
    // One dash reads as two, and a value may follow an equals sign.
    const Parsed p = parse({"trace", "-scenario", "lost-fin", "--seed=9"});
    ASSERT_TRUE(p) << p.error;
    EXPECT_EQ(std::get<TraceOptions>(*p.command).scenario.seed, 9u);
}

TEST(CommandLineOptions, ANewlineInAValueIsEscapedInTheReason) {
    EXPECT_EQ(refusal({"trace", "--profile", "rfc\nlinux"}),
              "finwave trace: --profile: 'rfc\\nlinux' is not a profile (rfc, linux)");
}

// Each command refuses the flags it does not take, where before some were silently ignored
// (`finwave import --seed 5` exited 0).
TEST(CommandLineOptions, AFlagACommandDoesNotTakeIsRefused) {
    EXPECT_EQ(refusal({"import", "x.pcap", "--seed", "5"}), "finwave import: unknown flag '--seed' (see finwave --help)");
    EXPECT_EQ(refusal({"trace", "--scenario", "lost-fin", "--output", "x.png"}),
              "finwave trace: unknown flag '--output' (see finwave --help)");
    EXPECT_EQ(refusal({"--format", "jsonl"}), "finwave: unknown flag '--format' (see finwave --help)");
    EXPECT_EQ(refusal({"export", "--capture", "x.pcap", "--seed", "1", "--output", "/tmp/x.png"}),
              "finwave export: --capture: scenario options do not apply to a capture");
    EXPECT_EQ(refusal({"--version", "now"}), "finwave: --version: unexpected argument 'now' (see finwave --help)");
    EXPECT_EQ(refusal({"bogus"}), "finwave: unknown command 'bogus' (trace, export, experiment, import, lab, compare; see finwave --help)");
}

// Every flag that takes a value refuses junk, the window's included: its --steps, --connection
// and --editor-page once read junk as 0.
TEST(CommandLineOptions, EveryBadValueIsRefusedNamingItsFlag) {
    const std::vector<std::vector<std::string>> cases = {
        {"--steps", "lots"}, {"--steps", "-1"}, {"--connection", "first"}, {"--capture", "x.pcap", "--connection", "0"},
        {"--editor-page", "9"}, {"--editor-page", "x"}, {"--lesson-page", "0"}, {"--quiz-answer", "5"},
        {"--theme", "dark"}, {"--lang", "fr"}, {"--profile", "bsd"}, {"--seed", "-1"}, {"--loss-ab", "nan"},
        {"--jitter", "1e9"},
    };
    for (const auto& args : cases) {
        const std::string why = refusal(args);
        EXPECT_NE(why.find(args[args.size() - 2]), std::string::npos) << args[0] << ": " << why;
        EXPECT_EQ(why.find('\n'), std::string::npos);
    }
    const std::vector<std::vector<std::string>> commands = {
        {"trace", "--scenario", "lost-fin", "--format", "xml"},
        {"trace", "--scenario", "lost-fin", "--pcap", "x.cap"},
        {"trace", "--scenario", "lost-fin", "--pcap", "x.pcap", "--vantage", "C"},
        {"trace", "--scenario", "lost-fin", "--pcap", "x.pcap", "--link", "wifi"},
        {"import", "x.pcap", "--connection", "none"},
        {"import", "x.pcap", "--format", "csv"},
        {"export", "--scenario", "lost-fin", "--output", "/tmp/x.png", "--scale", "9"},
        {"export", "--scenario", "lost-fin", "--output", "/tmp/x.png", "--fit", "huge"},
        {"export", "--scenario", "lost-fin", "--output", "/tmp/x.png", "--view", "ladder"},
        {"export", "--scenario", "lost-fin", "--output", "/tmp/x.png", "--step", "2.5"},
        {"experiment", "--scenario", "lost-fin", "--sweep", "loss=1:0:0.1"},
        {"experiment", "--scenario", "lost-fin", "--runs", "0"},
        {"experiment", "--scenario", "lost-fin", "--threads", "1000"},
        {"experiment", "--scenario", "lost-fin", "--chart", "x.bmp"},
        {"lab", "--rate", "fast"},
        {"lab", "--tw-reuse", "3"},
        {"lab", "--close", "never"},
        {"lab", "--port-range", "1"},
        {"lab", "--preset", "none"},
        {"lab", "--csv", "/tmp/x.csv", "--chart", "x.bmp"},
        {"compare", "--scenario", "lost-fin", "--with-profile", "bsd"},
        {"compare", "--scenario", "lost-fin", "--with-profile", "rfc", "--tolerance", "-1"},
        {"compare", "--scenario", "lost-fin", "--with-profile", "rfc", "--format", "xml"},
    };
    for (const auto& args : commands) {
        const std::string why = refusal(args);
        EXPECT_EQ(why.rfind("finwave " + args[0] + ": ", 0), 0u) << why;
        EXPECT_NE(why.find(args[args.size() - 2]), std::string::npos) << why;
    }
}

TEST(CommandLineOptions, CompareNeedsExactlyOneSecondRun) {
    EXPECT_EQ(refusal({"compare", "--scenario", "lost-fin"}),
              "finwave compare: --with: is required (--with NAME|FILE, --with-profile rfc|linux or --with-capture FILE)");
    EXPECT_EQ(refusal({"compare", "--scenario", "lost-fin", "--with", "normal-close", "--with-profile", "rfc"}),
              "finwave compare: --with: give one second run (--with, --with-profile or --with-capture)");
    EXPECT_EQ(refusal({"compare", "--with-profile", "rfc"}),
              "finwave compare: --scenario: is required (a built-in name, see finwave --list-scenarios, or a .json file)");
    EXPECT_EQ(refusal({"compare", "--scenario", "lost-fin", "--with-profile", "rfc", "--connection", "2"}),
              "finwave compare: --connection: needs --with-capture FILE");
}

TEST(CommandLineOptions, TheLabNeedsACsvTakesAPresetFirstAndKeepsToItsBudget) {
    EXPECT_EQ(refusal({"lab"}), "finwave lab: --csv: is required");
    EXPECT_EQ(refusal({"lab", "--rate", "600", "--preset", "tw-reuse", "--csv", "/tmp/x.csv"}),
              "finwave lab: --preset: must come before the other lab settings, which it would replace");
    EXPECT_EQ(refusal({"lab", "--rate", "1000000", "--duration", "86400", "--csv", "/tmp/x.csv"}),
              "finwave lab: --rate: rate x duration makes more than 50000000 connections");
    const options::Parsed p = options::parseCommandLine({"lab", "--preset", "tw-reuse", "--rate", "600", "--csv", "/tmp/x.csv"});
    ASSERT_TRUE(p);
    const auto& lab = std::get<options::LabOptions>(*p.command);
    EXPECT_EQ(lab.config.twReuse, 1);
    EXPECT_EQ(lab.config.requestsPerSecond, 600);
}

TEST(CommandLineOptions, WhatACommandNeedsIsRequiredAndCheckedBeforeItRuns) {
    EXPECT_EQ(refusal({"trace"}),
              "finwave trace: --scenario: is required (a built-in name, see finwave --list-scenarios, or a .json file)");
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin"}),
              "finwave export: --output: is required (FILE.png, .svg, .pdf, .gif, .mp4 or .html), or --handout FILE.pdf");
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin", "--output", "/no/such/folder/x.png"}),
              "finwave export: --output: /no/such/folder/x.png: the folder /no/such/folder does not exist");
    EXPECT_EQ(refusal({"import"}), "finwave import: needs a capture file: finwave import FILE.pcap|FILE.pcapng");
    EXPECT_EQ(refusal({"trace", "--scenario", "lost-fin", "--vantage", "B"}), "finwave trace: --vantage and --link need --pcap FILE");
    EXPECT_EQ(refusal({"experiment", "--scenario", "lost-fin", "--sweep", "loss=0:0.1:0.1", "--runs", "5", "--csv",
                       "/tmp/fw.csv", "--chart", "/tmp/fw.csv.png", "--csv", "/tmp/fw.csv.png"}),
              "finwave experiment: --chart: /tmp/fw.csv.png: is also the --csv file");
    EXPECT_EQ(refusal({"--lesson-page", "2"}), "finwave: --lesson-page: needs --lesson FILE");
}

TEST(CommandLineOptions, AnOutputThatIsADeviceOrAFolderIsRefused) {
    EXPECT_EQ(refusal({"experiment", "--scenario", "lost-fin", "--sweep", "loss=0:0.1:0.1", "--runs", "5", "--csv", "/dev/null"}),
              "finwave experiment: --csv: /dev/null: is not a regular file (a device, a FIFO or a socket), so it is not written over");
    EXPECT_EQ(refusal({"trace", "--scenario", "lost-fin", "--pcap", "/tmp/.pcap"}).find("(accepted)"), 0u);
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin", "--output", "/tmp"}),
              "finwave export: --output: /tmp: unknown extension (png, svg, pdf, gif, mp4, html)");
}

TEST(CommandLineOptions, TheWindowsOptionsAreTyped) {
    const Parsed p = parse({"--scenario", "lost-last-ack", "--theme", "projector", "--steps", "7", "--quiz-answer", "2",
                            "--editor-page", "3"});
    ASSERT_TRUE(p) << p.error;
    const auto& o = std::get<WindowOptions>(*p.command);
    EXPECT_EQ(o.theme, "projector");
    EXPECT_EQ(o.steps, 7u);
    EXPECT_TRUE(o.quiz) << "a quiz answer starts the quiz";
    EXPECT_TRUE(o.editor) << "an editor page opens the editor";
    EXPECT_EQ(o.editorPage, 3);
    EXPECT_TRUE(std::holds_alternative<WindowOptions>(*parse({}).command));
}

TEST(CommandLineOptions, TheHelpListsEveryFlagOfEveryCommand) {
    const std::string help = helpText();
    for (const char* flag : {"--scenario", "--profile", "--seed", "--loss-ab", "--loss-ba", "--delay-ab", "--delay-ba",
                             "--jitter", "--format", "--pcap", "--vantage", "--link", "--list", "--connection", "--output",
                             "--view", "--scale", "--fit", "--lang", "--theme", "--step", "--transparent", "--caption",
                             "--whole-figure", "--capture", "--sweep", "--runs", "--threads", "--csv", "--chart",
                             "--lesson", "--lesson-page", "--quiz", "--steps", "--quiz-answer", "--quiz-summary",
                             "--note-edit", "--editor", "--editor-page", "--screenshot", "--report-geometry"})
        EXPECT_NE(help.find(std::string(flag) + " "), std::string::npos) << flag;
}
