#include "app/export/diagram_layout.h"

#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr double kGap = 30;         // between the diagram and the state graph
constexpr double kColumnGap = 36;   // between columns of a cut diagram
constexpr double kCaptionHeight = 48;
constexpr double kMinColumnBody = 240;  // never cut the time body into slivers shorter than this

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

}  // namespace

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
                                      QRectF(x, kTitleBottom, seq.width(), kHeadsBottom - kTitleBottom),
                                      i > 0 ? cuts[static_cast<std::size_t>(i)] : -std::numeric_limits<double>::infinity()});
                l.sequence.push_back({QRectF(0, cuts[static_cast<std::size_t>(i)], seq.width(), h),
                                      QRectF(x, kHeadsBottom, seq.width(), h)});
                tallest = std::max(tallest, h);
                if (i > 0)  // what each side is doing as the column begins, beside its head
                    carryStates(l.carried, sequence, x, cuts[static_cast<std::size_t>(i)]);
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

void carryStates(std::vector<CarriedState>& out, SequenceScene* sequence, double x, double y) {
    for (int side : {0, 1})
        out.push_back({y, QPointF(x + sequence->lifelineX(side) + (side == 0 ? -44 : 44), (kTitleBottom + kHeadsBottom) / 2 + 2),
                       side == 0, sequence->stateNameAt(side, y)});
}

void drawCarried(QPainter& p, const Theme& t, const std::vector<CarriedState>& carried, double reachedY) {
    if (carried.empty())
        return;
    QFont italic = t.titleFont;
    italic.setItalic(true);
    p.setFont(italic);
    p.setPen(t.muted);
    const QFontMetricsF fm(italic);
    for (const CarriedState& c : carried) {
        if (c.fromY > reachedY)
            continue;
        const double w = fm.horizontalAdvance(c.name);
        p.drawText(QPointF(c.left ? c.at.x() - w : c.at.x(), c.at.y() + fm.ascent() * 0.4), c.name);
    }
}

void drawPiece(QPainter& p, SequenceScene* sequence, const Piece& piece, const QRectF& area) {
    const QRectF target = area.isNull() ? piece.target : piece.target.intersected(area);
    if (target.isEmpty())
        return;
    const QRectF source(piece.source.topLeft() + (target.topLeft() - piece.target.topLeft()), target.size());
    p.save();
    p.setClipRect(target, Qt::IntersectClip);
    sequence->renderContent(&p, target, source);
    p.restore();
}

void draw(QPainter& p, SequenceScene* sequence, StateGraphScene* states, const ExportOptions& o, const Layout& l,
          const QRectF& area, double reachedY) {
    const Theme& t = sequence->theme();
    for (const Piece& piece : l.sequence)
        if (piece.fromY <= reachedY)  // a continuation column's heads once the run has reached it
            drawPiece(p, sequence, piece, area);
    if (!l.separators.empty()) {
        p.setPen(QPen(t.muted, 1, Qt::DashLine));
        p.drawLines(l.separators.data(), static_cast<int>(l.separators.size()));
    }
    drawCarried(p, t, l.carried, reachedY);
    if (!l.states.isEmpty() && (area.isNull() || l.states.intersects(area)))
        states->renderContent(&p, l.states);
    if (!l.caption.isEmpty()) {
        p.setFont(t.font);
        p.setPen(t.foreground);
        p.drawText(l.caption, Qt::AlignCenter | Qt::TextWordWrap, o.caption);
    }
}


}  // namespace finwave::app
