// Fitting a long diagram to a slide: columns, cuts at quiet rows, carried states, strips.
#include "app/export/diagram_exporter.h"
#include "app/text/reason_text.h"
#include "app/views/sequence/sequence_items.h"
#include "support/export_views.h"

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;
using namespace finwave::testing;

namespace {
std::vector<std::pair<int, int>> inkedRuns(const QImage& image, QRgb background) {
    std::vector<std::pair<int, int>> runs;
    int start = -1;
    for (int x = 0; x < image.width(); ++x) {
        bool ink = false;
        for (int y = 0; y < image.height() && !ink; y += 3)
            ink = image.pixel(x, y) != background;
        if (ink && start < 0)
            start = x;
        if (!ink && start >= 0) {
            runs.emplace_back(start, x);
            start = -1;
        }
    }
    if (start >= 0)
        runs.emplace_back(start, image.width());
    return runs;
}

}  // namespace

TEST(Export, FitToA4KSlideCutsALongDiagramIntoColumns) {
    BulkViews v(200);
    ASSERT_GE(v.seq.arrowCount(), 200);
    QTemporaryDir dir;
    ExportOptions o;
    o.fit = kFit4K;
    const QString path = dir.filePath(QStringLiteral("slide.png"));
    ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, path), QString());
    const QImage image(path);
    ASSERT_EQ(image.size(), QSize(3840, 2160));
    const PaintedDiagram painted = paintDiagram(&v.seq, &v.states, o);
    EXPECT_GE(painted.columns, 3);
    // Every column carries part of the diagram: as many inked stretches across the slide as
    // columns (the gaps between them are background), and they fill most of its width.
    const auto runs = inkedRuns(image.convertToFormat(QImage::Format_RGB32), v.seq.theme().background.rgb());
    int inked = 0, wide = 0;
    for (const auto& [from, to] : runs) {
        inked += to - from;
        wide += to - from > 300 ? 1 : 0;
    }
    EXPECT_EQ(wide, painted.columns);
    EXPECT_GT(inked, 3840 * 7 / 10);
    // A single column of the same run would be far taller than it is wide.
    o.fit = QSize();
    EXPECT_EQ(paintDiagram(&v.seq, &v.states, o).columns, 1);
    EXPECT_GT(paintDiagram(&v.seq, &v.states, o).image.height(), 10 * v.seq.contentRect().width());
}

TEST(Export, AShortDiagramFitsInOneColumnAndFillsTheSlide) {
    Views v("normal-close");
    ExportOptions o;
    o.fit = kFitFullHd;
    const PaintedDiagram painted = paintDiagram(&v.seq, &v.states, o);
    EXPECT_EQ(painted.columns, 1);
    ASSERT_EQ(painted.image.size(), QSize(1920, 1080));
    // Scaled up until its height meets the slide's: ink reaches near the top and the bottom.
    const QRgb bg = v.seq.theme().background.rgb();
    int top = -1, bottom = -1;
    for (int y = 0; y < 1080; ++y)
        for (int x = 0; x < 1920; x += 2)
            if (painted.image.pixel(x, y) != bg) {
                top = top < 0 ? y : top;
                bottom = y;
                break;
            }
    EXPECT_LT(top, 60);
    EXPECT_GT(bottom, 1080 - 60);
}

TEST(Export, FitCutsPdfIntoColumnsButAnSvgStaysOneColumn) {
    BulkViews v(60);
    QTemporaryDir dir;
    ExportOptions o;
    o.fit = kFit4K;
    o.format = ExportFormat::Pdf;
    EXPECT_GT(paintDiagram(&v.seq, &v.states, o).columns, 1);
    const QString pdf = dir.filePath(QStringLiteral("fit.pdf"));
    ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, pdf), QString());
    EXPECT_TRUE(readFile(pdf).startsWith("%PDF"));
    EXPECT_EQ(readFile(pdf).count("/Type /Page\n") + readFile(pdf).count("/Type /Page "), 1);
    // An SVG cannot clip the columns, so it is drawn whole: one title, every label once.
    o.format = ExportFormat::Svg;
    EXPECT_EQ(paintDiagram(&v.seq, &v.states, o).columns, 1);
    const QString svg = dir.filePath(QStringLiteral("fit.svg"));
    ASSERT_EQ(exportDiagram(&v.seq, &v.states, o, svg), QString());
    bool ok = false;
    const QString text = svgText(readFile(svg), &ok);
    ASSERT_TRUE(ok);
    EXPECT_EQ(text.count(scenarioTitle(v.ctl.scenario())), 1);
    EXPECT_EQ(text.count(QStringLiteral("ack=")), v.seq.arrowCount());
}

