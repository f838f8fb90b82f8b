#include "app/export/diagram_exporter.h"
#include "app/window/sim_controller.h"
#include "app/io/save_file.h"

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
constexpr double kGap = 30;         // between the diagram and the state graph
constexpr double kColumnGap = 36;   // between columns of a cut diagram
constexpr double kCaptionHeight = 48;
constexpr double kMinColumnBody = 240;  // never cut the time body into slivers shorter than this
constexpr int kStripRows = 2048;        // a PNG is painted this many pixel rows at a time

// Where a part of the sequence scene goes in the export, at 1×.
struct Piece {
    QRectF source, target;
};

// A state name carried over to the top of a continuation column.
struct CarriedState {
    QPointF at;  // the end of the name nearest the lifeline, on the heads' middle line
    bool left = true;
    QString name;
};

struct Layout {
    QSizeF size;
    std::vector<Piece> sequence;
    std::vector<CarriedState> carried;
    std::vector<QLineF> separators;
    QRectF states, caption;
    int columns = 1;
};

QSizeF statesSize(StateGraphScene* states, double maxHeight) {
    QSizeF st = states->contentRect().size();
    if (maxHeight > 0 && st.height() > maxHeight)  // no taller than the diagram beside it
        st *= maxHeight / st.height();
    return st;
}

// How many columns fill `fit` best: the number that lets the whole export be drawn largest.
int bestColumnCount(QSizeF seq, QSizeF st, bool both, double captionHeight, QSize fit) {
    const double body = seq.height() - kHeadsBottom;
    const double heads = kHeadsBottom - kTitleBottom;
    int best = 1;
    double bestScale = 0;
    // A column is never cut shorter than the diagram is wide: a short run stays one column.
    const double minBody = std::max(kMinColumnBody, seq.width());
    for (int n = 1; n == 1 || body / n >= minBody; ++n) {
        const double columnHeight = heads + body / n;
        double width = n * seq.width() + (n - 1) * kColumnGap;
        if (both && st.height() > 0)  // the graph beside the columns, no taller than they are
            width += kGap + st.width() * std::min(1.0, (kTitleBottom + columnHeight) / st.height());
        const double height = kTitleBottom + columnHeight + captionHeight;
        const double scale = std::min(fit.width() / width, fit.height() / height);
        if (scale > bestScale) {
            bestScale = scale;
            best = n;
        }
        if (n > 1000)
            break;
    }
    return best;
}

