#pragma once
// Two runs side by side: their events paired (same side, same kind, same segment by its flags and
// relative numbers, same state change), the first place they differ, the time shift of each pair
// and the events only one run has (issue "Side by side"; docs/protocol.md, "Comparing runs").

#include "core/sim/simulator.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace finwave::compare {

// What makes two records the same event, whatever their times.
struct EventKey {
    EventKind kind = EventKind::Send;  // Send, Arrive, Drop or State
    Side side = Side::A;               // the sender (Send), receiver (Arrive), Net (Drop), or whose state
    TcpState from = TcpState::Closed, to = TcpState::Closed;  // State
    std::uint8_t flags = 0;            // the segment's (Send, Arrive, Drop)
    Direction dir = Direction::AtoB;
    std::uint32_t seq = 0, ack = 0, len = 0;  // relative, as Wireshark shows them
    bool operator==(const EventKey&) const = default;
};

struct Event {
    std::size_t record = 0;  // index in the run's trace
    std::uint64_t step = 0;
    Micros t = 0;
    EventKey key;
};

// `scenario` run to its end without the history kept for stepping back: a run to compare.
std::unique_ptr<Simulator> finishedRun(const Scenario& scenario);

// The records of `sim`'s trace that two runs are compared on: segments sent, arriving and lost,
// and state changes, in time order (at one moment: arrivals, losses, state changes, then sends;
// A's before B's). Timers, application calls and notes follow from these.
std::vector<Event> comparableEvents(const Simulator& sim);

// One line of the alignment: a pair, or an event only one run has (the other index empty).
struct Aligned {
    std::optional<std::size_t> a, b;  // indexes into Comparison::a / ::b
    Micros dt = 0;                    // b's time minus a's, for a pair
};

struct Comparison {
    std::vector<Event> a, b;
    std::vector<Aligned> lines;                 // both runs' events in order, paired where they match
    std::optional<std::size_t> firstDifference; // the first line that is not a pair at the same time
    std::size_t pairs = 0, onlyA = 0, onlyB = 0, shifted = 0;
    Micros firstPairShift = 0;  // with fromFirstPair: b's time minus a's at the first pair, taken off every dt
    // Both runs on one clock that starts at 0 for both: a's times moved by shiftA(), b's by
    // shiftB(), so their first pair is at one time (both 0 without fromFirstPair).
    Micros shiftA() const { return firstPairShift > 0 ? firstPairShift : 0; }
    Micros shiftB() const { return shiftA() - firstPairShift; }
    bool same() const { return !firstDifference.has_value(); }
};

// Pairs the two runs' events in order (a longest common subsequence of their keys; for runs too
// long for that, a greedy match within a window). Paired events more than `tolerance` apart in
// time count as a difference too. With `fromFirstPair`, b's clock is moved so its first pair is
// at a's time (a capture of a run that starts ESTABLISHED begins with a handshake it adds).
Comparison compareRuns(const Simulator& a, const Simulator& b, Micros tolerance = 0, bool fromFirstPair = false);

// The comparison in words, each line naming what each run did ("first run", "second run" are
// `nameA`, `nameB`), or as one JSON object per line.
std::string comparisonText(const Simulator& a, const Simulator& b, const Comparison& c, const std::string& nameA,
                           const std::string& nameB);
std::string comparisonJsonl(const Simulator& a, const Simulator& b, const Comparison& c);

}  // namespace finwave::compare
