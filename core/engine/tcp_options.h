#pragma once
// What the engine's TCP options are made of, for whoever writes them out (a capture's synthetic
// opening): the window scale a SYN offers and each end's timestamp clock.

#include "core/protocol/profile.h"
#include "core/protocol/tcp_state.h"

#include <cstdint>

namespace finwave {

// The window scale a SYN offers (RFC 7323 §2.3): 7, as Linux 6.1 to 6.12 offer with their default
// buffers (6.18 offers 10, with a larger default tcp_rmem). FinWave's buffer is 64 KiB.
inline constexpr std::uint8_t kWindowScale = 7;

// `side`'s timestamp clock at `t` (RFC 7323 §3): milliseconds (Linux TCP_TS_HZ) plus an offset drawn
// once per end from the run's seed (Linux secure_tcp_ts_off(), per 4-tuple), the same on every
// machine and not taken from the run's random generator.
std::uint32_t timestampClock(std::uint64_t seed, Side side, Micros t);

}  // namespace finwave
