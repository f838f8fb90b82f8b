// Quiz mode: every question's right answer is what the engine then does, the wrong ones
// differ from it and from each other, and asking leaves the simulator exactly where it was.
#include "core/scenario/builtin_scenarios.h"
#include "core/teaching/quiz.h"
#include "core/teaching/quiz_score.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/simulator.h"
#include "core/protocol/transitions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace finwave {
namespace {

bool sameRecord(const TraceRecord& a, const TraceRecord& b) {
    return a.t == b.t && a.deadline == b.deadline && a.sentAt == b.sentAt && a.arrivesAt == b.arrivesAt &&
           a.seg.id == b.seg.id && a.seg.seq == b.seg.seq && a.seg.ack == b.seg.ack && a.seg.len == b.seg.len &&
           a.seg.flags == b.seg.flags && a.seg.transmission == b.seg.transmission && a.step == b.step &&
           a.bytes == b.bytes && a.reason == b.reason && a.kind == b.kind && a.side == b.side &&
           a.stateA == b.stateA && a.stateB == b.stateB && a.from == b.from && a.to == b.to && a.timer == b.timer;
}

// Everything a view can read of a simulator, as a string, so two moments can be compared.
std::string snapshot(const Simulator& sim) {
    std::string out = std::to_string(sim.stepIndex()) + "@" + std::to_string(sim.now()) + " next " +
                      std::to_string(sim.nextEventTime().value_or(-1)) + " trace " + std::to_string(sim.trace().size());
    for (Side s : {Side::A, Side::B}) {
        const TcbView v = sim.tcb(s);
        out += " | " + std::string(stateName(v.state)) + " " + std::to_string(v.sndUna) + " " + std::to_string(v.sndNxt) +
               " " + std::to_string(v.rcvNxt) + " rto " + std::to_string(v.rto) + " q " +
               std::to_string(v.retransmissionQueue.size());
        for (const TimerView& t : v.timers)
            out += " " + std::string(timerName(t.kind)) + "@" + std::to_string(t.deadline);
    }
    for (const InFlight& f : sim.inFlight())
        out += " f" + std::to_string(f.seg.id) + (f.lost ? "L" + std::to_string(f.lostAt) : "") + ">" + std::to_string(f.arrivesAt);
    // What the user did to the run (record and replay): asking must neither add nor take away.
    out += " live " + std::to_string(sim.hasLiveInteractions()) + "\n" + writeScenario(sim.recordedRun());
    return out;
}

QuizSettings everything() { return QuizSettings{}; }

// How many fields a segment choice shows differently from another (flags, seq, ack, len).
int fieldsApart(const QuizChoice& a, const QuizChoice& b) {
    return (a.flags != b.flags) + (a.seq != b.seq) + (a.ack != b.ack && (a.flags & flag::Ack) && (b.flags & flag::Ack)) +
           (a.len != b.len);
}

// Checks one question against the records the next step then writes. Returns the kind.
void checkAgainstStep(const Simulator& sim, const QuizQuestion& q, std::size_t firstRecord, Micros nowBefore,
                      const std::string& where) {
    const auto& all = sim.trace().records();
    const std::span<const TraceRecord> rec(all.begin() + static_cast<std::ptrdiff_t>(firstRecord), all.end());
    ASSERT_FALSE(rec.empty()) << where;
    const QuizChoice& right = q.choices[static_cast<std::size_t>(q.right)];
    switch (q.kind) {
    case QuizKind::State: {
        const TraceRecord* st = nullptr;
        for (const TraceRecord& r : rec)
            if (r.kind == EventKind::State && !st)
                st = &r;
        ASSERT_NE(st, nullptr) << where;
        EXPECT_EQ(st->side, q.side) << where;
        EXPECT_EQ(st->from, q.from) << where;
        EXPECT_EQ(st->to, right.state) << where;
        for (const QuizChoice& c : q.choices)
            if (!(c == right)) {
                EXPECT_NE(c.state, st->to) << where;
            }
        {  // the states the table allows from here, and at most one trap
            const std::vector<TcpState> allowed = reachableFrom(q.from);
            int traps = 0;
            for (const QuizChoice& c : q.choices)
                traps += std::find(allowed.begin(), allowed.end(), c.state) == allowed.end();
            EXPECT_LE(traps, 1) << where;
        }
        break;
    }
    case QuizKind::Segment: {
        bool found = false;
        for (const TraceRecord& r : rec)
            if (r.kind == EventKind::Send && r.side == q.side && !found) {
                found = true;
                EXPECT_EQ(r.seg.flags, right.flags) << where;
                EXPECT_EQ(sim.relativeSeq(r.seg), right.seq) << where;
                EXPECT_EQ(sim.relativeAck(r.seg), right.ack) << where;
                EXPECT_EQ(r.seg.len, right.len) << where;
            }
        EXPECT_TRUE(found) << where;
        for (const QuizChoice& c : q.choices)
            if (!(c == right)) {
                EXPECT_EQ(fieldsApart(c, right), 1) << where << ": a wrong segment differs in one field";
            }
        break;
    }
    case QuizKind::Timer:
        EXPECT_EQ(rec.front().kind, EventKind::TimerFire) << where;
        EXPECT_EQ(rec.front().side, right.side) << where;
        EXPECT_EQ(rec.front().timer, right.timer) << where;
        EXPECT_EQ(rec.front().t - nowBefore, right.after) << where;
        break;
    case QuizKind::Call: {
        // The step's first return worth asking is the call asked, and returns the right answer.
        const TraceRecord* ret = nullptr;
        for (const TraceRecord& r : rec)
            if (r.kind == EventKind::Return && r.call == q.call && r.side == q.side && !ret &&
                (r.error != SocketError::None || returnValue(r) == 0))  // an error, or the end of the stream
                ret = &r;
        ASSERT_NE(ret, nullptr) << where;
        EXPECT_EQ(ret->error, right.error) << where;
        EXPECT_EQ(returnValue(*ret), right.value) << where;
        break;
    }
    case QuizKind::Arrival: {
        EXPECT_EQ(rec.front().kind, EventKind::Arrive) << where;
        EXPECT_EQ(rec.front().side, q.side) << where;
        bool rst = false, ack = false;
        for (const TraceRecord& r : rec)
            if (r.kind == EventKind::Send && r.side == q.side) {
                rst = rst || r.seg.has(flag::Rst);
                ack = ack || r.seg.has(flag::Ack);
            }
        if (right.outcome == ArrivalOutcome::Reset) {
            EXPECT_TRUE(rst) << where;
        } else if (right.outcome == ArrivalOutcome::Acked) {
            EXPECT_TRUE(ack && !rst) << where;
        } else {
            EXPECT_FALSE(ack || rst) << where << ": accepted or ignored sends nothing back";
        }
        break;
    }
    }
}

void checkShape(const QuizQuestion& q, const std::string& where) {
    ASSERT_GE(q.choices.size(), 2u) << where;
    ASSERT_LE(q.choices.size(), 4u) << where;
    ASSERT_GE(q.right, 0) << where;
    ASSERT_LT(q.right, static_cast<int>(q.choices.size())) << where;
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        for (std::size_t j = i + 1; j < q.choices.size(); ++j)
            EXPECT_FALSE(q.choices[i] == q.choices[j]) << where << ": choices " << i << " and " << j << " are the same";
    EXPECT_FALSE(q.hintRemoves.empty()) << where;
    EXPECT_LT(q.hintRemoves.size(), q.choices.size()) << where;
    for (int i : q.hintRemoves)
        EXPECT_NE(i, q.right) << where << ": the hint never strikes out the right answer";
    EXPECT_FALSE(q.section.empty()) << where;
}

// Walks a run asking every question; returns how many of each kind were asked.
std::map<QuizKind, int> walk(Simulator& sim, const std::string& name) {
    std::map<QuizKind, int> kinds;
    for (int guard = 0; guard < 5000 && !sim.isFinished(); ++guard) {
        const std::string before = snapshot(sim);
        const auto q = nextQuestion(sim, everything());
        EXPECT_EQ(snapshot(sim), before) << name << " step " << sim.stepIndex() << ": asking moved the simulator";
        const std::size_t first = sim.trace().size();
        const Micros now = sim.now();
        if (!sim.step())
            break;
        if (!q)
            continue;
        const std::string where = name + " step " + std::to_string(q->step) + " " + std::string(quizKindName(q->kind));
        EXPECT_EQ(q->step, sim.stepIndex()) << where;
        EXPECT_EQ(q->askedAt, now) << where;
        checkShape(*q, where);
        checkAgainstStep(sim, *q, first, now, where);
        ++kinds[q->kind];
    }
    return kinds;
}

TEST(Quiz, EveryQuestionOfEveryBuiltinIsAnsweredByWhatTheEngineThenDoes) {
    std::map<QuizKind, int> total;
    for (std::string_view name : builtinScenarioNames())
        for (Profile p : {Profile::Rfc, Profile::Linux}) {
            Scenario s = *builtinScenario(name);
            applyProfile(s, p);
            Simulator sim(s);
            const auto kinds = walk(sim, std::string(name) + "/" + std::string(profileName(p)));
            int asked = 0;
            for (const auto& [k, n] : kinds) {
                total[k] += n;
                asked += n;
            }
            EXPECT_GT(asked, 0) << name << " asks nothing";
        }
    for (QuizKind k : allQuizKinds())
        EXPECT_GT(total[k], 0) << quizKindName(k) << " is never asked";
}

TEST(Quiz, QuestionsUnderRandomLossAreStillRight) {
    for (std::string_view name : {"normal-close", "simultaneous-close", "half-close", "full-lifecycle"})
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            Scenario s = *builtinScenario(name);
            s.ab.loss = s.ba.loss = 0.3;
            s.seed = seed;
            Simulator sim(s);
            const std::string where = std::string(name) + " seed " + std::to_string(seed);
            int asked = 0;
            for (const auto& [kind, n] : walk(sim, where))
                asked += n;
            EXPECT_GT(asked, 0) << where << ": no question was asked, so none was checked";
        }
}

