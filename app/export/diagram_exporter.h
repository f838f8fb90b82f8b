#pragma once

#include "app/views/theme.h"
#include "core/options/command_line.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <QRectF>

class QPainter;

#include <functional>

namespace finwave::app {

class SequenceScene;
class StateGraphScene;
struct EncodeControl;

// The command line's words for a view and a format (core/options), so both speak the same.
using DiagramView = options::DiagramView;
using ExportFormat = options::DiagramFormat;

struct ExportOptions {
    DiagramView view = DiagramView::Sequence;
    ExportFormat format = ExportFormat::Png;
    double scale = 1.0;        // PNG only, 1..4; ignored when `fit` is set
    bool transparent = false;  // PNG only
    QString caption;           // drawn under the diagram when not empty
    // Not empty: a long sequence diagram is cut into columns placed side by side so the whole
    // export has about this shape (a 16:9 slide), and a PNG is exactly this many pixels.
    // PNG and PDF only: an SVG stays one column (see layoutFor).
    QSize fit;
    // Used by the window's export (export_dialog.h), which makes scenes of its own: "light" or
    // "projector" (empty: light), and the language to write the labels in ("en", "zh_CN"; empty:
    // the window's).
    QString theme;
    QString language;
    // The run as it moves (animation_export.h): GIF and MP4 frames, the HTML page, the handout.
    bool handout = false;              // a PDF with one page per step (format stays Pdf)
    quint64 fromStep = 0;              // the first step shown ...
    quint64 toStep = ~quint64{0};      // ... and the last (past the run's end: its last step)
    QSize frameSize{1280, 720};        // GIF, MP4
    int fps = 15;                      // GIF, MP4
    double speed = 1.0;                // GIF, MP4: times the window's speed 1
    bool allowLong = false;            // a GIF longer than kMaxGifSeconds
    bool bothLanguages = false;        // HTML: English and Chinese, switched in the page
    bool wholeFigure = false;          // the state graph's eleven states, not the run's part
};

// The slide sizes offered by the window and `finwave export --fit`.
inline constexpr QSize kFit4K{3840, 2160};
inline constexpr QSize kFitFullHd{1920, 1080};

// The pixel budget of a PNG export (400 MB as RGB32), checked before any QImage is made. An
// 8192 x 8192 fit (the largest --fit) is 67 megapixels; a 100-segment run at 1x is about 42.
inline constexpr qint64 kMaxPngPixels = 100'000'000;

// The drawing budget of any export, checked on the run before a scene is built: a diagram of more
// segments takes seconds per ten thousand to lay out and an SVG about 3 MB per thousand, and its
// arrows are under a pixel apart when fitted to a slide. 20 000 segments: about 3 s and 60 MB.
inline constexpr int kMaxDrawnSegments = 20'000;
class SimController;
// Empty, or the one-line reason the run held by `ctl` (up to its current step) is too large to draw.
QString drawingBudgetProblem(const SimController& ctl);

// Format from a file name's extension; false when it is none of png, svg, pdf, gif, mp4, html.
bool formatFromPath(const QString& path, ExportFormat& format);

// An export drawn but not yet written: SVG and PDF are finished bytes, a PNG is still an image.
struct PaintedDiagram {
    ExportFormat format = ExportFormat::Png;
    QImage image;  // null when the PNG would be over kMaxPngPixels
    QSize pixels;  // the PNG's size, also when that was too large
    QByteArray bytes;
    bool transparent = false;
    int columns = 1;  // how many columns the sequence diagram was cut into
    bool cancelled = false;
};

// Told how far a PNG's painting is (strips done of total) before each strip and at the end;
// returning false cancels it. GUI thread.
using PaintProgress = std::function<bool(int done, int total)>;

// Paints a picture laid out in `size` units into the format asked (a PNG at o.scale or fitted to
// o.fit, in strips; SVG and PDF at 96 dpi): `draw` is given the painter and the part of the layout
// to draw (null: all of it). The diagram's export and the side-by-side one (compare_exporter.h).
using DrawArea = std::function<void(QPainter& painter, const QRectF& area)>;
PaintedDiagram paintPicture(QSizeF size, const QColor& background, const ExportOptions& options, const DrawArea& draw,
                            const PaintProgress& progress = {});

// The first two steps of exportDiagram, for a caller that wants to encode off the GUI thread.
// checkExportPath: an empty string, or the one-line reason the path cannot be used.
QString checkExportPath(const QString& path);
// Draws the whole diagram (not just the visible part) with the views' own drawing. GUI thread.
PaintedDiagram paintDiagram(SequenceScene* sequence, StateGraphScene* states, const ExportOptions& options,
                            const PaintProgress& progress = {});
// Encodes a PNG and writes the file atomically (QSaveFile). Safe on any thread. With `control`
// (see png_encoder.h) the encoding reports rows and can be cancelled: then nothing is written
// and the result is empty.
QString writeDiagram(const PaintedDiagram& painted, const QString& path, EncodeControl* control = nullptr);

// checkExportPath, paintDiagram and writeDiagram in turn. Returns an empty string on success,
// otherwise a one-line reason naming the path; an existing file is then left as it was.
QString exportDiagram(SequenceScene* sequence, StateGraphScene* states, const ExportOptions& options,
                      const QString& path);

}  // namespace finwave::app
