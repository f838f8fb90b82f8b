// `finwave FILE` as a desktop's "Open with FinWave" runs it (Exec=finwave %f): the program opens
// the file as the flag of its kind would, and a broken file is refused in that kind's own words.
#include "support/finwave_process.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {
void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QProcessEnvironment freshSettings(const QTemporaryDir& config) {
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    return env;
}
}  // namespace

TEST(OpenFile, AFileNamedWithoutAFlagIsRefusedByTheReaderOfItsKind) {
    QTemporaryDir dir;
    const QString lesson = dir.filePath(QStringLiteral("class.json"));
    writeText(lesson, R"({"lesson": 1, "scenarios": [{"file": "a.json"}]})");
    const auto l = finwave::testing::runFinwave({lesson});
    EXPECT_TRUE(l.isOneLineRefusal()) << l.code << ' ' << l.err.toStdString();
    EXPECT_TRUE(l.err.contains(QStringLiteral("none of its 1 scenarios"))) << l.err.toStdString();

    const QString scenario = dir.filePath(QStringLiteral("mine.json"));
    writeText(scenario, R"({"version": 1, "name": "mine", "profile": "bsd"})");
    const auto s = finwave::testing::runFinwave({scenario});
    EXPECT_TRUE(s.isOneLineRefusal()) << s.code << ' ' << s.err.toStdString();
    EXPECT_TRUE(s.err.contains(QStringLiteral("mine.json"))) << s.err.toStdString();

    const QString capture = dir.filePath(QStringLiteral("cut.pcapng"));
    writeText(capture, QByteArray("\x0a\x0d\x0d\x0a\x1c", 5));
    const auto c = finwave::testing::runFinwave({capture});
    EXPECT_TRUE(c.isOneLineRefusal()) << c.code << ' ' << c.err.toStdString();
    EXPECT_TRUE(c.err.contains(QStringLiteral("cut.pcapng"))) << c.err.toStdString();
}

TEST(OpenFile, ACaptureAndALessonOpenInTheWindowFromTheirPathAlone) {
    QTemporaryDir dir, config;
    const QStringList files = {
        QStringLiteral(FINWAVE_SOURCE_DIR "/tests/data/kernel/lost-last-ack-at-B.pcapng"),
        QStringLiteral(FINWAVE_SOURCE_DIR "/resources/lessons/why-time-wait.en.json"),
        QStringLiteral(FINWAVE_SOURCE_DIR "/resources/scenarios/lost-fin.json")};
    for (const QString& file : files) {
        const QString shot = dir.filePath(QStringLiteral("shot.png"));
        const auto r = finwave::testing::runFinwave({file, QStringLiteral("--screenshot"), shot}, 60000,
                                                    freshSettings(config));
        EXPECT_EQ(r.code, 0) << file.toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(QFile::exists(shot)) << file.toStdString();
        QFile::remove(shot);
    }
}