TEST(Quiz, AskingAtEveryStepGivesTheSameRunAsNotAsking) {
    Scenario s = *builtinScenario("full-lifecycle");
    s.ab.loss = s.ba.loss = 0.25;  // the RNG is drawn from: asking must not draw it
    s.seed = 7;
    Simulator asked(s), plain(s);
    ChannelParams lossy = s.ab;
    lossy.loss = 0.5;
    for (int i = 0; i < 4000 && !plain.isFinished(); ++i) {
        if (i == 5) {  // the student's own change mid-run is kept by asking too
            asked.setChannel(Direction::AtoB, lossy);
            plain.setChannel(Direction::AtoB, lossy);
        }
        (void)nextQuestion(asked, everything());
        ASSERT_EQ(snapshot(asked), snapshot(plain)) << "step " << i;
        asked.step();
        plain.step();
    }
    ASSERT_EQ(asked.trace().size(), plain.trace().size());
    for (std::size_t i = 0; i < plain.trace().size(); ++i)
        ASSERT_TRUE(sameRecord(asked.trace()[i], plain.trace()[i])) << "record " << i;
}

TEST(Quiz, AskingAfterADropInFlightKeepsTheDrop) {
    Simulator asked(*builtinScenario("normal-close")), plain(*builtinScenario("normal-close"));
    for (Simulator* s : {&asked, &plain}) {
        s->seek(1);  // A's FIN in flight
        ASSERT_FALSE(s->inFlight().empty());
        ASSERT_TRUE(s->dropInFlight(s->inFlight().front().seg.id));
    }
    while (!plain.isFinished()) {
        (void)nextQuestion(asked, everything());
        ASSERT_EQ(snapshot(asked), snapshot(plain));
        asked.step();
        plain.step();
    }
}

