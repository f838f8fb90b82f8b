// `finwave compare`: exit 0 when the runs match and 1 when they differ (as diff), 2 on bad input;
// the first difference in words; a capture of the run compared with the run pairs every event.
#include <QFile>
#include <QImage>
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

// export --compare: both runs side by side in one file: each run's title, the time shift on the
// second run's resent FIN, the first difference marked, and the summary as the caption.
TEST(CompareCommand, ExportCompareDrawsBothRunsSideBySideWithTheirMarks) {
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("both.svg"));
    const ProcessResult r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                        QStringLiteral("--compare"), QStringLiteral("--with-profile"), QStringLiteral("linux"),
                                        QStringLiteral("--caption"), QStringLiteral("--output"), svg});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString text = QString::fromUtf8(finwave::testing::fileBytes(svg));
    EXPECT_TRUE(text.contains(QStringLiteral("profile rfc")));
    EXPECT_TRUE(text.contains(QStringLiteral("profile linux")));
    EXPECT_EQ(text.count(QStringLiteral("first difference"), Qt::CaseInsensitive), 3) << "a mark on each run, and the caption";
    // "Δt −0.700 s" on the resent FIN and on the ACK that answers it (the SVG writes the Δ apart).
    EXPECT_EQ(text.count(QStringLiteral(">Δ<")), 2);
    EXPECT_EQ(text.count(QStringLiteral("0.700 s<")), 2);
    EXPECT_TRUE(text.contains(QStringLiteral("The first run ends at 241.300 s, the second at 60.600 s.")));
    // Against a single run's export the picture is two diagrams wide.
    const QString one = dir.filePath(QStringLiteral("one.png")), two = dir.filePath(QStringLiteral("two.png"));
    ASSERT_EQ(runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"), QStringLiteral("--output"), one}).code, 0);
    ASSERT_EQ(runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"), QStringLiteral("--compare"),
                          QStringLiteral("--with"), QStringLiteral("normal-close"), QStringLiteral("--output"), two}).code, 0);
    EXPECT_GT(QImage(two).width(), 2 * QImage(one).width());
}

TEST(CompareCommand, ExportCompareRefusesWhatItCannotDrawInOneLine) {
    const QStringList base = {QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"), QStringLiteral("--output"),
                              QStringLiteral("x.png")};
    for (const QStringList& extra : {QStringList{QStringLiteral("--with-profile"), QStringLiteral("linux")},
                                     QStringList{QStringLiteral("--compare")},
                                     QStringList{QStringLiteral("--compare"), QStringLiteral("--with-profile"), QStringLiteral("linux"), QStringLiteral("--step"), QStringLiteral("3")},
                                     QStringList{QStringLiteral("--compare"), QStringLiteral("--with"), QStringLiteral("no-such-scenario")}}) {
        const ProcessResult r = runFinwave(base + extra);
        EXPECT_EQ(r.code, 2) << extra.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(QStringLiteral("x.png")));
    }
}

// Fitted to a slide, a long pair is cut into columns at rows quiet in both runs, each column with
// both runs' titles and heads, so it is drawn larger: lost-last-ack against Linux at 1x is
// 1104x1813, one column fills only the middle third of a 1920x1080 slide.
TEST(CompareCommand, AFittedExportCutsALongPairIntoColumns) {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("fit.png"));
    const ProcessResult r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                        QStringLiteral("--compare"), QStringLiteral("--with-profile"), QStringLiteral("linux"),
                                        QStringLiteral("--fit"), QStringLiteral("1920x1080"), QStringLiteral("--output"), png});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QImage image(png);
    ASSERT_EQ(image.size(), QSize(1920, 1080));
    const QRgb background = image.pixel(0, image.height() - 1);
    const auto drawnIn = [&](int x0, int x1) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = x0; x < x1; ++x)
                n += image.pixel(x, y) != background ? 1 : 0;
        return n;
    };
    EXPECT_GT(drawnIn(0, 300), 2000) << "the first column starts at the left edge";
    EXPECT_GT(drawnIn(1620, 1920), 2000) << "the second column reaches the right edge";
}
