// What a teacher checks in front of a class: drops happen where and when they are made, timer
// labels stand where things happen, the state graph's labels never cover a box or each other.
#include "app/window/inspector.h"
#include "app/text/language.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_items.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/teaching/figure_part.h"
#include "support/every_step.h"

#include <QFontMetricsF>
#include <QScrollBar>
#include <QTest>

#include <gtest/gtest.h>

#include <string>

#include <set>

using namespace finwave;
using namespace finwave::app;

namespace {
const TraceRecord* lastOf(const Simulator& sim, EventKind kind) {
    const auto& records = sim.trace().records();
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (it->kind == kind)
            return &*it;
    return nullptr;
}

std::vector<TimerBracketItem*> timers(SequenceScene& scene) {
    std::vector<TimerBracketItem*> out;
    for (QGraphicsItem* item : scene.items())
        if (item->type() == TimerBracketItem::Type)
            out.push_back(static_cast<TimerBracketItem*>(item));
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->startTime < b->startTime; });
    return out;
}
}  // namespace

// Clicking the FIN 60 % of its way to B: the drop is recorded at the click's time, the cursor
// stays there, and the cross stands 60 % of the way across, not on A's lifeline.
TEST(Classroom, AClickDropHappensAtTheCursorsTimeAndTimeNeverGoesBack) {
    SimController ctl;
    SequenceView view(&ctl);
    view.resize(1200, 800);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.stepForward();  // A's FIN leaves at t = 0, arrives at 50 ms
    ctl.setDisplayTime(30 * kMs);
    SegmentArrow* fin = view.diagram()->arrowOf(1);
    ASSERT_NE(fin, nullptr);
    const QPointF tip = fin->to();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene((fin->from() + tip) / 2));
    const TraceRecord* drop = lastOf(ctl.sim(), EventKind::Drop);
    ASSERT_NE(drop, nullptr);
    EXPECT_EQ(drop->reason, Reason::LostByUser);
    EXPECT_EQ(drop->t, 30 * kMs);          // when the click was made
    EXPECT_EQ(ctl.sim().now(), 30 * kMs);  // and the run's time did not go back to 0
    EXPECT_GE(ctl.displayTime(), 30 * kMs);
    // Times in the trace never decrease.
    Micros last = 0;
    for (const TraceRecord& r : ctl.sim().trace()) {
        EXPECT_GE(r.t, last);
        last = r.t;
    }
    // The cross is where the arrow's tip was: 60 % of the way from A to B.
    const double xA = view.diagram()->lifelineX(0), xB = view.diagram()->lifelineX(1);
    EXPECT_EQ(fin->fate(), SegmentArrow::Fate::Lost);
    EXPECT_NEAR((fin->to().x() - xA) / (xB - xA), 0.6, 0.02);
}

// In step mode an arrow has no length to click: "drop A's next" takes the FIN A just sent.
TEST(Classroom, DropNextInStepModeDropsExactlyThatSegment) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.stepForward();  // A sends its FIN: segment 1, in flight
    const quint32 dropped = ctl.dropNext(Side::A);
    EXPECT_EQ(dropped, 1u);
    const TraceRecord* drop = lastOf(ctl.sim(), EventKind::Drop);
    ASSERT_NE(drop, nullptr);
    EXPECT_EQ(drop->seg.id, 1u);
    EXPECT_TRUE(drop->seg.has(flag::Fin));
    EXPECT_EQ(drop->reason, Reason::LostByUser);
    // With nothing of B's in flight, "drop B's next" waits for B's next segment: B's ACK of the
    // FIN that A resends after its RTO, and only that one.
    EXPECT_EQ(ctl.dropNext(Side::B), 0u);
    EXPECT_TRUE(ctl.sim().isDropNextArmed(Side::B));
    quint32 firstFromB = 0;
    while (!firstFromB && ctl.sim().stepIndex() < 100) {
        ctl.stepForward();
        for (const TraceRecord& r : ctl.sim().trace())
            if (r.kind == EventKind::Send && r.side == Side::B) {
                firstFromB = r.seg.id;
                break;
            }
    }
    ASSERT_NE(firstFromB, 0u);
    ctl.seek(1'000'000);
    int lostByUser = 0;
    for (const TraceRecord& r : ctl.sim().trace())
        if (r.kind == EventKind::Drop && r.reason == Reason::LostByUser) {
            ++lostByUser;
            EXPECT_TRUE(r.seg.id == 1u || r.seg.id == firstFromB) << r.seg.id;
        }
    EXPECT_EQ(lostByUser, 2);
    EXPECT_FALSE(ctl.sim().isDropNextArmed(Side::B));
    // Stepping back past the drop takes it away again.
    ctl.seek(1);
    EXPECT_EQ(lastOf(ctl.sim(), EventKind::Drop), nullptr);
}