TEST(Quiz, SettingsChooseTheKindsAndTheSteps) {
    QuizSettings timersOnly;
    timersOnly.kinds = {QuizKind::Timer};
    QuizSettings atSteps;
    atSteps.steps = {2, 5};
    Simulator a(*builtinScenario("lost-fin")), b(*builtinScenario("lost-fin"));
    int timers = 0;
    std::set<std::uint64_t> asked;
    while (!a.isFinished()) {
        if (const auto q = nextQuestion(a, timersOnly)) {
            EXPECT_EQ(q->kind, QuizKind::Timer);
            ++timers;
        }
        if (const auto q = nextQuestion(b, atSteps))
            asked.insert(q->step);
        a.step();
        b.step();
    }
    EXPECT_GT(timers, 0);
    for (std::uint64_t step : asked)
        EXPECT_TRUE(step == 2 || step == 5) << step;
}

TEST(Quiz, FinAndAckTogetherOffersFinWait2AsTheTrap) {
    Simulator sim(*builtinScenario("piggyback-close"));
    bool seen = false;
    while (!sim.isFinished() && !seen) {
        if (const auto q = nextQuestion(sim, everything()); q && q->kind == QuizKind::State &&
                                                             q->from == TcpState::FinWait1 &&
                                                             q->choices[static_cast<std::size_t>(q->right)].state == TcpState::TimeWait) {
            seen = true;
            bool trap = false;
            for (const QuizChoice& c : q->choices)
                trap = trap || c.state == TcpState::FinWait2;
            EXPECT_TRUE(trap);
            EXPECT_EQ(q->rowId, "F1d");
            // The hint leaves the right answer and the trap.
            for (int i : q->hintRemoves)
                EXPECT_NE(q->choices[static_cast<std::size_t>(i)].state, TcpState::FinWait2);
        }
        sim.step();
    }
    EXPECT_TRUE(seen);
}

