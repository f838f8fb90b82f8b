// The state graph draws the core transition table and nothing else; exports make no widget.
#include "app/charts/chart_builders.h"
#include "app/export/diagram_exporter.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_layout.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/sim/experiment.h"
#include "core/teaching/figure_part.h"
#include "core/protocol/transitions.h"
#include "support/every_step.h"

#include <QApplication>
#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QGraphicsScene>
#include <QPainterPath>
#include <QGraphicsItem>
#include <QTemporaryDir>
#include <QValueAxis>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <tuple>

using namespace finwave;
using namespace finwave::app;

namespace {
using Key = std::tuple<int, int, std::string>;
Key keyOf(const Transition& t) { return {static_cast<int>(t.from), static_cast<int>(t.to), std::string(t.label)}; }

// B listens, A connects, B closes 120 ms later: B is still in SYN_RECEIVED (A's ACK of the
// SYN,ACK arrives at 150 ms), so its CLOSE takes SYN_RECEIVED -> FIN_WAIT_1.
Scenario closeInSynReceived() {
    Scenario s;
    s.name = "close-in-syn-received";
    s.params = paramsFor(Profile::Rfc);
    s.ab.delay = s.ba.delay = 50 * kMs;
    s.a.initial = s.b.initial = TcpState::Closed;
    s.b.iss = 300;
    const auto act = [](Side side, AppAction::Kind kind, Micros at) {
        AppAction a;
        a.side = side;
        a.kind = kind;
        a.delay = at;
        return a;
    };
    s.actions = {act(Side::B, AppAction::Kind::Listen, 0), act(Side::A, AppAction::Kind::Connect, 0),
                 act(Side::B, AppAction::Kind::Close, 120 * kMs), act(Side::A, AppAction::Kind::Close, 400 * kMs)};
    return s;
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
}  // namespace

// The whole of Figure 5 when asked for; else a run that opens (full-lifecycle) starts in the
// opening part and one that only closes draws the closing part, with every figure row between the
// states of the part drawn.
TEST(StateGraph, AlwaysDrawnEdgesAreExactlyTheTablesFigureRowsAndSelfLoops) {
    for (const char* name : {"full-lifecycle", "normal-close", "whole"}) {
        SimController ctl;
        ctl.loadScenario(*builtinScenario(std::string_view(name) == "whole" ? "normal-close" : name));
        StateGraphScene graph(&ctl);
        graph.setWholeFigure(std::string_view(name) == "whole");
        const FigurePart part = graph.part();
        EXPECT_EQ(part, std::string_view(name) == "whole"            ? FigurePart::Whole
                        : std::string_view(name) == "full-lifecycle" ? FigurePart::Opening
                                                                     : FigurePart::Closing);
        std::set<Key> drawn, table;
        for (const StateEdgeItem* e : graph.edges()) {
            ASSERT_NE(e->row(), nullptr);
            EXPECT_FALSE(e->isExtra());
            // The row's label (a line broken where the part has room for short lines only).
            EXPECT_EQ(QString(e->label()).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                      QCoreApplication::translate("StateGraph", std::string(e->row()->label).c_str()).replace(QLatin1Char('\n'), QLatin1Char(' ')));
            drawn.insert(keyOf(*e->row()));
        }
        for (const Transition& t : transitions())
            if (t.inFigure && inFigurePart(part, t.from) && inFigurePart(part, t.to))
                table.insert(keyOf(t));
        EXPECT_EQ(drawn, table) << name;
        EXPECT_EQ(table.size(), part == FigurePart::Whole ? 20u : (part == FigurePart::Closing ? 13u : 6u)) << name;
        // The self-loops that teach are among them: TIME_WAIT's restart, the FINs resent on timeout.
        if (part != FigurePart::Opening) {
            for (const char* id : {"T1", "F1f", "L2"})
                EXPECT_TRUE(drawn.count(keyOf(*transitionById(id)))) << name << " " << id;
        }
        // The states drawn are the part's; the others are hidden.
        int shown = 0;
        for (QGraphicsItem* item : graph.items())
            if (item->type() == StateNodeItem::Type)
                shown += item->isVisible();
        EXPECT_EQ(shown, part == FigurePart::Whole ? 11 : (part == FigurePart::Closing ? 8 : 5)) << name;
    }
}

// In the whole figure every change of state lights its edge; in the part drawn, every change
// between two of the part's states does.
TEST(StateGraph, EveryEdgeTakenInEveryBuiltinIsATableRowWithItsOwnLabel) {
    for (bool whole : {true, false})
    for (auto name : builtinScenarioNames()) {
        SimController ctl;
        StateGraphScene graph(&ctl);
        graph.setWholeFigure(whole);
        ctl.loadScenario(*builtinScenario(name));
        ctl.seek(1'000'000);
        EXPECT_EQ(graph.part(), whole ? FigurePart::Whole : figurePartNow(ctl.scenario(), ctl.sim().trace())) << name;
        int stateChanges = 0;
        for (const TraceRecord& r : ctl.sim().trace())
            stateChanges += r.kind == EventKind::State && inFigurePart(graph.part(), r.from) && inFigurePart(graph.part(), r.to);
        // Each change of state lit exactly one edge, and it is a row of the table.
        int lit = 0;
        for (const StateEdgeItem* e : graph.edges()) {
            ASSERT_NE(e->row(), nullptr) << name;
            EXPECT_NE(e->label(), QStringLiteral("to CLOSED")) << name;
            EXPECT_EQ(e->isExtra(), !e->row()->inFigure) << name;
            if (!e->row()->isSelfLoop())
                lit += static_cast<int>(e->taken().size());
        }
        for (const TraceRecord& r : ctl.sim().trace()) {
            if (r.kind == EventKind::State) {
                EXPECT_NE(transitionOf(r), nullptr) << name << ": " << stateName(r.from) << " -> " << stateName(r.to);
            }
        }
        EXPECT_EQ(lit, stateChanges) << name;
    }
}

// At every step of every built-in, in the part drawn, the change of state just made has its edge
// drawn and lit by the end that made it: the graph never hides the transition just taken.
TEST(StateGraph, TheTransitionJustTakenIsDrawnAtEveryStep) {
    for (auto name : builtinScenarioNames()) {
        SimController ctl;
        StateGraphScene graph(&ctl);
        ctl.loadScenario(*builtinScenario(name));
        finwave::testing::forEveryStep(ctl, [&](std::uint64_t step) {
            const TraceRecord* change = nullptr;
            for (const TraceRecord& r : ctl.sim().trace())
                if (transitionOf(r))
                    change = &r;
            if (!change)
                return;
            const Transition* row = transitionOf(*change);
            bool drawn = false;
            for (const StateEdgeItem* e : graph.edges())
                if (e->row()->from == row->from && e->row()->to == row->to && e->row()->label == row->label)
                    for (const StateEdgeItem::Taken& k : e->taken())
                        drawn = drawn || (k.step == change->step && k.side == (change->side == Side::A ? 0 : 1));
            EXPECT_TRUE(drawn) << name << " step " << step << ": " << row->id << " not drawn in the part shown";
        });
    }
}

TEST(StateGraph, CloseInSynReceivedDrawsALabelledEdgeToFinWait1) {
    SimController ctl;
    ctl.loadScenario(closeInSynReceived());
    ctl.seek(1'000'000);
    // The engine took the edge...
    bool tookIt = false;
    for (const TraceRecord& r : ctl.sim().trace())
        tookIt |= r.kind == EventKind::State && r.side == Side::B && r.from == TcpState::SynReceived &&
                  r.to == TcpState::FinWait1;
    ASSERT_TRUE(tookIt);
    // Drawn by itself at the step B takes it: the edge is in neither half alone (A is
    // ESTABLISHED then), so the whole figure is shown until the next change.
    {
        SimController at;
        at.loadScenario(closeInSynReceived());
        StateGraphScene graph(&at);
        std::uint32_t step = 0;
        for (const TraceRecord& r : ctl.sim().trace())
            if (r.kind == EventKind::State && r.from == TcpState::SynReceived && r.to == TcpState::FinWait1)
                step = r.step;
        at.seek(step);
        EXPECT_EQ(graph.part(), FigurePart::Whole);
        bool drawn = false;
        for (const StateEdgeItem* e : graph.edges())
            drawn = drawn || (e->row()->from == TcpState::SynReceived && e->row()->to == TcpState::FinWait1 && !e->taken().isEmpty());
        EXPECT_TRUE(drawn);
    }
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(true);  // the end of the run is in the closing part: ask for all of it
    const StateEdgeItem* edge = nullptr;
    for (const StateEdgeItem* e : states.edges())
        if (e->row()->from == TcpState::SynReceived && e->row()->to == TcpState::FinWait1)
            edge = e;
    ASSERT_NE(edge, nullptr);
    EXPECT_FALSE(edge->isExtra());  // drawn solid, as a Figure 5 edge
    // ...and the SVG names it with B's step, not as a dashed "to CLOSED".
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("syn-received-close.svg"));
    ExportOptions o;
    o.view = DiagramView::States;
    o.format = ExportFormat::Svg;
    ASSERT_EQ(exportDiagram(&seq, &states, o, path), QString());
    const QString svg = readAll(path);
    // Written as Figure 5 does, the event over the action: "CLOSE", then "snd FIN  B#n".
    EXPECT_TRUE(svg.contains(QStringLiteral(">snd FIN  B#"))) << "the edge's label with B's step";
    EXPECT_TRUE(svg.contains(QStringLiteral(">CLOSE<")));
    EXPECT_FALSE(svg.contains(QStringLiteral("to CLOSED")));
}

