// `finwave compare`: exit 0 when the runs match and 1 when they differ (as diff), 2 on bad input;
// the first difference in words; a capture of the run compared with the run pairs every event.
#include <QTemporaryDir>

#include "support/finwave_process.h"

#include <gtest/gtest.h>

using finwave::testing::ProcessResult;
using finwave::testing::runFinwave;

TEST(CompareCommand, RfcAgainstLinuxOnLostLastAckDiffersAtTheResentFin) {
    const ProcessResult r = runFinwave({QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                  QStringLiteral("--with-profile"), QStringLiteral("linux")});
    EXPECT_EQ(r.code, 1) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("first difference:"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("the same event, -0.700000 s in the second run"))) << r.out.toStdString();
    const ProcessResult jsonl = runFinwave({QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                      QStringLiteral("--with-profile"), QStringLiteral("linux"), QStringLiteral("--format"),
                                      QStringLiteral("jsonl")});
    EXPECT_EQ(jsonl.code, 1);
    EXPECT_TRUE(jsonl.out.startsWith(QStringLiteral("{\"summary\":true,\"paired\":19,"))) << jsonl.out.left(200).toStdString();
}

TEST(CompareCommand, ARunAgainstItselfAndAgainstItsOwnCaptureMatches) {
    const ProcessResult same = runFinwave({QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                                     QStringLiteral("--with"), QStringLiteral("normal-close")});
    EXPECT_EQ(same.code, 0) << same.out.toStdString();
    EXPECT_TRUE(same.out.contains(QStringLiteral("no difference")));
    QTemporaryDir dir;
    const QString pcap = dir.filePath(QStringLiteral("nc.pcapng"));
    ASSERT_EQ(runFinwave({QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("normal-close"), QStringLiteral("--pcap"), pcap}).code, 0);
    const ProcessResult capture = runFinwave({QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                                        QStringLiteral("--with-capture"), pcap, QStringLiteral("--tolerance"), QStringLiteral("0.001")});
    // The capture adds the handshake the run started after, and cannot see A's last state change
    // at 240.3 s (no segment marks it): those are only in one run; every segment is paired.
    EXPECT_TRUE(capture.out.contains(QStringLiteral(" paired (0 at another time)"))) << capture.out.toStdString();
}

TEST(CompareCommand, ABadSecondRunIsOneLineWithExitTwo) {
    const ProcessResult r = runFinwave({QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                                  QStringLiteral("--with"), QStringLiteral("no-such-scenario")});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("finwave compare: --with: "))) << r.err.toStdString();
}
