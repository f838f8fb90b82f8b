// Every built-in scenario at both vantages, read by Wireshark's dissectors (tshark): no malformed
// packet, no bad checksum, retransmissions and duplicate ACKs flagged exactly where the engine made
// them, no "previous segment not captured" in a loss-free run, comments read back.
#include "core/scenario/builtin_scenarios.h"
#include "core/capture/capture_writer.h"
#include "support/tshark_run.h"

#include "support/builtin_cases.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace finwave {
namespace {

using capture::CapturedPacket;

using finwave::testing::allCases;
using finwave::testing::Case;
using finwave::testing::caseName;

// Frames (1-based) the engine retransmitted and whose earlier transmission this capture also holds
// (the only ones a capture at this point can show as retransmissions), and old duplicates the
// channel delivered a second time (the same segment id again).
std::set<std::size_t> expectedRetransmissions(const std::vector<CapturedPacket>& packets) {
    std::set<std::size_t> out;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const Segment& s = packets[i].seg;
        for (std::size_t j = 0; j < i && !packets[i].synthetic; ++j)
            if (!packets[j].synthetic && packets[j].seg.id == s.id && s.seqSpace() > 0)
                out.insert(i + 1);
        if (!s.isRetransmission() || s.seqSpace() == 0)
            continue;
        for (std::size_t j = 0; j < i; ++j)
            if (packets[j].seg.dir == s.dir && packets[j].seg.seq == s.seq && packets[j].seg.seqSpace() > 0)
                out.insert(i + 1);
    }
    return out;
}

// Frames where the engine sent a pure ACK that repeats the ack number and window of the same
// side's previous segment in this capture (RFC 5681 §2 "duplicate acknowledgment").
std::set<std::size_t> expectedDuplicateAcks(const std::vector<CapturedPacket>& packets) {
    std::set<std::size_t> out;
    const std::uint8_t control = flag::Syn | flag::Fin | flag::Rst;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const Segment& s = packets[i].seg;
        if (s.len != 0 || (s.flags & control) || !s.has(flag::Ack))
            continue;
        for (std::size_t j = i; j-- > 0;) {
            if (packets[j].seg.dir != s.dir)
                continue;
            const Segment& prev = packets[j].seg;
            if (prev.has(flag::Ack) && prev.ack == s.ack && prev.wnd == s.wnd && !(prev.flags & control) &&
                prev.len == 0)
                out.insert(i + 1);
            break;
        }
    }
    return out;
}

std::set<std::size_t> framesWith(const std::vector<std::vector<std::string>>& rows, std::size_t column) {
    std::set<std::size_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!rows[i][column].empty())
            out.insert(i + 1);
    return out;
}

class CaptureReadByWireshark : public ::testing::TestWithParam<Case> {};

TEST_P(CaptureReadByWireshark, readsEveryPacketCleanlyAndFlagsWhatTheEngineDid) {
    if (!testing::haveTshark())
        GTEST_SKIP() << "tshark is not installed (scripts/common.sh installs it)";
    const Case& c = GetParam();
    Simulator sim(*builtinScenario(c.scenario));
    sim.runToEnd();
    capture::WriteOptions options;
    options.vantage = c.vantage;
    const auto packets = capture::capturedPackets(sim, c.vantage);
    const std::string path = testing::writeTemp(caseName({GetParam(), 0}) + ".pcapng", capture::writeCapture(sim, options));
    enum Column { Number, Malformed, Severity, TcpSum, IpSum, Rtx, DupAck, Lost, AckLost, Comment, Mss, SackPerm,
                  WScale, TsVal, TsEcr, SackLeft, Count };
    const auto rows = testing::tsharkFields(path, {"frame.number", "_ws.malformed", "_ws.expert.severity",
                                                   "tcp.checksum.status", "ip.checksum.status",
                                                   "tcp.analysis.retransmission", "tcp.analysis.duplicate_ack",
                                                   "tcp.analysis.lost_segment", "tcp.analysis.ack_lost_segment",
                                                   "frame.comment", "tcp.options.mss_val", "tcp.options.sack_perm",
                                                   "tcp.options.wscale.shift", "tcp.options.timestamp.tsval",
                                                   "tcp.options.timestamp.tsecr", "tcp.options.sack_le"});
    ASSERT_TRUE(rows) << "tshark could not read " << path;
    ASSERT_EQ(rows->size(), packets.size()) << "tshark did not read every packet of " << path;
    bool anyLoss = false;
    for (const TraceRecord& r : sim.trace())
        anyLoss = anyLoss || r.kind == EventKind::Drop;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto& row = (*rows)[i];
        SCOPED_TRACE("frame " + std::to_string(i + 1));
        EXPECT_TRUE(row[Malformed].empty());
        // 1 = good (status 0 is bad, 2 unverified).
        EXPECT_EQ(row[TcpSum], "1");
        EXPECT_EQ(row[IpSum], "1");
        // Expert severities are Wireshark's bit values: 0x00800000 is "error".
        EXPECT_EQ(row[Severity].find("8388608"), std::string::npos) << row[Severity];
        if (!packets[i].comment.empty()) {
            EXPECT_NE(row[Comment].find(packets[i].comment), std::string::npos) << row[Comment];
        }
        // Every option as the engine set it, read back by Wireshark's dissector.
        const Segment& seg = packets[i].seg;
        const SegmentOptions& o = packets[i].opts;
        const auto field = [&](std::uint8_t option, std::uint32_t value) {
            return seg.carries(option) ? std::to_string(value) : std::string();
        };
        EXPECT_EQ(row[Mss], field(option::Mss, o.mss));
        EXPECT_EQ(row[WScale], field(option::WindowScale, o.windowScale));
        EXPECT_EQ(row[TsVal], field(option::Timestamps, o.tsVal));
        EXPECT_EQ(row[TsEcr], field(option::Timestamps, o.tsEcr));
        EXPECT_EQ(!row[SackPerm].empty(), seg.carries(option::SackPermitted));
        EXPECT_EQ(!row[SackLeft].empty(), seg.carries(option::Sack));
    }
    EXPECT_EQ(framesWith(*rows, Rtx), expectedRetransmissions(packets));
    EXPECT_EQ(framesWith(*rows, DupAck), expectedDuplicateAcks(packets));
    if (!anyLoss) {
        EXPECT_TRUE(framesWith(*rows, Lost).empty());
        EXPECT_TRUE(framesWith(*rows, AckLost).empty());
    }
}

INSTANTIATE_TEST_SUITE_P(EveryBuiltinAtBothEnds, CaptureReadByWireshark, ::testing::ValuesIn(allCases()), caseName);

TEST(CaptureWriter, classicPcapHoldsTheSamePacketsWithoutComments) {
    if (!testing::haveTshark())
        GTEST_SKIP() << "tshark is not installed";
    Simulator sim(*builtinScenario("normal-close"));
    sim.runToEnd();
    capture::WriteOptions options;
    options.format = capture::CaptureFormat::Pcap;
    options.link = capture::LinkType::RawIp;
    const std::string path = testing::writeTemp("normal.pcap", capture::writeCapture(sim, options));
    const auto rows = testing::tsharkFields(path, {"tcp.checksum.status", "frame.comment", "tcp.flags.fin"});
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->size(), capture::capturedPackets(sim, Side::A).size());
    for (const auto& row : *rows) {
        EXPECT_EQ(row[0], "1");
        EXPECT_TRUE(row[1].empty());
    }
}

}  // namespace
}  // namespace finwave
