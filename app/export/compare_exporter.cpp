#include "app/export/compare_exporter.h"

#include "app/export/diagram_layout.h"
#include "app/views/sequence/sequence_items.h"

#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr double kSideGap = 40;     // between the two runs
constexpr double kBelowGap = 24;    // between a run's diagram and its state graph
constexpr double kColumnGap = 36;   // between columns of a cut pair
constexpr double kMinColumnBody = 240;

struct SideLayout {
    std::vector<Piece> sequence;  // the whole diagram, or its title, heads and slice in each column
    QRectF states;                // empty when that view is not drawn
};

struct CompareLayout {
    QSizeF size;
    SideLayout side[2];
    std::vector<QLineF> lines;  // between the runs (dashed), and between columns
    std::vector<CarriedState> carried;  // each side's state beside the heads of a continuation column
    QRectF caption;
    int columns = 1;
};

// How many columns of the pair fill a slide best (the sequence view alone, fitted, not SVG: as
// for one run, diagram_layout.cpp): a long pair on one time axis is cut at the same rows in both.
int columnsFor(const ComparedScenes& s, const ExportOptions& o, double pairWidth, double height, double captionHeight) {
    if (o.fit.isEmpty() || o.format == ExportFormat::Svg || o.view != DiagramView::Sequence)
        return 1;
    const double body = height - kHeadsBottom;
    const double minBody = std::max({kMinColumnBody, s.sequence[0]->contentRect().width(), s.sequence[1]->contentRect().width()});
    int best = 1;
    double bestScale = 0;
    for (int n = 1; (n == 1 || body / n >= minBody) && n <= 64; ++n) {
        const double w = n * pairWidth + (n - 1) * kColumnGap, h = kHeadsBottom + body / n + captionHeight;
        const double scale = std::min(o.fit.width() / w, o.fit.height() / h);
        if (scale > bestScale) {
            bestScale = scale;
            best = n;
        }
    }
    return best;
}

// The pair cut into n columns at rows quiet in both diagrams; each column has both runs' titles
// and heads over its slices.
void layColumns(CompareLayout& l, const ComparedScenes& s, int n, double height) {
    const double w[2] = {s.sequence[0]->contentRect().width(), s.sequence[1]->contentRect().width()};
    const double pairWidth = w[0] + kSideGap + w[1];
    const double slice = (height - kHeadsBottom) / n;
    std::vector<double> cuts{kHeadsBottom};
    for (int i = 1; i < n; ++i) {
        const double ideal = kHeadsBottom + slice * i;
        cuts.push_back(std::max(cuts.back() + 1, s.sequence[0]->quietCut(ideal - slice * 0.15, ideal + slice * 0.15, s.sequence[1])));
    }
    cuts.push_back(height);
    double tallest = 0;
    for (int i = 0; i < n; ++i) {
        const double x0 = i * (pairWidth + kColumnGap);
        const double top = cuts[static_cast<std::size_t>(i)], h = cuts[static_cast<std::size_t>(i) + 1] - top;
        for (int k = 0; k < 2; ++k) {
            const double x = x0 + (k == 0 ? 0 : w[0] + kSideGap);
            auto& pieces = l.side[k].sequence;
            pieces.push_back({QRectF(0, 0, w[k], kHeadsBottom), QRectF(x, 0, w[k], kHeadsBottom)});  // title and heads
            pieces.push_back({QRectF(0, top, w[k], h), QRectF(x, kHeadsBottom, w[k], h)});
            if (i > 0)
                carryStates(l.carried, s.sequence[k], x, top);
        }
        tallest = std::max(tallest, h);
    }
    const double bottom = kHeadsBottom + tallest;
    for (int i = 0; i < n; ++i) {
        const double x0 = i * (pairWidth + kColumnGap);
        l.lines.emplace_back(x0 + w[0] + kSideGap / 2, 8, x0 + w[0] + kSideGap / 2, bottom);
        if (i > 0)
            l.lines.emplace_back(x0 - kColumnGap / 2, 8, x0 - kColumnGap / 2, bottom);
    }
    l.size = QSizeF(n * pairWidth + (n - 1) * kColumnGap, bottom);
    l.columns = n;
}

