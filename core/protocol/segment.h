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

    bool has(std::uint8_t f) const { return (flags & f) != 0; }
    bool isRetransmission() const { return transmission > 0; }
    // SEG.LEN of RFC 9293 §3.4: data plus one for SYN and one for FIN.
    std::uint32_t seqSpace() const { return len + (has(flag::Syn) ? 1u : 0u) + (has(flag::Fin) ? 1u : 0u); }
};

// "FIN,ACK" style list in the order SYN, FIN, RST, PSH, ACK.
std::string flagsText(std::uint8_t flags);

}  // namespace finwave
