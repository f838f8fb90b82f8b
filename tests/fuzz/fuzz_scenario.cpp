// libFuzzer target: the scenario reader must never crash, hang or throw on any input, and
// whatever it accepts must write back to text it accepts again, unchanged.
#include "core/scenario/scenario_io.h"
#include "core/sim/simulator.h"

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const finwave::ScenarioResult r = finwave::parseScenario(text, "fuzz.json");
    if (!r) {
        if (r.error.message.empty() || r.error.code == finwave::ScenarioErrorCode::None)
            std::abort();  // every rejection says why, with a code the window can translate
        if (r.error.oneLine().find_first_of("\r\n") != std::string::npos)
            std::abort();  // and on one line
        return 0;
    }
    const std::string written = finwave::writeScenario(*r.scenario);
    const finwave::ScenarioResult again = finwave::parseScenario(written, "again.json");
    if (!again || finwave::writeScenario(*again.scenario) != written)
        std::abort();
    // A parsed scenario must also run to an end (bounded steps) without crashing.
    finwave::Scenario s = *r.scenario;
    s.horizon = std::min<finwave::Micros>(s.horizon, 600 * finwave::kSec);
    finwave::Simulator sim(s, finwave::SimulatorOptions{false, false});
    sim.runToEnd(20000);
    return 0;
}