CompareLayout layoutFor(const ComparedScenes& s, const ExportOptions& o) {
    CompareLayout l;
    const bool seq = o.view != DiagramView::States, graph = o.view != DiagramView::Sequence;
    const QFontMetricsF fm(s.sequence[0]->theme().font);
    const auto captionHeight = [&](double width) {
        return o.caption.isEmpty() ? 0.0 : fm.boundingRect(QRectF(0, 0, width - 20, 1e6), Qt::AlignCenter | Qt::TextWordWrap, o.caption).height() + 8;
    };
    double x = 0, bottom = 0;
    for (int i = 0; i < 2; ++i) {
        const QSizeF sq = seq ? s.sequence[i]->contentRect().size() : QSizeF();
        QSizeF st = graph ? s.states[i]->contentRect().size() : QSizeF();
        const double width = std::max(sq.width(), seq ? 0.0 : st.width());
        if (seq && graph && st.width() > width)  // the graph under its diagram, no wider than it
            st *= width / st.width();
        SideLayout& side = l.side[i];
        if (seq)
            side.sequence.push_back({QRectF(QPointF(0, 0), sq), QRectF(QPointF(x, 0), sq)});
        if (graph)
            side.states = QRectF(QPointF(x + (width - st.width()) / 2, seq ? sq.height() + kBelowGap : 0), st);
        bottom = std::max({bottom, seq ? sq.height() : 0.0, side.states.bottom()});
        x += width + (i == 0 ? kSideGap : 0);
    }
    l.size = QSizeF(x, bottom);
    const double between = seq ? l.side[1].sequence.front().target.left() - kSideGap / 2 : l.side[1].states.left() - kSideGap / 2;
    l.lines.emplace_back(between, 8, between, bottom);
    if (const int n = columnsFor(s, o, x, bottom, captionHeight(x)); n > 1) {
        for (SideLayout& side : l.side)
            side.sequence.clear();
        l.lines.clear();
        layColumns(l, s, n, bottom);
    }
    const double drawn = l.size.height();
    if (!o.caption.isEmpty()) {
        l.caption = QRectF(10, drawn + 12, l.size.width() - 20, captionHeight(l.size.width()));
        l.size.setHeight(l.caption.bottom() + 8);
    }
    for (QLineF& line : l.lines)  // down to the caption, or near the bottom
        line.setP2(QPointF(line.x2(), o.caption.isEmpty() ? drawn - 8 : l.caption.top() - 6));
    return l;
}
}  // namespace

PaintedDiagram paintComparison(const ComparedScenes& s, const ExportOptions& o, const PaintProgress& progress) {
    const CompareLayout l = layoutFor(s, o);
    const Theme& t = s.sequence[0]->theme();
    const auto draw = [&](QPainter& p, const QRectF& area) {
        for (int i = 0; i < 2; ++i) {
            for (const Piece& piece : l.side[i].sequence)
                drawPiece(p, s.sequence[i], piece, area);
            if (!l.side[i].states.isEmpty() && (area.isNull() || l.side[i].states.intersects(area)))
                s.states[i]->renderContent(&p, l.side[i].states);
        }
        p.setPen(QPen(t.muted, 1, Qt::DashLine));
        p.drawLines(l.lines.data(), static_cast<int>(l.lines.size()));
        drawCarried(p, t, l.carried);
        if (!l.caption.isEmpty()) {
            p.setFont(t.font);
            p.setPen(t.foreground);
            p.drawText(l.caption, Qt::AlignCenter | Qt::TextWordWrap, o.caption);
        }
    };
    PaintedDiagram out = paintPicture(l.size, t.background, o, draw, progress);
    out.columns = l.columns;
    return out;
}

}  // namespace finwave::app
