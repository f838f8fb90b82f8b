#include "app/export/diagram_exporter.h"

#include "app/views/sequence_view.h"
#include "app/views/state_graph_view.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace finwave::app {

namespace {
constexpr double kGap = 30;


struct Layout {
    QSizeF size;
    QRectF sequence, states, caption;
};

Layout layoutFor(SequenceView* sequence, StateGraphView* states, const ExportOptions& o) {
    Layout l;
    QSizeF seq = o.view != DiagramView::States ? sequence->contentRect().size() : QSizeF();
    QSizeF st = o.view != DiagramView::Sequence ? states->contentRect().size() : QSizeF();
    if (o.view == DiagramView::Both && st.height() > 0) {
        const double k = std::min(1.0, seq.height() / st.height());  // the graph no taller than the diagram
        st *= k;
    }
    l.sequence = QRectF(QPointF(0, 0), seq);
    l.states = QRectF(QPointF(seq.isEmpty() ? 0 : seq.width() + kGap, 0), st);
    const double width = l.states.right() > 0 ? std::max(l.sequence.right(), l.states.right()) : l.sequence.right();
    const double height = std::max(l.sequence.bottom(), l.states.bottom());
    l.caption = o.caption.isEmpty() ? QRectF() : QRectF(0, height + 8, width, 40);
    l.size = QSizeF(width, height + (o.caption.isEmpty() ? 0 : 48));
    return l;
}

void draw(QPainter& p, SequenceView* sequence, StateGraphView* states, const ExportOptions& o, const Layout& l) {
    if (!l.sequence.isEmpty())
        sequence->renderContent(&p, l.sequence);
    if (!l.states.isEmpty())
        states->renderContent(&p, l.states);
    if (!l.caption.isEmpty()) {
        const Theme& t = sequence->theme();
        p.setFont(t.font);
        p.setPen(t.foreground);
        p.drawText(l.caption, Qt::AlignCenter | Qt::TextWordWrap, o.caption);
    }
}
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

QString exportDiagram(SequenceView* sequence, StateGraphView* states, const ExportOptions& o, const QString& path) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return QCoreApplication::translate("Export", "%1: the folder %2 does not exist").arg(path, info.absolutePath());
    const Layout l = layoutFor(sequence, states, o);
    const QColor background = sequence->theme().background;
    QByteArray bytes;
    switch (o.format) {
    case ExportFormat::Png: {
        const double scale = std::clamp(o.scale, 1.0, 4.0);
        QImage image((l.size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(o.transparent ? QColor(Qt::transparent) : background);
        QPainter p(&image);
        p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        p.scale(scale, scale);
        draw(p, sequence, states, o, l);
        p.end();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return QCoreApplication::translate("Export", "%1: the PNG could not be encoded").arg(path);
        break;
    }
    case ExportFormat::Svg: {
        QBuffer buffer(&bytes);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(l.size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), l.size));
        svg.setTitle(QStringLiteral("FinWave"));
        QPainter p(&svg);
        p.fillRect(QRectF(QPointF(0, 0), l.size), background);
        draw(p, sequence, states, o, l);
        p.end();
        break;
    }
    case ExportFormat::Pdf: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setTitle(QStringLiteral("FinWave"));
        pdf.setCreator(QStringLiteral("FinWave"));
        pdf.setResolution(72);  // one point per scene unit: the page fits the content
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(l.size + QSizeF(36, 36), QPageSize::Point));
        QPainter p(&pdf);
        p.translate(18, 18);
        draw(p, sequence, states, o, l);
        p.end();
        break;
    }
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("Export", "%1: cannot be written (%2)").arg(path, out.errorString());
    if (out.write(bytes) != bytes.size() || !out.commit())
        return QCoreApplication::translate("Export", "%1: writing failed (%2)").arg(path, out.errorString());
    return {};
}

}  // namespace finwave::app
