#include "app/views/sequence/time_axis.h"

#include <algorithm>

namespace finwave::app {

// A gap up to `threshold` is drawn at the linear scale. Past it the length grows ever more slowly
// and never exceeds threshold * scale + breakLength: span(g) = T*s + B*(1 - T/g). The same function
// places the cursor while it waits, so y(t) is continuous and monotone everywhere.

void TimeAxis::reset(double top, double pxPerMicro, Micros threshold, double breakLength) {
    clear();
    m_top = top;
    m_scale = pxPerMicro;
    m_threshold = threshold;
    m_breakLength = breakLength;
    addTime(0);
}

double TimeAxis::span(Micros gap, bool linear) const {
    if (gap <= m_threshold || linear)
        return static_cast<double>(gap) * m_scale;
    return static_cast<double>(m_threshold) * m_scale +
           m_breakLength * (1.0 - static_cast<double>(m_threshold) / static_cast<double>(gap));
}

void TimeAxis::freeze() {
    m_frozen = true;
    m_reached = m_knots.empty() ? 0 : m_knots.front();
}

std::span<const Micros> TimeAxis::knots() const {
    if (!m_frozen)
        return m_knots;
    const auto end = std::upper_bound(m_knots.begin(), m_knots.end(), m_reached);
    return {m_knots.data(), static_cast<std::size_t>(end - m_knots.begin())};
}

std::span<const TimeAxis::Break> TimeAxis::breaks() const {
    if (!m_frozen)
        return m_breaks;
    std::size_t n = 0;  // breaks are in time order
    while (n < m_breaks.size() && m_breaks[n].to <= m_reached)
        ++n;
    return {m_breaks.data(), n};
}

void TimeAxis::hold(int record, Micros until) {
    if (m_frozen)
        return;
    if (until > lastTime())
        m_holds.push_back(Hold{record, std::max(until, m_holds.empty() ? 0 : m_holds.back().until)});
}

void TimeAxis::forgetHolds(int record) {
    if (m_frozen)
        return;
    while (!m_holds.empty() && m_holds.back().record >= record)
        m_holds.pop_back();
}

// The gap after the last knot is drawn at scale while something sent by then still flies.
bool TimeAxis::linearGap(Micros gap) const {
    return !m_holds.empty() && !m_knots.empty() && m_holds.back().until > m_knots.back() && gap <= kMaxHeld * m_threshold;
}

void TimeAxis::addTime(Micros t) {
    if (m_frozen) {
        m_reached = std::max(m_reached, t + m_shift);
        return;
    }
    if (!m_knots.empty() && t <= m_knots.back())
        return;
    if (m_knots.empty()) {
        m_knots.push_back(t);
        m_y.push_back(m_top);
        return;
    }
    const Micros gap = t - m_knots.back();
    const bool linear = linearGap(gap);
    const double y = m_y.back() + span(gap, linear);
    if (gap > m_threshold && !linear) {
        const double y0 = m_y.back() + static_cast<double>(m_threshold) * m_scale;
        m_breaks.push_back(Break{m_knots.back(), t, y0, y});  // from..to is the real idle span
    }
    m_knots.push_back(t);
    m_y.push_back(y);
    m_linear.push_back(linear);
}

void TimeAxis::truncateAfter(Micros t) {
    if (m_frozen) {
        m_reached = std::min(m_reached, t + m_shift);
        return;
    }
    while (m_knots.size() > 1 && m_knots.back() > t) {
        if (!m_breaks.empty() && m_breaks.back().to == m_knots.back())
            m_breaks.pop_back();
        m_knots.pop_back();
        m_y.pop_back();
        m_linear.pop_back();
    }
}

double TimeAxis::y(Micros t) const {
    t += m_shift;
    if (m_knots.empty() || t <= m_knots.front())
        return m_y.empty() ? m_top : m_y.front();
    if (t >= m_knots.back())
        return m_y.back() + span(t - m_knots.back(), linearGap(t - m_knots.back()));
    const auto it = std::upper_bound(m_knots.begin(), m_knots.end(), t);
    const std::size_t i = static_cast<std::size_t>(it - m_knots.begin()) - 1;
    return m_y[i] + span(t - m_knots[i], m_linear[i]);
}

}  // namespace finwave::app
