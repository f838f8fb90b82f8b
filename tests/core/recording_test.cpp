// Record and replay (scenario format version 2): what the user does to a run is kept at its step,
// saved, and replayed into the same trace.
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/simulator.h"
#include "core/sim/trace_format.h"

#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <sstream>

namespace finwave {
namespace {

std::string jsonl(const Simulator& sim) { return finwave::testing::traceJsonl(sim); }

Scenario reopen(const Scenario& s) {
    const ScenarioResult r = parseScenario(writeScenario(s), "run.json");
    EXPECT_TRUE(r) << r.error.oneLine();
    return r ? *r.scenario : Scenario{};
}

std::optional<InFlight> flying(const Simulator& sim, Side sender) { return finwave::testing::firstInFlight(sim, sender); }

// A run with every kind of interaction: a click drop (at a time mid-flight), a drop-next, two
// slider changes and a profile change.
void playWithIt(Simulator& sim) {
    sim.step();  // A sends data
    const auto first = flying(sim, Side::A);
    ASSERT_TRUE(first);
    ASSERT_TRUE(sim.dropInFlight(first->seg.id, first->sentAt + (first->arrivesAt - first->sentAt) / 3));
    sim.step();
    sim.step();
    sim.dropNext(Side::B);
    sim.step();
    ChannelParams ab = sim.channel(Direction::AtoB);
    ab.delay = 80 * kMs;
    ab.loss = 0.25;
    sim.setChannel(Direction::AtoB, ab);
    sim.step();
    sim.step();
    sim.setParams(withTimeWait(sim.params(), 7 * kSec));
    sim.step();
    sim.setParams(withProfile(sim.params(), Profile::Linux));
    sim.runToEnd();
}

TEST(Recording, ASavedRunReplaysIntoAByteIdenticalTrace) {
    Simulator live(*builtinScenario("half-close"));
    playWithIt(live);
    ASSERT_EQ(live.recording().size(), 5u);
    const std::string liveTrace = jsonl(live);

    Simulator replay(reopen(live.recordedRun()));
    replay.runToEnd();
    EXPECT_EQ(jsonl(replay), liveTrace);

    // The interactions matter: without them the run is another one.
    Simulator plain(*builtinScenario("half-close"));
    plain.runToEnd();
    EXPECT_NE(jsonl(plain), liveTrace);
}

TEST(Recording, TheFileKeepsEachInteractionAtItsStepByIdentity) {
    Simulator sim(*builtinScenario("half-close"));
    playWithIt(sim);
    const Scenario saved = reopen(sim.recordedRun());
    EXPECT_EQ(saved.version, 2);
    ASSERT_EQ(saved.recording.size(), 5u);
    EXPECT_EQ(saved.recording[0].kind, Interaction::Kind::DropSegment);
    EXPECT_EQ(saved.recording[0].step, 1u);
    EXPECT_EQ(saved.recording[0].dir, Direction::AtoB);
    EXPECT_EQ(saved.recording[0].ordinal, 1u);  // A's first segment
    EXPECT_EQ(saved.recording[1].kind, Interaction::Kind::DropNext);
    EXPECT_EQ(saved.recording[1].side, Side::B);
    EXPECT_EQ(saved.recording[2].kind, Interaction::Kind::Channel);
    EXPECT_EQ(saved.recording[2].channel.loss, 0.25);
    EXPECT_EQ(saved.recording[3].params.timeWait, 7 * kSec);
    EXPECT_EQ(saved.recording[4].params.profile, Profile::Linux);
    EXPECT_EQ(saved.recording, sim.recording());
}

TEST(Recording, ReplayingStepByStepAndSeekingBackGivesTheSameRun) {
    Simulator live(*builtinScenario("half-close"));
    playWithIt(live);
    Simulator replay(reopen(live.recordedRun()));
    replay.seek(live.stepIndex());
    replay.seek(3);  // back over the drops: the file's own interactions are not taken away
    replay.seek(1'000'000);
    EXPECT_EQ(jsonl(replay), jsonl(live));
    EXPECT_EQ(replay.recording(), live.recording());
    EXPECT_FALSE(replay.hasLiveInteractions());
}

TEST(Recording, AStepBackPastADropTakesItOutOfTheRecording) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.step();
    const auto fin = flying(sim, Side::A);
    ASSERT_TRUE(fin);
    ASSERT_TRUE(sim.dropInFlight(fin->seg.id));
    sim.step();
    ASSERT_EQ(sim.recording().size(), 1u);
    sim.stepBack();  // to step 1: the drop was made there, so it stays
    EXPECT_EQ(sim.recording().size(), 1u);
    sim.stepBack();  // to step 0: past it
    EXPECT_TRUE(sim.recording().empty());
    EXPECT_TRUE(reopen(sim.recordedRun()).recording.empty());
    sim.runToEnd();
    Simulator plain(*builtinScenario("normal-close"));
    plain.runToEnd();
    EXPECT_EQ(jsonl(sim), jsonl(plain));
}

TEST(Recording, AParameterSteppedBackPastHoldsFromTheStepReturnedTo) {
    Simulator sim(*builtinScenario("lost-fin"));
    sim.seek(4);
    sim.setParams(withTimeWait(sim.params(), 5 * kSec));
    sim.seek(2);
    ASSERT_EQ(sim.recording().size(), 1u);
    EXPECT_EQ(sim.recording()[0].step, 2u);  // the sliders still show it, so it holds from here
    EXPECT_EQ(sim.params().timeWait, 5 * kSec);
    sim.runToEnd();
    Simulator replay(reopen(sim.recordedRun()));
    replay.runToEnd();
    EXPECT_EQ(jsonl(replay), jsonl(sim));
}

TEST(Recording, MovingASliderInOneMomentKeepsOnlyItsLastValue) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.step();
    for (int ms = 51; ms <= 90; ++ms) {
        ChannelParams c = sim.channel(Direction::BtoA);
        c.delay = ms * kMs;
        sim.setChannel(Direction::BtoA, c);
    }
    ASSERT_EQ(sim.recording().size(), 1u);
    EXPECT_EQ(sim.recording()[0].channel.delay, 90 * kMs);
    sim.setChannel(Direction::BtoA, sim.channel(Direction::BtoA));  // no change, nothing recorded
    EXPECT_EQ(sim.recording().size(), 1u);
}