TEST(StateGraph, ExportsDrawWithoutCreatingAWidget) {
    ASSERT_TRUE(QApplication::allWidgets().isEmpty()) << "another test left a widget behind";
    QTemporaryDir dir;
    {
        SimController ctl;
        ctl.loadScenario(*builtinScenario("lost-last-ack"));
        ctl.seek(1'000'000);
        SequenceScene seq(&ctl);
        StateGraphScene states(&ctl);
        for (ExportFormat f : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf}) {
            ExportOptions o;
            o.view = DiagramView::Both;
            o.format = f;
            const QString path = dir.filePath(QStringLiteral("both.%1").arg(static_cast<int>(f)));
            EXPECT_EQ(exportDiagram(&seq, &states, o, path), QString());
            EXPECT_TRUE(QFile::exists(path));
        }
        EXPECT_TRUE(QApplication::allWidgets().isEmpty());
    }
}

// `finwave experiment --chart` draws through the same builders: a chart is a graphics item, and
// saving it makes no widget either.
TEST(StateGraph, ASweepChartIsSavedWithoutCreatingAWidget) {
    ASSERT_TRUE(QApplication::allWidgets().isEmpty()) << "another test left a widget behind";
    SweepConfig config;
    config.scenario = *builtinScenario("lost-fin");
    config.lossFrom = 0;
    config.lossTo = 0.2;
    config.lossStep = 0.1;
    config.runsPerPoint = 20;
    const SweepResult result = runSweep(config);
    QTemporaryDir dir;
    for (const char* ext : {"png", "svg"}) {
        std::unique_ptr<QChart> chart(makeSweepChart(result, QStringLiteral("lost-fin"), Theme::light()));
        const QString path = dir.filePath(QStringLiteral("sweep.") + QLatin1String(ext));
        EXPECT_EQ(saveChart(chart.get(), path), QString());
        EXPECT_TRUE(QFile::exists(path));
    }
    EXPECT_TRUE(QApplication::allWidgets().isEmpty());
}

