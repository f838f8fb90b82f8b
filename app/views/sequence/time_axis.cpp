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

double TimeAxis::span(Micros gap) const {
    if (gap <= m_threshold)
        return static_cast<double>(gap) * m_scale;
    return static_cast<double>(m_threshold) * m_scale +
           m_breakLength * (1.0 - static_cast<double>(m_threshold) / static_cast<double>(gap));
}

void TimeAxis::addTime(Micros t) {
    if (!m_knots.empty() && t <= m_knots.back())
        return;
    if (m_knots.empty()) {
        m_knots.push_back(t);
        m_y.push_back(m_top);
        return;
    }
    const Micros gap = t - m_knots.back();
    const double y = m_y.back() + span(gap);
    if (gap > m_threshold) {
        const double y0 = m_y.back() + static_cast<double>(m_threshold) * m_scale;
        m_breaks.push_back(Break{m_knots.back(), t, y0, y});  // from..to is the real idle span
    }
    m_knots.push_back(t);
    m_y.push_back(y);
}

void TimeAxis::truncateAfter(Micros t) {
    while (m_knots.size() > 1 && m_knots.back() > t) {
        if (!m_breaks.empty() && m_breaks.back().to == m_knots.back())
            m_breaks.pop_back();
        m_knots.pop_back();
        m_y.pop_back();
    }
}

double TimeAxis::y(Micros t) const {
    if (m_knots.empty() || t <= m_knots.front())
        return m_y.empty() ? m_top : m_y.front();
    if (t >= m_knots.back())
        return m_y.back() + span(t - m_knots.back());
    const auto it = std::upper_bound(m_knots.begin(), m_knots.end(), t);
    const std::size_t i = static_cast<std::size_t>(it - m_knots.begin()) - 1;
    return m_y[i] + span(t - m_knots[i]);
}

}  // namespace finwave::app
