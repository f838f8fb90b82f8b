// finwave trace --pcap and finwave import: the files, the connection list, jsonl with inferred
// marks, and one-line refusals with exit 2 for bad captures.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "support/finwave_process.h"

#include <gtest/gtest.h>

namespace {
// The command line as a user runs it (tests/support/finwave_process.h).
using Result = finwave::testing::ProcessResult;
Result run(const QStringList& args) { return finwave::testing::runFinwave(args); }

QString fixture(const char* name) { return QStringLiteral(FINWAVE_SOURCE_DIR "/tests/data/") + QLatin1String(name); }

QStringList lines(const QString& text) { return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }

// "A:FIN_WAIT_1>FIN_WAIT_2" for each state record, leaving out LISTEN and the opening.
QStringList stateChanges(const QString& jsonl) {
    QStringList out;
    for (const QString& line : lines(jsonl)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QStringLiteral("kind")).toString() != QStringLiteral("state"))
            continue;
        const QString from = o.value(QStringLiteral("from")).toString(), to = o.value(QStringLiteral("to")).toString();
        if (from == QStringLiteral("LISTEN") || to == QStringLiteral("LISTEN") || from.startsWith(QStringLiteral("SYN")) ||
            (from == QStringLiteral("CLOSED") && to != QStringLiteral("CLOSED")))
            continue;
        out << o.value(QStringLiteral("side")).toString() + QLatin1Char(':') + from + QLatin1Char('>') + to;
    }
    return out;
}
}  // namespace

TEST(CaptureCommandLine, tracePcapWritesPcapngAndClassicPcap) {
    QTemporaryDir dir;
    const QString ng = dir.filePath(QStringLiteral("run.pcapng")), classic = dir.filePath(QStringLiteral("run.pcap"));
    const Result a = run({QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                          QStringLiteral("--pcap"), ng, QStringLiteral("--vantage"), QStringLiteral("B")});
    ASSERT_EQ(a.code, 0) << a.err.toStdString();
    const Result b = run({QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                          QStringLiteral("--pcap"), classic, QStringLiteral("--link"), QStringLiteral("raw")});
    ASSERT_EQ(b.code, 0) << b.err.toStdString();
    QFile f(ng), g(classic);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    ASSERT_TRUE(g.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.read(4), QByteArray("\x0a\x0d\x0d\x0a", 4));  // pcapng section header block
    EXPECT_EQ(g.read(4), QByteArray("\xd4\xc3\xb2\xa1", 4));  // classic pcap, microseconds
}

TEST(CaptureCommandLine, tracePcapRefusesABadExtensionOrVantageWithOneLine) {
    QTemporaryDir dir;
    const Result a = run({QStringLiteral("trace"), QStringLiteral("--pcap"), dir.filePath(QStringLiteral("x.cap"))});
    EXPECT_EQ(a.code, 2);
    EXPECT_EQ(lines(a.err).size(), 1);
    EXPECT_TRUE(a.err.contains(QStringLiteral("--pcap")));
    const Result b = run({QStringLiteral("trace"), QStringLiteral("--pcap"), dir.filePath(QStringLiteral("x.pcap")),
                          QStringLiteral("--vantage"), QStringLiteral("C")});
    EXPECT_EQ(b.code, 2);
    EXPECT_TRUE(b.err.contains(QStringLiteral("--vantage")));
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.pcap"))));
}

