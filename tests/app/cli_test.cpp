#include <QProcess>
#include <QString>

#include <gtest/gtest.h>

TEST(CommandLine, VersionPrintsTheProjectVersion) {
    QProcess p;
    p.start(QStringLiteral(FINWAVE_BINARY), {QStringLiteral("--version")});
    ASSERT_TRUE(p.waitForFinished(20000));
    EXPECT_EQ(p.exitCode(), 0);
    EXPECT_EQ(QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
              QStringLiteral("finwave ") + QStringLiteral(FINWAVE_VERSION));
}
