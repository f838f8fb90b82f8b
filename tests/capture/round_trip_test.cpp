// Every built-in scenario exported as pcapng at each end and imported back: the same segments, and
// the same state sequences for both ends as the engine's run; a state change whose time differs
// from the engine's must be marked inferred.
#include "core/scenario/builtin_scenarios.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"
#include "core/capture/reconstruct.h"
#include "support/tshark_run.h"

#include "support/builtin_cases.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace finwave {
namespace {

using finwave::testing::allCases;
using finwave::testing::Case;
using finwave::testing::caseName;

struct Change {
    TcpState from, to;
    Micros t;  // microseconds since 1970
    bool inferred;
};

// LISTEN never shows on the wire (no segment is sent in it), so both lists leave it out; a run that
// starts ESTABLISHED leaves out the synthetic opening the capture adds.
bool comparable(TcpState from, TcpState to, bool startsEstablished) {
    if (from == TcpState::Listen || to == TcpState::Listen)
        return false;
    if (startsEstablished && (from == TcpState::Closed || from == TcpState::SynSent || from == TcpState::SynReceived))
        return false;
    return true;
}

class RoundTrip : public ::testing::TestWithParam<Case> {};

TEST_P(RoundTrip, importGivesBackTheSegmentsAndBothEndsStates) {
    const Case& c = GetParam();
    const Scenario scenario = *builtinScenario(c.scenario);
    Simulator sim(scenario);
    sim.runToEnd();
    capture::WriteOptions options;
    options.vantage = c.vantage;
    const auto packets = capture::capturedPackets(sim, c.vantage);
    const std::string path = testing::writeTemp("rt_" + caseName({c, 0}) + ".pcapng", capture::writeCapture(sim, options));

    const auto read = capture::readConnection(path, 1);
    ASSERT_TRUE(read.ok()) << read.error;
    ASSERT_EQ(read.segments.size(), packets.size());
    capture::ReconstructOptions ro;
    ro.rfc1337 = scenario.params.rfc1337;
    ro.timeWait = scenario.params.timeWait;
    const capture::Reconstruction run = capture::reconstruct(read.segments, ro);
    const Micros zero = run.zeroNs / 1000 - static_cast<Micros>(capture::kEpochSeconds) * kSec;
    // The import names A by the first FIN it sees (the rule); at B's end of a simultaneous
    // close that is B's. The engine's A is the host at kAddressA.
    const bool swapped = run.endpointA.address.bytes[3] != capture::kAddressA[3];
    const auto engineSide = [swapped](Side s) { return swapped ? peerOf(s) : s; };
    const auto engineDir = [swapped](Direction d) {
        return swapped ? (d == Direction::AtoB ? Direction::BtoA : Direction::AtoB) : d;
    };

    // Segments: the same numbers, flags, lengths and directions, in the file's order (a segment
    // the import added, which the far end must have sent and the capture does not hold, aside).
    // The run lists sends by their time, and a far end's send time is estimated, so the file's
    // order is taken from the segment ids, which number the packets as read.
    std::vector<Segment> imported;
    for (std::size_t i = 0; i < run.trace.size(); ++i)
        if (run.trace[i].kind == EventKind::Send && run.inferred[i] != capture::Inferred::NotCaptured)
            imported.push_back(run.trace[i].seg);
    std::sort(imported.begin(), imported.end(), [](const Segment& a, const Segment& b) { return a.id < b.id; });
    ASSERT_EQ(imported.size(), packets.size());
    for (std::size_t i = 0; i < packets.size(); ++i) {
        SCOPED_TRACE("packet " + std::to_string(i + 1));
        EXPECT_EQ(imported[i].seq, packets[i].seg.seq);
        EXPECT_EQ(imported[i].ack, packets[i].seg.ack);
        EXPECT_EQ(imported[i].flags, packets[i].seg.flags);
        EXPECT_EQ(imported[i].len, packets[i].seg.len);
        EXPECT_EQ(engineDir(imported[i].dir), packets[i].seg.dir);
    }

    const bool established = initialState(scenario.a) == TcpState::Established;
    for (Side side : {Side::A, Side::B}) {
        SCOPED_TRACE(std::string("endpoint ") + std::string(sideName(side)));
        // A capture that holds no FIN or RST of this end, and no RST to it, cannot show how it
        // closed (every FIN lost before reaching the vantage): the reconstruction must not invent it.
        bool visible = false;
        for (const auto& p : packets) {
            const bool mine = senderOf(p.seg.dir) == side;
            visible = visible || (!p.synthetic && ((mine && p.seg.has(flag::Fin)) || p.seg.has(flag::Rst)));
        }
        std::vector<Change> engine, rebuilt;
        for (const TraceRecord& r : sim.trace())
            if (r.kind == EventKind::State && r.side == side && comparable(r.from, r.to, established))
                engine.push_back({r.from, r.to, r.t, false});
        for (std::size_t i = 0; i < run.trace.size(); ++i) {
            const TraceRecord& r = run.trace[i];
            if (r.kind == EventKind::State && engineSide(r.side) == side && comparable(r.from, r.to, established))
                rebuilt.push_back({r.from, r.to, r.t + zero, run.inferred[i] != capture::Inferred::No});
        }
        if (!visible) {
            EXPECT_TRUE(rebuilt.empty()) << "a close this capture cannot show";
            continue;
        }
        ASSERT_EQ(rebuilt.size(), engine.size());
        for (std::size_t i = 0; i < engine.size(); ++i) {
            SCOPED_TRACE("change " + std::to_string(i + 1) + ": " + std::string(stateName(engine[i].from)) + " -> " +
                         std::string(stateName(engine[i].to)));
            EXPECT_EQ(rebuilt[i].from, engine[i].from);
            EXPECT_EQ(rebuilt[i].to, engine[i].to);
            if (!rebuilt[i].inferred) {
                EXPECT_EQ(rebuilt[i].t, engine[i].t) << "a time that differs must be marked inferred";
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(EveryBuiltinAtBothEnds, RoundTrip, ::testing::ValuesIn(allCases()), caseName);

}  // namespace
}  // namespace finwave
