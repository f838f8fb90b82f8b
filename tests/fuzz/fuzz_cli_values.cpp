// libFuzzer target: the command line's value parsers (core/options/values.h) and the loss levels they
// bound. Nothing may crash, hang, hit undefined behaviour or make more levels than the budget.
#include "core/options/values.h"
#include "core/sim/experiment.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string error;
    if (const auto spec = finwave::parseSweepSpec(text, error)) {
        if (spec->levels < 1 || spec->levels > finwave::kMaxLossLevels)
            std::abort();
        if (finwave::lossLevels(spec->from, spec->to, spec->step).size() != static_cast<std::size_t>(spec->levels))
            std::abort();
        // The largest allowed --runs against these levels must be judged without overflow.
        (void)finwave::sweepSizeError(spec->levels, finwave::kMaxRunsPerPoint);
    } else if (error.empty() || error.find('\n') != std::string::npos) {
        std::abort();  // every refusal is one line
    }
    if (const auto n = finwave::parseWholeNumber(text, 1, finwave::kMaxRunsPerPoint))
        if (*n < 1 || *n > finwave::kMaxRunsPerPoint)
            std::abort();
    // The same bytes read as FROM:TO:STEP numbers straight into lossLevels (the window's path).
    const auto a = finwave::parseFinite(text.substr(0, size / 3));
    const auto b = finwave::parseFinite(text.substr(size / 3, size / 3));
    const auto c = finwave::parseFinite(text.substr(2 * (size / 3)));
    if (a && b && c && finwave::lossLevels(*a, *b, *c).size() > static_cast<std::size_t>(finwave::kMaxLossLevels))
        std::abort();
    return 0;
}
