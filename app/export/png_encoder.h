#pragma once

#include <QByteArray>

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
QByteArray encodePng(const QImage& image, bool keepAlpha, int threads = 0);

}  // namespace finwave::app
