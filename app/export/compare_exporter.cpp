#include "app/export/compare_exporter.h"

#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr double kSideGap = 40;   // between the two runs
constexpr double kBelowGap = 24;  // between a run's diagram and its state graph

struct SideLayout {
    QRectF sequence, states;  // empty when that view is not drawn
};

struct CompareLayout {
    QSizeF size;
    SideLayout side[2];
    QRectF caption;
};

CompareLayout layoutFor(const ComparedScenes& s, const ExportOptions& o) {
    CompareLayout l;
    const bool seq = o.view != DiagramView::States, graph = o.view != DiagramView::Sequence;
    double x = 0, bottom = 0;
    for (int i = 0; i < 2; ++i) {
        const QSizeF sq = seq ? s.sequence[i]->contentRect().size() : QSizeF();
        QSizeF st = graph ? s.states[i]->contentRect().size() : QSizeF();
        const double width = std::max(sq.width(), seq ? 0.0 : st.width());
        if (seq && graph && st.width() > width)  // the graph under its diagram, no wider than it
            st *= width / st.width();
        SideLayout& side = l.side[i];
        if (seq)
            side.sequence = QRectF(QPointF(x, 0), sq);
        if (graph)
            side.states = QRectF(QPointF(x + (width - st.width()) / 2, seq ? sq.height() + kBelowGap : 0), st);
        bottom = std::max({bottom, side.sequence.bottom(), side.states.bottom()});
        x += width + (i == 0 ? kSideGap : 0);
    }
    double height = bottom;
    if (!o.caption.isEmpty()) {
        const QFontMetricsF fm(s.sequence[0]->theme().font);
        const QRectF text = fm.boundingRect(QRectF(0, 0, x - 20, 1e6), Qt::AlignCenter | Qt::TextWordWrap, o.caption);
        l.caption = QRectF(10, bottom + 12, x - 20, text.height() + 8);
        height = l.caption.bottom() + 8;
    }
    l.size = QSizeF(x, height);
    return l;
}
}  // namespace

PaintedDiagram paintComparison(const ComparedScenes& s, const ExportOptions& o, const PaintProgress& progress) {
    const CompareLayout l = layoutFor(s, o);
    const Theme& t = s.sequence[0]->theme();
    const auto draw = [&](QPainter& p, const QRectF& area) {
        for (int i = 0; i < 2; ++i) {
            const SideLayout& side = l.side[i];
            if (!side.sequence.isEmpty() && (area.isNull() || side.sequence.intersects(area))) {
                p.save();
                p.setClipRect(side.sequence, Qt::IntersectClip);
                s.sequence[i]->renderContent(&p, side.sequence);
                p.restore();
            }
            if (!side.states.isEmpty() && (area.isNull() || side.states.intersects(area)))
                s.states[i]->renderContent(&p, side.states);
        }
        // The line between the two runs.
        const double between = l.side[0].sequence.isEmpty() ? l.side[1].states.left() - kSideGap / 2 : l.side[1].sequence.left() - kSideGap / 2;
        p.setPen(QPen(t.muted, 1, Qt::DashLine));
        p.drawLine(QPointF(between, 8), QPointF(between, l.caption.isEmpty() ? l.size.height() - 8 : l.caption.top() - 6));
        if (!l.caption.isEmpty()) {
            p.setFont(t.font);
            p.setPen(t.foreground);
            p.drawText(l.caption, Qt::AlignCenter | Qt::TextWordWrap, o.caption);
        }
    };
    return paintPicture(l.size, t.background, o, draw, progress);
}

}  // namespace finwave::app
