// No text of the sequence diagram lies on another, and no label on a cross: at every step of
// every built-in, in both themes and both languages, as a teacher steps through it. Each text is
// where the scene placed it (SequenceScene::placedTexts()): segment labels, crosses of lost
// segments, state names, timer names, lengths, countdowns and marks, call returns, row texts,
// break labels and the cursor's time.
#include "app/text/language.h"
#include "app/views/sequence/call_mark.h"
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/theme.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"

#include <QCoreApplication>
#include <QGraphicsSceneHelpEvent>
#include <QToolTip>

#include <gtest/gtest.h>

#include <string>

using namespace finwave;
using namespace finwave::app;

namespace {

// The first pair of texts that meet (by more than half a pixel each way), in words.
std::string firstOverlap(const SequenceScene& scene) {
    const auto texts = scene.placedTexts();
    // Nothing over the title, the subtitle or the A and B heads (a label above a first arrow was).
    for (const auto& t : texts)
        if (!t.pinned && t.rect.top() < kHeadsBottom)
            return t.what.toStdString() + " meets the title or the heads";
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            if (texts[i].rect.adjusted(0.5, 0.5, -0.5, -0.5).intersects(texts[j].rect.adjusted(0.5, 0.5, -0.5, -0.5)))
                return texts[i].what.toStdString() + " meets " + texts[j].what.toStdString();
    return {};
}

class RestoreLanguage {
public:
    RestoreLanguage() : m_was(currentLanguage()) {}
    ~RestoreLanguage() { installLanguage(m_was); }

private:
    QString m_was;
};

}  // namespace

TEST(SequenceOverlap, NoTwoTextsMeetAtAnyStepOfAnyBuiltIn) {
    RestoreLanguage restore;
    int checked = 0;
    for (const char* language : {"en", "zh_CN"}) {
        installLanguage(QString::fromLatin1(language));
        for (const Theme& theme : {Theme::light(), Theme::projector(), Theme::highContrast()})
            for (std::string_view name : builtinScenarioNames()) {
                SimController ctl;
                ctl.loadScenario(*builtinScenario(name));
                SequenceScene scene(&ctl);
                scene.setTheme(theme);
                for (quint64 step = 0; step < 400 && !ctl.sim().isFinished(); ++step) {
                    ctl.seek(step);
                    const std::string overlap = firstOverlap(scene);
                    ++checked;
                    ASSERT_EQ(overlap, std::string()) << name << " step " << step << " " << language << " "
                                                      << Theme::name(theme.kind).toStdString();
                }
                // Opened at its end at once (as an export or --steps does): laid out in one pass.
                SimController atEnd;
                atEnd.loadScenario(*builtinScenario(name));
                SequenceScene whole(&atEnd);
                whole.setTheme(theme);
                atEnd.seek(1'000'000);
                ASSERT_EQ(firstOverlap(whole), std::string()) << name << " at its end " << language;
            }
    }
    EXPECT_GT(checked, 500);
}

// Scrolled, the view pins the heads and, under them, the names of the states and the labels of
// the timers that reach below: at every scroll position of every built-in's end, in both themes,
// no pinned label lies on another text, and no text is seen cut in half by the heads (the strip
// under them hides what it would cut).
TEST(SequenceOverlap, NoTwoTextsMeetUnderThePinnedHeadsAtAnyScroll) {
    int checked = 0;
    for (const Theme& theme : {Theme::light(), Theme::projector(), Theme::highContrast()})
        for (std::string_view name : builtinScenarioNames()) {
            SimController ctl;
            ctl.loadScenario(*builtinScenario(name));
            SequenceScene scene(&ctl);
            scene.setTheme(theme);
            ctl.seek(1'000'000);
            const double bottom = scene.contentRect().bottom();
            for (double pin = kHeadsBottom + 10; pin < bottom; pin += 7) {
                scene.setPinLine(pin);
                ++checked;
                const std::string overlap = firstOverlap(scene);
                ASSERT_EQ(overlap, std::string()) << name << " pinned at " << pin << " "
                                                  << Theme::name(theme.kind).toStdString();
                for (const auto& t : scene.placedTexts()) {
                    if (!t.pinned && t.what != QLatin1String("cursor time")) {
                        ASSERT_FALSE(t.rect.top() < pin && t.rect.bottom() > pin + 0.5)
                            << t.what.toStdString() << " cut by the heads in " << name << " at " << pin;
                        // Nor cut by the strip under them: it hides a text whole or not at all.
                        for (const QRectF& strip : scene.pinStrip())
                            ASSERT_FALSE(strip.intersects(t.rect))
                                << t.what.toStdString() << " half under the strip in " << name << " at " << pin;
                    }
                }
            }
        }
    EXPECT_GT(checked, 500);
}

