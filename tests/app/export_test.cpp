// Every built-in scenario in every format, and every failure case leaving files untouched.
#include "app/export/diagram_exporter.h"
#include "app/sim_controller.h"
#include "app/views/sequence_view.h"
#include "app/views/state_graph_view.h"
#include "core/builtin_scenarios.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace finwave;
using namespace finwave::app;

namespace {
struct Views {
    explicit Views(std::string_view name, quint64 step = 1'000'000) {
        ctl.loadScenario(*builtinScenario(name));
        ctl.seek(step);
    }
    SimController ctl;
    SequenceView seq{&ctl};
    StateGraphView states{&ctl};
};

QByteArray read(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size();
}

QString svgText(const QByteArray& svg, bool* wellFormed) {
    QXmlStreamReader xml(svg);
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            text += xml.text().toString() + QLatin1Char('\n');
    }
    *wellFormed = !xml.hasError();
    return text;
}
}  // namespace

TEST(Export, EveryBuiltinScenarioInEveryFormat) {
    QTemporaryDir dir;
    for (auto name : builtinScenarioNames()) {
        Views v(name);
        const QString base = dir.filePath(QString::fromUtf8(name.data(), static_cast<int>(name.size())));
        ExportOptions o;
        o.view = DiagramView::Both;
        o.format = ExportFormat::Png;
        ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, base + QStringLiteral(".png")), QString());
        QImage one(base + QStringLiteral(".png"));
        ASSERT_FALSE(one.isNull()) << name;
        EXPECT_GT(distinctColours(one), 8) << name;
        o.scale = 2;
        ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, base + QStringLiteral("-2x.png")), QString());
        QImage two(base + QStringLiteral("-2x.png"));
        EXPECT_NEAR(two.width(), one.width() * 2, 2) << name;
        EXPECT_NEAR(two.height(), one.height() * 2, 2) << name;

        o.format = ExportFormat::Svg;
        ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, base + QStringLiteral(".svg")), QString());
        bool ok = false;
        const QString text = svgText(read(base + QStringLiteral(".svg")), &ok);
        EXPECT_TRUE(ok) << name;
        EXPECT_TRUE(text.contains(QStringLiteral("seq="))) << name;  // labels stay text
        EXPECT_TRUE(text.contains(QStringLiteral("CLOSED"))) << name;
        EXPECT_TRUE(text.contains(QStringLiteral("ESTABLISHED"))) << name;

        o.format = ExportFormat::Pdf;
        ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, base + QStringLiteral(".pdf")), QString());
        const QByteArray pdf = read(base + QStringLiteral(".pdf"));
        EXPECT_TRUE(pdf.startsWith("%PDF")) << name;
        EXPECT_EQ(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1) << name;
    }
}

TEST(Export, SvgOfNormalCloseNamesTheClosingStates) {
    QTemporaryDir dir;
    Views v("normal-close");
    ExportOptions o;
    o.format = ExportFormat::Svg;
    ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, dir.filePath(QStringLiteral("n.svg"))), QString());
    bool ok = false;
    const QString text = svgText(read(dir.filePath(QStringLiteral("n.svg"))), &ok);
    for (const char* s : {"FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSE_WAIT", "LAST_ACK", "FIN, ACK seq=1 ack=1"})
        EXPECT_TRUE(text.contains(QString::fromLatin1(s))) << s;
}

TEST(Export, UpToAStepHasFewerArrowsThanTheCompleteRun) {
    Views whole("lost-last-ack"), part("lost-last-ack", 4);
    EXPECT_LT(part.seq.arrowCount(), whole.seq.arrowCount());
    QTemporaryDir dir;
    ExportOptions o;
    ASSERT_EQ(exportDiagram(&part.seq, &part.states, o, dir.filePath(QStringLiteral("p.png"))), QString());
    ASSERT_EQ(exportDiagram(&whole.seq, &whole.states, o, dir.filePath(QStringLiteral("w.png"))), QString());
    EXPECT_LT(QImage(dir.filePath(QStringLiteral("p.png"))).height(), QImage(dir.filePath(QStringLiteral("w.png"))).height());
}

TEST(Export, FailuresWriteNothingAndKeepAnExistingFile) {
    QTemporaryDir dir;
    Views v("normal-close");
    ExportOptions o;
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/x.png"));
    const QString error = exportDiagram(&v.seq, &v.states, o, missing);
    EXPECT_TRUE(error.contains(missing)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(missing));
    ExportFormat f;
    EXPECT_FALSE(formatFromPath(QStringLiteral("x.bmp"), f));
    // A target that is a folder: refused, the folder untouched.
    const QString folder = dir.filePath(QStringLiteral("taken.png"));
    ASSERT_TRUE(QDir().mkdir(folder));
    EXPECT_FALSE(exportDiagram(&v.seq, &v.states, o, folder).isEmpty());
    EXPECT_TRUE(QFileInfo(folder).isDir());
    // A read-only folder: the old file stays byte for byte.
    const QString locked = dir.filePath(QStringLiteral("locked"));
    ASSERT_TRUE(QDir().mkdir(locked));
    const QString target = locked + QStringLiteral("/old.png");
    {
        QFile old(target);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("old bytes");
    }
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
    const QString lockedError = exportDiagram(&v.seq, &v.states, o, target);
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (geteuid() == 0)
        GTEST_SKIP() << "root can write into a read-only folder";
    EXPECT_FALSE(lockedError.isEmpty());
    EXPECT_EQ(read(target), QByteArray("old bytes"));
}
