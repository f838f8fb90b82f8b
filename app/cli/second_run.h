#pragma once
// The second of two runs compared, as `finwave compare` and `finwave export --compare` name it:
// another scenario, the first under another profile, or a capture's connection.

#include "core/capture/reconstruct.h"
#include "core/options/command_line.h"
#include "core/sim/simulator.h"

#include <memory>
#include <optional>
#include <string>

namespace finwave::app {

struct SecondRunBuilt {
    std::unique_ptr<Simulator> run;                 // run to its end, for the pairing
    std::optional<Scenario> scenario;               // a scenario's run ...
    std::optional<capture::Reconstruction> capture; // ... or a capture's
    int connection = 1;
    std::string name, error;                        // error: one line naming the flag
};

std::string runName(const Scenario& s);  // "lost-last-ack, profile rfc"
SecondRunBuilt buildSecondRun(const Scenario& first, const options::ScenarioFlags& flags, const options::SecondRun& second);

}  // namespace finwave::app
