#include "app/export/handout.h"

#include "app/export/frame_renderer.h"
#include "app/text/reason_text.h"
#include "app/text/step_text.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/theme.h"
#include "app/window/sim_controller.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QAbstractTextDocumentLayout>

namespace finwave::app {

namespace {
constexpr double kMargin = 36;        // a third of an inch at 96 dpi
constexpr double kTextHeight = 150;   // the step's words and note under a wide diagram
constexpr double kTextWidth = 340;    // or beside a tall one (the sequence diagram alone)

// Where the diagram and the words go on the page: a sequence diagram is tall, so the words stand
// beside it and it takes the page's height; the state graph (alone or beside it) is wide, so the
// words go under it.
struct PagePlaces {
    QRectF diagram, words;
};
PagePlaces placesFor(DiagramView view, QSizeF page) {
    const QRectF body(kMargin, kMargin + 12, page.width() - 2 * kMargin, page.height() - 2 * kMargin - 12);
    if (view == DiagramView::Sequence)
        return {body.adjusted(0, 0, -kTextWidth - 24, 0), QRectF(body.right() - kTextWidth, body.top() + 24, kTextWidth, body.height() - 24)};
    return {body.adjusted(0, 0, 0, -kTextHeight - 12), QRectF(body.left(), body.bottom() - kTextHeight, body.width(), kTextHeight)};
}

QSizeF pageSize() {  // A4 landscape in 96 dpi units
    const QSizeF mm = QPageSize(QPageSize::A4).size(QPageSize::Millimeter).transposed();
    return mm / 25.4 * kScreenDpi;
}

// The step's words as rich text (headline, sentence with its rule, the note boxed), wrapped to the
// page by QTextDocument.
void drawWords(QPainter& p, const SimController& ctl, const Theme& t, const QRectF& area) {
    const StepCaptionText c = stepCaption(ctl.sim(), ctl.teardownText(), ctl.timesHidden());
    QString html = QStringLiteral("<p style='font-weight:bold'>%1</p><p>%2").arg(c.headline.toHtmlEscaped(), c.sentence.toHtmlEscaped());
    if (!c.rule.isEmpty())
        html += QStringLiteral(" <span style='color:%1'>[%2]</span>").arg(t.muted.name(), c.rule.toHtmlEscaped());
    html += QStringLiteral("</p>");
    if (const std::string* note = ctl.sim().annotation(ctl.sim().stepIndex()))
        html += QStringLiteral("<table width='100%' cellpadding='6' style='background:#fff7d6'><tr><td>%1 %2</td></tr></table>")
                    .arg(QCoreApplication::translate("Handout", "Note:").toHtmlEscaped(), QString::fromStdString(*note).toHtmlEscaped());
    QTextDocument doc;
    doc.setDefaultFont(t.font);
    doc.setHtml(html);
    doc.setTextWidth(area.width());
    p.save();
    p.translate(area.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = QRectF(QPointF(0, 0), area.size());
    context.palette.setColor(QPalette::Text, t.foreground);
    doc.documentLayout()->draw(&p, context);
    p.restore();
}
}  // namespace

QSize handoutDiagramSize(DiagramView view) {
    // FrameRenderer lays the diagram out for its frame less a caption band of about 60 units.
    return (placesFor(view, pageSize()).diagram.size() + QSizeF(0, 60)).toSize();
}

QByteArray handoutPdf(FrameRenderer& r, const StepProgress& progress) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setTitle(QStringLiteral("FinWave"));
    pdf.setCreator(QStringLiteral("FinWave"));
    pdf.setResolution(kScreenDpi);  // one unit per scene unit, as the still PDF export
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    const QSizeF page = pageSize();
    const QRectF header(kMargin, kMargin - 12, page.width() - 2 * kMargin, 20);
    const PagePlaces places = placesFor(r.view(), page);
    const QRectF &diagram = places.diagram, &words = places.words;
    QPainter p(&pdf);
    const Theme& t = r.sequence().theme();
    const quint64 from = r.fromStep(), to = r.toStep();
    for (quint64 s = from; s <= to; ++s) {
        if (s > from)
            pdf.newPage();
        r.seek(s);
        p.setFont(t.font);
        p.setPen(t.muted);
        p.drawText(header, Qt::AlignRight | Qt::AlignVCenter,
                   QCoreApplication::translate("Handout", "%1 · page %2 of %3")
                       .arg(scenarioTitle(r.controller().scenario()))
                       .arg(s - from + 1)
                       .arg(to - from + 1));
        r.paintDiagram(p, diagram);
        drawWords(p, r.controller(), t, words);
        if (progress && !progress(static_cast<int>(s - from + 1), static_cast<int>(to - from + 1)))
            return {};
    }
    p.end();
    return bytes;
}

}  // namespace finwave::app