TEST(CaptureCommandLine, importOfSeveralConnectionsExitsTwoWithTheList) {
    const Result r = run({QStringLiteral("import"), fixture("real-lo.pcap")});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(lines(r.out).size(), 3);
    EXPECT_TRUE(r.out.contains(QStringLiteral("[::1]:5001")));
    EXPECT_EQ(lines(r.err).size(), 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--connection")));
    const Result l = run({QStringLiteral("import"), fixture("real-lo.pcap"), QStringLiteral("--list")});
    EXPECT_EQ(l.code, 0);
    EXPECT_EQ(l.out, r.out);
}

TEST(CaptureCommandLine, importOfARealCloseExplainsItsTeardown) {
    const Result r = run({QStringLiteral("import"), fixture("real-lo.pcap"), QStringLiteral("--connection"), QStringLiteral("1")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    // The client closed first, the server ACKed, then closed 50 ms later: four segments.
    EXPECT_TRUE(lines(r.out).first().contains(QStringLiteral("complete four-way close"))) << r.out.toStdString();
    const Result v6 = run({QStringLiteral("import"), fixture("real-any.pcap"), QStringLiteral("--connection"), QStringLiteral("3")});
    ASSERT_EQ(v6.code, 0) << v6.err.toStdString();
    // The server closed first; the client's FIN carried the ACK of the server's.
    EXPECT_TRUE(lines(v6.out).first().contains(QStringLiteral("A = [::1]:5001"))) << v6.out.toStdString();
    EXPECT_TRUE(lines(v6.out).first().contains(QStringLiteral("three-segment close"))) << v6.out.toStdString();
}

TEST(CaptureCommandLine, importJsonlHasTraceFieldsAndTheStatesOfTheRun) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("normal.pcapng"));
    const Result t = run({QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                          QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--pcap"), path});
    ASSERT_EQ(t.code, 0) << t.err.toStdString();
    const Result r = run({QStringLiteral("import"), path, QStringLiteral("--format"), QStringLiteral("jsonl")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    bool inferredTimeWait = false;
    for (const QString& line : lines(r.out)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        ASSERT_FALSE(o.isEmpty()) << line.toStdString();
        for (const char* key : {"step", "t_us", "kind", "side", "state_a", "state_b", "reason"})
            EXPECT_TRUE(o.contains(QLatin1String(key))) << key << " in " << line.toStdString();
        if (o.value(QStringLiteral("from")).toString() == QStringLiteral("TIME_WAIT"))
            inferredTimeWait = o.value(QStringLiteral("inferred")).toBool() &&
                               o.value(QStringLiteral("inferred_reason")).toString() == QStringLiteral("timer-after-capture");
    }
    EXPECT_TRUE(inferredTimeWait) << "TIME_WAIT's end is after the capture: it must be marked inferred";
    EXPECT_EQ(stateChanges(r.out), stateChanges(t.out));
    EXPECT_GE(stateChanges(r.out).size(), 6);
}

TEST(CaptureCommandLine, badCapturesExitTwoWithOneLineNamingFileAndPacket) {
    QTemporaryDir dir;
    QFile real(fixture("real-lo.pcap"));
    ASSERT_TRUE(real.open(QIODevice::ReadOnly));
    const QByteArray bytes = real.readAll();
    const QString truncated = dir.filePath(QStringLiteral("cut.pcap")), text = dir.filePath(QStringLiteral("text.pcap"));
    QFile t(truncated), x(text);
    ASSERT_TRUE(t.open(QIODevice::WriteOnly));
    t.write(bytes.left(bytes.size() - 7));
    t.close();
    ASSERT_TRUE(x.open(QIODevice::WriteOnly));
    x.write("not a capture at all\n");
    x.close();
    const Result a = run({QStringLiteral("import"), truncated, QStringLiteral("--list")});
    EXPECT_EQ(a.code, 2);
    EXPECT_EQ(lines(a.err).size(), 1);
    EXPECT_TRUE(a.err.contains(truncated + QStringLiteral(": packet 32:"))) << a.err.toStdString();
    const Result b = run({QStringLiteral("import"), text});
    EXPECT_EQ(b.code, 2);
    EXPECT_EQ(lines(b.err).size(), 1);
    EXPECT_TRUE(b.err.contains(text)) << b.err.toStdString();
    const Result c = run({QStringLiteral("import"), dir.filePath(QStringLiteral("missing.pcap"))});
    EXPECT_EQ(c.code, 2);
    const Result d = run({QStringLiteral("import"), fixture("real-lo.pcap"), QStringLiteral("--connection"), QStringLiteral("9")});
    EXPECT_EQ(d.code, 2);
    EXPECT_TRUE(d.err.contains(QStringLiteral("3 connections"))) << d.err.toStdString();
}

TEST(CaptureCommandLine, exportDrawsACapturedConnection) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("real.svg"));
    const Result r = run({QStringLiteral("export"), QStringLiteral("--capture"), fixture("real-lo.pcap"),
                          QStringLiteral("--connection"), QStringLiteral("3"), QStringLiteral("--view"),
                          QStringLiteral("both"), QStringLiteral("--output"), out});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    EXPECT_TRUE(svg.contains("FIN")) << "the diagram labels the captured FINs";
    EXPECT_TRUE(svg.contains("TIME_WAIT"));
    const Result several = run({QStringLiteral("export"), QStringLiteral("--capture"), fixture("real-lo.pcap"),
                                QStringLiteral("--output"), out});
    EXPECT_EQ(several.code, 2);
    EXPECT_TRUE(several.err.contains(QStringLiteral("--connection")));
}
