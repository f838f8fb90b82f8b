#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace finwave {

// The eleven connection states of RFC 9293 §3.3.2 (Figure 5).
enum class TcpState : std::uint8_t {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};

inline constexpr int kTcpStateCount = 11;

// RFC name with underscores, as Linux and the jsonl contract spell it: "FIN_WAIT_1".
std::string_view stateName(TcpState s);
std::optional<TcpState> stateFromName(std::string_view name);

// Which endpoint. Net is used for records that belong to the channel (a segment lost in flight).
enum class Side : std::uint8_t { A, B, Net };

inline constexpr Side peerOf(Side s) { return s == Side::A ? Side::B : Side::A; }
std::string_view sideName(Side s);  // "A", "B", "net"

}  // namespace finwave
