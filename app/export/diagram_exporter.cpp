#include "app/export/diagram_exporter.h"
#include "app/window/sim_controller.h"
#include "app/io/save_file.h"

#include "app/export/diagram_layout.h"
#include "app/export/png_encoder.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <vector>

namespace finwave::app {

namespace {
constexpr int kStripRows = 2048;  // a PNG is painted this many pixel rows at a time

// A transparent PNG must not get the scenes' background colour; the views are put back after.
class SceneBackgrounds {
public:
    SceneBackgrounds(SequenceScene* sequence, StateGraphScene* states, bool clear) {
        if (!clear)
            return;
        for (QGraphicsScene* scene : {static_cast<QGraphicsScene*>(sequence), static_cast<QGraphicsScene*>(states)}) {
            m_saved.emplace_back(scene, scene->backgroundBrush());
            scene->setBackgroundBrush(Qt::NoBrush);
        }
    }
    ~SceneBackgrounds() {
        for (auto& [scene, brush] : m_saved)
            scene->setBackgroundBrush(brush);
    }
    SceneBackgrounds(const SceneBackgrounds&) = delete;
    SceneBackgrounds& operator=(const SceneBackgrounds&) = delete;

private:
    std::vector<std::pair<QGraphicsScene*, QBrush>> m_saved;
};
}  // namespace

bool formatFromPath(const QString& path, ExportFormat& format) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("png"))
        format = ExportFormat::Png;
    else if (ext == QLatin1String("svg"))
        format = ExportFormat::Svg;
    else if (ext == QLatin1String("pdf"))
        format = ExportFormat::Pdf;
    else if (ext == QLatin1String("gif"))
        format = ExportFormat::Gif;
    else if (ext == QLatin1String("mp4"))
        format = ExportFormat::Mp4;
    else if (ext == QLatin1String("html") || ext == QLatin1String("htm"))
        format = ExportFormat::Html;
    else
        return false;
    return true;
}

QString drawingBudgetProblem(const SimController& ctl) {
    qint64 segments = 0;
    for (const TraceRecord& r : ctl.sim().trace())
        segments += r.kind == EventKind::Send ? 1 : 0;
    if (segments <= kMaxDrawnSegments)
        return {};
    return QCoreApplication::translate("Export", "the run has %1 segments; a diagram is drawn of at most %2 (export the run up to an earlier step, or its trace)")
        .arg(segments)
        .arg(kMaxDrawnSegments);
}

QString checkExportPath(const QString& path) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return QCoreApplication::translate("Export", "%1: the folder %2 does not exist").arg(path, info.absolutePath());
    return outputPathProblem(path);  // never a device or a pipe replaced by a file
}

