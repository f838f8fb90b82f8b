#pragma once
// The caption of the step the run stands at, for the presenter layout, the window's caption bar and
// an export of one step: at step 0 what the scenario shows; at a step, what happened, why, and the
// rule; at the end, how the run ended.

#include "core/sim/simulator.h"

#include <QString>

namespace finwave {
struct Departure;
}

namespace finwave::app {

struct StepCaptionText {
    QString headline;  // "Step 5 · A: FIN_WAIT_2 → TIME_WAIT", "Finished: closed gracefully"
    QString sentence;  // why, in a sentence
    QString rule;      // "RFC 9293 §3.10.7.4 Eighth (F2a)"; empty at step 0 and at the end
    bool finished = false;
};

// `teardown`: an opened capture's ending in words (SimController::teardownText()), used at its end.
// hideTimes: a timer's start does not say when it fires (a quiz's timer question is open).
StepCaptionText stepCaption(const Simulator& sim, const QString& teardown = {}, bool hideTimes = false);
// One line of it: "headline. sentence [rule]".
QString stepCaptionLine(const Simulator& sim, const QString& teardown = {});
// What the status bar adds when the user's changes took the run away from what its scenario shows
// (core/teaching/departure.h): " · your changes left the scenario's story: ...".
QString departureText(const Departure& d);

}  // namespace finwave::app
