// Limits, from the command line: every refused input exits 2 with one line naming the field or
// flag, and writes nothing.
#include "core/scenario/scenario_io.h"
#include "support/finwave_process.h"
#include "support/long_run.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using finwave::testing::runFinwave;

namespace {
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QByteArray sendsScenario(int sends, long long bytes, int mss) {
    QByteArray s = "{\"version\": 1, \"params\": {\"mss\": " + QByteArray::number(mss) + "}, \"actions\": [";
    for (int i = 0; i < sends; ++i)
        s += QByteArray(i ? ", " : "") + "{\"side\": \"A\", \"do\": \"send\", \"bytes\": " + QByteArray::number(bytes) + "}";
    return s + "]}";
}

QStringList trace(const QString& scenario) { return {QStringLiteral("trace"), QStringLiteral("--scenario"), scenario}; }

QStringList experiment(const QString& sweep, const QString& runs, const QString& csv) {
    return {QStringLiteral("experiment"), QStringLiteral("--scenario"), QStringLiteral("normal-close"),
            QStringLiteral("--sweep"), sweep, QStringLiteral("--runs"), runs, QStringLiteral("--csv"), csv};
}
}  // namespace

TEST(CommandLineLimits, RefusedScenarioFilesExitTwoWithOneLineNamingTheField) {
    QTemporaryDir dir;
    const QByteArray deep = "{\"version\": 1, \"faults\": [{\"kind\": \"drop-nth\", \"flags\": " +
                            QByteArray(100000, '[') + QByteArray(100000, ']') + "}]}";
    QByteArray many = "[";
    while (many.size() < 5 * 1024 * 1024)
        many += "{},";
    many += "{}]";
    struct Case {
        QString path, mentions;
    } cases[] = {
        {writeFile(dir, QStringLiteral("deep.json"), deep), QStringLiteral("faults[0].flags")},
        {writeFile(dir, QStringLiteral("giga.json"), sendsScenario(1, 1'000'000'000, 1)), QStringLiteral("actions[0].bytes")},
        {writeFile(dir, QStringLiteral("wrap.json"), sendsScenario(5, 1'000'000'000, 65535)), QStringLiteral("actions[0].bytes")},
        {writeFile(dir, QStringLiteral("many.json"), many), QStringLiteral("4194304 bytes")},
        {writeFile(dir, QStringLiteral("nl.json"), "{\"version\": 1, \"profile\": \"rfc\\nlinux\"}"), QStringLiteral("rfc\\nlinux")},
        {writeFile(dir, QStringLiteral("key.json"), "{\"version\": 1, \"a\\nb\": 1}"), QStringLiteral("a\\nb")},
        {writeFile(dir, QStringLiteral("nan.json"), "{\"version\": NaN}"), QStringLiteral("invalid literal")},
        {writeFile(dir, QStringLiteral("dup.json"), "{\"version\": 1,\n\"seed\": 1,\n\"seed\": 2}"), QStringLiteral("dup.json:3:1: field 'seed'")},
        {QStringLiteral("/dev/zero"), QStringLiteral("/dev/zero: is larger than")},
    };
    for (const Case& c : cases) {
        const auto r = runFinwave(trace(c.path));
        EXPECT_TRUE(r.isOneLineRefusal()) << c.path.toStdString() << " -> " << r.code << " " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(c.mentions)) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << c.path.toStdString();
    }
}

TEST(CommandLineLimits, SweepsThatWouldNeverEndAreRefusedNamingTheFlag) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("e.csv"));
    struct Case {
        QString sweep, runs, flag;
    } cases[] = {
        {QStringLiteral("loss=0:1:nan"), QStringLiteral("10"), QStringLiteral("--sweep")},
        {QStringLiteral("loss=0:1:inf"), QStringLiteral("10"), QStringLiteral("--sweep")},
        {QStringLiteral("loss=nan:1:0.1"), QStringLiteral("10"), QStringLiteral("--sweep")},
        {QStringLiteral("loss=0:1:1e-9"), QStringLiteral("10"), QStringLiteral("--sweep")},
        {QStringLiteral("loss=0:1:0.0047"), QStringLiteral("10000000"), QStringLiteral("--runs")},  // 214 levels
        {QStringLiteral("loss=0:1:0.001"), QStringLiteral("10000000"), QStringLiteral("--runs")},   // 1001 levels
        {QStringLiteral("loss=0:1:0.1"), QStringLiteral("1e300"), QStringLiteral("--runs")},
    };
    for (const Case& c : cases) {
        const auto r = runFinwave(experiment(c.sweep, c.runs, csv));
        EXPECT_TRUE(r.isOneLineRefusal()) << c.sweep.toStdString() << " " << r.code << " " << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("finwave experiment: ") + c.flag)) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(csv));
    }
    const auto threads = runFinwave(experiment(QStringLiteral("loss=0:0:0.1"), QStringLiteral("1"), csv) +
                                    QStringList{QStringLiteral("--threads"), QStringLiteral("1e300")});
    EXPECT_TRUE(threads.isOneLineRefusal()) << threads.err.toStdString();
    EXPECT_TRUE(threads.err.contains(QStringLiteral("--threads")));
}

