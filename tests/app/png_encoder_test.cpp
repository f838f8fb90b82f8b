// The PNG encoder: what it writes decodes (with Qt's libpng reader) to exactly the painted pixels,
// opaque or transparent, in one band or many, on one thread or several.
#include "app/export/png_encoder.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using finwave::app::encodePng;

namespace {
// Lines, text and a gradient: rows that repeat, rows that do not, antialiased edges.
QImage drawing(int w, int h, bool transparent) {
    QImage image(w, h, transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    image.fill(transparent ? QColor(Qt::transparent) : QColor(Qt::white));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient g(0, 0, w, h);
    g.setColorAt(0, QColor(255, 0, 0, 200));
    g.setColorAt(1, QColor(0, 0, 255, 90));
    p.fillRect(QRectF(w * 0.1, h * 0.1, w * 0.3, h * 0.8), g);
    p.setPen(QPen(QColor(20, 120, 40), 2.5));
    for (int i = 0; i < 12; ++i)
        p.drawLine(QPointF(0, i * h / 12.0), QPointF(w, (i + 3) * h / 12.0));
    p.drawText(QRectF(0, 0, w, h), Qt::AlignCenter, QStringLiteral("FIN, ACK seq=1 ack=1"));
    return image;
}

void expectRoundTrip(const QImage& image, bool alpha, int threads) {
    const QByteArray png = encodePng(image, alpha, threads);
    ASSERT_TRUE(png.startsWith("\x89PNG\r\n\x1a\n"));
    QImage back;
    ASSERT_TRUE(back.loadFromData(png, "PNG")) << image.width() << "x" << image.height();
    ASSERT_EQ(back.size(), image.size());
    EXPECT_EQ(back.hasAlphaChannel(), alpha);
    const QImage::Format f = alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32;
    EXPECT_TRUE(back.convertToFormat(f) == image.convertToFormat(f))
        << image.width() << "x" << image.height() << " threads " << threads;
}
}  // namespace

TEST(PngEncoder, OpaqueImagesDecodeToTheSamePixels) {
    for (const QSize size : {QSize(1, 1), QSize(37, 5), QSize(640, 480), QSize(1001, 777)})
        for (int threads : {1, 2, 3})
            expectRoundTrip(drawing(size.width(), size.height(), false), false, threads);
}

TEST(PngEncoder, TransparentImagesKeepTheirAlpha) {
    const QImage image = drawing(500, 300, true);
    expectRoundTrip(image, true, 2);
    const QImage back = QImage::fromData(encodePng(image, true, 2), "PNG");
    EXPECT_EQ(qAlpha(back.pixel(499, 0)), 0);  // a corner left unpainted stays clear
    EXPECT_GT(qAlpha(back.pixel(125, 150)), 0);  // inside the half-transparent gradient
}

TEST(PngEncoder, ManyBandsJoinIntoOneValidStream) {
    // Tall enough for a band per thread and more (64 rows at least each): the joins must hold.
    expectRoundTrip(drawing(300, 64 * 9 + 13, false), false, 4);
}

TEST(PngEncoder, ANullImageGivesNothing) { EXPECT_TRUE(encodePng(QImage(), false).isEmpty()); }

TEST(PngEncoder, CountsRowsAndStopsWhenCancelled) {
    const QImage image = drawing(400, 64 * 8, false);
    finwave::app::EncodeControl counted;
    EXPECT_FALSE(encodePng(image, false, 2, &counted).isEmpty());
    EXPECT_EQ(counted.rowsDone.load(), image.height());
    EXPECT_FALSE(counted.stopped.load());

    finwave::app::EncodeControl cancelled;
    cancelled.cancel = true;
    EXPECT_TRUE(encodePng(image, false, 2, &cancelled).isEmpty());
    EXPECT_TRUE(cancelled.stopped.load());
    EXPECT_LT(cancelled.rowsDone.load(), image.height());  // each band gave up after its first rows
}

TEST(PngEncoder, IncompressibleImagesGrowTheOutputAndStillRoundTrip) {
    // Noise does not compress: the output outgrows the encoder's first guess many times over.
    QImage noise(700, 300, QImage::Format_RGB32);
    quint32 state = 12345;
    for (int y = 0; y < noise.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(noise.scanLine(y));
        for (int x = 0; x < noise.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            row[x] = 0xff000000u | (state >> 8);
        }
    }
    const QByteArray png = encodePng(noise, false, 2);
    EXPECT_GT(png.size(), noise.width() * noise.height() * 3 / 2);  // well past a sixteenth of the raw size
    expectRoundTrip(noise, false, 2);
    expectRoundTrip(noise, false, 1);
}
