// The window fits the screen it opens on: at a projector's 1280x720 and 1280x800, a laptop's
// 1366x768 and a monitor's 1920x1080, in both themes, on a first start and after a start on a
// larger screen. Each run is the real program on the offscreen platform given that screen (with
// window frames), from a settings folder of its own.
#include "support/finwave_process.h"

#include <QFile>
#include <QRect>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

using finwave::testing::ProcessResult;
using finwave::testing::runFinwave;

namespace {
struct Placed {
    QRect frame, available;
    // The smallest text of each diagram on screen, in pixels: labels and state names.
    double sequenceLabel = 0, sequenceName = 0, graphLabel = 0, graphName = 0;
    double caption = 0;  // the step caption's text, 0 when it is not shown
};

// Opens the window on a screen of `size` and reads back where it put itself.
Placed open(const QSize& size, const QString& settings, const QString& theme,
            const QString& scenario = QStringLiteral("lost-last-ack"), const QStringList& extra = {}) {
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile f(config);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"({"windowFrameMargins": true, "screens": [{"name": "s", "x": 0, "y": 0, "width": %1,
                             "height": %2, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                .arg(size.width())
                .arg(size.height())
                .toUtf8());
    f.close();
    QProcessEnvironment env;
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen:configfile=") + config);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), settings);
    // Under the sanitizer build the program is checked for where it puts its window, not for
    // leaks at exit (the in-process app tests keep LeakSanitizer on).
    env.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("detect_leaks=0"));
    const ProcessResult r = runFinwave(QStringList{QStringLiteral("--scenario"), scenario, QStringLiteral("--theme"), theme,
                                                   QStringLiteral("--report-geometry")} +
                                           extra,
                                       60000, env);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    const auto m = QRegularExpression(QStringLiteral(R"(frame (-?\d+) (-?\d+) (\d+) (\d+) available (-?\d+) (-?\d+) (\d+) (\d+))"))
                       .match(r.out);
    EXPECT_TRUE(m.hasMatch()) << r.out.toStdString();
    const auto n = [&](int i) { return m.captured(i).toInt(); };
    const auto t = QRegularExpression(QStringLiteral(R"(text sequence ([\d.]+) ([\d.]+) graph ([\d.]+) ([\d.]+) caption ([\d.]+))")).match(r.out);
    EXPECT_TRUE(t.hasMatch()) << r.out.toStdString();
    const auto x = [&](int i) { return t.captured(i).toDouble(); };
    return {QRect(n(1), n(2), n(3), n(4)), QRect(n(5), n(6), n(7), n(8)), x(1), x(2), x(3), x(4), x(5)};
}
}  // namespace

TEST(WindowFit, TheFrameLiesInsideTheAvailableScreenAtEverySize) {
    for (const QSize size : {QSize(1280, 720), QSize(1280, 800), QSize(1366, 768), QSize(1920, 1080)})
        for (const char* theme : {"light", "projector"}) {
            QTemporaryDir settings;
            const Placed p = open(size, settings.path(), QString::fromLatin1(theme));
            EXPECT_EQ(p.available.size(), size);
            EXPECT_TRUE(p.available.contains(p.frame)) << size.width() << "x" << size.height() << " " << theme << ": frame "
                                                       << p.frame.width() << "x" << p.frame.height() << " at "
                                                       << p.frame.x() << "," << p.frame.y();
            // And a first start fills the available area (1920x1080 opened at 1680x1000).
            EXPECT_GE(p.frame.width(), size.width() * 98 / 100);
            EXPECT_GE(p.frame.height(), size.height() * 95 / 100);
        }
}

TEST(WindowFit, AGeometrySavedOnALargerScreenIsClampedToTheSmallerOne) {
    QTemporaryDir settings;
    const Placed large = open(QSize(1920, 1080), settings.path(), QStringLiteral("light"));
    EXPECT_GT(large.frame.width(), 1280);  // what was saved would not fit a projector
    const Placed small = open(QSize(1280, 720), settings.path(), QStringLiteral("light"));
    EXPECT_TRUE(small.available.contains(small.frame)) << small.frame.width() << "x" << small.frame.height();
}