TEST(CommandLineLimits, AChartThatCannotBeWrittenIsFoundBeforeTheSweepAndTheCsvIsKept) {
    QTemporaryDir dir;
    const QString csv = writeFile(dir, QStringLiteral("E.csv"), "keep me\n");
    QDir(dir.path()).mkdir(QStringLiteral("folder.png"));
    for (const QString& chart : {QStringLiteral("/proc/c.png"), dir.filePath(QStringLiteral("folder.png"))}) {
        const auto r = runFinwave(experiment(QStringLiteral("loss=0:0.2:0.1"), QStringLiteral("20"), csv) +
                                  QStringList{QStringLiteral("--chart"), chart});
        EXPECT_TRUE(r.isOneLineRefusal()) << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("finwave experiment: --chart: ") + chart)) << r.err.toStdString();
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_EQ(f.readAll(), QByteArray("keep me\n"));
    }
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 1) << "no temporary file is left behind";
}

TEST(CommandLineLimits, AtFullLossTheCsvLeavesTheCloseTimesEmpty) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("full.csv"));
    const auto r = runFinwave(experiment(QStringLiteral("loss=1:1:0.1"), QStringLiteral("3"), csv));
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << "no progress line when stderr is not a terminal: " << r.err.toStdString();
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    ASSERT_GE(lines.size(), 2);
    EXPECT_TRUE(lines[1].startsWith("1.0000,3,0,,,")) << lines[1].toStdString();
}

TEST(CommandLineLimits, ExportRefusesAPngOverThePixelBudgetAndANanScale) {
    QTemporaryDir dir;
    const QString run = writeFile(dir, QStringLiteral("run.json"),
                                  QByteArray::fromStdString(finwave::writeScenario(finwave::testing::longRun(160))));
    const QString png = dir.filePath(QStringLiteral("big.png"));
    auto r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), run, QStringLiteral("--scale"),
                         QStringLiteral("4"), QStringLiteral("--output"), png});
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << " " << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("too large"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(png));
    for (const char* ext : {"png", "svg", "pdf"}) {
        const QString out = dir.filePath(QStringLiteral("nan.") + QLatin1String(ext));
        r = runFinwave({QStringLiteral("export"), QStringLiteral("--scale"), QStringLiteral("nan"),
                        QStringLiteral("--output"), out});
        EXPECT_TRUE(r.isOneLineRefusal()) << ext << " " << r.code << " " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("--scale"))) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out));
    }
}

// A small file can describe a run too large to draw (MSS 1, one 12 500-byte send: 25 000
// segments). The budget is checked on the run before any scene is built: refused at once, in one
// line, and nothing written. Before, the export built 25 000 arrows and wrote a 65 MB SVG.
TEST(CliLimits, AnExportOfARunOverTheDrawingBudgetIsRefusedBeforeDrawing) {
    using namespace finwave;
    QTemporaryDir dir;
    Scenario s = *builtinScenario("half-close");
    s.params.mss = 1;
    s.actions = {action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 12'500),
                 action(Side::A, AppAction::Kind::Close, kMs, AppAction::Trigger::AtTime, 0),
                 action(Side::B, AppAction::Kind::Close, 0, AppAction::Trigger::AfterEof, 0)};
    const QString file = dir.filePath(QStringLiteral("big.json"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(writeScenario(s)));
    }
    const QString out = dir.filePath(QStringLiteral("big.svg"));
    const auto r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), file, QStringLiteral("--output"), out});
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << ' ' << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("segments"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
    // Up to a step inside the budget it draws.
    const auto part = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), file, QStringLiteral("--step"),
                                  QStringLiteral("2000"), QStringLiteral("--output"), out});
    EXPECT_EQ(part.code, 0) << part.err.toStdString();
    EXPECT_TRUE(QFile::exists(out));
}

// A name with a line break in it reaches stderr escaped, so every refusal stays one line: an
// unknown scenario, a scenario file, a capture, an output folder for each writer, an unknown command.
TEST(CliLimits, NamesWithLineBreaksAreRefusedInOneLine) {
    const QString nl = QStringLiteral("x\ny");
    const QString missing = QStringLiteral("/nonexistent-folder/") + nl;
    const QList<QStringList> cases = {
        {QStringLiteral("trace"), QStringLiteral("--scenario"), nl},
        {QStringLiteral("trace"), QStringLiteral("--scenario"), missing + QStringLiteral(".json")},
        {QStringLiteral("trace"), QStringLiteral("--scenario"), QStringLiteral("normal-close"), QStringLiteral("--pcap"), missing + QStringLiteral(".pcapng")},
        {QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("normal-close"), QStringLiteral("--output"), missing + QStringLiteral(".png")},
        {QStringLiteral("export"), QStringLiteral("--capture"), missing + QStringLiteral(".pcap"), QStringLiteral("--output"), QStringLiteral("/tmp/never.png")},
        {QStringLiteral("experiment"), QStringLiteral("--scenario"), QStringLiteral("normal-close"), QStringLiteral("--sweep"),
         QStringLiteral("loss=0:0.1:0.05"), QStringLiteral("--runs"), QStringLiteral("2"), QStringLiteral("--csv"), missing + QStringLiteral(".csv")},
        {QStringLiteral("import"), missing + QStringLiteral(".pcap")},
        {nl},
    };
    for (const QStringList& args : cases) {
        const auto r = runFinwave(args);
        EXPECT_TRUE(r.isOneLineRefusal()) << args.join(QLatin1Char(' ')).toStdString() << " -> " << r.code << ' '
                                          << r.err.toStdString();
    }
}
