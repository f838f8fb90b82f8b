#pragma once

#include <QByteArray>

#include <atomic>

class QImage;

namespace finwave::app {

// A PNG encoder made for diagrams: mostly one background colour, thin lines, antialiased text.
//
// Qt's own writer goes through libpng's adaptive filter search, which alone takes about 200 ms for
// a 3840×2160 image whatever the compression level. Here every row uses the Up filter (a row like
// the one above it becomes zeros, which is most of a diagram), deflate runs at a fast level, and
// the rows are compressed in independent bands on all cores: each band ends on a byte boundary
// (a sync flush) so the bands join into one valid zlib stream (PNG spec §10, RFC 1950/1951).
//
// Opaque images are written as 8-bit RGB, images with transparency as 8-bit RGBA (not
// premultiplied). Returns an empty array when the image is null.
//
// `control`, if given, is shared with the encoding threads: rowsDone counts the rows compressed
// so far (for a progress bar); setting cancel stops the work soon, and if it did stop, stopped
// is set and the result is empty.
struct EncodeControl {
    std::atomic<int> rowsDone{0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> stopped{false};
};
QByteArray encodePng(const QImage& image, bool keepAlpha, int threads = 0, EncodeControl* control = nullptr);

}  // namespace finwave::app
