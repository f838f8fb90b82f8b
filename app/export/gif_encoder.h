#pragma once
// An animated GIF written with giflib (Debian libgif-dev, MIT): one fixed palette made from the
// theme's colours, and frames that store only the rectangle that changed since the one before,
// with the pixels inside it that did not change left transparent. A run's animation is then mostly
// small rectangles: a moving segment, a growing band.

#include "app/views/theme.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

#include <memory>

namespace finwave::app {

// At most 255 colours (index 255 stays free: it means "as in the frame before"): the theme's
// colours, and the blends antialiasing draws between each ground (background, the state bands)
// and each ink (text, lines, the sides' colours). The same theme gives the same palette.
QList<QRgb> gifPalette(const Theme& theme);

class GifEncoder {
public:
    // Frames of `size`, looping forever. Nothing is written until finish().
    GifEncoder(QSize size, QList<QRgb> palette);
    ~GifEncoder();
    GifEncoder(const GifEncoder&) = delete;
    GifEncoder& operator=(const GifEncoder&) = delete;

    // One frame (RGB32, the encoder's size) shown for `delayCs` hundredths of a second. False
    // after a failure (error() says which).
    bool addFrame(const QImage& frame, int delayCs);
    int frameCount() const { return m_frames; }
    QRect lastChange() const { return m_lastChange; }  // what the last frame stored
    // The finished file, or empty on failure.
    QByteArray finish();
    QString error() const { return m_error; }

private:
    bool fail(int giflibError);

    struct Gif;
    std::unique_ptr<Gif> m_gif;
    QSize m_size;
    QList<QRgb> m_palette;
    QImage m_previous;
    QByteArray m_bytes;
    QRect m_lastChange;
    QString m_error;
    int m_frames = 0;
};

}  // namespace finwave::app