PaintedDiagram paintPicture(QSizeF layoutSize, const QColor& background, const ExportOptions& o, const DrawArea& drawArea,
                            const PaintProgress& progress) {
    const QSizeF size0 = layoutSize;
    PaintedDiagram out;
    out.format = o.format;
    switch (o.format) {
    case ExportFormat::Png: {
        out.transparent = o.transparent;
        double scale = std::isfinite(o.scale) ? std::clamp(o.scale, 1.0, 4.0) : 1.0;
        QSizeF wanted = size0 * scale;
        QPointF offset;
        if (!o.fit.isEmpty()) {  // exactly the slide's pixels, the export centred and as large as fits
            wanted = QSizeF(o.fit);
            scale = std::min(o.fit.width() / size0.width(), o.fit.height() / size0.height());
            offset = QPointF((o.fit.width() - size0.width() * scale) / 2, (o.fit.height() - size0.height() * scale) / 2);
        }
        // The budget is checked on the size in doubles, before any QImage exists: asking QImage
        // first meant a 2.8 GB image (or a 132 GB malloc) whenever the allocation happened to work.
        const double pixels = std::ceil(wanted.width()) * std::ceil(wanted.height());
        out.pixels = QSize(static_cast<int>(std::min(std::ceil(wanted.width()), 1e9)),
                           static_cast<int>(std::min(std::ceil(wanted.height()), 1e9)));
        if (!(pixels <= static_cast<double>(kMaxPngPixels)))
            break;  // out.image stays null: writeDiagram names the size and the budget
        const QSize size = wanted.toSize();
        out.image = QImage(size, o.transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
        if (out.image.isNull())
            break;
        out.image.fill(o.transparent ? QColor(Qt::transparent) : background);
        // In strips of the image, so a long one-column export reports progress (and can be
        // cancelled) between them, and each strip renders only the items it shows.
        const QTransform toImage = QTransform::fromTranslate(offset.x(), offset.y()).scale(scale, scale);
        const QTransform toLayout = toImage.inverted();
        const int strips = (size.height() + kStripRows - 1) / kStripRows;
        for (int i = 0; i < strips; ++i) {
            if (progress && !progress(i, strips)) {
                out.image = QImage();
                out.cancelled = true;
                return out;
            }
            const QRect strip(0, i * kStripRows, size.width(), std::min(kStripRows, size.height() - i * kStripRows));
            QPainter p(&out.image);
            p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            p.setClipRect(strip);
            p.setTransform(toImage);
            drawArea(p, toLayout.mapRect(QRectF(strip)).adjusted(-2, -2, 2, 2));
        }
        if (progress)
            progress(strips, strips);
        break;
    }
    case ExportFormat::Svg: {
        QBuffer buffer(&out.bytes);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        // The scenes are laid out in pixels of a 96 dpi screen and their fonts are in points. At
        // QSvgGenerator's default 72 dpi a 9 pt label would be 9 units tall instead of 12, and the
        // declared size would be too large by 96/72 in browsers and Inkscape (96 px to the inch).
        svg.setResolution(kScreenDpi);
        svg.setSize(size0.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size0));
        svg.setTitle(QStringLiteral("FinWave"));
        QPainter p(&svg);
        p.fillRect(QRectF(QPointF(0, 0), size0), background);
        drawArea(p, QRectF());
        break;
    }
    case ExportFormat::Pdf: {
        QBuffer buffer(&out.bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setTitle(QStringLiteral("FinWave"));
        pdf.setCreator(QStringLiteral("FinWave"));
        // One device unit per scene unit (96 dpi, as for the SVG), so the fonts' point sizes keep
        // their proportion to the drawing; the page is the content plus a quarter-inch margin.
        pdf.setResolution(kScreenDpi);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        const double margin = kScreenDpi / 4.0;
        pdf.setPageSize(QPageSize((size0 + QSizeF(2 * margin, 2 * margin)) * 72.0 / kScreenDpi, QPageSize::Point));
        QPainter p(&pdf);
        p.translate(margin, margin);
        drawArea(p, QRectF());
        break;
    }
    default:  // GIF, MP4 and HTML are drawn frame by frame or step by step (animation_export.h)
        break;
    }
    return out;
}

PaintedDiagram paintDiagram(SequenceScene* sequence, StateGraphScene* states, const ExportOptions& o,
                            const PaintProgress& progress) {
    const Layout l = layoutFor(sequence, states, o);
    const SceneBackgrounds clear(sequence, states, o.format == ExportFormat::Png && o.transparent);
    PaintedDiagram out = paintPicture(
        l.size, sequence->theme().background, o, [&](QPainter& p, const QRectF& area) { draw(p, sequence, states, o, l, area); },
        progress);
    out.columns = l.columns;
    return out;
}

QString writeDiagram(const PaintedDiagram& painted, const QString& path, EncodeControl* control) {
    QByteArray png;
    if (painted.format == ExportFormat::Png) {
        if (painted.image.isNull())
            return QCoreApplication::translate("Export", "%1: a PNG of %2 × %3 pixels is too large (the limit is %4 pixels); fit it to a slide or choose a smaller scale")
                .arg(path)
                .arg(painted.pixels.width())
                .arg(painted.pixels.height())
                .arg(kMaxPngPixels);
        png = encodePng(painted.image, painted.transparent, 0, control);
        if (control && control->stopped)
            return {};
        if (png.isEmpty())
            return QCoreApplication::translate("Export", "%1: the PNG could not be encoded").arg(path);
    }
    const QByteArray& bytes = painted.format == ExportFormat::Png ? png : painted.bytes;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("Export", "%1: cannot be written (%2)").arg(path, out.errorString());
    if (out.write(bytes) != bytes.size())
        return QCoreApplication::translate("Export", "%1: writing failed (%2)").arg(path, out.errorString());
    // A Cancel that came while the bytes were written still wins: the file is never replaced.
    if (control && control->cancel) {
        out.cancelWriting();
        control->stopped = true;
        return {};
    }
    if (const QString why = commitChecked(out); !why.isEmpty())  // flushed and checked: a full disk keeps the old file
        return QCoreApplication::translate("Export", "writing failed: %1").arg(why);
    return {};
}

QString exportDiagram(SequenceScene* sequence, StateGraphScene* states, const ExportOptions& o, const QString& path) {
    if (QString error = checkExportPath(path); !error.isEmpty())
        return error;
    return writeDiagram(paintDiagram(sequence, states, o), path);
}

}  // namespace finwave::app