TEST(Recording, ResetKeepsTheLatestSettingsFromStepZeroAndDropsTheDrops) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.step();
    ASSERT_TRUE(sim.dropInFlight(flying(sim, Side::A)->seg.id));
    sim.setParams(withTimeWait(sim.params(), 9 * kSec));
    sim.resetKeepingSettings();
    ASSERT_EQ(sim.recording().size(), 1u);
    EXPECT_EQ(sim.recording()[0].step, 0u);
    EXPECT_EQ(sim.recording()[0].kind, Interaction::Kind::Params);
    EXPECT_EQ(sim.params().timeWait, 9 * kSec);
}

TEST(Recording, NotesOnStepsAreSavedAndReadBack) {
    Simulator sim(*builtinScenario("lost-last-ack"));
    sim.setAnnotation(5, "Watch B's FIN come back");
    sim.setAnnotation(2, "A closes first");
    sim.setAnnotation(7, "gone");
    sim.setAnnotation(7, "");
    const Scenario s = reopen(sim.recordedRun());
    ASSERT_EQ(s.annotations.size(), 2u);
    EXPECT_EQ(s.annotations[0], (Annotation{2, "A closes first"}));
    EXPECT_EQ(s.annotations[1], (Annotation{5, "Watch B's FIN come back"}));
    EXPECT_EQ(*sim.annotation(5), "Watch B's FIN come back");
    EXPECT_EQ(sim.annotation(7), nullptr);
}

TEST(Recording, AScenarioWithNothingRecordedIsWrittenAsVersionOne) {
    for (const std::string_view name : builtinScenarioNames()) {
        const Scenario s = *builtinScenario(name);
        const std::string text = writeScenario(s);
        EXPECT_NE(text.find("\"version\": 1"), std::string::npos) << name;
        const ScenarioResult r = parseScenario(text, name);
        ASSERT_TRUE(r) << r.error.oneLine();
        EXPECT_EQ(writeScenario(*r.scenario), text) << name;
    }
}

TEST(Recording, BadRecordingFieldsAreRefusedWithTheirField) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"version": 1, "recording": []})", "recording"},  // a version 2 field in a version 1 file
        {R"({"version": 2, "recording": [{"do": "drop", "dir": "A>B", "n": 1}]})", "recording[0].step"},
        {R"({"version": 2, "recording": [{"step": 1, "do": "pause"}]})", "recording[0].do"},
        {R"({"version": 2, "recording": [{"step": 1, "do": "drop", "dir": "A>B", "n": 0}]})", "recording[0].n"},
        {R"({"version": 2, "recording": [{"step": 1, "do": "drop", "n": 2}]})", "recording[0].dir"},
        {R"({"version": 2, "recording": [{"step": 1, "do": "drop-next", "side": "C"}]})", "recording[0].side"},
        {R"({"version": 2, "recording": [{"step": 1, "do": "params", "params": {"mss": 0}}]})",
         "recording[0].params.mss"},
        {R"({"version": 2, "recording": [{"step": 1, "do": "channel", "dir": "B>A", "channel": {"delay_ms": 5, "jitter_ms": 0, "loss": 2}}]})",
         "recording[0].channel.loss"},
        {R"({"version": 2, "notes": [{"step": 1, "text": 5}]})", "notes[0].text"},
        {R"({"version": 2, "notes": [{"text": "x"}]})", "notes[0].step"},
    };
    for (const auto& [text, field] : cases) {
        const ScenarioResult r = parseScenario(text, "bad.json");
        ASSERT_FALSE(r) << text;
        EXPECT_EQ(r.error.field, field) << text << " -> " << r.error.oneLine();
        EXPECT_GT(r.error.line, 0) << text;
    }
}

}  // namespace
}  // namespace finwave

