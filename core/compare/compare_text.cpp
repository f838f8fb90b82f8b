// A comparison in words (finwave compare's text) and as JSON lines.
#include "core/compare/compare.h"

#include "core/sim/trace_format.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace finwave::compare {

namespace {
std::string seconds(Micros t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.6f s", static_cast<double>(t) / kSec);
    return buf;
}
std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n'))
        s.pop_back();
    return s;
}
std::string described(const Simulator& sim, const Event& e) { return trimmed(textRecord(sim, sim.trace()[e.record])); }
}  // namespace

std::string comparisonText(const Simulator& a, const Simulator& b, const Comparison& c, const std::string& nameA,
                           const std::string& nameB) {
    std::ostringstream out;
    out << "first run:  " << nameA << "\nsecond run: " << nameB << '\n';
    out << "events: " << c.pairs << " paired (" << c.shifted << " at another time), " << c.onlyA
        << " only in the first run, " << c.onlyB << " only in the second\n";
    if (c.same()) {
        out << "no difference\n";
    } else {
        const Aligned& d = c.lines[*c.firstDifference];
        out << "first difference:\n";
        out << "  first run:  " << (d.a ? described(a, c.a[*d.a]) : std::string("(nothing here)")) << '\n';
        out << "  second run: " << (d.b ? described(b, c.b[*d.b]) : std::string("(nothing here)")) << '\n';
        if (d.a && d.b)
            out << "  the same event, " << seconds(d.dt) << " in the second run\n";
    }
    out << "events side by side (= same time, ~ shifted by dt, < first run only, > second run only):\n";
    for (const Aligned& line : c.lines) {
        if (line.a && line.b)
            out << (line.dt == 0 ? "= " : "~ ") << described(a, c.a[*line.a])
                << (line.dt == 0 ? std::string() : "  dt " + seconds(line.dt)) << '\n';
        else if (line.a)
            out << "< " << described(a, c.a[*line.a]) << '\n';
        else
            out << "> " << described(b, c.b[*line.b]) << '\n';
    }
    return out.str();
}

std::string comparisonJsonl(const Simulator& a, const Simulator& b, const Comparison& c) {
    std::ostringstream out;
    out << "{\"summary\":true,\"paired\":" << c.pairs << ",\"shifted\":" << c.shifted << ",\"only_first\":" << c.onlyA
        << ",\"only_second\":" << c.onlyB << ",\"first_difference\":"
        << (c.firstDifference ? std::to_string(*c.firstDifference) : std::string("null")) << "}\n";
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        const Aligned& line = c.lines[k];
        out << "{\"line\":" << k << ",\"first\":"
            << (line.a ? trimmed(jsonlRecord(a, a.trace()[c.a[*line.a].record])) : std::string("null"))
            << ",\"second\":" << (line.b ? trimmed(jsonlRecord(b, b.trace()[c.b[*line.b].record])) : std::string("null"));
        if (line.a && line.b)
            out << ",\"dt_us\":" << line.dt;
        out << "}\n";
    }
    return out.str();
}

}  // namespace finwave::compare
