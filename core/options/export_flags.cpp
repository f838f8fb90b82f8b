// `finwave export` and `finwave experiment`: their flags, declared once.
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

#include <charconv>

namespace finwave::options::detail {

namespace {
// "4k", "fhd" or "WxH", each side 100 to 8192.
Refusal readFit(std::string_view v, std::optional<std::pair<int, int>>& out) {
    if (v == "4k" || v == "4K") {
        out = {3840, 2160};
        return std::nullopt;
    }
    if (v == "fhd" || v == "FHD" || v == "1080p") {
        out = {1920, 1080};
        return std::nullopt;
    }
    const auto x = v.find_first_of("xX");
    int w = 0, h = 0;
    const bool ok = x != std::string_view::npos &&
                    std::from_chars(v.data(), v.data() + x, w).ptr == v.data() + x &&
                    std::from_chars(v.data() + x + 1, v.data() + v.size(), h).ptr == v.data() + v.size() && x > 0 &&
                    x + 1 < v.size() && w >= 100 && h >= 100 && w <= 8192 && h <= 8192;
    if (!ok)
        return "'" + printable(v) + "' is not a size (4k, fhd or WxH, 100 to 8192 each)";
    out = {w, h};
    return std::nullopt;
}

using E = ExportOptions;
constexpr Flag<E> kExportFlags[] = {
    {"--output", "FILE.png|.svg|.pdf", "the file to write (its extension gives the format)",
     +[](E& o, std::string_view v) -> Refusal {
         constexpr std::string_view exts[] = {".png", ".svg", ".pdf"};
         for (int i = 0; i < 3; ++i)
             if (hasExtension(v, exts[i])) {
                 o.output = std::string(v);
                 o.format = static_cast<DiagramFormat>(i);
                 return std::nullopt;
             }
         return printable(v) + ": unknown extension (png, svg, pdf)";
     }},
    {"--view", "sequence|states|both", "the sequence diagram, the state graph, or both side by side",
     +[](E& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"sequence", "states", "both"}, "a view", i))
             return bad;
         o.view = static_cast<DiagramView>(i);
         return std::nullopt;
     }},
    {"--scale", "K", "one column, K times the screen's size (1 to 4; PNG)",
     +[](E& o, std::string_view v) -> Refusal {
         std::optional<double> k;
         if (readNumber(v, 1, 4, k))
             return "'" + printable(v) + "' is out of range (1 to 4)";
         o.scale = k;
         return std::nullopt;
     }},
    {"--fit", "4k|fhd|WxH", "cut a long diagram into columns to fill a slide of that size",
     +[](E& o, std::string_view v) { return readFit(v, o.fit); }},
    {"--lang", "en|zh_CN", "the language of the labels",
     +[](E& o, std::string_view v) { return readLanguage(v, o.language); }},
    {"--theme", "light|projector|high-contrast", "the colours and text sizes (high-contrast: every text 7:1)",
     +[](E& o, std::string_view v) { return readTheme(v, o.theme); }},
    {"--step", "N", "draw the run up to step N",
     +[](E& o, std::string_view v) { return readStep(v, o.step); }},
    {"--transparent", "", "a transparent background (PNG)", +[](E& o, std::string_view) { return setSwitch(o.transparent); }},
    {"--caption", "", "a caption with the scenario, profile and parameters", +[](E& o, std::string_view) { return setSwitch(o.caption); }},
    {"--whole-figure", "", "all eleven states in the state graph, not only the part the run is in",
     +[](E& o, std::string_view) { return setSwitch(o.wholeFigure); }},
    {"--capture", "FILE", "draw a capture's connection instead of a scenario",
     +[](E& o, std::string_view v) -> Refusal {
         if (!o.capture)
             o.capture.emplace();
         return readPath(v, o.capture->file);
     }},
    {"--connection", "N", "which connection of the capture",
     +[](E& o, std::string_view v) -> Refusal {
         if (!o.capture)
             o.capture.emplace();
         return readConnection(v, o.capture->connection);
     }},
    {"--compare", "", "draw the run beside a second one (--with, --with-profile or --with-capture) on one time axis",
     +[](E& o, std::string_view) { return setSwitch(o.compare); }},
    {"--with", "NAME|FILE", "with --compare: the second run is another scenario, with the same scenario options",
     +[](E& o, std::string_view v) { return readPath(v, o.second.with); }},
    {"--with-profile", "rfc|linux", "with --compare: the second run is the same scenario under this profile",
     +[](E& o, std::string_view v) { return readWithProfile(v, o.second.withProfile); }},
    {"--with-capture", "FILE", "with --compare: the second run is a capture's connection",
     +[](E& o, std::string_view v) { return readPath(v, o.second.withCapture); }},
    {"--with-connection", "N", "which connection of --with-capture (1 or more)",
     +[](E& o, std::string_view v) { return readConnection(v, o.second.connection); }},
};

// export --compare: both runs drawn whole, side by side.
Refusal checkExportCompare(const ExportOptions& o) {
    const bool secondGiven = !o.second.with.empty() || o.second.withProfile || !o.second.withCapture.empty() || o.second.connection != 0;
    if (!o.compare)
        return secondGiven ? std::optional<std::string>("--with: needs --compare") : std::nullopt;
    if (o.capture)
        return std::string("--capture: cannot be the first run of --compare (give it to --with-capture)");
    if (o.step)
        return std::string("--step: cannot be used with --compare (both runs are drawn to their end)");
    if (o.transparent)
        return std::string("--transparent: cannot be used with --compare");
    if (Refusal bad = checkSecondRun(o.second, "--with-connection"))
        return bad;
    for (const std::string* input : {&o.second.with, &o.second.withCapture})
        if (!input->empty() && samePath(o.output, *input))
            return named("--output", printable(o.output) + ": is the second run's file it would be written over");
    return std::nullopt;
}

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

std::span<const Flag<ExportOptions>> exportFlags() { return kExportFlags; }
std::span<const Flag<ExperimentOptions>> experimentFlags() { return kExperimentFlags; }

Refusal readExport(const std::vector<std::string>& args, ExportOptions& o) {
    if (Refusal bad = readFlags<E>(args, kExportFlags, o, &o.scenario))
        return bad;
    if (o.output.empty())
        return std::string("--output: is required (FILE.png, FILE.svg or FILE.pdf)");
    if (o.scale && o.fit)
        return std::string("--fit: cannot be used with --scale (a fitted PNG has the fit's size)");
    if (Refusal bad = checkOutputPath(o.output))
        return named("--output", *bad);
    if (Refusal bad = checkExportCompare(o))
        return bad;
    if (o.capture) {
        if (o.capture->file.empty())
            return std::string("--connection: needs --capture FILE");
        if (o.scenario.anyGiven())
            return std::string("--capture: scenario options do not apply to a capture");
        if (samePath(o.output, o.capture->file))
            return named("--output", printable(o.output) + ": is the capture it would be written over");
        return std::nullopt;
    }
    if (o.scenario.scenarioGiven && samePath(o.output, o.scenario.scenario))
        return named("--output", printable(o.output) + ": is the scenario file it would be written over");
    return scenarioRequired(o.scenario);
}

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
