#pragma once
// Bytes of one captured packet: an optional Ethernet II header, an IPv4 header (RFC 791 §3.1) and a
// TCP header (RFC 9293 §3.1) with correct checksums, then the payload. Written by hand because no
// Debian library builds raw headers for a file (libpcap only reads and writes whole frames).

#include <array>
#include <cstdint>
#include <string>

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
    std::uint16_t mss = 0;     // non-zero: an MSS option (RFC 9293 §3.7.1), for SYNs
    std::uint32_t payloadLength = 0;
};

// The one's-complement sum of RFC 1071 over `data`, folded to 16 bits and complemented.
std::uint16_t internetChecksum(const std::uint8_t* data, std::size_t size, std::uint32_t initial = 0);

// Appends one packet to `out`: Ethernet header when `ethernet`, then IPv4 with `ipId`, then TCP.
// The payload is zeros (a simulated run carries counts of bytes, not their content).
void appendPacket(std::string& out, const Host& from, const Host& to, std::uint16_t ipId,
                  const TcpFields& tcp, bool ethernet);

}  // namespace finwave::capture
