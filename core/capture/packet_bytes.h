#pragma once
// Bytes of one captured packet: an optional Ethernet II header, an IPv4 header (RFC 791 §3.1) and a
// TCP header (RFC 9293 §3.1) with correct checksums, then the payload. Written by hand because no
// Debian library builds raw headers for a file (libpcap only reads and writes whole frames).

#include "core/protocol/segment.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace finwave::capture {

struct Host {
    std::array<std::uint8_t, 4> ip{};
    std::array<std::uint8_t, 6> mac{};
    std::uint16_t port = 0;
};

struct TcpFields {
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint16_t window = 0;
    std::uint8_t flags = 0;    // finwave::flag bits (same values as the TCP header's low bits)
    std::vector<std::uint8_t> options;  // already padded to a multiple of four bytes
    std::uint32_t payloadLength = 0;
};

// A segment's option bytes as Linux lays them out (tcp_options_write(), net/ipv4/tcp_output.c): MSS;
// SACK-permitted and timestamps in one word pair (or NOP NOP and timestamps, or NOP NOP and
// SACK-permitted alone); NOP and window scale; NOP NOP and SACK blocks. Each group fills whole
// 32-bit words, so no end-of-list padding is needed.
std::vector<std::uint8_t> optionBytes(const Segment& seg, const SegmentOptions& o);

// The one's-complement sum of RFC 1071 over `data`, folded to 16 bits and complemented.
std::uint16_t internetChecksum(const std::uint8_t* data, std::size_t size, std::uint32_t initial = 0);

// Appends one packet to `out`: Ethernet header when `ethernet`, then IPv4 with `ipId`, then TCP.
// The payload is zeros (a simulated run carries counts of bytes, not their content).
void appendPacket(std::string& out, const Host& from, const Host& to, std::uint16_t ipId,
                  const TcpFields& tcp, bool ethernet);

}  // namespace finwave::capture
