// The state graph's compact parts: the second CLOSED box of the closing part, the closing part
// with LISTEN, where the ends' marks stand, and that no edge drawn once taken crosses a box.
#include "app/window/sim_controller.h"
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_layout.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/teaching/figure_part.h"
#include "core/protocol/transitions.h"
#include "support/every_step.h"

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QPainterPath>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

using namespace finwave;
using namespace finwave::app;

// A time-out in FIN_WAIT_2 and a FIN given up on in FIN_WAIT_1 end in a second CLOSED box under
// FIN_WAIT_2, as RFC 9293 Figure 5 draws CLOSED twice: A's mark goes there, where its edge ends,
// and the graph is no taller than a clean close's (no lane round the graph to the CLOSED at the
// bottom right). Before the edge is taken the box is not drawn.
TEST(StateGraph, EdgesIntoClosedFromTheLeftEndInASecondClosedBox) {
    for (const Theme& theme : {Theme::light(), Theme::projector()}) {
        SimController plain;
        StateGraphScene normal(&plain);
        normal.setTheme(theme);
        plain.loadScenario(*builtinScenario("normal-close"));
        plain.seek(1'000'000);
        EXPECT_TRUE(normal.closedAsideBox().isEmpty());
        EXPECT_FALSE(normal.markedAside(0));
        for (const char* name : {"fin-wait-2-timeout", "retries-exhausted"}) {
            SimController ctl;
            StateGraphScene graph(&ctl);
            graph.setTheme(theme);
            ctl.loadScenario(*builtinScenario(name));
            ctl.seek(1'000'000);
            ASSERT_EQ(graph.part(), FigurePart::Closing) << name;
            ASSERT_EQ(ctl.sim().state(Side::A), TcpState::Closed) << name;
            const QRectF aside = graph.closedAsideBox();
            ASSERT_FALSE(aside.isEmpty()) << name;
            EXPECT_TRUE(graph.markedAside(0)) << name;
            EXPECT_FALSE(graph.markedAside(1)) << name;  // B is not there: its edges end in the other CLOSED
            const QPointF fw2 = graph.nodeCenter(static_cast<int>(TcpState::FinWait2));
            const QPointF closed = graph.nodeCenter(static_cast<int>(TcpState::Closed));
            EXPECT_GT(aside.top(), fw2.y()) << name;
            EXPECT_LT(aside.center().x(), closed.x()) << name;
            const StateEdgeItem* edge = nullptr;
            for (const StateEdgeItem* e : graph.edges())
                if (e->isDrawn() && e->isExtra() && e->row()->to == TcpState::Closed &&
                    (e->row()->from == TcpState::FinWait1 || e->row()->from == TcpState::FinWait2))
                    edge = e;
            ASSERT_NE(edge, nullptr) << name;
            EXPECT_TRUE(aside.adjusted(-2, -2, 2, 2).contains(edge->path().pointAtPercent(1))) << name;
            // Its label stands over the box, inside the graph's width.
            const QRectF label = edge->labelRect();
            EXPECT_LE(label.bottom(), aside.top()) << name;
            EXPECT_GE(label.left(), normal.contentRect().left()) << name;
            EXPECT_LE(graph.contentRect().height(), normal.contentRect().height() + 1) << name;
            EXPECT_LE(graph.contentRect().width(), normal.contentRect().width() + theme.font.pointSizeF()) << name;
            // Back before the edge was taken, the box is gone and A's mark is off it.
            while (ctl.sim().state(Side::A) == TcpState::Closed)
                ctl.stepBack();
            EXPECT_TRUE(graph.closedAsideBox().isEmpty()) << name;
            EXPECT_FALSE(graph.markedAside(0)) << name;
        }
    }
}

