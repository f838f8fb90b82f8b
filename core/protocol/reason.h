#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace finwave {

// Why something happened. Every trace record carries one.
enum class Reason : std::uint16_t {
#define FINWAVE_REASON(id, key, section) id,
#include "core/protocol/reason_list.h"
#undef FINWAVE_REASON
};

inline constexpr int kReasonCount = 0
#define FINWAVE_REASON(id, key, section) +1
#include "core/protocol/reason_list.h"
#undef FINWAVE_REASON
    ;

std::string_view reasonKey(Reason r);      // "fin-acked-enter-fin-wait-2"
std::string_view rfcSection(Reason r);     // "RFC 9293 §3.10.7.4 Fifth (F1a)"
std::optional<Reason> reasonFromKey(std::string_view key);

}  // namespace finwave
