#pragma once

#include "core/protocol/profile.h"

#include <span>
#include <vector>

namespace finwave::app {

// Maps simulated time to a y coordinate. Busy spans are linear at a readable scale; an idle gap
// between two event times longer than `threshold` is drawn as a short break instead, so a 1 ms
// round trip and a 60 s TIME_WAIT fit on one screen. Monotone, and stable as times are added.
// While a segment is in flight (hold) nothing is compressed, so no break crosses its arrow, unless
// the flight is past kMaxHeld thresholds long (no diagram could draw it at scale).
class TimeAxis {
public:
    struct Break {
        Micros from = 0, to = 0;
        double y0 = 0, y1 = 0;
    };

    void reset(double top, double pxPerMicro, Micros threshold, double breakLength);
    void addTime(Micros t);            // event times arrive in order
    // Record `record`'s segment flies from the last time to `until`; forgetHolds drops those of
    // records from `record` on (step back).
    void hold(int record, Micros until);
    void forgetHolds(int record);
    static constexpr int kMaxHeld = 40;
    void truncateAfter(Micros t);      // drop knots later than t (step back)
    void clear() { m_knots.clear(); m_y.clear(); m_linear.clear(); m_breaks.clear(); m_holds.clear(); m_frozen = false; }
    // Two runs side by side on one axis (the compare window): an axis fed every event of both runs
    // is frozen, so its y(t) no longer changes; addTime() and truncateAfter() then only move how
    // far the run shown has come (the cursor too: a break it passes shows), and knots() and
    // breaks() are those up to there.
    void freeze();
    // Frozen: the run shown keeps its own clock, `shift` later than the axis's (a capture beside a
    // run: their first pair on one row). Every time given is moved by it.
    void setShift(Micros shift) { m_shift = shift; }
    bool frozen() const { return m_frozen; }

    double y(Micros t) const;
    Micros lastTime() const { return knots().empty() ? 0 : knots().back() - m_shift; }  // the run's clock
    double knotY(std::size_t k) const { return m_y[k]; }
    std::span<const Micros> knots() const;
    std::span<const Break> breaks() const;
    double top() const { return m_top; }
    Micros grain() const { return m_grain; }  // how finely its times are written (formatTime)
    void setGrain(Micros grain) { m_grain = grain; }

private:
    double span(Micros gap, bool linear) const;
    bool linearGap(Micros gap) const;

    std::vector<Micros> m_knots;  // distinct event times, increasing
    std::vector<double> m_y;      // y of each knot
    std::vector<bool> m_linear;   // the gap after each knot but the last was drawn at scale, held
    std::vector<Break> m_breaks;
    double m_top = 0;
    double m_scale = 0.001;
    Micros m_threshold = 300 * kMs;
    double m_breakLength = 56;
    Micros m_grain = kMs;
    struct Hold {
        int record = 0;
        Micros until = 0;  // the latest end of this and every earlier hold
    };
    std::vector<Hold> m_holds;  // in record order
    bool m_frozen = false;
    Micros m_reached = 0;  // frozen: the latest time the run shown has come to
    Micros m_shift = 0;
};

}  // namespace finwave::app
