#pragma once
// The rules of every number a scenario file holds, in one place: the file reader
// (scenario_fields.cpp) and the window's scenario editor both check values with these functions, so
// both refuse the same values with the same error (code, field, range and message).

#include "core/scenario/scenario_io.h"

#include <optional>
#include <string>
#include <string_view>

namespace finwave {

// The closed range a number must lie in, in the file's unit (milliseconds for *_ms fields).
struct NumberRule {
    double low = 0;
    double high = 0;
};

namespace rule {
inline constexpr NumberRule kChannelMs{0, 60e3};        // channel.*.delay_ms, jitter_ms
inline constexpr NumberRule kLoss{0, 1};                // channel.*.loss
inline constexpr NumberRule kIss{0, 4294967295.0};      // a.iss, b.iss, actions[].iss
inline constexpr NumberRule kBytes{0, 1e9};             // a.already_sent, actions[].bytes
inline constexpr NumberRule kParamMs{0, 3600e3};        // params.*_ms but delayed_ack_ms
inline constexpr NumberRule kDelayedAckMs{0, 500};      // RFC 9293 §3.8.6.3 MUST-40: under 0.5 s
inline constexpr NumberRule kRetries{0, 100};           // params.max_retries, orphan_retries
inline constexpr NumberRule kQuickAcks{0, 1000};        // params.quick_acks
inline constexpr NumberRule kMss{1, 65535};             // params.mss
inline constexpr NumberRule kSeed{0, 9007199254740992.0};  // 2^53: exact in a JSON number
inline constexpr NumberRule kRunMs{0, 86400e3};         // horizon_ms, actions[].delay_ms, faults' times
inline constexpr NumberRule kCount{1, 1e9};             // faults[].n, faults[].count
inline constexpr NumberRule kSeqOffset{-1e9, 1e9};      // faults[].seq_offset
inline constexpr NumberRule kStep{0, 1e9};              // interactions[].step, annotations[].step (version 2)
}  // namespace rule

// OutOfRange ("must be between 0 and 1") when `value` is not finite or outside `r`.
std::optional<ScenarioError> checkNumber(std::string field, double value, NumberRule r);
// NotANumber: "must be a number".
ScenarioError notANumber(std::string field);
// A number typed by a user, read as a JSON number is (optional '-', digits, '.', exponent;
// spaces around it are allowed), then checked against `r`.
struct NumberEntry {
    double value = 0;
    std::optional<ScenarioError> error;
};
NumberEntry readNumberText(std::string field, std::string_view text, NumberRule r);

// Milliseconds as written in a file to the simulator's microseconds (rounded to the nearest).
Micros microsFromMillis(double ms);
// RtoMinAboveMax on `field` (the reader's "params.rto_min_ms") when rtoMin > rtoMax.
std::optional<ScenarioError> checkRtoOrder(const ProtocolParams& p, std::string field);

}  // namespace finwave
