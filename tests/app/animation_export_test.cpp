// The run as it moves (issue 31): the GIF is the same bytes for the same run, has one frame per
// planned frame and loops; ffprobe reads the MP4 as H.264 of the planned length and size; the
// HTML page works in a headless Chromium with no error and no request; the handout has a page per
// step; a cancelled export leaves nothing behind.
#include "app/export/animation_export.h"
#include "app/export/animation_plan.h"
#include "app/export/frame_renderer.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "support/finwave_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gif_lib.h>
#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;
using finwave::testing::fileBytes;
using finwave::testing::runFinwave;

namespace {

QStringList exportArgs(const QString& out, const QStringList& more = {}) {
    return QStringList{QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"), QStringLiteral("--output"), out} + more;
}

// The frames the command line plans for lost-last-ack with these settings, counted in process.
std::size_t plannedFrames(QSize size, int fps) {
    SimController source;
    source.loadScenario(*builtinScenario("lost-last-ack"));
    ExportOptions o;
    o.frameSize = size;
    o.fps = fps;
    return FrameRenderer(source, o).plan().frames.size();
}

struct GifFacts {
    int frames = -1;
    bool loops = false;
    int totalDelayCs = 0;
    QSize screen;
};

// Read back with giflib's decoder: frames, the NETSCAPE2.0 loop extension, the delays.
GifFacts readGif(const QString& path) {
    GifFacts facts;
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.toLocal8Bit().constData(), &error);
    if (!gif || DGifSlurp(gif) != GIF_OK)
        return facts;
    facts.frames = gif->ImageCount;
    facts.screen = QSize(gif->SWidth, gif->SHeight);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage& image = gif->SavedImages[i];
        GraphicsControlBlock gcb{};
        if (DGifSavedExtensionToGCB(gif, i, &gcb) == GIF_OK)
            facts.totalDelayCs += gcb.DelayTime;
        for (int e = 0; i == 0 && e + 1 < image.ExtensionBlockCount; ++e) {
            const ExtensionBlock& b = image.ExtensionBlocks[e];
            const ExtensionBlock& data = image.ExtensionBlocks[e + 1];
            if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11 && memcmp(b.Bytes, "NETSCAPE2.0", 11) == 0)
                facts.loops = data.ByteCount == 3 && data.Bytes[0] == 1 && data.Bytes[1] == 0 && data.Bytes[2] == 0;
        }
    }
    DGifCloseFile(gif, &error);
    return facts;
}
}  // namespace