// lost-last-ack: A's TIME_WAIT starts at 0.300 s and is restarted at 1.300 s by B's resent FIN;
// the bracket names it at 0.300 s, marks the restart at 1.300 s and writes "expired" at its end.
TEST(Classroom, TimerLabelsStandWhereTheTimerStartsRestartsAndEnds) {
    SimController ctl;
    SequenceScene scene(&ctl);
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ctl.seek(1'000'000);
    TimerBracketItem* timeWait = nullptr;
    for (TimerBracketItem* t : timers(scene))
        if (t->name() == QStringLiteral("TIME_WAIT"))
            timeWait = t;
    ASSERT_NE(timeWait, nullptr);
    EXPECT_EQ(timeWait->startTime, 300 * kMs);
    ASSERT_EQ(timeWait->restarts.size(), 1);
    EXPECT_EQ(timeWait->restarts[0].at, 1300 * kMs);
    EXPECT_TRUE(timeWait->expired);
    EXPECT_EQ(timeWait->endTime, 1300 * kMs + ctl.sim().params().timeWait);
    // The marks: the restart where it happened, then "expired" at the end, in that order.
    const auto& marks = timeWait->marks();
    ASSERT_EQ(marks.size(), 2);
    EXPECT_TRUE(marks[0].text.startsWith(QStringLiteral("restart: "))) << marks[0].text.toStdString();
    EXPECT_EQ(marks[1].text, QStringLiteral("expired"));
    EXPECT_LT(marks[0].y, marks[1].y);
    // Nothing says how it ended at the place it started: the start's text is its name and length.
    const QFontMetricsF fm(scene.theme().font);
    EXPECT_LT(timeWait->labelBottom() - fm.height() * 3, marks[0].textY);
    for (const auto& m : marks)
        EXPECT_GT(m.y, timeWait->top() + 1) << m.text.toStdString();
}

// Every edge label, of Figure 5, of the self-loops and of the resets and aborts a run takes, lies
// off every box and off every other label, for every built-in scenario in both themes: at the end
// of each run, and at every step of the two runs that open (full-lifecycle passes the opening
// part; old-duplicate's server listens again while A is in TIME_WAIT, so the closing part with
// LISTEN).
namespace {
void expectLabelsClear(StateGraphScene& graph, const std::string& what, int& extras, int& loops) {
    std::vector<QRectF> boxes, labels;
    std::vector<QString> texts;
    extras = loops = 0;
    for (QGraphicsItem* item : graph.items())
        if (item->type() == StateNodeItem::Type && item->isVisible())
            boxes.push_back(static_cast<StateNodeItem*>(item)->box().translated(item->pos()));
    for (const StateEdgeItem* e : graph.edges()) {
        if (e->isExtra() && e->taken().isEmpty())
            continue;  // not drawn
        labels.push_back(e->labelRect());
        texts.push_back(QString::fromUtf8(e->row()->id.data(), static_cast<int>(e->row()->id.size())));
        extras += e->isExtra();
        loops += e->row()->isSelfLoop();
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (const QRectF& b : boxes)
            EXPECT_FALSE(labels[i].intersects(b)) << what << ": " << texts[i].toStdString() << "'s label at " << labels[i].x()
                                                  << "," << labels[i].y();
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(labels[i].intersects(labels[j]))
                << what << ": the labels of " << texts[i].toStdString() << " and " << texts[j].toStdString();
    }
}
}  // namespace

TEST(Classroom, StateGraphLabelsTouchNoBoxAndNoOtherLabelInAnyBuiltin) {
    struct English {  // whatever fails, the next test finds the language it expects
        ~English() { installLanguage(QStringLiteral("en")); }
    } english;
    // In both languages: the hand-placed labels are laid out for the widths of either.
    for (const char* lang : {"en", "zh_CN"})
    for (auto name : builtinScenarioNames())
        for (const Theme& theme : {Theme::light(), Theme::projector()}) {
            installLanguage(QString::fromLatin1(lang));
            const std::string what = std::string(name) + (theme.kind == Theme::Kind::Projector ? " projector " : " light ") + lang;
            SimController ctl;
            StateGraphScene graph(&ctl);
            graph.setTheme(theme);
            ctl.loadScenario(*builtinScenario(name));
            int extras = 0, loops = 0;
            const std::string_view n(name);
            if (n == "full-lifecycle" || n == "old-duplicate") {
                std::set<FigurePart> seen;
                finwave::testing::forEveryStep(ctl, [&](std::uint64_t step) {
                    seen.insert(graph.part());
                    expectLabelsClear(graph, what + " step " + std::to_string(step), extras, loops);
                });
                EXPECT_TRUE(seen.count(n == "full-lifecycle" ? FigurePart::Opening : FigurePart::ClosingWithListen)) << what;
            }
            if (n == "old-duplicate") {
                // And the whole figure (View > Whole state diagram), which no built-in needs on
                // its own any more, with LISTEN, TIME_WAIT and the closing states all drawn.
                graph.setWholeFigure(true);
                finwave::testing::forEveryStep(ctl, [&](std::uint64_t step) {
                    ASSERT_EQ(graph.part(), FigurePart::Whole);
                    expectLabelsClear(graph, what + " whole figure, step " + std::to_string(step), extras, loops);
                });
                graph.setWholeFigure(false);
            }
            ctl.seek(1'000'000);
            expectLabelsClear(graph, what, extras, loops);
            // The labels checked are the language's own ("rcv FIN / snd ACK" is "收 FIN / 发 ACK").
            bool translated = false;
            for (const StateEdgeItem* e : graph.edges())
                translated = translated || QString(e->label()).replace(QLatin1Char('\n'), QLatin1Char(' ')) !=
                                               QString::fromUtf8(e->row()->label.data(), static_cast<int>(e->row()->label.size()))
                                                   .replace(QLatin1Char('\n'), QLatin1Char(' '));
            EXPECT_EQ(translated, std::string_view(lang) == "zh_CN") << what;
            EXPECT_GE(loops, 3) << name;
            if (n == "linger-abort" || n == "unread-data-rst") {
                EXPECT_GE(extras, 2) << name << ": the abort and the reset are drawn";
            }
        }
}

