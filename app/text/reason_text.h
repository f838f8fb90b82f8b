#pragma once

#include "core/sim/simulator.h"

#include <QString>

namespace finwave::app {

// A sentence for a student: what happened, which rule made it happen, what comes next.
// Protocol names (FIN_WAIT_1, ACK, RST, MSL) stay as they are; the sentence is translated.
QString reasonSentence(Reason reason);
// One line for the event log: who did what ("A sends FIN, ACK seq=1 ack=1"), in words.
// hideTimes: a timer's start does not say when it fires ("?": a quiz's timer question is open).
QString recordSummary(const Simulator& sim, const TraceRecord& record, bool hideTimes = false);
// The label drawn on a segment: "FIN, ACK seq=1 ack=1 len=100".
QString segmentLabel(const Simulator& sim, const Segment& segment);
// A scenario's title and description in the current language (built-ins are translated).
QString scenarioTitle(const Scenario& scenario);
QString scenarioDescription(const Scenario& scenario);
// An export's caption: scenario, profile, delays, losses, seed and step, as the user set them.
QString runCaption(const Simulator& sim);
// How a run ended, in words ("reset", "closed gracefully").
QString outcomeText(Outcome outcome);
// The rule a record follows, as the log, the inspector and the caption show it: a citation
// (RFC 9293 §3.10.7.4, Linux tcp_fin_timeout) as written, the rest ("scenario fault", "dropped by
// the user") in the window's language.
QString ruleText(Reason reason);
// What a socket call returned, as the application sees it: "read() = -1 ECONNRESET", "close() = 0"
// and, on a second line, the bytes a close threw away.
QString callLabel(const TraceRecord& record);
// "0.050 s", "240.300 s"; to the microsecond ("0.000193 s") when the run's grain is 1 µs
// (Simulator::timeGrain).
QString formatTime(Micros t, Micros grain = kMs);

}  // namespace finwave::app