// M3: a short state (simultaneous-close's CLOSING, 0.050 to 0.100 s) had its name pushed below its
// band, into the next one, by the texts above it: it read as "CLOSING begins at 0.100 s". Every
// band tall enough for its name has the name inside it, at every step of every built-in.
TEST(SequenceOverlap, EveryStateNameStandsInItsOwnBand) {
    int checked = 0;
    for (const Theme& theme : {Theme::light(), Theme::projector(), Theme::highContrast()})
        for (std::string_view name : builtinScenarioNames()) {
            SimController ctl;
            ctl.loadScenario(*builtinScenario(name));
            SequenceScene scene(&ctl);
            scene.setTheme(theme);
            for (quint64 step = 0; step < 400 && !ctl.sim().isFinished(); ++step) {
                ctl.seek(step);
                for (const QGraphicsItem* item : scene.items()) {
                    const auto* band = qgraphicsitem_cast<const StateBandItem*>(item);
                    if (!band || band->isPinned() || band->endedAt < 0 || band->bottom() - band->top() < band->nameHeight())
                        continue;
                    ++checked;
                    const double y = band->nameRect().center().y();
                    EXPECT_TRUE(band->top() <= y && y <= band->bottom())
                        << name << " step " << step << ": " << band->name().toStdString() << " written at " << y
                        << ", its band " << band->top() << " to " << band->bottom();
                }
            }
        }
    EXPECT_GT(checked, 300);
}

// A dense run: MSS 1 and a 3000-byte send put hundreds of segments on the same rows. Past the
// few labels a row has room for, the others are left off (their arrow keeps its tooltip), so
// still no two texts meet, whether the run is stepped or sought; and a label once shown stays.
TEST(SequenceOverlap, NoTwoTextsMeetInADenseRunOfOneByteSegments) {
    Scenario s = *builtinScenario("normal-close");
    s.params.mss = 1;
    s.actions.clear();
    s.actions.push_back(action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 3000));
    for (const Theme& theme : {Theme::light(), Theme::projector()}) {
        SimController ctl;
        ctl.loadScenario(s);
        SequenceScene scene(&ctl);
        scene.setTheme(theme);
        for (quint64 step = 0; step < 300; ++step) {
            ctl.seek(step);
            const std::string overlap = firstOverlap(scene);
            ASSERT_EQ(overlap, "") << "stepped to " << step;
        }
        ctl.seek(2500);
        EXPECT_GT(scene.arrowCount(), 1000);
        EXPECT_EQ(firstOverlap(scene), "") << "sought to 2500";
        EXPECT_GT(scene.placedTexts().size(), 20u) << "labels are still written where there is room";
    }
}

// A long run's arrows and call returns are drawn by a few scene items, not one each: as one item
// each, the 50 000-segment run took 220 MB of items and index (issue 28).
TEST(SequenceOverlap, ADenseRunIsDrawnByAFewSceneItems) {
    Scenario s = *builtinScenario("normal-close");
    s.params.mss = 1;
    s.actions.clear();
    s.actions.push_back(action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 3000));
    SimController ctl;
    ctl.loadScenario(s);
    SequenceScene scene(&ctl);
    ctl.seek(1'000'000);
    const std::size_t parts = scene.arrows().size() + scene.calls(0).size() + scene.calls(1).size();
    ASSERT_GT(parts, 6000u);
    EXPECT_LT(static_cast<std::size_t>(scene.items().size()), parts / 32);
    // and a step back takes the emptied batches away
    ctl.seek(10);
    const std::size_t fewer = scene.arrows().size() + scene.calls(0).size() + scene.calls(1).size();
    EXPECT_LT(static_cast<std::size_t>(scene.items().size()), 40u) << fewer << " parts";
}

// A label left off is still there to read: an arrow's tooltip, written when asked for,
// names its segment and why it was sent.
TEST(SequenceOverlap, AnArrowsTooltipIsWrittenWhenAskedFor) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    SequenceScene scene(&ctl);
    ctl.seek(10);
    SegmentArrow* fin = scene.arrowOf(1);  // A's FIN, the first segment
    ASSERT_NE(fin, nullptr);
    const QString tip = scene.toolTipAt((fin->from() + fin->to()) / 2);
    EXPECT_TRUE(tip.contains(QStringLiteral("FIN, ACK seq=1 ack=1"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("<i>"))) << "and the reason it was sent";
    EXPECT_EQ(scene.toolTipAt(fin->from() + QPointF(0, -200)), QString()) << "and nothing off the arrow";
    // What a help event over it shows.
    QGraphicsSceneHelpEvent help(QEvent::GraphicsSceneHelp);
    help.setScenePos((fin->from() + fin->to()) / 2);
    help.setScreenPos(QPoint(10, 10));
    QCoreApplication::sendEvent(&scene, &help);
    EXPECT_TRUE(help.isAccepted());
    EXPECT_EQ(QToolTip::text(), tip);
}

TEST(SequenceOverlap, ACallsTooltipIsWrittenWhenAskedFor) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    SequenceScene scene(&ctl);
    ctl.seek(10);
    const CallMark* mark = nullptr;
    for (const CallMark* c : scene.calls(0))
        if (c->text().startsWith(QStringLiteral("close()")))
            mark = c;
    ASSERT_NE(mark, nullptr);
    const QString close = scene.toolTipAt(mark->boundingRect().center());
    EXPECT_TRUE(close.contains(QStringLiteral("close() = 0"))) << close.toStdString();
    EXPECT_TRUE(close.contains(QStringLiteral("<i>"))) << "and the rule";
}
