#include "app/compare/compare_summary.h"

#include "core/sim/trace_format.h"

#include <QCoreApplication>

namespace finwave::app {

QString shortEventText(const Simulator& sim, const compare::Event& e) {
    std::string text = textRecord(sim, sim.trace()[e.record]);
    if (const auto states = text.find("  A="); states != std::string::npos)
        text.resize(states);
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return QString::fromStdString(text).trimmed();
}

QString comparisonSummary(const Simulator& a, const Simulator& b, const compare::Comparison& c) {
    const auto secs = [](Micros at) { return static_cast<double>(at) / kSec; };
    QString text = QCoreApplication::translate("finwave::app::CompareWindow", "%1 events paired, %2 of them at another time; %3 only in the first run, %4 only in the second.")
                       .arg(c.pairs).arg(c.shifted).arg(c.onlyA).arg(c.onlyB);
    if (c.same()) {
        text += QLatin1Char(' ') + QCoreApplication::translate("finwave::app::CompareWindow", "The two runs do not differ.");
    } else {
        const compare::Aligned& d = c.lines[*c.firstDifference];
        const QString what = d.a ? shortEventText(a, c.a[*d.a]) : shortEventText(b, c.b[*d.b]);
        const QString event = what.section(QStringLiteral("  "), 2).trimmed();  // without its time and step
        text += QLatin1Char(' ');
        if (d.a && d.b)
            text += QCoreApplication::translate("finwave::app::CompareWindow", "First difference: %1 at %2 s in the first run, at %3 s in the second.")
                        .arg(event).arg(secs(c.a[*d.a].t), 0, 'f', 3).arg(secs(c.b[*d.b].t), 0, 'f', 3);
        else if (d.a)
            text += QCoreApplication::translate("finwave::app::CompareWindow", "First difference: %1 at %2 s, only in the first run.").arg(event).arg(secs(c.a[*d.a].t), 0, 'f', 3);
        else
            text += QCoreApplication::translate("finwave::app::CompareWindow", "First difference: %1 at %2 s, only in the second run.").arg(event).arg(secs(c.b[*d.b].t), 0, 'f', 3);
    }
    return text + QLatin1Char(' ') + QCoreApplication::translate("finwave::app::CompareWindow", "The first run ends at %1 s, the second at %2 s.")
                                        .arg(secs(a.now()), 0, 'f', 3).arg(secs(b.now()), 0, 'f', 3);
}

}  // namespace finwave::app
