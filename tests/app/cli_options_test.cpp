// The flag parsing every sub-command shares (QCommandLineParser underneath), called directly.
#include "app/cli/command_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace finwave::app;

namespace {
struct Argv {
    explicit Argv(std::vector<std::string> a) : args(std::move(a)) {
        for (auto& s : args)
            ptrs.push_back(s.data());
    }
    int argc() const { return static_cast<int>(ptrs.size()); }
    char** argv() { return ptrs.data(); }
    std::vector<std::string> args;
    std::vector<char*> ptrs;
};

ParsedFlags parse(std::vector<std::string> args) {
    args.insert(args.begin(), {"finwave", "trace"});
    Argv a(std::move(args));
    return parseFlags(a.argc(), a.argv(), 2, {{"--format", true}, {"--caption", false}});
}
}  // namespace

TEST(CliOptions, SharedFlagsAreCheckedAndOwnFlagsKeptInOrder) {
    const ParsedFlags f = parse({"--scenario", "lost-fin", "--format", "text", "--seed", "7", "--format", "jsonl",
                                 "--caption", "--delay-ba", "0"});
    ASSERT_EQ(f.error, FlagError::None) << f.message;
    EXPECT_EQ(f.scenario.scenario, "lost-fin");
    EXPECT_TRUE(f.scenarioGiven);
    EXPECT_EQ(f.scenario.seed, 7u);
    EXPECT_EQ(f.values("--format"), (std::vector<std::string>{"text", "jsonl"}));
    EXPECT_TRUE(f.has("--caption"));
    EXPECT_EQ(f.scenario.delayBaMs, 0.0);
}

TEST(CliOptions, ANegativeNumberIsAValueNotAFlag) {
    const ParsedFlags f = parse({"--delay-ba", "-3"});
    EXPECT_EQ(f.error, FlagError::BadValue);
    EXPECT_EQ(f.message, "--delay-ba: -3 is out of range (0 to 60000)");
}

TEST(CliOptions, TheFirstStrayArgumentIsNamedAsTyped) {
    EXPECT_EQ(parse({"--seed", "1", "stray", "--bogus"}).flag, "stray");
    EXPECT_EQ(parse({"-x", "stray"}).flag, "-x");
    EXPECT_EQ(parse({"--caption=yes"}).error, FlagError::UnknownFlag);
    const ParsedFlags missing = parse({"--scenario", "lost-fin", "--seed"});
    EXPECT_EQ(missing.error, FlagError::MissingValue);
    EXPECT_EQ(commonFlagError(missing), "--seed: needs a value");
    EXPECT_EQ(commonFlagError(parse({"--frobnicate"})), "unknown flag '--frobnicate' (see finwave --help)");
}

TEST(CliOptions, ANewlineInAFlagIsEscapedInTheReason) {
    const auto reason = commonFlagError(parse({"--profile", "rfc\nlinux"}));
    ASSERT_TRUE(reason);
    EXPECT_EQ(*reason, "--profile: 'rfc\\nlinux' is not a profile (rfc, linux)");
}