// The loss sweep's three value axes share one grid: every axis from zero (the seconds axis began
// at 220), each right-hand axis with as many ticks as the seconds axis, so its ticks lie on the
// grid's lines, and only the seconds axis draws lines.
TEST(StateGraph, TheSweepChartsAxesShareOneGrid) {
    SweepConfig config;
    config.scenario = *builtinScenario("lost-fin");
    config.lossFrom = 0;
    config.lossTo = 0.4;
    config.lossStep = 0.1;
    config.runsPerPoint = 30;
    const SweepResult result = runSweep(config);
    std::unique_ptr<QChart> chart(makeSweepChart(result, QStringLiteral("lost-fin"), Theme::light()));
    const QList<QAbstractAxis*> ys = chart->axes(Qt::Vertical);
    ASSERT_EQ(ys.size(), 3);
    const auto* left = qobject_cast<QValueAxis*>(ys[0]);
    ASSERT_NE(left, nullptr);
    EXPECT_EQ(left->min(), 0.0);
    EXPECT_TRUE(left->isGridLineVisible());
    for (int i = 1; i < 3; ++i) {
        const auto* y = qobject_cast<QValueAxis*>(ys[i]);
        ASSERT_NE(y, nullptr);
        EXPECT_EQ(y->min(), 0.0) << y->titleText().toStdString();
        EXPECT_EQ(y->tickCount(), left->tickCount()) << y->titleText().toStdString();
        EXPECT_FALSE(y->isGridLineVisible()) << y->titleText().toStdString();
    }
}

