// `finwave lab`: the server lab headless, into a CSV, a chart and a summary on standard output.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include "support/finwave_process.h"

#include <gtest/gtest.h>

using finwave::testing::ProcessResult;
using finwave::testing::runFinwave;

namespace {
QList<QByteArray> csvLines(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().split('\n') : QList<QByteArray>{};
}
}  // namespace

TEST(LabCommand, WritesOneRowPerSecondAChartAndTheFirstFailureInTheSummary) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("lab.csv")), png = dir.filePath(QStringLiteral("lab.png"));
    const ProcessResult r = runFinwave({QStringLiteral("lab"), QStringLiteral("--preset"), QStringLiteral("client-closes-first"),
                           QStringLiteral("--duration"), QStringLiteral("70"), QStringLiteral("--csv"), csv,
                           QStringLiteral("--chart"), png});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QList<QByteArray> lines = csvLines(csv);
    ASSERT_EQ(lines.size(), 71);  // the header and 70 seconds
    EXPECT_TRUE(lines[0].startsWith("t_s,new,eaddrnotavail,"));
    EXPECT_TRUE(lines[10].startsWith("9,500,0,"));
    EXPECT_TRUE(r.out.contains(QStringLiteral("first EADDRNOTAVAIL at 56.464 s"))) << r.out.toStdString();
    const QImage chart(png);
    EXPECT_EQ(chart.size(), QSize(1400, 800));
    // The same settings give the same file.
    const QString again = dir.filePath(QStringLiteral("again.csv"));
    ASSERT_EQ(runFinwave({QStringLiteral("lab"), QStringLiteral("--preset"), QStringLiteral("client-closes-first"),
                       QStringLiteral("--duration"), QStringLiteral("70"), QStringLiteral("--csv"), again}).code, 0);
    EXPECT_EQ(csvLines(again), lines);
}

TEST(LabCommand, ABadSettingIsOneLineWithExitTwoAndNoFile) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("lab.csv"));
    const ProcessResult r = runFinwave({QStringLiteral("lab"), QStringLiteral("--server-ports"), QStringLiteral("65"), QStringLiteral("--csv"), csv});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("finwave lab: --server-ports:"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(csv));
}