TEST(AnimationPlan, HoldsEachStepAndCrossesTimeAtTheWindowsPace) {
    // Three steps: a 50 ms flight (round trip 100 ms: half a second), then 240 s idle (1.5 s).
    const std::vector<StepTiming> steps{{0, 0, 100'000}, {1, 50'000, 100'000}, {2, 240'050'000, 100'000}};
    PlanSettings s;
    s.fps = 10;
    const AnimationPlan plan = planAnimation(steps, s);
    // 6 held + 4 between + 6 held + 14 between + 30 held at the end.
    EXPECT_EQ(plan.frames.size(), 6u + 4u + 6u + 14u + 30u);
    EXPECT_EQ(plan.frames[6].step, 0u);
    EXPECT_EQ(plan.frames[6].time, 10'000);  // a fifth of the flight
    EXPECT_EQ(plan.frames[10].step, 1u);
    EXPECT_EQ(plan.frames.back().step, 2u);
    for (std::size_t i = 1; i < plan.frames.size(); ++i)
        EXPECT_GE(plan.frames[i].time, plan.frames[i - 1].time) << "the clock never goes back, at frame " << i;
    s.speed = 2;  // twice as fast: 0.25 s (2.5 frames, rounded to 3) and 0.75 s (7.5, to 8) between
    EXPECT_EQ(planAnimation(steps, s).frames.size(), 6u + 2u + 6u + 7u + 30u);
    int total = 0;
    for (int i = 0; i < 15; ++i)
        total += gifDelayCentiseconds(i, 15);
    EXPECT_EQ(total, 100);  // fifteen frames at 15 a second are one second, without drift
}

TEST(AnimatedExport, TheSameRunGivesAByteIdenticalGifTwice) {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.gif")), b = dir.filePath(QStringLiteral("b.gif"));
    const auto first = runFinwave(exportArgs(a, {QStringLiteral("--size"), QStringLiteral("640x360")}));
    const auto second = runFinwave(exportArgs(b, {QStringLiteral("--size"), QStringLiteral("640x360")}));
    ASSERT_EQ(first.code, 0) << first.err.toStdString();
    ASSERT_EQ(second.code, 0) << second.err.toStdString();
    EXPECT_GT(fileBytes(a).size(), 1000);
    EXPECT_EQ(fileBytes(a), fileBytes(b));
}

TEST(AnimatedExport, TheGifHasOneFramePerPlannedFrameAndLoops) {
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("run.gif"));
    const auto r = runFinwave(exportArgs(gif, {QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--fps"), QStringLiteral("10")}));
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const GifFacts facts = readGif(gif);
    const std::size_t planned = plannedFrames(QSize(640, 360), 10);
    EXPECT_GT(planned, 50u);
    EXPECT_EQ(facts.frames, static_cast<int>(planned));
    EXPECT_TRUE(facts.loops);
    EXPECT_EQ(facts.screen, QSize(640, 360));
    EXPECT_EQ(facts.totalDelayCs, static_cast<int>(planned) * 10);  // 10 frames a second: 10 cs each
}

TEST(AnimatedExport, FfprobeReadsTheMp4AsH264OfThePlannedLengthAndSize) {
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("run.mp4"));
    const auto r = runFinwave(exportArgs(mp4, {QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--fps"), QStringLiteral("10")}));
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QProcess probe;
    probe.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-print_format"), QStringLiteral("json"),
                                            QStringLiteral("-show_streams"), QStringLiteral("-show_format"), mp4});
    ASSERT_TRUE(probe.waitForFinished(60000));
    const QJsonObject info = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
    const QJsonObject video = info.value(QStringLiteral("streams")).toArray().first().toObject();
    EXPECT_EQ(video.value(QStringLiteral("codec_name")).toString(), QStringLiteral("h264"));
    EXPECT_EQ(video.value(QStringLiteral("pix_fmt")).toString(), QStringLiteral("yuv420p"));
    EXPECT_EQ(video.value(QStringLiteral("width")).toInt(), 640);
    EXPECT_EQ(video.value(QStringLiteral("height")).toInt(), 360);
    const double planned = static_cast<double>(plannedFrames(QSize(640, 360), 10)) / 10.0;
    EXPECT_NEAR(info.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble(), planned, 0.15);
    const QByteArray bytes = fileBytes(mp4);  // faststart: the index (moov) before the frames (mdat)
    EXPECT_LT(bytes.indexOf("moov"), bytes.indexOf("mdat"));
}

TEST(AnimatedExport, WithoutFfmpegAnMp4IsRefusedSayingHowToInstallIt) {
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("run.mp4"));
    QProcessEnvironment noFfmpeg;
    noFfmpeg.insert(QStringLiteral("PATH"), dir.path());  // a PATH where no ffmpeg is
    const auto r = runFinwave(exportArgs(mp4), 60000, noFfmpeg);
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << " " << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("apt install ffmpeg"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("--output"))) << r.err.toStdString();
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST(AnimatedExport, ACancelledGifLeavesNothingBehindAndTheOldFileAsItWas) {
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("run.gif"));
    {
        QFile old(gif);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("the old file");
    }
    SimController source;
    source.loadScenario(*builtinScenario("lost-last-ack"));
    ExportOptions o;
    o.format = ExportFormat::Gif;
    o.frameSize = QSize(320, 180);
    int calls = 0;
    bool cancelled = false;
    const QString error = exportMoving(source, o, gif, [&calls](int, int) { return ++calls < 5; }, &cancelled);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(cancelled);
    EXPECT_EQ(calls, 5);
    EXPECT_EQ(fileBytes(gif), QByteArray("the old file"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("run.gif")});
}

TEST(AnimatedExport, AGifLongerThanThirtySecondsIsRefusedOfferingAnMp4) {
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("slow.gif"));
    const auto r = runFinwave(exportArgs(gif, {QStringLiteral("--speed"), QStringLiteral("0.25"), QStringLiteral("--size"), QStringLiteral("320x180")}));
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << " " << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("MP4"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(gif));
}

TEST(Handout, HasOnePagePerStepAsked) {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
    const auto r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"), QStringLiteral("--handout"),
                               pdf, QStringLiteral("--from-step"), QStringLiteral("2"), QStringLiteral("--to-step"), QStringLiteral("6")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QByteArray bytes = fileBytes(pdf);
    EXPECT_TRUE(bytes.startsWith("%PDF"));
    // QPdfWriter writes each page as an object "/Type /Page" and the tree's "/Count N".
    const QString text = QString::fromLatin1(bytes);
    EXPECT_EQ(text.count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))), 5);
    EXPECT_TRUE(bytes.contains("/Count 5")) << "five pages: steps 2 to 6";
}