// The send window is in the inspector: A's congestion window starts at ten segments (RFC 6928 as
// Linux and RFC 5681's initial window for this MSS), B's advertised window is its free buffer.
TEST(Classroom, TheInspectorShowsEachSidesSendWindow) {
    SimController ctl;
    Inspector inspector(&ctl);
    ctl.loadScenario(*builtinScenario("normal-close"));
    const TcbView a = ctl.sim().tcb(Side::A);
    ASSERT_GT(a.cwnd, 0u);
    const QString text = inspector.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Congestion window"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::number(a.cwnd))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("SND.WND")));
    EXPECT_TRUE(text.contains(QString::number(ctl.sim().tcb(Side::B).rcvWnd)));
}

// Scrolled down a run, the view still says what each end is in and what its timers are doing:
// the name of the state band and the labels of the timer brackets that reach below the pinned
// A/B heads are written just under them, stacked, not cut by them; scrolled back to the top, each
// stands where its state or timer began. (lost-last-ack's end: A's TIME_WAIT band and bracket
// run from 0.3 s to the end.)
TEST(Classroom, AScrolledViewKeepsTheStateAndTimerLabelsUnderThePinnedHeads) {
    SimController ctl;
    SequenceView view(&ctl);
    view.setTheme(Theme::projector());
    view.resize(720, 360);  // a short pane, so the end can scroll well past the restart
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ctl.seek(1'000'000);
    TimerBracketItem* timeWait = nullptr;
    for (TimerBracketItem* t : timers(*view.diagram()))
        if (t->name() == QStringLiteral("TIME_WAIT"))
            timeWait = t;
    ASSERT_NE(timeWait, nullptr);
    ASSERT_EQ(timeWait->marks().size(), 2);  // restarted at 1.3 s, expired at the end
    const double line = QFontMetricsF(view.theme().font).height();
    const double restart = timeWait->marks().front().textY;
    // Scrolled down until the pinned heads have passed the restart mark.
    QScrollBar* bar = view.verticalScrollBar();
    const auto pinLine = [&view] { return view.mapToScene(QPoint(0, 0)).y() + (kHeadsBottom - kTitleBottom); };
    while (pinLine() < restart + line && bar->value() < bar->maximum())
        bar->setValue(bar->value() + 5);
    const double pin = pinLine();
    ASSERT_GE(pin, restart + line);
    StateBandItem* band = nullptr;
    for (QGraphicsItem* item : view.scene()->items())
        if (item->type() == StateBandItem::Type) {
            auto* b = static_cast<StateBandItem*>(item);
            if (b->name() == QStringLiteral("TIME_WAIT") && b->top() < pin && b->bottom() > pin)
                band = b;
        }
    ASSERT_NE(band, nullptr);
    EXPECT_GT(band->shownNameY(), band->nameY());
    EXPECT_GE(band->shownNameY() - band->nameHeight() / 2, pin);
    // The bracket's label under the band's name, and above the mark of its end.
    ASSERT_LT(timeWait->top(), pin);
    EXPECT_GT(timeWait->shownLabelTop(), timeWait->labelTop());
    EXPECT_GE(timeWait->shownLabelTop(), band->shownNameY() + band->nameHeight() / 2);
    EXPECT_LE(timeWait->shownLabelTop() + timeWait->labelHeight(), timeWait->marks().back().textY - line / 2 + 0.01);
    // The pinned bracket is drawn over the band (whose fill would wash it out), not under it.
    EXPECT_GT(timeWait->zValue(), band->zValue());
    // Back at the top: where they began.
    bar->setValue(0);
    EXPECT_EQ(band->shownNameY(), band->nameY());
    EXPECT_EQ(timeWait->shownLabelTop(), timeWait->labelTop());
}
