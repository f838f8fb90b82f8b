// libFuzzer target: stepping a run back and forth through its checkpoints. The input picks a
// built-in, makes it long (a small MSS, a large send, some loss) and then is a list of moves: steps,
// steps back, seeks, drops. Whatever the path, the run must equal a fresh run of what it recorded
// (Simulator::recordedRun()) seeked to the same step, and the step-back history must stay within
// a small constant per step (the reliability issue's 3 GB history came from a checkpoint per 32
// steps copying every segment in flight).
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"
#include "core/sim/simulator.h"
#include "core/sim/trace_format.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {
std::string jsonl(const finwave::Simulator& sim) {
    std::ostringstream out;
    finwave::writeTrace(out, sim, finwave::TraceFormat::Jsonl);
    return out.str();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace finwave;
    if (size < 4)
        return 0;
    const auto& names = builtinScenarioNames();
    Scenario s = *builtinScenario(names[data[0] % names.size()]);
    s.params.mss = 1u + data[1] % 64u;
    const std::uint32_t bytes = 200u * (data[2] % 64u);
    if (bytes > 0)
        s.actions.insert(s.actions.begin(), action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, bytes));
    s.ab.loss = s.ba.loss = (data[3] % 8) / 40.0;
    s.horizon = std::min<Micros>(s.horizon, 600 * kSec);
    Simulator sim(s);
    for (std::size_t i = 4; i + 1 < size; i += 2) {
        const unsigned arg = data[i + 1];
        switch (data[i] % 6) {
        case 0:
            for (unsigned k = 0; k < arg * 8 && sim.step(); ++k) {
            }
            break;
        case 1:
            for (unsigned k = 0; k <= arg % 16 && sim.stepBack(); ++k) {
            }
            break;
        case 2:
            sim.seek(sim.stepIndex() * arg / 255);
            break;
        case 3:
            sim.seek(sim.stepIndex() + arg * 64ull);
            break;
        case 4:
            sim.dropNext(arg % 2 ? Side::A : Side::B);
            break;
        default:
            if (!sim.inFlight().empty())
                sim.dropInFlight(sim.inFlight()[arg % sim.inFlight().size()].seg.id);
            break;
        }
    }
    if (sim.historyBytes() > 400 * sim.stepIndex() + (1u << 20))
        std::abort();
    Simulator again(sim.recordedRun());
    again.seek(sim.stepIndex());
    if (again.stepIndex() != sim.stepIndex() || jsonl(again) != jsonl(sim))
        std::abort();
    return 0;
}
