// `finwave experiment`: its flags, declared once.
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

namespace finwave::options::detail {

namespace {
using X = ExperimentOptions;
constexpr Flag<X> kExperimentFlags[] = {
    {"--sweep", "loss=FROM:TO:STEP", "the loss levels to run, both directions",
     +[](X& o, std::string_view v) -> Refusal {
         std::string why;
         const auto spec = parseSweepSpec(v, why);
         if (!spec)
             return why.substr(why.find(": ") + 2);  // parseSweepSpec names --sweep itself
         o.sweep = *spec;
         return std::nullopt;
     }},
    {"--runs", "N", "runs at each level (1 to 10000000)",
     +[](X& o, std::string_view v) -> Refusal {
         if (!parseWholeNumber(v, 1, kMaxRunsPerPoint))
             return "'" + printable(v) + "' is out of range (1 to " + std::to_string(kMaxRunsPerPoint) + ")";
         o.runs = *parseWholeNumber(v, 1, kMaxRunsPerPoint);
         return std::nullopt;
     }},
    {"--threads", "N", "worker threads (1 to 256; default: every core)",
     +[](X& o, std::string_view v) -> Refusal {
         if (!parseWholeNumber(v, 1, kMaxThreads))
             return "'" + printable(v) + "' is out of range (1 to " + std::to_string(kMaxThreads) + ")";
         o.threads = static_cast<int>(*parseWholeNumber(v, 1, kMaxThreads));
         return std::nullopt;
     }},
    {"--csv", "FILE", "the table of results", +[](X& o, std::string_view v) { return readPath(v, o.csv); }},
    {"--chart", "FILE.png|.svg", "a chart of the results",
     +[](X& o, std::string_view v) -> Refusal {
         if (!hasExtension(v, ".png") && !hasExtension(v, ".svg"))
             return printable(v) + ": unknown extension (png, svg)";
         o.chart = std::string(v);
         return std::nullopt;
     }},
};
}  // namespace

std::span<const Flag<ExperimentOptions>> experimentFlags() { return kExperimentFlags; }

Refusal readExperiment(const std::vector<std::string>& args, ExperimentOptions& o) {
    if (Refusal bad = readFlags<X>(args, kExperimentFlags, o, &o.scenario))
        return bad;
    if (o.sweep.levels == 0)
        return std::string("--sweep: is required (loss=FROM:TO:STEP)");
    if (o.runs == 0)
        return std::string("--runs: is required");
    if (const auto tooMany = sweepSizeError(o.sweep.levels, o.runs))
        return *tooMany;
    if (Refusal bad = checkTableAndChart(o.csv, o.chart))
        return bad;
    for (const std::string* out : {&o.csv, &o.chart})
        if (!out->empty() && o.scenario.scenarioGiven && samePath(*out, o.scenario.scenario))
            return named(out == &o.csv ? "--csv" : "--chart", printable(*out) + ": is the scenario file it would be written over");
    return scenarioRequired(o.scenario);
}

}  // namespace finwave::options::detail
