#pragma once
// Sockets in each state at the end of each simulated second, counted from the spans of each
// connection's engine run without an event per change: a difference array per second, summed
// as the seconds are reported. (TIME_WAIT is not here: it can end early, and the lab counts it
// with its events.)

#include "core/lab/internal/connection_life.h"

#include <array>
#include <vector>

namespace finwave::lab {

class StateTally {
public:
    explicit StateTally(int seconds)
        : m_diff{std::vector<Counts>(static_cast<std::size_t>(seconds) + 1, Counts{}),
                 std::vector<Counts>(static_cast<std::size_t>(seconds) + 1, Counts{})} {}

    // A side's spans (0 client, 1 server) for a connection that started at `start`. The report for
    // second k (k = 1, 2, ...) is taken just before k s: a span counts there when from < k s <= to.
    void add(const std::vector<ConnectionLife::Span>& spans, Micros start, int side) {
        std::vector<Counts>& diff = m_diff[side];
        const auto index = [&diff](Micros t) {  // the first report after t, 0-based, clamped
            const Micros k = t / kSec;
            return static_cast<std::size_t>(std::min<Micros>(k, static_cast<Micros>(diff.size()) - 1));
        };
        for (const ConnectionLife::Span& s : spans) {
            diff[index(start + s.from)][static_cast<std::size_t>(s.state)] += 1;
            diff[index(start + s.to)][static_cast<std::size_t>(s.state)] -= 1;
        }
    }

    // The counts for the report of second k (1-based), reports taken in order.
    void report(int k, std::array<long long, kTcpStateCount>& client, std::array<long long, kTcpStateCount>& server) {
        for (int side = 0; side < 2; ++side) {
            const Counts& d = m_diff[side][static_cast<std::size_t>(k - 1)];
            for (int st = 0; st < kTcpStateCount; ++st)
                m_running[side][static_cast<std::size_t>(st)] += d[static_cast<std::size_t>(st)];
        }
        client = m_running[0];
        server = m_running[1];
    }

private:
    using Counts = std::array<long long, kTcpStateCount>;
    std::vector<Counts> m_diff[2];
    Counts m_running[2]{};
};

}  // namespace finwave::lab
