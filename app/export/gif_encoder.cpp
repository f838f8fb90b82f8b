#include "app/export/gif_encoder.h"

#include <QCoreApplication>

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace finwave::app {

namespace {
constexpr int kUnchanged = 255;  // the transparent index: the pixel of the frame before shows through

QRgb blend(QColor a, QColor b, double t) {
    return qRgb(static_cast<int>(a.red() + (b.red() - a.red()) * t + 0.5), static_cast<int>(a.green() + (b.green() - a.green()) * t + 0.5),
                static_cast<int>(a.blue() + (b.blue() - a.blue()) * t + 0.5));
}

// giflib's output callback: the bytes go into the encoder's buffer (written atomically later).
int appendBytes(GifFileType* gif, const GifByteType* data, int length) {
    static_cast<QByteArray*>(gif->UserData)->append(reinterpret_cast<const char*>(data), length);
    return length;
}

// The smallest rectangle holding every pixel that differs between two frames of one size.
QRect changedRect(const QImage& a, const QImage& b) {
    int top = -1, bottom = -1, left = a.width(), right = -1;
    const std::size_t rowBytes = static_cast<std::size_t>(a.width()) * 4;
    for (int y = 0; y < a.height(); ++y) {
        const auto* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        if (std::memcmp(ra, rb, rowBytes) == 0)
            continue;
        if (top < 0)
            top = y;
        bottom = y;
        int l = 0, r = a.width() - 1;
        while (ra[l] == rb[l])
            ++l;
        while (ra[r] == rb[r])
            --r;
        left = std::min(left, l);
        right = std::max(right, r);
    }
    return top < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}
}  // namespace

struct GifEncoder::Gif {
    GifFileType* file = nullptr;
};

QList<QRgb> gifPalette(const Theme& t) {
    std::vector<QColor> grounds{t.background, t.grid, QColor(Qt::white)};
    for (const QColor& band : t.stateBand)
        grounds.push_back(band);
    const std::vector<QColor> inks{t.foreground, t.muted, t.sideA, t.sideB, t.lost, t.timer, t.cursor, QColor(Qt::white)};
    QList<QRgb> out;
    const auto add = [&out](QRgb c) {
        if (out.size() < kUnchanged && !out.contains(c))
            out.push_back(c);
    };
    for (const QColor& c : grounds)
        add(c.rgb());
    for (const QColor& c : inks)
        add(c.rgb());
    // Antialiased edges and text lie between a ground and an ink: a third and two thirds of the
    // way are enough for the nearest colour to keep them smooth.
    for (double step : {2.0 / 3.0, 1.0 / 3.0})
        for (const QColor& ink : inks)
            for (const QColor& ground : grounds)
                add(blend(ground, ink, step));
    add(qRgb(0, 0, 0));
    return out;
}

GifEncoder::GifEncoder(QSize size, QList<QRgb> palette) : m_gif(std::make_unique<Gif>()), m_size(size), m_palette(std::move(palette)) {
    int error = 0;
    m_gif->file = EGifOpen(&m_bytes, appendBytes, &error);
    if (!m_gif->file) {
        fail(error);
        return;
    }
    EGifSetGifVersion(m_gif->file, true);  // GIF89a: frame delays, transparency, looping
    std::vector<GifColorType> colours(256, GifColorType{0, 0, 0});
    for (int i = 0; i < m_palette.size(); ++i)
        colours[static_cast<std::size_t>(i)] = {static_cast<GifByteType>(qRed(m_palette[i])), static_cast<GifByteType>(qGreen(m_palette[i])),
                                                static_cast<GifByteType>(qBlue(m_palette[i]))};
    ColorMapObject* map = GifMakeMapObject(256, colours.data());
    const bool ok = map && EGifPutScreenDesc(m_gif->file, size.width(), size.height(), 8, 0, map) == GIF_OK;
    GifFreeMapObject(map);
    if (!ok) {
        fail(m_gif->file->Error);
        return;
    }
    // Loop forever: the NETSCAPE2.0 application extension, loop count 0 (the GIF89a convention
    // every browser and slide program reads).
    const GifByteType loop[3] = {1, 0, 0};
    if (EGifPutExtensionLeader(m_gif->file, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
        EGifPutExtensionBlock(m_gif->file, 11, "NETSCAPE2.0") != GIF_OK || EGifPutExtensionBlock(m_gif->file, 3, loop) != GIF_OK ||
        EGifPutExtensionTrailer(m_gif->file) != GIF_OK)
        fail(m_gif->file->Error);
}

GifEncoder::~GifEncoder() {
    if (m_gif && m_gif->file) {
        int error = 0;
        EGifCloseFile(m_gif->file, &error);
    }
}

bool GifEncoder::fail(int giflibError) {
    if (m_error.isEmpty())
        m_error = QCoreApplication::translate("Export", "the GIF could not be encoded (%1)").arg(QString::fromUtf8(GifErrorString(giflibError)));
    return false;
}

bool GifEncoder::addFrame(const QImage& frame, int delayCs) {
    if (!m_error.isEmpty() || !m_gif->file)
        return false;
    const QImage rgb = frame.format() == QImage::Format_RGB32 ? frame : frame.convertToFormat(QImage::Format_RGB32);
    if (rgb.size() != m_size)
        return fail(E_GIF_ERR_DATA_TOO_BIG);
    // The first frame whole; then only what changed (a 1 × 1 transparent frame when nothing did,
    // so every planned frame is a frame of the file).
    QRect rect = m_previous.isNull() ? rgb.rect() : changedRect(m_previous, rgb);
    const bool nothing = rect.isEmpty();
    if (nothing)
        rect = QRect(0, 0, 1, 1);
    // Nearest palette colour per pixel: Qt's conversion with a colour table (no dithering).
    QImage indexed = rgb.copy(rect).convertToFormat(QImage::Format_Indexed8, m_palette, Qt::ThresholdDither);
    for (int y = 0; y < rect.height() && !m_previous.isNull(); ++y) {
        uchar* out = indexed.scanLine(y);
        const auto* now = reinterpret_cast<const QRgb*>(rgb.constScanLine(rect.top() + y)) + rect.left();
        const auto* before = reinterpret_cast<const QRgb*>(m_previous.constScanLine(rect.top() + y)) + rect.left();
        for (int x = 0; x < rect.width(); ++x)
            if (nothing || now[x] == before[x])
                out[x] = kUnchanged;
    }
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;  // each frame is drawn over the one before
    gcb.DelayTime = delayCs;
    gcb.TransparentColor = m_previous.isNull() ? NO_TRANSPARENT_COLOR : kUnchanged;
    GifByteType ext[4];
    const auto extLength = static_cast<int>(EGifGCBToExtension(&gcb, ext));
    if (EGifPutExtension(m_gif->file, GRAPHICS_EXT_FUNC_CODE, extLength, ext) != GIF_OK ||
        EGifPutImageDesc(m_gif->file, rect.left(), rect.top(), rect.width(), rect.height(), false, nullptr) != GIF_OK)
        return fail(m_gif->file->Error);
    for (int y = 0; y < rect.height(); ++y)
        if (EGifPutLine(m_gif->file, indexed.scanLine(y), rect.width()) != GIF_OK)
            return fail(m_gif->file->Error);
    m_previous = rgb;
    m_lastChange = nothing ? QRect() : rect;
    ++m_frames;
    return true;
}

QByteArray GifEncoder::finish() {
    if (!m_gif->file)
        return {};
    int error = 0;
    const bool ok = EGifCloseFile(m_gif->file, &error) == GIF_OK;
    m_gif->file = nullptr;
    if (!ok || !m_error.isEmpty()) {
        fail(error);
        return {};
    }
    return m_bytes;
}

}  // namespace finwave::app
