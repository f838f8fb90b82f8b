// The command-line contract: exit codes, one-line reasons, jsonl fields, exports with no display.
#include "core/scenario/builtin_scenarios.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QFile>
#include <QImage>

#include <gtest/gtest.h>

namespace {
struct Result {
    int code = -1;
    QString out, err;
};

Result run(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));  // as under cron or a bare root shell
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FINWAVE_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
}  // namespace

TEST(CommandLine, VersionPrintsTheProjectVersion) {
    const Result r = run({QStringLiteral("--version")});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out.trimmed(), QStringLiteral("finwave ") + QStringLiteral(FINWAVE_VERSION));
}

TEST(CommandLine, ListScenariosNamesEveryBuiltin) {
    const Result r = run({QStringLiteral("--list-scenarios")});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out.trimmed().split(QLatin1Char('\n')).size(), static_cast<int>(finwave::builtinScenarioNames().size()));
    EXPECT_EQ(finwave::builtinScenarioNames().size(), 13u);  // the twelve of the README and old-duplicate
    EXPECT_TRUE(r.out.contains(QStringLiteral("lost-last-ack")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("old-duplicate")));
}

TEST(CommandLine, TraceJsonlHasTheContractFieldsAndIsDeterministic) {
    const QStringList args = {QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                              QStringLiteral("--loss-ab"), QStringLiteral("0.3"), QStringLiteral("--seed"),
                              QStringLiteral("7"), QStringLiteral("--format"), QStringLiteral("jsonl")};
    const Result a = run(args), b = run(args);
    ASSERT_EQ(a.code, 0) << a.err.toStdString();
    EXPECT_EQ(a.out, b.out);
    EXPECT_TRUE(a.err.isEmpty());
    bool sawState = false, sawSegment = false;
    for (const QString& line : a.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        ASSERT_FALSE(o.isEmpty()) << line.toStdString();
        for (const char* key : {"step", "t_us", "kind", "side", "state_a", "state_b", "reason"})
            ASSERT_TRUE(o.contains(QLatin1String(key))) << key;
        if (o[QStringLiteral("kind")] == QStringLiteral("state")) {
            sawState = true;
            EXPECT_TRUE(o.contains(QStringLiteral("from")) && o.contains(QStringLiteral("to")));
        }
        if (o[QStringLiteral("kind")] == QStringLiteral("send")) {
            sawSegment = true;
            const QJsonObject seg = o[QStringLiteral("seg")].toObject();
            for (const char* key : {"id", "dir", "flags", "seq", "ack", "len", "retransmission"})
                EXPECT_TRUE(seg.contains(QLatin1String(key))) << key;
            EXPECT_TRUE(o.contains(QStringLiteral("seq_abs")));
        }
    }
    EXPECT_TRUE(sawState && sawSegment);
}

TEST(CommandLine, BadInputExitsTwoWithAOneLineReason) {
    struct Case {
        QStringList args;
        QString mentions;
    } cases[] = {
        {{QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("nope")}, QStringLiteral("normal-close")},
        {{QStringLiteral("trace"), QStringLiteral("--loss-ab"), QStringLiteral("1.5")}, QStringLiteral("--loss-ab")},
        {{QStringLiteral("trace"), QStringLiteral("--delay-ba"), QStringLiteral("-3")}, QStringLiteral("--delay-ba")},
        {{QStringLiteral("trace"), QStringLiteral("--format"), QStringLiteral("xml")}, QStringLiteral("--format")},
        {{QStringLiteral("trace"), QStringLiteral("--frobnicate")}, QStringLiteral("--frobnicate")},
        {{QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("/no/such/file.json")}, QStringLiteral("/no/such/file.json")},
        {{QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("x.bmp")}, QStringLiteral("png, svg, pdf")},
        {{QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("/no/such/dir/x.png")}, QStringLiteral("/no/such/dir/x.png")},
        {{QStringLiteral("export"), QStringLiteral("--scale"), QStringLiteral("9"), QStringLiteral("--output"), QStringLiteral("x.png")}, QStringLiteral("--scale")},
        {{QStringLiteral("bogus")}, QStringLiteral("bogus")},
    };
    for (const Case& c : cases) {
        const Result r = run(c.args);
        EXPECT_EQ(r.code, 2) << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(c.mentions)) << r.err.toStdString();
        EXPECT_EQ(r.err.trimmed().count(QLatin1Char('\n')), 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
}

TEST(CommandLine, MalformedScenarioFileNamesFileLineColumnAndField) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1,\n \"faults\": [{\"kind\": \"melt\"}]}\n");
    f.close();
    const Result r = run({QStringLiteral("trace"), QStringLiteral("--scenario"), path});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(path + QStringLiteral(":2:"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("faults[0].kind"))) << r.err.toStdString();
}