TEST(QuizScore, RightIsOnePointAHintCostsHalfAndAWrongAnswerBreaksTheStreak) {
    QuizScore s;
    s.record({1, QuizKind::State, 0, 0, false});   // right: 1
    s.record({2, QuizKind::Segment, 1, 1, true});  // right with a hint: 0.5
    s.record({3, QuizKind::Timer, 2, 0, false});   // wrong
    s.record({4, QuizKind::Arrival, 3, 3, false}); // right
    s.record({5, QuizKind::State, 0, 1, true});    // wrong with a hint: 0
    EXPECT_EQ(s.right(), 3);
    EXPECT_EQ(s.wrong(), 2);
    EXPECT_EQ(s.hints(), 2);
    EXPECT_EQ(s.halfPoints(), 5);
    EXPECT_DOUBLE_EQ(s.points(), 2.5);
    EXPECT_EQ(s.streak(), 0);
    EXPECT_EQ(s.bestStreak(), 2);
    ASSERT_EQ(s.missed().size(), 2u);
    EXPECT_EQ(s.missed()[0].step, 3u);
    EXPECT_EQ(s.missed()[1].step, 5u);
    s.record({3, QuizKind::Timer, 0, 0, false});  // asked again after a step back: the first answer counts
    EXPECT_EQ(s.right(), 3);
    EXPECT_EQ(s.asked(), 5);
    s.clear();
    EXPECT_EQ(s.asked(), 0);
    EXPECT_EQ(s.halfPoints(), 0);
}

}  // namespace
}  // namespace finwave

namespace {
using namespace finwave;
// Every question a run asks, in order.
std::vector<QuizQuestion> questionsOf(const char* name) {
    Simulator sim(*builtinScenario(name));
    std::vector<QuizQuestion> out;
    for (int guard = 0; guard < 1000 && !sim.isFinished(); ++guard) {
        if (auto q = nextQuestion(sim, QuizSettings{}))
            out.push_back(*q);
        sim.step();
    }
    return out;
}
}  // namespace

// The right answer's place was a fixed function of the step (step 1: choice 2, step 2: choice 3,
// ...), the same in every attempt. Shuffled by the attempt's seed it moves between attempts, the
// same seed gives the same order, and the right answer and the hint's strikes follow their choices.
TEST(Quiz, ChoicesAreShuffledPerAttemptAndTheSameSeedRepeatsTheOrder) {
    for (const char* name : {"normal-close", "lost-last-ack", "simultaneous-close"}) {
        const std::vector<QuizQuestion> plain = questionsOf(name);
        ASSERT_GE(plain.size(), 3u) << name;
        std::set<std::vector<int>> rightPlaces;
        for (std::uint64_t seed : {1ull, 2ull, 3ull, 4ull, 5ull, 6ull}) {
            std::vector<int> places;
            for (const QuizQuestion& p : plain) {
                QuizQuestion q = p, again = p;
                shuffleChoices(q, seed);
                shuffleChoices(again, seed);
                EXPECT_EQ(q.choices, again.choices) << name << " step " << p.step;
                ASSERT_EQ(q.choices.size(), p.choices.size());
                EXPECT_EQ(q.choices[static_cast<std::size_t>(q.right)], p.choices[static_cast<std::size_t>(p.right)]);
                ASSERT_EQ(q.hintRemoves.size(), p.hintRemoves.size());
                for (std::size_t h = 0; h < q.hintRemoves.size(); ++h)
                    EXPECT_EQ(q.choices[static_cast<std::size_t>(q.hintRemoves[h])],
                              p.choices[static_cast<std::size_t>(p.hintRemoves[h])]);
                places.push_back(q.right);
            }
            rightPlaces.insert(places);
        }
        EXPECT_GE(rightPlaces.size(), 4u) << name << ": the right answers' places hardly change between attempts";
    }
}

// Each question names the event that comes next, so it asks what follows from it: in a simultaneous
// close "B is in ESTABLISHED. Which state does B enter next?" had two readings with A's FIN in flight
// (CLOSE_WAIT by reasoning; FIN_WAIT_1 by the script). Now it says B's application calls close().
TEST(Quiz, EachQuestionNamesTheEventThatComesNext) {
    bool sawCloseByB = false;
    for (const auto& q : questionsOf("simultaneous-close")) {
        if (q.kind == QuizKind::State && q.side == Side::B && q.from == TcpState::Established) {
            EXPECT_EQ(q.cause.kind, QuizCause::Kind::Call);
            EXPECT_EQ(q.cause.call, SocketCall::Close);
            EXPECT_EQ(q.cause.side, Side::B);
            sawCloseByB = true;
        }
    }
    EXPECT_TRUE(sawCloseByB);
    for (std::string_view name : builtinScenarioNames()) {
        for (const auto& q : questionsOf(std::string(name).c_str())) {
            if (q.kind == QuizKind::Timer || q.kind == QuizKind::Arrival)
                EXPECT_EQ(q.cause.kind, QuizCause::Kind::None) << name << " step " << q.step;
            else
                EXPECT_NE(q.cause.kind, QuizCause::Kind::None) << name << " step " << q.step << " kind " << static_cast<int>(q.kind);
        }
    }
}
