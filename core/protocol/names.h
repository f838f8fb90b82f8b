#pragma once
// One name table per enum of a scenario: the scenario reader and writer and the trace formats
// all spell these names from here. (States, sides and profiles keep theirs in their own headers.)

#include "core/protocol/scenario.h"
#include "core/protocol/segment.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace finwave {

template <class E>
struct Named {
    E value;
    std::string_view name;
};

std::span<const Named<AppAction::Kind>> actionKindNames();      // "listen", "connect", ...
std::span<const Named<AppAction::Trigger>> triggerNames();      // "at-time", "after-eof", ...
std::span<const Named<Fault::Kind>> faultKindNames();           // "drop-nth", ...
std::span<const Named<Direction>> directionNames();             // "A>B", "B>A"
std::span<const Named<std::uint8_t>> flagNames();               // SYN, FIN, RST, PSH, ACK: label order
std::span<const Named<Interaction::Kind>> interactionKindNames(); // "params", "channel", "drop", "drop-next"
std::string_view interactionKindName(Interaction::Kind k);

std::string_view actionKindName(AppAction::Kind k);
std::optional<AppAction::Kind> actionKindFromName(std::string_view name);
std::string_view triggerName(AppAction::Trigger t);
std::optional<AppAction::Trigger> triggerFromName(std::string_view name);
std::string_view faultKindName(Fault::Kind k);
std::optional<Fault::Kind> faultKindFromName(std::string_view name);
std::string_view directionName(Direction d);
std::optional<Direction> directionFromName(std::string_view name);
std::optional<std::uint8_t> flagFromName(std::string_view name);  // one bit of flag::

// "a, b, c": the names of a table, for messages that list the valid choices.
template <class E>
std::string nameList(std::span<const Named<E>> table) {
    std::string out;
    for (const Named<E>& n : table)
        out += (out.empty() ? "" : ", ") + std::string(n.name);
    return out;
}

template <class E>
std::optional<E> fromName(std::span<const Named<E>> table, std::string_view name) {
    for (const Named<E>& n : table)
        if (n.name == name)
            return n.value;
    return std::nullopt;
}

template <class E>
std::string_view nameOf(std::span<const Named<E>> table, E value) {
    for (const Named<E>& n : table)
        if (n.value == value)
            return n.name;
    return {};
}

}  // namespace finwave
