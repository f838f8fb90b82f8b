// The reader refuses broken captures with one line naming the file and the packet, stops at its
// limits, can be cancelled, and keeps only the chosen connection; every supported link type reads.
#include "core/scenario/builtin_scenarios.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"
#include "core/capture/packet_bytes.h"
#include "support/tshark_run.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace finwave {
namespace {

using capture::CaptureLimits;

std::string sourceData(const std::string& name) { return std::string(FINWAVE_SOURCE_DIR) + "/tests/data/" + name; }

void le32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A classic pcap (microseconds) of `frames`, each `prefix` + an IPv4/TCP packet, captured up to
// `snaplen` bytes.
std::string classicPcap(std::uint32_t linkType, const std::string& prefix, int frames, std::uint32_t snaplen = 65535,
                        std::uint8_t protocol = 6, const std::vector<std::uint8_t>& synOptions = {}) {
    std::string out;
    le32(out, 0xa1b2c3d4);
    out += std::string("\x02\x00\x04\x00", 4);
    le32(out, 0);
    le32(out, 0);
    le32(out, snaplen);
    le32(out, linkType);
    capture::Host a{{10, 0, 0, 1}, {}, 1000}, b{{10, 0, 0, 2}, {}, 80};
    for (int i = 0; i < frames; ++i) {
        capture::TcpFields tcp;
        tcp.seq = 100 + static_cast<std::uint32_t>(i);
        tcp.flags = i == 0 ? flag::Syn : flag::Ack;
        if (i == 0)
            tcp.options = synOptions;
        std::string packet = prefix;
        capture::appendPacket(packet, a, b, static_cast<std::uint16_t>(i), tcp, false);
        packet[prefix.size() + 9] = static_cast<char>(protocol);
        const auto caplen = std::min<std::uint32_t>(static_cast<std::uint32_t>(packet.size()), snaplen);
        le32(out, 1'700'000'000u + static_cast<std::uint32_t>(i));
        le32(out, 0);
        le32(out, caplen);
        le32(out, static_cast<std::uint32_t>(packet.size()));
        out += packet.substr(0, caplen);
    }
    return out;
}

std::string normalClose() {
    Simulator sim(*builtinScenario("normal-close"));
    sim.runToEnd();
    capture::WriteOptions o;
    o.format = capture::CaptureFormat::Pcap;
    return capture::writeCapture(sim, o);
}

TEST(CaptureReader, aTruncatedFileNamesTheFileAndThePacketItStopsAt) {
    const std::string bytes = normalClose();
    const std::string path = testing::writeTemp("truncated.pcap", bytes.substr(0, bytes.size() - 10));
    const auto r = capture::listConnections(path);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error.rfind(path + ": packet ", 0), 0u) << r.error;
    EXPECT_EQ(r.error.find('\n'), std::string::npos);
    Simulator sim(*builtinScenario("normal-close"));
    sim.runToEnd();
    const std::size_t last = capture::capturedPackets(sim, Side::A).size();
    EXPECT_NE(r.error.find("packet " + std::to_string(last) + ":"), std::string::npos) << r.error;
}

TEST(CaptureReader, aFileThatIsNotACaptureIsRefusedByName) {
    const std::string path = testing::writeTemp("notes.pcap", "these are lecture notes, not packets\n");
    const auto r = capture::listConnections(path);
    EXPECT_EQ(r.error.rfind(path + ": not a pcap or pcapng capture", 0), 0u) << r.error;
}

TEST(CaptureReader, aCaptureWithNoTcpSaysSo) {
    const std::string path = testing::writeTemp("udp.pcap", classicPcap(101, "", 3, 65535, 17));
    const auto r = capture::listConnections(path);
    EXPECT_EQ(r.error, path + ": no TCP segment in 3 packets");
}

TEST(CaptureReader, aSnaplenThatCutTheTcpHeaderNamesThePacket) {
    const std::string path = testing::writeTemp("short.pcap", classicPcap(101, "", 2, 30));
    const auto r = capture::listConnections(path);
    EXPECT_EQ(r.error, path + ": packet 1: the capture's snapshot length (30 bytes) cut the TCP header");
}

TEST(CaptureReader, stopsAtItsConnectionLimitNamingThePacket) {
    CaptureLimits limits;
    limits.maxConnections = 1;
    const auto r = capture::listConnections(sourceData("real-lo.pcap"), limits);
    EXPECT_NE(r.error.find(": packet 12: more than 1 TCP connections"), std::string::npos) << r.error;
}

TEST(CaptureReader, progressCanCancelALargeFile) {
    const std::string path = testing::writeTemp("large.pcap", classicPcap(101, "", 10000));
    int calls = 0;
    const auto r = capture::listConnections(path, {}, [&calls](std::uint64_t bytes) {
        EXPECT_GT(bytes, 0u);
        return ++calls < 2;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(calls, 2);
}

TEST(CaptureReader, keepsOnlyTheChosenConnectionsSegments) {
    const auto list = capture::listConnections(sourceData("real-lo.pcap"));
    ASSERT_TRUE(list.ok()) << list.error;
    ASSERT_EQ(list.connections.size(), 3u);
    EXPECT_TRUE(list.segments.empty());
    const auto one = capture::readConnection(sourceData("real-lo.pcap"), 2);
    ASSERT_TRUE(one.ok()) << one.error;
    EXPECT_EQ(one.segments.size(), list.connections[1].packets);
    for (const auto& s : one.segments) {
        EXPECT_TRUE(s.from == list.connections[1].first || s.from == list.connections[1].second);
        EXPECT_GE(s.packet, list.connections[1].firstPacket);
    }
}

TEST(CaptureReader, listsIpv4AndIpv6ConnectionsOfARealLoopbackCapture) {
    for (const char* file : {"real-lo.pcap", "real-any.pcap"}) {  // Ethernet and Linux cooked v2
        SCOPED_TRACE(file);
        const auto list = capture::listConnections(sourceData(file));
        ASSERT_TRUE(list.ok()) << list.error;
        ASSERT_EQ(list.connections.size(), 3u);
        EXPECT_EQ(list.connections[0].second.text(), "127.0.0.1:5000");
        EXPECT_EQ(list.connections[2].second.text(), "[::1]:5001");
        for (const auto& c : list.connections) {
            EXPECT_TRUE(c.sawSyn);
            EXPECT_EQ(c.ending, capture::ListEnding::BothFins);
        }
    }
}

TEST(CaptureReader, readsBsdLoopbackLinuxCookedAndRawIp) {
    struct Link {
        std::uint32_t type;
        std::string prefix;
    };
    const std::string sll = std::string("\x00\x00\x03\x04\x00\x06", 6) + std::string(8, '\0') + std::string("\x08\x00", 2);
    for (const Link& l : {Link{0, std::string("\x02\x00\x00\x00", 4)}, Link{108, std::string("\x00\x00\x00\x02", 4)},
                          Link{113, sll}, Link{101, ""}, Link{228, ""}}) {
        SCOPED_TRACE("link type " + std::to_string(l.type));
        const std::string path = testing::writeTemp("link" + std::to_string(l.type) + ".pcap", classicPcap(l.type, l.prefix, 4));
        const auto r = capture::readConnection(path, 1);
        ASSERT_TRUE(r.ok()) << r.error;
        ASSERT_EQ(r.segments.size(), 4u);
        EXPECT_EQ(r.segments[0].from.text(), "10.0.0.1:1000");
        EXPECT_EQ(r.segments[0].flags, flag::Syn);
        EXPECT_EQ(r.segments[3].seq, 103u);
    }
}

// A capture made on a sender with TCP segmentation offload holds its large segments with an IPv4
// total length of 0; the whole capture was refused. The segment's length comes from the frame.
TEST(CaptureReader, readsAnIpv4TotalLengthOfZeroAsTheFramesLength) {
    std::string pcap = classicPcap(101, "", 2);
    // A third frame: 3000 bytes of data in one segment, its total length field zeroed.
    capture::Host a{{10, 0, 0, 1}, {}, 1000}, b{{10, 0, 0, 2}, {}, 80};
    capture::TcpFields tcp;
    tcp.seq = 102;
    tcp.ack = 1;
    tcp.flags = flag::Ack | flag::Psh;
    tcp.payloadLength = 3000;
    std::string packet;
    capture::appendPacket(packet, a, b, 2, tcp, false);
    packet[2] = packet[3] = '\0';
    le32(pcap, 1'700'000'002u);
    le32(pcap, 0);
    le32(pcap, static_cast<std::uint32_t>(packet.size()));
    le32(pcap, static_cast<std::uint32_t>(packet.size()));
    pcap += packet;
    const std::string path = testing::writeTemp("tso.pcap", pcap);
    const auto r = capture::readConnection(path, 1);
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_EQ(r.segments.size(), 3u);
    EXPECT_EQ(r.segments[2].length, 3000u);
}

// Linux writes a SYN's options MSS, SACK-permitted, timestamps, NOP, window scale
// (tcp_options_write()); Windows writes MSS, NOP, window scale, NOP, NOP, SACK-permitted; macOS
// MSS, NOP, window scale, NOP, NOP, timestamps, SACK-permitted, end of list.
TEST(CaptureReader, tellsLinuxsOrderOfSynOptionsFromOtherSystems) {
    const std::vector<std::uint8_t> linux = {2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
    const std::vector<std::uint8_t> windows = {2, 4, 5, 0xb4, 1, 3, 3, 8, 1, 1, 4, 2};
    const std::vector<std::uint8_t> macos = {2, 4, 5, 0xb4, 1, 3, 3, 6, 1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 4, 2, 0, 0};
    for (const auto& [name, bytes, expected] : {std::tuple{"linux", linux, true}, std::tuple{"windows", windows, false},
                                                std::tuple{"macos", macos, false}}) {
        SCOPED_TRACE(name);
        const std::string path = testing::writeTemp(std::string("order-") + name + ".pcap", classicPcap(101, "", 2, 65535, 6, bytes));
        const auto r = capture::readConnection(path, 1);
        ASSERT_TRUE(r.ok()) << r.error;
        EXPECT_EQ(r.segments[0].linuxOrder, expected);
        EXPECT_TRUE(r.segments[0].options & option::SackPermitted);
        EXPECT_EQ(r.segments[0].opts.mss, 1460);
        EXPECT_EQ(r.segments[0].opts.windowScale, std::string(name) == "linux" ? 7 : std::string(name) == "windows" ? 8 : 6);
    }
}

}  // namespace
}  // namespace finwave

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

// A capture is read twice, so it must be a file: a FIFO nobody writes to blocked fopen() forever,
// and a pipe (/dev/stdin) failed in the second pass as "not a capture".
TEST(CaptureReader, aPipeOrAFolderIsRefusedAtOnceByName) {
    namespace capture = finwave::capture;
    const std::string dir = ::testing::TempDir() + "finwave_capfifo_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string fifo = dir + "/c.pcap";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto list = capture::listConnections(fifo);
    EXPECT_FALSE(list.ok());
    EXPECT_EQ(list.error.rfind(fifo + ": is not a regular file", 0), 0u) << list.error;
    const auto folder = capture::readConnection(dir, 1);
    EXPECT_NE(folder.error.find("folder"), std::string::npos) << folder.error;
    std::filesystem::remove_all(dir);
}