// While old-duplicate's server listens again and A waits in TIME_WAIT (steps 10 to 17), the graph
// is the closing part with LISTEN: every box of the closing part stays where it was, LISTEN stands
// at the bottom left, under FIN_WAIT_2 and left of TIME_WAIT, B's mark is on it, and the passive
// OPEN runs from CLOSED into it (and the CLOSE back, once taken), with the graph hardly larger
// than the closing part, so it reads at the same size. The whole figure would be about 1.8 times
// as tall.
TEST(StateGraph, AServerListeningAgainIsDrawnInTheClosingPartWithListen) {
    for (const Theme& theme : {Theme::light(), Theme::projector()}) {
        SimController ctl;
        StateGraphScene graph(&ctl);
        graph.setTheme(theme);
        ctl.loadScenario(*builtinScenario("old-duplicate"));
        ctl.seek(9);
        ASSERT_EQ(graph.part(), FigurePart::Closing);
        std::vector<QPointF> before;
        for (int s = 0; s < kTcpStateCount; ++s)
            before.push_back(graph.nodeCenter(s));
        const QRectF closingRect = graph.contentRect();
        ctl.seek(12);
        ASSERT_EQ(graph.part(), FigurePart::ClosingWithListen);
        ASSERT_EQ(ctl.sim().state(Side::B), TcpState::Listen);
        for (int s = 0; s < kTcpStateCount; ++s)
            if (inFigurePart(FigurePart::Closing, static_cast<TcpState>(s))) {
                EXPECT_EQ(graph.nodeCenter(s), before[static_cast<std::size_t>(s)]) << stateName(static_cast<TcpState>(s));
            }
        const auto centre = [&graph](TcpState s) { return graph.nodeCenter(static_cast<int>(s)); };
        const QPointF listen = centre(TcpState::Listen);
        EXPECT_GT(listen.y(), centre(TcpState::FinWait2).y());
        EXPECT_LT(listen.x(), centre(TcpState::TimeWait).x());
        EXPECT_GT(listen.y(), centre(TcpState::TimeWait).y());
        EXPECT_EQ(graph.markedState(1), static_cast<int>(TcpState::Listen));
        QRectF listenBox;
        for (QGraphicsItem* item : graph.items())
            if (item->type() == StateNodeItem::Type && item->isVisible() && item->pos() == listen)
                listenBox = static_cast<StateNodeItem*>(item)->box().translated(item->pos());
        ASSERT_FALSE(listenBox.isEmpty());
        const auto edgeOf = [&graph](std::string_view id) -> const StateEdgeItem* {
            for (const StateEdgeItem* e : graph.edges())
                if (e->row() && e->row()->id == id && e->isDrawn())
                    return e;
            return nullptr;
        };
        const StateEdgeItem* open = edgeOf("O1");
        ASSERT_NE(open, nullptr);
        EXPECT_FALSE(open->taken().isEmpty());
        EXPECT_TRUE(listenBox.adjusted(-2, -2, 2, 2).contains(open->path().pointAtPercent(1)));
        EXPECT_EQ(edgeOf("O9"), nullptr);  // not taken yet
        // No taller than a few lines more than the closing part, and no wider.
        const double line = QFontMetricsF(graph.theme().font).height();
        EXPECT_LE(graph.contentRect().height(), closingRect.height() + line * 0.75);
        EXPECT_LE(graph.contentRect().width(), closingRect.width() + 1);
        // The server closes: its CLOSE runs from LISTEN back to CLOSED.
        ctl.seek(16);
        ASSERT_EQ(graph.part(), FigurePart::ClosingWithListen);
        const StateEdgeItem* close = edgeOf("O9");
        ASSERT_NE(close, nullptr);
        EXPECT_TRUE(listenBox.adjusted(-2, -2, 2, 2).contains(close->path().pointAtPercent(0)));
        EXPECT_EQ(graph.markedState(1), static_cast<int>(TcpState::Closed));
        EXPECT_LE(graph.contentRect().height(), closingRect.height() + line * 0.75);
        // TIME_WAIT ends: the closing part again, without LISTEN.
        ctl.seek(1'000'000);
        EXPECT_EQ(graph.part(), FigurePart::Closing);
    }
}

