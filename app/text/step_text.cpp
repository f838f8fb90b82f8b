#include "app/text/step_text.h"

#include "core/teaching/departure.h"

#include "app/text/reason_text.h"
#include "core/protocol/transitions.h"
#include "core/teaching/step_caption.h"

#include <QCoreApplication>

namespace finwave::app {

StepCaptionText stepCaption(const Simulator& sim, const QString& teardown, bool hideTimes) {
    StepCaptionText c;
    const std::uint64_t step = sim.stepIndex();
    if (sim.isFinished() && step > 0) {
        c.finished = true;
        c.headline = QCoreApplication::translate("Caption", "Finished: %1")
                         .arg(sim.isReplay() && !teardown.isEmpty() ? teardown : outcomeText(sim.outcome()));
        c.sentence = QCoreApplication::translate("Caption", "%1 steps, %2 s.")
                         .arg(step)
                         .arg(static_cast<double>(sim.now()) / kSec, 0, 'f', sim.timeGrain() < kMs ? 6 : 3);
        return c;
    }
    if (step == 0) {
        c.headline = scenarioTitle(sim.scenario());
        c.sentence = sim.isReplay() ? QCoreApplication::translate("Caption", "A captured connection, replayed step by step.")
                                    : scenarioDescription(sim.scenario());
        return c;
    }
    const auto record = explainingRecord(sim.trace(), step);
    if (!record)
        return c;
    const TraceRecord& r = sim.trace()[*record];
    // A row taken in place says it as the state graph labels its edge; a change of state, a
    // segment or a call as the log does.
    const Transition* row = r.kind != EventKind::State ? transitionOf(r) : nullptr;
    const QString what = row ? QCoreApplication::translate("Caption", "%1 in %2: %3 (%4)")
                                   .arg(QString::fromUtf8(sideName(r.side).data()), QString::fromUtf8(stateName(row->from).data()),
                                        QCoreApplication::translate("StateGraph", std::string(row->label).c_str())
                                            .replace(QLatin1Char('\n'), QStringLiteral(", ")),
                                        QString::fromUtf8(row->id.data()))
                             : recordSummary(sim, r, hideTimes);
    c.headline = QCoreApplication::translate("Caption", "Step %1 · %2").arg(step).arg(what);
    c.sentence = reasonSentence(r.reason);
    c.rule = ruleText(r.reason);
    return c;
}

QString stepCaptionLine(const Simulator& sim, const QString& teardown) {
    const StepCaptionText c = stepCaption(sim, teardown);
    QString out = c.headline;
    if (!c.sentence.isEmpty())
        out += QStringLiteral(". ") + c.sentence;
    if (!c.rule.isEmpty())
        out += QStringLiteral(" [") + c.rule + QLatin1Char(']');
    return out;
}

// What the status bar adds when the user's drops or sliders took the run away from what its
// scenario was written to show: a teacher must not narrate "the last ACK is lost" over a run where
// it was not.
QString departureText(const Departure& d) {
    const auto segment = [](const FaultTaken& f) {
        return QCoreApplication::translate("Departure", "%1's %2").arg(QString::fromUtf8(sideName(f.sender).data()), QString::fromStdString(flagsText(f.flags)));
    };
    QStringList why;
    if (d.written && d.taken)
        why << QCoreApplication::translate("Departure", "its fault took %1, written to take %2").arg(segment(*d.taken), segment(*d.written));
    else if (d.faultMissing && d.written)
        why << QCoreApplication::translate("Departure", "its fault (%1) never came").arg(segment(*d.written));
    if (d.outcomeChanged)
        why << QCoreApplication::translate("Departure", "it ends %1, this run %2").arg(outcomeText(d.writtenOutcome), outcomeText(d.outcome));
    return QCoreApplication::translate("Departure", " · your changes left the scenario's story: %1").arg(why.join(QCoreApplication::translate("Departure", "; ")));
}

}  // namespace finwave::app
