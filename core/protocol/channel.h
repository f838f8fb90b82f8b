#pragma once

#include "core/protocol/profile.h"
#include "core/protocol/segment.h"

#include <cstdint>
#include <vector>

namespace finwave {

// Random behaviour of one direction of the network.
struct ChannelParams {
    Micros delay = 50 * kMs;   // base one-way delay
    Micros jitter = 0;         // uniform extra delay in [0, jitter]
    double loss = 0.0;         // probability in [0, 1] that a segment is lost

    bool operator==(const ChannelParams&) const = default;
};

// A targeted fault, decided when a segment is sent.
struct Fault {
    enum class Kind : std::uint8_t {
        DropNth,           // drop the n-th segment (1-based) sent in direction `dir` whose flags
                           // include all of `flags` (equal them, if exactFlags); no flags: the n-th
                           // segment of any kind. So a fault names the segment it means, "A's first
                           // pure ACK", and a segment the user drops before it cannot move it onto
                           // another kind of segment
        DropFirstMatching, // drop the first segment from `from` whose flags include all of `flags`
                           // (and, if exactFlags, equal them); `count` such segments in a row
        DuplicateNth,      // deliver the n-th segment of `dir` again, `extraDelay` later (old duplicate)
        InjectRst,         // a forged RST reaches the receiver of `dir` at `at`, with
                           // SEG.SEQ = its RCV.NXT + seqOffset (a blind reset, RFC 5961 §3)
    };
    Kind kind = Kind::DropNth;
    Direction dir = Direction::AtoB;
    std::uint32_t n = 1;
    std::uint8_t flags = 0;
    bool exactFlags = false;
    std::uint32_t count = 1;
    Micros extraDelay = 0;
    Micros at = 0;                 // InjectRst
    std::int32_t seqOffset = 0;    // InjectRst
};

}  // namespace finwave