Layout layoutFor(SequenceScene* sequence, StateGraphScene* states, const ExportOptions& o) {
    Layout l;
    const double captionHeight = o.caption.isEmpty() ? 0 : kCaptionHeight;
    const bool withSequence = o.view != DiagramView::States, withStates = o.view != DiagramView::Sequence;
    const QRectF seq = withSequence ? sequence->contentRect() : QRectF();
    double width = 0, height = 0;
    if (withSequence) {
        // Columns need each piece clipped to its place. QSvgGenerator (Qt 6.4) writes no clipping
        // and SVG Tiny 1.2, which it writes, has neither clipPath nor nested viewports, so an SVG
        // stays one column: it scales without loss anyway. PNG and PDF clip.
        const bool columns = !o.fit.isEmpty() && o.format != ExportFormat::Svg;
        const int n = !columns ? 1
                      : bestColumnCount(seq.size(), withStates ? states->contentRect().size() : QSizeF(), withStates,
                                        captionHeight, o.fit);
        if (n == 1) {
            l.sequence.push_back({seq, QRectF(QPointF(0, 0), seq.size())});
            height = seq.height();
        } else {
            // The title once, centred above all columns; the A and B heads over each column.
            const double body = seq.height() - kHeadsBottom, slice = body / n;
            std::vector<double> cuts{kHeadsBottom};
            for (int i = 1; i < n; ++i) {
                const double ideal = kHeadsBottom + slice * i;
                cuts.push_back(std::max(cuts.back() + 1, sequence->quietCut(ideal - slice * 0.15, ideal + slice * 0.15)));
            }
            cuts.push_back(seq.height());
            double tallest = 0;
            for (int i = 0; i < n; ++i) {
                const double x = i * (seq.width() + kColumnGap);
                const double h = cuts[static_cast<std::size_t>(i) + 1] - cuts[static_cast<std::size_t>(i)];
                l.sequence.push_back({QRectF(0, kTitleBottom, seq.width(), kHeadsBottom - kTitleBottom),
                                      QRectF(x, kTitleBottom, seq.width(), kHeadsBottom - kTitleBottom)});
                l.sequence.push_back({QRectF(0, cuts[static_cast<std::size_t>(i)], seq.width(), h),
                                      QRectF(x, kHeadsBottom, seq.width(), h)});
                tallest = std::max(tallest, h);
                if (i > 0)  // what each side is doing as the column begins, beside its head
                    for (int side : {0, 1})
                        l.carried.push_back({QPointF(x + sequence->lifelineX(side) + (side == 0 ? -44 : 44),
                                                     (kTitleBottom + kHeadsBottom) / 2 + 2),
                                             side == 0, sequence->stateNameAt(side, cuts[static_cast<std::size_t>(i)])});
            }
            height = kHeadsBottom + tallest;
            const double columnsWidth = n * seq.width() + (n - 1) * kColumnGap;
            for (int i = 1; i < n; ++i) {
                const double x = i * (seq.width() + kColumnGap) - kColumnGap / 2;
                l.separators.emplace_back(x, kTitleBottom, x, height);
            }
            l.sequence.push_back({QRectF(0, 0, seq.width(), kTitleBottom),
                                  QRectF((columnsWidth - seq.width()) / 2, 0, seq.width(), kTitleBottom)});
        }
        l.columns = n;
        for (const Piece& p : l.sequence)
            width = std::max(width, p.target.right());
    }
    if (withStates) {
        const QSizeF st = statesSize(states, withSequence ? height : 0);
        l.states = QRectF(QPointF(withSequence ? width + kGap : 0, 0), st);
        width = l.states.right();
        height = std::max(height, st.height());
    }
    // As tall as its wrapped lines (a step's sentence under the run's parameters takes three).
    const double textHeight = o.caption.isEmpty() ? 0
                              : QFontMetricsF(sequence->theme().font)
                                    .boundingRect(QRectF(0, 0, std::max(width, 200.0), 1e6), Qt::AlignCenter | Qt::TextWordWrap, o.caption)
                                    .height();
    l.caption = o.caption.isEmpty() ? QRectF() : QRectF(0, height + 8, width, textHeight);
    l.size = QSizeF(width, height + (o.caption.isEmpty() ? 0 : std::max(captionHeight, textHeight + 16)));
    return l;
}

// Draws what of the layout lies in `area` (layout units; null for all). A piece is cut down to
// the area before the scene renders it, so a strip costs what is in it, not the whole diagram.
void draw(QPainter& p, SequenceScene* sequence, StateGraphScene* states, const ExportOptions& o, const Layout& l,
          const QRectF& area = QRectF()) {
    const Theme& t = sequence->theme();
    for (const Piece& piece : l.sequence) {
        const QRectF target = area.isNull() ? piece.target : piece.target.intersected(area);
        if (target.isEmpty())
            continue;
        const QRectF source(piece.source.topLeft() + (target.topLeft() - piece.target.topLeft()), target.size());
        p.save();
        p.setClipRect(target, Qt::IntersectClip);
        sequence->renderContent(&p, target, source);
        p.restore();
    }
    if (!l.separators.empty()) {
        p.setPen(QPen(t.muted, 1, Qt::DashLine));
        p.drawLines(l.separators.data(), static_cast<int>(l.separators.size()));
    }
    if (!l.carried.empty()) {
        QFont italic = t.titleFont;
        italic.setItalic(true);
        p.setFont(italic);
        p.setPen(t.muted);
        const QFontMetricsF fm(italic);
        for (const CarriedState& c : l.carried) {
            const double w = fm.horizontalAdvance(c.name);
            p.drawText(QPointF(c.left ? c.at.x() - w : c.at.x(), c.at.y() + fm.ascent() * 0.4), c.name);
        }
    }
    if (!l.states.isEmpty() && (area.isNull() || l.states.intersects(area)))
        states->renderContent(&p, l.states);
    if (!l.caption.isEmpty()) {
        p.setFont(t.font);
        p.setPen(t.foreground);
        p.drawText(l.caption, Qt::AlignCenter | Qt::TextWordWrap, o.caption);
    }
}

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