TEST(WindowFit, AnUnknownThemeOrLanguageIsRefusedLikeAnUnknownProfile) {
    for (const QStringList& args : {QStringList{QStringLiteral("--theme"), QStringLiteral("dark")},
                                    QStringList{QStringLiteral("--lang"), QStringLiteral("fr")},
                                    QStringList{QStringLiteral("--profile"), QStringLiteral("bsd")}}) {
        const ProcessResult r = runFinwave(args);
        EXPECT_TRUE(r.isOneLineRefusal()) << args.join(QLatin1Char(' ')).toStdString() << ": " << r.code << " "
                                          << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(args[0])) << r.err.toStdString();
    }
}

// Readable from the back row: at a projector's 1280x720, in the projector theme (the presenter
// layout), every text in both diagrams is at least 16 px and the state names at least 20 px; in
// the light theme at least 11 px. Measured by the program itself: the fonts times each view's
// scale once the window is shown. At the start and at the end of the runs the classroom pictures
// show (the end of linger-abort has its abort and reset lanes), at the start of full-lifecycle,
// whose handshake is drawn in the opening part of the figure, and at the end of the two runs
// whose closer leaves FIN_WAIT_1 or FIN_WAIT_2 for CLOSED (their second CLOSED box); and while
// old-duplicate's server listens again beside A's TIME_WAIT (the closing part with LISTEN), with
// its passive OPEN drawn (step 12) and then its CLOSE too (step 16).
TEST(WindowFit, DiagramTextIsLargeEnoughOnAProjector) {
    const QStringList atEnd{QStringLiteral("--steps"), QStringLiteral("999999")};
    const std::vector<std::pair<const char*, QStringList>> moments = {
        {"lost-last-ack", {}}, {"lost-last-ack", atEnd}, {"linger-abort", atEnd}, {"simultaneous-close", atEnd},
        {"linger-abort", atEnd + QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")}},
        {"full-lifecycle", {}}, {"full-lifecycle", atEnd}, {"fin-wait-2-timeout", atEnd}, {"retries-exhausted", atEnd},
        {"old-duplicate", {QStringLiteral("--steps"), QStringLiteral("12")}},
        {"old-duplicate", {QStringLiteral("--steps"), QStringLiteral("16")}},
        // The example lesson, with the teacher's notes on its first run (M8: their column beside
        // the diagram brought its labels to 13.7 px on a projector and 9.8 px in the light theme).
        {"normal-close", {QStringLiteral("--lesson"), QStringLiteral(FINWAVE_SOURCE_DIR "/resources/lessons/why-time-wait.en.json"),
                          QStringLiteral("--steps"), QStringLiteral("5")}},
        {"normal-close", {QStringLiteral("--lesson"), QStringLiteral(FINWAVE_SOURCE_DIR "/resources/lessons/why-time-wait.zh_CN.json"),
                          QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--steps"), QStringLiteral("7")}}};
    for (const auto& [scenario, extra] : moments)
        for (const char* theme : {"light", "projector"}) {
            QTemporaryDir settings;
            const Placed p = open(QSize(1280, 720), settings.path(), QString::fromLatin1(theme), QString::fromLatin1(scenario), extra);
            const bool projector = std::string_view(theme) == "projector";
            const double label = projector ? 16 : 11, name = projector ? 20 : 11;
            const std::string what = std::string(scenario) + (extra.isEmpty() ? " start " : " " + extra.join(QLatin1Char(' ')).toStdString() + " ") + theme;
            EXPECT_GE(p.sequenceLabel, label) << what;
            EXPECT_GE(p.sequenceName, name) << what;
            EXPECT_GE(p.graphLabel, label) << what;
            EXPECT_GE(p.graphName, name) << what;
            // The presenter layout always has the step caption, at the labels' least size or over.
            if (projector) {
                EXPECT_GE(p.caption, label) << what;
            } else if (p.caption > 0) {
                EXPECT_GE(p.caption, 11) << what;
            }
        }
}
