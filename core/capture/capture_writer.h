#pragma once
// A run as a capture file: every segment as it would be captured at one endpoint (the vantage):
// what that endpoint sent, at its send time, and what reached it, at its arrival time. A segment
// lost on the way is therefore only in its sender's capture. pcapng (nanosecond timestamps, packet
// comments with the state changes) or classic pcap (microseconds, no comments).

#include "core/sim/simulator.h"

#include <string>

namespace finwave::capture {

enum class CaptureFormat { Pcapng, Pcap };
enum class LinkType { Ethernet, RawIp };

struct WriteOptions {
    CaptureFormat format = CaptureFormat::Pcapng;
    LinkType link = LinkType::Ethernet;
    Side vantage = Side::A;
};

// Seconds since 1970 of simulated time 0, so every timestamp is a plausible date (2026-01-01).
inline constexpr std::uint64_t kEpochSeconds = 1'767'225'600;
// Addresses of the two simulated hosts (TEST-NET-1, RFC 5737) and their ports.
inline constexpr std::array<std::uint8_t, 4> kAddressA{192, 0, 2, 1};
inline constexpr std::array<std::uint8_t, 4> kAddressB{192, 0, 2, 2};
inline constexpr std::uint16_t kPortA = 49152;
inline constexpr std::uint16_t kPortB = 8080;

// One packet the capture holds, in file order; for tests and the writer's own use.
struct CapturedPacket {
    Micros t = 0;            // simulated time (negative for the synthetic opening)
    Segment seg{};
    SegmentOptions opts{};   // the values of seg's options
    std::uint16_t ipId = 0;
    bool synthetic = false;  // made up before the run so Wireshark knows the connection
    std::string comment;     // pcapng only
};

// The packets of `sim`'s trace as seen at `vantage`, in time order. For a run that starts
// ESTABLISHED a synthetic three-way handshake (SYN with MSS) comes first, then the bytes the
// scenario says were already sent and ACKed, so that Wireshark's sequence analysis starts right.
std::vector<CapturedPacket> capturedPackets(const Simulator& sim, Side vantage);
// The file's bytes.
std::string writeCapture(const Simulator& sim, const WriteOptions& options);

}  // namespace finwave::capture
