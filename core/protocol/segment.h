#pragma once

#include "core/protocol/tcp_state.h"

#include <cstdint>
#include <string>

namespace finwave {

// TCP header control bits (RFC 9293 §3.1). Stored as a bit set in Segment::flags.
namespace flag {
inline constexpr std::uint8_t Fin = 0x01;
inline constexpr std::uint8_t Syn = 0x02;
inline constexpr std::uint8_t Rst = 0x04;
inline constexpr std::uint8_t Psh = 0x08;
inline constexpr std::uint8_t Ack = 0x10;
}  // namespace flag

// TCP options a segment carries (RFC 9293 §3.2, RFC 2018, RFC 7323), as a bit set in
// Segment::options: which are present. Their values are in the trace record (SegmentOptions).
namespace option {
inline constexpr std::uint8_t Mss = 0x01;            // RFC 9293 §3.7.1, SYNs only
inline constexpr std::uint8_t SackPermitted = 0x02;  // RFC 2018 §2, SYNs only
inline constexpr std::uint8_t Timestamps = 0x04;     // RFC 7323 §3
inline constexpr std::uint8_t WindowScale = 0x08;    // RFC 7323 §2, SYNs only
inline constexpr std::uint8_t Sack = 0x10;           // RFC 2018 §3 (a D-SACK block, RFC 2883)
}  // namespace option

// The values of the options a segment carries, as they would be on the wire.
struct SegmentOptions {
    std::uint16_t mss = 0;
    std::uint8_t windowScale = 0;   // the shift count
    std::uint32_t tsVal = 0, tsEcr = 0;
    std::uint32_t sackLeft = 0, sackRight = 0;  // one block, absolute sequence numbers [left, right)
    bool operator==(const SegmentOptions&) const = default;
};

// Direction of travel on the wire.
enum class Direction : std::uint8_t { AtoB, BtoA };

inline constexpr Direction directionFrom(Side sender) {
    return sender == Side::A ? Direction::AtoB : Direction::BtoA;
}
inline constexpr Side senderOf(Direction d) { return d == Direction::AtoB ? Side::A : Side::B; }
inline constexpr Side receiverOf(Direction d) { return d == Direction::AtoB ? Side::B : Side::A; }

// One segment as it travels. seq and ack are absolute 32-bit values; the relative values that
// Wireshark shows are seq - ISS(sender) and ack - ISS(receiver) (see Simulator::relativeSeq).
struct Segment {
    std::uint32_t id = 0;       // unique per run, in sending order, starting at 1
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;      // meaningful only when flags has Ack
    std::uint32_t len = 0;      // data bytes, not counting SYN or FIN
    std::uint32_t wnd = 0;      // SEG.WND: the sender's advertised receive window (no scaling)
    std::uint8_t flags = 0;
    Direction dir = Direction::AtoB;
    std::uint8_t transmission = 0;  // 0 = first transmission, k = k-th retransmission
    std::uint8_t options = 0;       // which TCP options it carries (option::)

    bool has(std::uint8_t f) const { return (flags & f) != 0; }
    bool carries(std::uint8_t o) const { return (options & o) != 0; }
    bool isRetransmission() const { return transmission > 0; }
    // SEG.LEN of RFC 9293 §3.4: data plus one for SYN and one for FIN.
    std::uint32_t seqSpace() const { return len + (has(flag::Syn) ? 1u : 0u) + (has(flag::Fin) ? 1u : 0u); }
};

// "FIN,ACK" style list in the order SYN, FIN, RST, PSH, ACK.
std::string flagsText(std::uint8_t flags);

}  // namespace finwave