namespace finwave {
namespace {

TEST(Recording, ADropNextArmedBeforeAResetDoesNotCarryOver) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.dropNext(Side::A);  // nothing in flight at step 0: armed
    ASSERT_TRUE(sim.isDropNextArmed(Side::A));
    sim.reset();
    EXPECT_FALSE(sim.isDropNextArmed(Side::A));
    EXPECT_TRUE(sim.recording().empty());
    sim.runToEnd();
    Simulator plain(*builtinScenario("normal-close"));
    plain.runToEnd();
    EXPECT_EQ(jsonl(sim), jsonl(plain));
}

TEST(Recording, DraggingASliderThatSetsBothDirectionsKeepsOneEntryEach) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.step();
    sim.step();
    ASSERT_TRUE(sim.dropInFlight(flying(sim, Side::B)->seg.id));  // a drop in between
    for (int ms = 1; ms <= 500; ++ms) {  // the jitter slider sets A>B, then B>A, per value
        for (Direction d : {Direction::AtoB, Direction::BtoA}) {
            ChannelParams c = sim.channel(d);
            c.jitter = ms * kMs;
            sim.setChannel(d, c);
        }
    }
    ASSERT_EQ(sim.recording().size(), 3u);
    EXPECT_EQ(sim.recording()[1].channel.jitter, 500 * kMs);
    EXPECT_EQ(sim.recording()[2].channel.jitter, 500 * kMs);
    sim.runToEnd();
    Simulator replay(reopen(sim.recordedRun()));
    replay.runToEnd();
    EXPECT_EQ(jsonl(replay), jsonl(sim));
}

TEST(Recording, InteractionsSharingAStepAndOnACheckpointReplayInOrder) {
    Scenario s = *builtinScenario("half-close");
    s.actions.insert(s.actions.begin(), AppAction{Side::A, AppAction::Kind::Send, AppAction::Trigger::AtTime, 0, 40'000, {}});
    Simulator live(s);
    live.seek(32);  // a checkpoint step
    ChannelParams c = live.channel(Direction::AtoB);
    c.loss = 0.3;
    live.setChannel(Direction::AtoB, c);
    live.dropNext(Side::A);
    live.setParams(withTimeWait(live.params(), 3 * kSec));
    live.step();
    live.dropNext(Side::B);
    live.runToEnd();
    ASSERT_GE(live.recording().size(), 4u);
    Simulator replay(reopen(live.recordedRun()));
    replay.seek(40);
    replay.seek(31);  // back across the checkpoint, then on again
    replay.runToEnd();
    EXPECT_EQ(jsonl(replay), jsonl(live));
}

TEST(Recording, PartialEntriesAreRefusedAndNotesOnOneStepAreOne) {
    const ScenarioResult partial = parseScenario(
        R"({"version": 2, "recording": [{"step": 1, "do": "channel", "dir": "A>B", "channel": {"loss": 0.2}}]})", "p.json");
    ASSERT_FALSE(partial);
    EXPECT_EQ(partial.error.field, "recording[0].channel.delay_ms");
    const ScenarioResult noParams = parseScenario(R"({"version": 2, "recording": [{"step": 1, "do": "params"}]})", "q.json");
    ASSERT_FALSE(noParams);
    EXPECT_EQ(noParams.error.field, "recording[0].params");
    // Some constants only: the others were silently put back to the profile's defaults.
    const ScenarioResult someParams =
        parseScenario(R"({"version": 2, "recording": [{"step": 1, "do": "params", "params": {"mss": 500}}]})", "s.json");
    ASSERT_FALSE(someParams);
    EXPECT_EQ(someParams.error.code, ScenarioErrorCode::MissingField);
    EXPECT_EQ(someParams.error.field, "recording[0].params.msl_ms");
    const ScenarioResult notes = parseScenario(
        R"({"version": 2, "notes": [{"step": 3, "text": "one"}, {"step": 1, "text": ""}, {"step": 3, "text": "two"}]})", "n.json");
    ASSERT_TRUE(notes) << notes.error.oneLine();
    ASSERT_EQ(notes.scenario->annotations.size(), 1u);
    EXPECT_EQ(notes.scenario->annotations[0].text, "one\ntwo");
}

}  // namespace
}  // namespace finwave
