#pragma once
// Reading captures with libpcap (pcap and pcapng; Ethernet, Linux cooked SLL and SLL2, raw IP, BSD
// loopback; IPv4 and IPv6) and splitting them into TCP connections. Two passes keep memory bounded
// by the chosen connection, not by the file: listConnections() keeps one summary per connection,
// readConnection() keeps the segments of one.

#include "core/protocol/segment.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace finwave::capture {

struct Address {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first four
    std::string text() const;              // "192.0.2.1", "2001:db8::1"
    auto operator<=>(const Address&) const = default;
};

struct Endpoint {
    Address address;
    std::uint16_t port = 0;
    std::string text() const;  // "192.0.2.1:8080", "[2001:db8::1]:80"
    auto operator<=>(const Endpoint&) const = default;
};

// One TCP segment as the capture holds it.
struct WireSegment {
    std::uint64_t packet = 0;  // 1-based packet number in the file
    std::int64_t tNs = 0;      // capture time, nanoseconds since 1970
    Endpoint from, to;
    std::uint32_t seq = 0, ack = 0;
    std::uint16_t window = 0;
    std::uint8_t flags = 0;    // FIN SYN RST PSH ACK as finwave::flag
    std::uint32_t length = 0;  // TCP payload bytes (from the IP length, so a short snaplen keeps it)
    std::uint8_t options = 0;  // which TCP options it carries (finwave::option bits)
    SegmentOptions opts{};     // their values (the first SACK block only)
    // A SYN's options in the order Linux's tcp_options_write() puts them: MSS first, window scale
    // last, SACK-permitted and timestamps between (Windows, macOS and FreeBSD write window scale
    // second).
    bool linuxOrder = false;
};

// How a connection's segments end, for the list (the reconstructor explains it fully).
enum class ListEnding : std::uint8_t { Open, OneFin, BothFins, Reset };

struct ConnectionSummary {
    int index = 0;            // 1-based, in order of the first packet
    Endpoint first, second;   // `first` sent the connection's first captured segment
    std::uint64_t packets = 0;
    std::int64_t firstNs = 0, lastNs = 0;
    std::uint64_t firstPacket = 0;
    bool sawSyn = false;
    ListEnding ending = ListEnding::Open;
};

struct CaptureLimits {
    std::size_t maxConnections = 200'000;
    std::size_t maxSegments = 2'000'000;  // of the chosen connection
};

// Called every few thousand packets with the bytes read so far; return false to cancel.
using Progress = std::function<bool(std::uint64_t bytesRead)>;

struct ReadResult {
    std::vector<ConnectionSummary> connections;  // listConnections
    std::vector<WireSegment> segments;           // readConnection
    std::uint64_t packets = 0;                   // packets in the file
    std::string error;                           // "FILE: packet N: reason"; empty on success
    bool cancelled = false;
    bool ok() const { return error.empty() && !cancelled; }
};

// `name` is how errors name the file. `file` is read to its end and not closed (libpcap closes it).
ReadResult listConnections(std::FILE* file, const std::string& name, const CaptureLimits& limits = {},
                           const Progress& progress = {});
// The segments of connection `index` (1-based, as listConnections numbers them).
ReadResult readConnection(std::FILE* file, const std::string& name, int index, const CaptureLimits& limits = {},
                          const Progress& progress = {});
// The same, opening `path` (errors name it).
ReadResult listConnections(const std::string& path, const CaptureLimits& limits = {}, const Progress& progress = {});
ReadResult readConnection(const std::string& path, int index, const CaptureLimits& limits = {},
                          const Progress& progress = {});

}  // namespace finwave::capture