// A fitted graph fits again when a run draws an edge that is drawn only once taken (linger-abort's
// abort and reset lanes): the whole drawing stays in view, none of it cut at the pane's edge.
TEST(StateGraph, AFittedViewKeepsTheResetsTakenLaterInView) {
    SimController ctl;
    StateGraphView view(&ctl);
    view.resize(400, 900);  // narrow, so the graph's width decides its scale
    view.show();
    ctl.loadScenario(*builtinScenario("linger-abort"));
    QCoreApplication::processEvents();
    const double before = view.viewScale();
    ctl.seek(1'000'000);
    QCoreApplication::processEvents();
    auto* scene = static_cast<StateGraphScene*>(view.scene());
    const QRectF shown = view.mapToScene(view.viewport()->rect()).boundingRect();
    const QRectF drawn = scene->contentRect();
    EXPECT_TRUE(shown.adjusted(-1, -1, 1, 1).contains(drawn))
        << "shown " << shown.width() << "x" << shown.height() << ", drawn " << drawn.width() << "x" << drawn.height();
    EXPECT_LT(view.viewScale(), before);  // the lanes made it wider, so it was fitted again
}

// An edge's label is an item of its own: an edge never put in a scene takes its label with it,
// and a scene cleared deletes the two in whichever order it meets them (the sanitizer build checks
// for leaks and for use after free).
TEST(StateGraph, AnEdgeAndItsLabelGoTogether) {
    const Theme theme = Theme::light();
    QPainterPath path(QPointF(0, 0));
    path.lineTo(100, 0);
    { StateEdgeItem alone(&theme, path, QPointF(50, 10), QStringLiteral("rcv FIN / snd ACK"), false); }
    QGraphicsScene scene;
    auto* edge = new StateEdgeItem(&theme, path, QPointF(50, 10), QStringLiteral("rcv FIN / snd ACK"), false);
    scene.addItem(edge->labelItem());  // the label first, so the scene meets it first
    scene.addItem(edge);
    auto* other = new StateEdgeItem(&theme, path, QPointF(50, 40), QStringLiteral("CLOSE / snd FIN"), false);
    scene.addItem(other);
    scene.addItem(other->labelItem());
    EXPECT_EQ(scene.items().size(), 4);
    scene.clear();
    EXPECT_TRUE(scene.items().isEmpty());
}