// A side's letter badge on a box never covers the state's name, in either theme, at any step of
// runs that mark every closing state: the name's glyphs (not its line's room) lie outside the
// badge's circle. TIME_WAIT's and FIN_WAIT_1's names are as wide as their boxes allow.
TEST(StateGraph, AMarkNeverCoversTheStateName) {
    for (const Theme& theme : {Theme::light(), Theme::projector()})
        for (const char* name : {"normal-close", "simultaneous-close", "lost-last-ack", "old-duplicate"}) {
            SimController ctl;
            StateGraphScene graph(&ctl);
            graph.setTheme(theme);
            ctl.loadScenario(*builtinScenario(name));
            int checked = 0;
            finwave::testing::forEveryStep(ctl, [&](std::uint64_t step) {
                for (int side : {0, 1}) {
                    const auto state = static_cast<TcpState>(graph.markedState(side));
                    const QPointF at = graph.nodeCenter(static_cast<int>(state));
                    for (QGraphicsItem* item : graph.items()) {
                        if (item->type() != StateNodeItem::Type || !item->isVisible() || item->pos() != at)
                            continue;
                        const auto* node = static_cast<StateNodeItem*>(item);
                        const QRectF box = node->box();
                        const QFontMetricsF fm(graph.theme().titleFont);
                        const QString text = QString::fromUtf8(stateName(state).data());
                        // Where a centred line puts its glyphs: the line's top, then the ascent to the baseline.
                        const QPointF baseline(box.center().x() - fm.horizontalAdvance(text) / 2,
                                               box.center().y() - fm.height() / 2 + fm.ascent());
                        const QRectF glyphs = fm.tightBoundingRect(text).translated(baseline);
                        const QRectF circle = node->markCircle(side);
                        const QPointF c = circle.center();
                        const QPointF nearest(std::clamp(c.x(), glyphs.left(), glyphs.right()), std::clamp(c.y(), glyphs.top(), glyphs.bottom()));
                        EXPECT_GT(QLineF(c, nearest).length(), circle.width() / 2)
                            << name << " step " << step << " side " << side << " on " << stateName(state);
                        // And the graph keeps room for it: nothing fitted or exported cuts it.
                        EXPECT_TRUE(graph.contentRect().contains(node->mapRectToScene(circle)))
                            << name << " step " << step << " side " << side << " on " << stateName(state);
                        ++checked;
                    }
                }
            });
            EXPECT_GT(checked, 4) << name;
        }
}

// An edge drawn once taken (a reset, an abort, a time-out) never runs across a box it neither
// leaves nor enters, in both closing parts and the opening part, in both themes: in the closing
// part with LISTEN the ones out of the left and middle columns, which have no second CLOSED there,
// go round the bottom.
TEST(StateGraph, EdgesDrawnOnceTakenCrossNoOtherBox) {
    for (const Theme& theme : {Theme::light(), Theme::projector()})
        for (FigurePart part : {FigurePart::Closing, FigurePart::ClosingWithListen, FigurePart::Opening}) {
            const StateGraphLayout layout(theme, part);
            int checked = 0;
            for (const Transition& t : transitions()) {
                if (t.inFigure || t.isSelfLoop() || !inFigurePart(part, t.from) || !inFigurePart(part, t.to))
                    continue;
                const QPainterPath path = layout.routeExtra(t, 1);
                for (int s = 0; s < kTcpStateCount; ++s) {
                    const auto state = static_cast<TcpState>(s);
                    if (state == t.from || state == t.to || !inFigurePart(part, state))
                        continue;
                    const QRectF box = layout.box(state).adjusted(1, 1, -1, -1);
                    for (int k = 0; k <= 400; ++k)
                        ASSERT_FALSE(box.contains(path.pointAtPercent(k / 400.0)))
                            << t.id << " crosses " << stateName(state) << " in part " << static_cast<int>(part);
                }
                ++checked;
            }
            EXPECT_GE(checked, 5);
        }
}
