#include "app/export/frame_renderer.h"

#include "app/export/diagram_layout.h"
#include "app/text/step_text.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/window/sim_controller.h"

#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr int kCaptionLines = 3;  // the step's headline, then its sentence and rule in up to two lines

QFont captionFont(const Theme& t, QSize frame, bool bold) {
    QFont f = t.font;
    f.setPointSizeF(t.font.pointSizeF() * std::max(1.0, frame.height() / 720.0));  // a 4K frame's text as a 720p one's
    f.setBold(bold);
    return f;
}

// The step's sentence under the diagram, as the window's caption bar says it.
void drawCaption(QPainter& p, const StepCaptionText& c, const Theme& t, const QRectF& band, QSize frame) {
    p.fillRect(band, t.background);
    p.setPen(QPen(t.grid, 1));
    p.drawLine(band.topLeft(), band.topRight());
    const QRectF text = band.adjusted(16, 6, -16, -4);
    const QFont head = captionFont(t, frame, true);
    const QFont body = captionFont(t, frame, false);
    const QFontMetricsF hm(head);
    p.setPen(t.foreground);
    p.setFont(head);
    p.drawText(QRectF(text.left(), text.top(), text.width(), hm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               hm.elidedText(c.headline, Qt::ElideRight, text.width()));
    QString rest = c.sentence;
    if (!c.rule.isEmpty())
        rest += QStringLiteral(" [") + c.rule + QLatin1Char(']');
    p.setFont(body);
    p.setPen(t.muted.darker(130));
    const QRectF lines(text.left(), text.top() + hm.height() + 2, text.width(), text.height() - hm.height() - 2);
    // Wrapped to the band; what does not fit is cut at a word and marked, never overlapping the edge.
    const QFontMetricsF bm(body);
    const int maxLines = std::max(1, static_cast<int>(lines.height() / bm.lineSpacing()));
    QTextLayout layout(rest, body);
    layout.beginLayout();
    double y = lines.top();
    for (int n = 0; n < maxLines; ++n) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(lines.width());
        QString piece = rest.mid(line.textStart(), line.textLength());
        if (n == maxLines - 1 && line.textStart() + line.textLength() < rest.size())
            piece = bm.elidedText(rest.mid(line.textStart()), Qt::ElideRight, lines.width());
        p.drawText(QPointF(lines.left(), y + bm.ascent()), piece.trimmed());
        y += bm.lineSpacing();
    }
    layout.endLayout();
}
}  // namespace

struct FrameRenderer::Private {
    Layout layout;
    ExportOptions layoutOptions;
    QSize frame;
    QRectF diagramArea, captionBand;
};

FrameRenderer::FrameRenderer(const SimController& source, const ExportOptions& o)
    : m_ctl(std::make_unique<SimController>()), d(std::make_unique<Private>()), m_options(o) {
    m_ctl->loadSameRun(source);
    m_ctl->setTimesHidden(source.timesHidden());  // a quiz's open timer question is not answered by a copy
    m_ctl->seek(o.toStep);
    m_to = m_ctl->sim().stepIndex();
    m_from = std::min(o.fromStep, m_to);
    if (m_problem = drawingBudgetProblem(*m_ctl); !m_problem.isEmpty())
        return;  // no scene of a run too large to draw
    m_seq = std::make_unique<SequenceScene>(m_ctl.get());
    m_states = std::make_unique<StateGraphScene>(m_ctl.get());
    m_states->setWholeFigure(o.wholeFigure);
    const Theme theme = Theme::byName(o.theme);
    m_seq->setTheme(theme);
    m_states->setTheme(theme);
    // Laid out once, for the last step: every frame puts each part where the last one has it (the
    // time axis is stable as steps are added), so only what changed differs between frames.
    d->frame = o.frameSize;
    const double band = QFontMetricsF(captionFont(theme, d->frame, false)).lineSpacing() * kCaptionLines + 14;
    d->captionBand = QRectF(0, d->frame.height() - band, d->frame.width(), band);
    d->diagramArea = QRectF(0, 0, d->frame.width(), d->frame.height() - band).adjusted(8, 8, -8, -4);
    d->layoutOptions.view = o.view;
    d->layoutOptions.format = ExportFormat::Png;
    d->layoutOptions.fit = d->diagramArea.size().toSize();
    d->layout = layoutFor(m_seq.get(), m_states.get(), d->layoutOptions);
    for (quint64 s = m_from;; ++s) {
        m_ctl->seek(s);
        const ChannelParams ab = m_ctl->sim().channel(Direction::AtoB), ba = m_ctl->sim().channel(Direction::BtoA);
        m_timings.push_back({s, m_ctl->sim().now(), ab.delay + ba.delay});
        if (s >= m_to)
            break;
    }
    m_ctl->seek(m_from);
}

FrameRenderer::~FrameRenderer() {
    // The scenes listen to the controller: they go first.
    m_states.reset();
    m_seq.reset();
}

AnimationPlan FrameRenderer::plan() const {
    PlanSettings s;
    s.fps = m_options.fps;
    s.speed = m_options.speed;
    return planAnimation(m_timings, s);
}

void FrameRenderer::seek(quint64 step) {
    if (m_ctl->sim().stepIndex() != step)
        m_ctl->seek(step);
}

void FrameRenderer::paintDiagram(QPainter& p, const QRectF& target) {
    const QSizeF size = d->layout.size;
    const double scale = std::min(target.width() / size.width(), target.height() / size.height());
    const QPointF offset(target.left() + (target.width() - size.width() * scale) / 2,
                         target.top() + (target.height() - size.height() * scale) / 2);
    p.save();
    p.setTransform(QTransform::fromTranslate(offset.x(), offset.y()).scale(scale, scale), true);
    draw(p, m_seq.get(), m_states.get(), d->layoutOptions, d->layout, QRectF(), m_seq->cursorY());
    p.restore();
}

QImage FrameRenderer::render(const PlannedFrame& frame) {
    seek(frame.step);
    m_ctl->setDisplayTime(frame.time);  // the scenes follow at once (direct connections)
    const Theme& t = m_seq->theme();
    QImage image(d->frame, QImage::Format_RGB32);
    image.fill(t.background);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    paintDiagram(p, d->diagramArea);
    drawCaption(p, stepCaption(m_ctl->sim(), m_ctl->teardownText(), m_ctl->timesHidden()), t, d->captionBand, d->frame);
    return image;
}

}  // namespace finwave::app
