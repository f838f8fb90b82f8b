// A full disk loses nothing: the program, run with a file-size limit that makes its writes fail
// part way as a full disk does (RLIMIT_FSIZE: write() fails with EFBIG after the limit, as with
// ENOSPC; SIGXFSZ ignored, so the failure is an error code, not a signal), reports the failed write
// in one line, exits 2 and leaves the old file as it was. Qt buffers writes under 16 KiB, so a
// commit without a checked flush renamed an empty file over the old one and exited 0.
#include "app/window/main_window.h"
#include "support/finwave_process.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>

using finwave::testing::ProcessResult;

namespace {

// Runs finwave with at most `limit` bytes in any file it writes.
ProcessResult runWithFileLimit(const QStringList& args, rlim_t limit) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setChildProcessModifier([limit] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit r{limit, limit};
        setrlimit(RLIMIT_FSIZE, &r);
    });
    p.start(QStringLiteral(FINWAVE_BINARY), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray read(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

void writeOld(const QString& path) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("the old file\n");
}

}  // namespace

TEST(FullDisk, ACaptureThatCannotBeWrittenIsReportedAndTheOldFileKept) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.pcapng"));
    writeOld(out);
    const ProcessResult r = runWithFileLimit({QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                              QStringLiteral("--pcap"), out},
                                             512);
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << " " << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("--pcap"))) << r.err.toStdString();
    EXPECT_EQ(read(out), QByteArray("the old file\n"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.pcapng")});  // no temporary left
}

TEST(FullDisk, ASweepsCsvThatCannotBeWrittenIsReportedAndTheOldFileKept) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("sweep.csv"));
    writeOld(csv);
    const ProcessResult r = runWithFileLimit({QStringLiteral("experiment"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                                              QStringLiteral("--sweep"), QStringLiteral("loss=0:0.2:0.1"), QStringLiteral("--runs"),
                                              QStringLiteral("5"), QStringLiteral("--csv"), csv},
                                             64);
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << " " << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("--csv"))) << r.err.toStdString();
    EXPECT_EQ(read(csv), QByteArray("the old file\n"));
}

TEST(FullDisk, ADiagramThatCannotBeWrittenIsReportedAndTheOldFileKept) {
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("d.svg"));
    writeOld(svg);
    const ProcessResult r = runWithFileLimit({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                                              QStringLiteral("--output"), svg},
                                             1024);
    EXPECT_EQ(r.code, 2) << r.err.toStdString();
    EXPECT_EQ(read(svg), QByteArray("the old file\n"));
}

// The run as it moves: a GIF, an MP4 (ffmpeg's temporary file is under the same limit) and a
// handout on a full disk are refused in one line, the old file kept and nothing left beside it.
TEST(FullDisk, AnAnimationOrHandoutThatCannotBeWrittenIsReportedAndTheOldFileKept) {
    for (const QString& name : {QStringLiteral("run.gif"), QStringLiteral("run.mp4"), QStringLiteral("handout.pdf")}) {
        QTemporaryDir dir;
        const QString out = dir.filePath(name);
        writeOld(out);
        const bool handout = name.endsWith(QLatin1String(".pdf"));
        const ProcessResult r = runWithFileLimit({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                                  handout ? QStringLiteral("--handout") : QStringLiteral("--output"), out},
                                                 4096);
        EXPECT_TRUE(r.isOneLineRefusal()) << name.toStdString() << ": " << r.code << " " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(out)) << r.err.toStdString();
        EXPECT_EQ(read(out), QByteArray("the old file\n")) << name.toStdString();
        EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{name});  // no temporary left
    }
}

// The window's File > Save, with the same limit set on this process for the one call.
TEST(FullDisk, TheWindowsSaveReportsAFailedWriteAndKeepsTheOldFile) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.json"));
    writeOld(file);
    finwave::app::MainWindow w;
    QString error;
    rlimit was{};
    getrlimit(RLIMIT_FSIZE, &was);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit tight{64, was.rlim_max};
    setrlimit(RLIMIT_FSIZE, &tight);
    const bool saved = w.saveRunTo(file, &error);
    setrlimit(RLIMIT_FSIZE, &was);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_FALSE(saved);
    EXPECT_TRUE(error.contains(file)) << error.toStdString();
    EXPECT_EQ(read(file), QByteArray("the old file\n"));
}

// Standard output on a full disk (/dev/full): `trace` and `import` exited 1 saying nothing, and
// `trace --pcap` had already replaced the capture. Now the failure is said in one line, and the
// capture is written only after the trace was.
TEST(FullDisk, AStandardOutputThatCannotBeWrittenIsSaidAndNothingIsCommitted) {
    QTemporaryDir dir;
    const QString pcap = dir.filePath(QStringLiteral("out.pcapng"));
    writeOld(pcap);
    const auto run = [](const QStringList& args) {
        QProcess p;
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(FINWAVE_BINARY), args);
        EXPECT_TRUE(p.waitForFinished(60000));
        return ProcessResult{p.exitCode(), {}, QString::fromUtf8(p.readAllStandardError())};
    };
    const ProcessResult trace = run({QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                                     QStringLiteral("--pcap"), pcap});
    EXPECT_EQ(trace.code, 1);
    EXPECT_TRUE(trace.err.startsWith(QStringLiteral("finwave trace: standard output:"))) << trace.err.toStdString();
    EXPECT_EQ(trace.err.trimmed().count(QLatin1Char('\n')), 0) << trace.err.toStdString();
    EXPECT_EQ(read(pcap), QByteArray("the old file\n"));
    const ProcessResult import = run({QStringLiteral("import"), QStringLiteral(FINWAVE_SOURCE_DIR "/tests/data/real-lo.pcap"), QStringLiteral("--connection"), QStringLiteral("1")});
    EXPECT_EQ(import.code, 1);
    EXPECT_TRUE(import.err.startsWith(QStringLiteral("finwave import: standard output:"))) << import.err.toStdString();
}