TEST(Export, ContinuationColumnsNameTheStateEachSideIsIn) {
    Views v("lost-fin");
    // Every band's own name is what the view reports just inside it, on its side.
    int checked = 0;
    for (QGraphicsItem* item : v.seq.items())
        if (item->type() == BandType) {
            const auto* band = static_cast<StateBandItem*>(item);
            const int side = std::abs(band->sceneBoundingRect().center().x() - v.seq.lifelineX(0)) <
                                     std::abs(band->sceneBoundingRect().center().x() - v.seq.lifelineX(1))
                                 ? 0
                                 : 1;
            if (band->bottom() - band->top() < 2)
                continue;
            EXPECT_EQ(v.seq.stateNameAt(side, (band->top() + band->bottom()) / 2), band->name()) << band->top();
            ++checked;
        }
    EXPECT_GE(checked, 6);
    EXPECT_EQ(v.seq.stateNameAt(0, 0), QString());  // above the first band: nothing yet
}

TEST(Export, QuietCutPrefersAnIdleBreakAndAvoidsText) {
    Views v("normal-close");
    const double lineHeight = QFontMetricsF(v.seq.theme().font).height();
    // normal-close has idle breaks (before B closes, TIME_WAIT): a cut over the whole body lands
    // in the upper part of one, clear of its "… later …" label in the middle.
    const double y = v.seq.quietCut(kHeadsBottom, v.seq.contentRect().bottom());
    bool inBreak = false;
    for (QGraphicsItem* item : v.seq.items())
        if (item->type() == BreakType) {
            const QRectF r = item->sceneBoundingRect();
            if (y > r.top() && y < r.bottom()) {
                inBreak = true;
                EXPECT_GT(std::abs(y - r.center().y()), lineHeight) << "cut through the break's label";
            }
        }
    EXPECT_TRUE(inBreak) << y;

    // In a busy stretch with no break the cut passes between labels, time marks and state names.
    BulkViews bulk(40);
    const double lo = 400, hi = 700;
    const double cut = bulk.seq.quietCut(lo, hi);
    EXPECT_GE(cut, lo);
    EXPECT_LE(cut, hi);
    int labelsNear = 0;
    for (const SegmentArrow* arrow : bulk.seq.arrows()) {
        const double label = arrow->labelCenter().y();
        EXPECT_GT(std::abs(label - cut), lineHeight * 0.5) << "cut " << cut << " through a label at " << label;
        labelsNear += std::abs(label - (lo + hi) / 2) < (hi - lo) ? 1 : 0;
    }
    for (QGraphicsItem* item : bulk.seq.items()) {
        if (item->type() == BandType) {
            EXPECT_GT(std::abs(static_cast<StateBandItem*>(item)->nameY() - cut), lineHeight * 0.5);
        }
    }
    EXPECT_GT(labelsNear, 2);  // there were labels to avoid
}

TEST(Export, StripsJoinIntoTheSamePictureAndReportProgress) {
    BulkViews v(200);
    ExportOptions o;
    std::vector<std::pair<int, int>> calls;
    const PaintedDiagram painted = paintDiagram(&v.seq, &v.states, o, [&calls](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    });
    ASSERT_FALSE(painted.image.isNull());
    const int total = (painted.image.height() + 2047) / 2048;
    ASSERT_GE(total, 5);
    ASSERT_EQ(static_cast<int>(calls.size()), total + 1);
    for (int i = 0; i <= total; ++i)
        EXPECT_EQ(calls[static_cast<std::size_t>(i)], std::make_pair(i, total));

    QImage whole(painted.image.size(), QImage::Format_RGB32);
    whole.fill(v.seq.theme().background);
    {
        QPainter p(&whole);
        p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        v.seq.renderContent(&p, QRectF(QPointF(0, 0), v.seq.contentRect().size()));
    }
    int differing = 0;
    for (int y = 0; y < whole.height(); ++y) {
        const auto* a = reinterpret_cast<const QRgb*>(whole.constScanLine(y));
        const auto* b = reinterpret_cast<const QRgb*>(painted.image.constScanLine(y));
        for (int x = 0; x < whole.width(); ++x)
            differing += std::abs(qGray(a[x]) - qGray(b[x])) > 8 ? 1 : 0;
    }
    EXPECT_EQ(differing, 0) << "of " << whole.width() * whole.height() << " pixels";
}

TEST(Export, CancellingThePaintingWritesNothing) {
    BulkViews v(200);
    ExportOptions o;
    int calls = 0;
    const PaintedDiagram painted = paintDiagram(&v.seq, &v.states, o, [&calls](int done, int) {
        ++calls;
        return done < 2;  // cancel before the third strip
    });
    EXPECT_TRUE(painted.cancelled);
    EXPECT_TRUE(painted.image.isNull());
    EXPECT_EQ(calls, 3);
}
