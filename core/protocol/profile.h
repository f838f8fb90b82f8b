#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace finwave {

// Time is simulated, in microseconds.
using Micros = std::int64_t;
inline constexpr Micros kMs = 1000;
inline constexpr Micros kSec = 1000 * kMs;

enum class Profile : std::uint8_t { Rfc, Linux };

std::string_view profileName(Profile p);  // "rfc", "linux"
std::optional<Profile> profileFromName(std::string_view name);

// Every constant a user can compare or override (docs/protocol.md, "Profiles").
struct ProtocolParams {
    Profile profile = Profile::Rfc;
    Micros msl = 120 * kSec;             // RFC 9293 §3.4.2
    Micros timeWait = 240 * kSec;        // 2MSL (RFC) or TCP_TIMEWAIT_LEN (Linux)
    Micros rtoInitial = 1 * kSec;        // RFC 6298 (2.1)
    Micros rtoMin = 1 * kSec;            // RFC 6298 (2.4); Linux 200 ms
    Micros rtoMax = 120 * kSec;          // RFC 6298 (2.5) cap; Linux TCP_RTO_MAX
    int maxRetries = 8;                  // retransmissions of one segment before giving up (RFC 9293 §3.8.3 R2)
    Micros giveUpAfter = 100 * kSec;     // RFC 9293 §3.8.3 R2 as time; 0 = count only
    bool delayedAck = false;             // RFC 9293 §3.8.6.3 allows it; reference traces have it off
    Micros delayedAckTimeout = 200 * kMs;  // < 500 ms (MUST-40); Linux TCP_DELACK_MIN 40 ms
    int quickAcks = 0;                   // Linux TCP_MAX_QUICKACKS: cap of the quick-ack budget
    Micros finWait2Timeout = 0;          // 0 = none (RFC); Linux tcp_fin_timeout 60 s, orphans only
    Micros userTimeout = 0;              // 0 = none; RFC 9293 §3.10.8 USER TIMEOUT
    int orphanRetries = 8;               // Linux tcp_orphan_retries (0 means 8)
    bool rfc1337 = false;                // true: ignore RST in TIME_WAIT (RFC 1337 fix F1)
    bool rstCarriesAck = false;          // Linux sends R. (RST+ACK) on abort; RFC sends bare R
    bool linuxTimeWaitRestart = false;   // Linux restarts TIME_WAIT on any ACK-bearing segment (T2)
    std::uint32_t mss = 1000;            // bytes per data segment

    bool operator==(const ProtocolParams&) const = default;
};

ProtocolParams paramsFor(Profile p);
// The constants of `profile`, keeping each one `params` set differently from its own profile's default.
ProtocolParams withProfile(const ProtocolParams& params, Profile profile);

// Values derived from the parameters, computed here once so every reader agrees.
// MSL as the TIME-WAIT length implies it: TIME-WAIT = 2 MSL (RFC 9293 §3.4.2, §3.6.1 MUST-13).
Micros mslFor(const ProtocolParams& p);
// TIME-WAIT set to `timeWait`, with MSL following it.
ProtocolParams withTimeWait(ProtocolParams p, Micros timeWait);
// The RTO floor set to `rtoMin` (RFC 6298 (2.4)); the initial RTO is raised to it and the maximum
// kept at or above it, so rtoMin <= rtoInitial <= rtoMax holds.
ProtocolParams withRtoFloor(ProtocolParams p, Micros rtoMin);

}  // namespace finwave
