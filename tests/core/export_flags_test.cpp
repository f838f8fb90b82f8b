// `finwave export`'s flags for the run as it moves (issue 31): GIF, MP4, HTML and the handout take
// their own flags and refuse the still pictures' ones, and the other way round, each in one line.
#include "core/options/command_line.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace finwave;
using namespace finwave::options;

namespace {
std::string refusal(std::vector<std::string> args) {
    const Parsed p = parseCommandLine(args);
    return p ? std::string("(accepted)") : p.error;
}
std::vector<std::string> exportTo(const std::string& file, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"export", "--scenario", "lost-last-ack", "--output", file};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}
}  // namespace

TEST(ExportFlags, AnAnimationsFlagsAreTyped) {
    const Parsed p = parseCommandLine(exportTo("/tmp/run.gif", {"--from-step", "2", "--to-step", "7", "--fps", "10",
                                                                "--size", "640x360", "--speed", "2", "--allow-long"}));
    ASSERT_TRUE(p) << p.error;
    const auto& o = std::get<ExportOptions>(*p.command);
    EXPECT_EQ(o.format, DiagramFormat::Gif);
    EXPECT_EQ(o.fromStep, 2u);
    EXPECT_EQ(o.toStep, 7u);
    EXPECT_EQ(o.fps, 10);
    EXPECT_EQ(o.size, std::make_pair(640, 360));
    EXPECT_EQ(o.speed, 2.0);
    EXPECT_TRUE(o.allowLong);
    EXPECT_EQ(std::get<ExportOptions>(*parseCommandLine(exportTo("/tmp/run.MP4")).command).format, DiagramFormat::Mp4);
    EXPECT_EQ(std::get<ExportOptions>(*parseCommandLine(exportTo("/tmp/run.html", {"--both-languages"})).command).format,
              DiagramFormat::Html);
    const Parsed h = parseCommandLine({"export", "--scenario", "lost-fin", "--handout", "/tmp/h.pdf", "--from-step", "1"});
    ASSERT_TRUE(h) << h.error;
    EXPECT_EQ(std::get<ExportOptions>(*h.command).handout, "/tmp/h.pdf");
}

TEST(ExportFlags, AFlagTheFileDoesNotTakeIsRefusedNamingIt) {
    EXPECT_EQ(refusal(exportTo("/tmp/x.png", {"--fps", "10"})), "finwave export: --fps: does not apply to a PNG, SVG or PDF");
    EXPECT_EQ(refusal(exportTo("/tmp/x.svg", {"--to-step", "3"})), "finwave export: --to-step: does not apply to a PNG, SVG or PDF");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--scale", "2"})), "finwave export: --scale: does not apply to a GIF");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--step", "3"})),
              "finwave export: --step: does not apply to a GIF (use --from-step and --to-step)");
    EXPECT_EQ(refusal(exportTo("/tmp/x.mp4", {"--allow-long"})), "finwave export: --allow-long: does not apply to an MP4");
    EXPECT_EQ(refusal(exportTo("/tmp/x.html", {"--fps", "5"})), "finwave export: --fps: does not apply to an HTML page");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--both-languages"})), "finwave export: --both-languages: does not apply to a GIF");
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin", "--handout", "/tmp/h.pdf", "--size", "640x360"}),
              "finwave export: --size: does not apply to a handout");
    EXPECT_EQ(refusal(exportTo("/tmp/x.html", {"--view", "both"})),
              "finwave export: --view: an HTML page shows the sequence diagram only (a GIF or MP4 can show both)");
}

TEST(ExportFlags, ValuesThatCannotBeMadeAreRefusedBeforeAnythingRuns) {
    EXPECT_EQ(refusal(exportTo("/tmp/x.mp4", {"--size", "641x360"})),
              "finwave export: --size: 641x360 has an odd side (an MP4's sides are even)");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--size", "99999x2"})),
              "finwave export: --size: '99999x2' is not a size (WxH, 160x120 to 3840x2160)");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--fps", "0"})), "finwave export: --fps: '0' is out of range (1 to 60)");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--speed", "9"})), "finwave export: --speed: '9' is out of range (0.25 to 4)");
    EXPECT_EQ(refusal(exportTo("/tmp/x.gif", {"--from-step", "5", "--to-step", "2"})),
              "finwave export: --from-step: 5 is after --to-step 2");
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin", "--handout", "/tmp/h.png"}),
              "finwave export: --handout: /tmp/h.png: a handout is a PDF (FILE.pdf)");
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin", "--handout", "/tmp/h.pdf", "--output", "/tmp/x.gif"}),
              "finwave export: --handout: cannot be used with --output (write one file at a time)");
    EXPECT_EQ(refusal({"export", "--scenario", "lost-fin", "--handout", "/no/such/folder/h.pdf"}),
              "finwave export: --handout: /no/such/folder/h.pdf: the folder /no/such/folder does not exist");
}