TEST(CommandLine, ExportWorksWithoutADisplayAndRespectsStep) {
    QTemporaryDir dir;
    const QString whole = dir.filePath(QStringLiteral("w.png")), part = dir.filePath(QStringLiteral("p.svg"));
    Result r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("simultaneous-close"),
                    QStringLiteral("--view"), QStringLiteral("both"), QStringLiteral("--output"), whole,
                    QStringLiteral("--scale"), QStringLiteral("2")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(whole));
    r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
             QStringLiteral("--step"), QStringLiteral("2"), QStringLiteral("--output"), part});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile svg(part);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    EXPECT_TRUE(text.contains("CLOSE_WAIT"));
    EXPECT_FALSE(text.contains("LAST_ACK"));  // B has not closed yet at step 2
}

TEST(CommandLine, ChineseExportKeepsChineseTextInTheSvg) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zh.svg"));
    const Result r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                          QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--output"), path});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile svg(path);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svg.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("配置"))) << "the subtitle is translated";
    EXPECT_TRUE(text.contains(QStringLiteral("FIN_WAIT_1"))) << "protocol names stay";
}

TEST(CommandLine, ExportFitMakesASlideSizedPngAndRefusesBadSizes) {
    QTemporaryDir dir;
    const QString slide = dir.filePath(QStringLiteral("slide.png"));
    Result r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                    QStringLiteral("--output"), slide, QStringLiteral("--fit"), QStringLiteral("4k")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(slide).size(), QSize(3840, 2160));
    r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"), QStringLiteral("--output"),
             slide, QStringLiteral("--fit"), QStringLiteral("1280x720")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(slide).size(), QSize(1280, 720));

    const QString never = dir.filePath(QStringLiteral("never.png"));
    for (const QStringList& extra : {QStringList{QStringLiteral("--fit"), QStringLiteral("huge")},
                                     QStringList{QStringLiteral("--fit"), QStringLiteral("50x50")},
                                     QStringList{QStringLiteral("--fit"), QStringLiteral("4k"), QStringLiteral("--scale"), QStringLiteral("2")}}) {
        r = run(QStringList{QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                            QStringLiteral("--output"), never} + extra);
        EXPECT_EQ(r.code, 2) << extra.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("--fit"))) << r.err.toStdString();
        EXPECT_EQ(r.err.trimmed().count(QLatin1Char('\n')), 0) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(never));
    }
}

TEST(CommandLine, AFailureAfterQtStartsIsStillOneLine) {
    // /proc exists but takes no new files: the path passes the early checks and fails at the write.
    const Result r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                          QStringLiteral("--output"), QStringLiteral("/proc/finwave-test.png")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("finwave export: /proc/finwave-test.png"))) << r.err.toStdString();
    EXPECT_EQ(r.err.trimmed().count(QLatin1Char('\n')), 0) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(QStringLiteral("/proc/finwave-test.png")));
}

TEST(CommandLine, ExportCaptionNamesScenarioProfileAndParameters) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.svg"));
    const Result r = run({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-fin"),
                          QStringLiteral("--profile"), QStringLiteral("linux"), QStringLiteral("--delay-ab"),
                          QStringLiteral("80"), QStringLiteral("--loss-ba"), QStringLiteral("0.25"), QStringLiteral("--seed"),
                          QStringLiteral("7"), QStringLiteral("--caption"), QStringLiteral("--output"), path});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile svg(path);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svg.readAll());
    for (const char* part : {"lost-fin · profile linux", "delay 80/50 ms", "loss 0/25 %", "seed 7"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(part))) << part;
}

// finwave export draws the part of the state graph the run is in; --whole-figure draws all
// eleven states (normal-close never opens, so LISTEN is drawn only when asked for).
TEST(CommandLine, ExportWholeFigureDrawsAllElevenStates) {
    QTemporaryDir dir;
    const auto svg = [&](bool whole) {
        const QString path = dir.filePath(whole ? QStringLiteral("whole.svg") : QStringLiteral("part.svg"));
        QStringList args{QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
                         QStringLiteral("--view"), QStringLiteral("states"), QStringLiteral("--output"), path};
        if (whole)
            args << QStringLiteral("--whole-figure");
        const Result r = run(args);
        EXPECT_EQ(r.code, 0) << r.err.toStdString();
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return QString::fromUtf8(f.readAll());
    };
    const QString part = svg(false), whole = svg(true);
    EXPECT_TRUE(part.contains(QStringLiteral(">FIN_WAIT_2<")));
    EXPECT_FALSE(part.contains(QStringLiteral(">LISTEN<")));
    EXPECT_TRUE(whole.contains(QStringLiteral(">LISTEN<")));
    EXPECT_TRUE(whole.contains(QStringLiteral(">SYN_RECEIVED<")));
}
