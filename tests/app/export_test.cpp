// Every built-in scenario in every format, and every failure case leaving files untouched.
#include "app/export/diagram_exporter.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "core/scenario/builtin_scenarios.h"
#include "support/export_views.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>
#include <QImage>
#include <QTemporaryDir>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <cmath>

#include <sys/wait.h>
#include <unistd.h>

using namespace finwave;
using namespace finwave::app;
using finwave::testing::BulkViews;
using finwave::testing::Views;
using finwave::testing::readFile;
using finwave::testing::svgText;

namespace {
int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size();
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
        const QString text = svgText(readFile(base + QStringLiteral(".svg")), &ok);
        EXPECT_TRUE(ok) << name;
        EXPECT_TRUE(text.contains(QStringLiteral("seq="))) << name;  // labels stay text
        EXPECT_TRUE(text.contains(QStringLiteral("CLOSED"))) << name;
        EXPECT_TRUE(text.contains(QStringLiteral("ESTABLISHED"))) << name;

        o.format = ExportFormat::Pdf;
        ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, base + QStringLiteral(".pdf")), QString());
        const QByteArray pdf = readFile(base + QStringLiteral(".pdf"));
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
    const QString text = svgText(readFile(dir.filePath(QStringLiteral("n.svg"))), &ok);
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

TEST(Export, TransparentPngLeavesTheBackgroundClear) {
    Views v("normal-close");
    QTemporaryDir dir;
    ExportOptions o;
    o.transparent = true;
    o.view = DiagramView::Both;
    const QString path = dir.filePath(QStringLiteral("t.png"));
    ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, path), QString());
    const QImage image = QImage(path).convertToFormat(QImage::Format_ARGB32);
    ASSERT_TRUE(image.hasAlphaChannel());
    EXPECT_EQ(qAlpha(image.pixel(2, 2)), 0);
    EXPECT_EQ(qAlpha(image.pixel(image.width() - 3, image.height() - 3)), 0);
    int opaque = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            opaque += qAlpha(image.pixel(x, y)) == 255 ? 1 : 0;
    EXPECT_GT(opaque, 500);  // the lines, bands and text are there
    // And the views got their backgrounds back for the screen.
    EXPECT_EQ(v.seq.backgroundBrush().color(), v.seq.theme().background);
}

TEST(Export, SvgRendersLikeThePng) {
    for (const char* name : {"lost-last-ack", "simultaneous-close", "half-close"})
        for (DiagramView view : {DiagramView::Sequence, DiagramView::Both}) {
            Views v(name);
            QTemporaryDir dir;
            ExportOptions o;
            o.view = view;
            const QString png = dir.filePath(QStringLiteral("d.png")), svg = dir.filePath(QStringLiteral("d.svg"));
            ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, png), QString());
            o.format = ExportFormat::Svg;
            ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, svg), QString());
            const QImage raster = QImage(png).convertToFormat(QImage::Format_RGB32);
            QImage drawn(raster.size(), QImage::Format_RGB32);
            drawn.fill(Qt::white);
            QSvgRenderer renderer(svg);
            ASSERT_TRUE(renderer.isValid());
            {
                QPainter p(&drawn);
                p.setRenderHint(QPainter::Antialiasing);
                renderer.render(&p, QRectF(QPointF(0, 0), raster.size()));
            }
            const QSize blocks(raster.width() / 8, raster.height() / 8);
            const QImage a = raster.scaled(blocks, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            const QImage b = drawn.scaled(blocks, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            double diff = 0;
            double worst = 0;
            for (int y = 0; y < blocks.height(); ++y)
                for (int x = 0; x < blocks.width(); ++x) {
                    const double d = std::abs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y)));
                    diff += d;
                    worst = std::max(worst, d);
                }
            diff /= blocks.width() * blocks.height();
            // Text is antialiased a little differently in the two renderers: a dense picture
            // (simultaneous-close side by side, 1.01) differs by about one grey level a block; a
            // missing text, band or arrow by several.
            EXPECT_LT(diff, 1.25) << name << " view " << static_cast<int>(view) << " worst block " << worst;
            // Text as large as on screen: a label font of P points is P × 96/72 units tall, as in
            // the PNG (at the generator's default 72 dpi it came out a quarter smaller).
            const QByteArray labelSize = "font-size=\"" + QByteArray::number(v.seq.theme().font.pointSizeF() * 96.0 / 72.0, 'g', 6) + "\"";
            EXPECT_TRUE(readFile(svg).contains(labelSize)) << labelSize.toStdString();
        }
}
