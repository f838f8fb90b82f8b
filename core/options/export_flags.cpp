// `finwave export`: its flags, declared once (which of them a format takes: export_checks.cpp).
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

#include <charconv>

namespace finwave::options::detail {

namespace {
// "WxH", each side in its range.
Refusal readSize(std::string_view v, int lo[2], int hi[2], std::optional<std::pair<int, int>>& out) {
    const auto x = v.find_first_of("xX");
    int w = 0, h = 0;
    const bool ok = x != std::string_view::npos && x > 0 && x + 1 < v.size() &&
                    std::from_chars(v.data(), v.data() + x, w).ptr == v.data() + x &&
                    std::from_chars(v.data() + x + 1, v.data() + v.size(), h).ptr == v.data() + v.size() &&
                    w >= lo[0] && h >= lo[1] && w <= hi[0] && h <= hi[1];
    if (!ok)
        return "'" + printable(v) + "' is not a size (WxH, " + std::to_string(lo[0]) + "x" + std::to_string(lo[1]) + " to " +
               std::to_string(hi[0]) + "x" + std::to_string(hi[1]) + ")";
    out = {w, h};
    return std::nullopt;
}

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
    int lo[2] = {100, 100}, hi[2] = {8192, 8192};
    if (readSize(v, lo, hi, out))
        return "'" + printable(v) + "' is not a size (4k, fhd or WxH, 100 to 8192 each)";
    return std::nullopt;
}

using E = ExportOptions;
constexpr Flag<E> kExportFlags[] = {
    {"--output", "FILE.png|.svg|.pdf|.gif|.mp4|.html", "the file to write (its extension gives the format)",
     +[](E& o, std::string_view v) -> Refusal {
         constexpr std::string_view exts[] = {".png", ".svg", ".pdf", ".gif", ".mp4", ".html"};  // DiagramFormat's order
         for (int i = 0; i < 6; ++i)
             if (hasExtension(v, exts[i])) {
                 o.output = std::string(v);
                 o.format = static_cast<DiagramFormat>(i);
                 return std::nullopt;
             }
         return printable(v) + ": unknown extension (png, svg, pdf, gif, mp4, html)";
     }},
    {"--handout", "FILE.pdf", "a handout instead of --output: one page per step, its sentence and notes",
     +[](E& o, std::string_view v) -> Refusal {
         if (!hasExtension(v, ".pdf"))
             return printable(v) + ": a handout is a PDF (FILE.pdf)";
         o.handout = std::string(v);
         return std::nullopt;
     }},
    {"--view", "sequence|states|both", "the sequence diagram, the state graph, or both side by side",
     +[](E& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"sequence", "states", "both"}, "a view", i))
             return bad;
         o.view = static_cast<DiagramView>(i);
         o.viewGiven = true;
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
    {"--from-step", "N", "GIF, MP4, HTML, handout: begin at step N (default 0)",
     +[](E& o, std::string_view v) { return readStep(v, o.fromStep); }},
    {"--to-step", "M", "GIF, MP4, HTML, handout: end at step M (default: the run's last)",
     +[](E& o, std::string_view v) { return readStep(v, o.toStep); }},
    {"--fps", "N", "GIF, MP4: frames a second (1 to 60; default 15)",
     +[](E& o, std::string_view v) -> Refusal {
         long long n = 0;
         if (readWhole(v, 1, 60, "a frame rate", n))
             return "'" + printable(v) + "' is out of range (1 to 60)";
         o.fps = static_cast<int>(n);
         return std::nullopt;
     }},
    {"--size", "WxH", "GIF, MP4: the frame's size (default 1280x720; even sides for MP4)",
     +[](E& o, std::string_view v) -> Refusal {
         int lo[2] = {160, 120}, hi[2] = {3840, 2160};
         return readSize(v, lo, hi, o.size);
     }},
    {"--speed", "K", "GIF, MP4: K times the window's speed 1 (0.25 to 4)",
     +[](E& o, std::string_view v) -> Refusal {
         if (readNumber(v, 0.25, 4, o.speed))
             return "'" + printable(v) + "' is out of range (0.25 to 4)";
         return std::nullopt;
     }},
    {"--allow-long", "", "GIF: allow one longer than 30 s (an MP4 is smaller)",
     +[](E& o, std::string_view) { return setSwitch(o.allowLong); }},
    {"--both-languages", "", "HTML: the sentences and the diagram in English and Chinese, switched in the page",
     +[](E& o, std::string_view) { return setSwitch(o.bothLanguages); }},
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
    if (!o.handout.empty() || o.format > DiagramFormat::Pdf)
        return std::string("--compare: draws a PNG, SVG or PDF");
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

}  // namespace

std::span<const Flag<ExportOptions>> exportFlags() { return kExportFlags; }

Refusal readExport(const std::vector<std::string>& args, ExportOptions& o) {
    if (Refusal bad = readFlags<E>(args, kExportFlags, o, &o.scenario))
        return bad;
    if (o.output.empty() && o.handout.empty())
        return std::string("--output: is required (FILE.png, .svg, .pdf, .gif, .mp4 or .html), or --handout FILE.pdf");
    if (Refusal bad = checkExportKinds(o))  // which flags the chosen file takes
        return bad;
    if (o.scale && o.fit)
        return std::string("--fit: cannot be used with --scale (a fitted PNG has the fit's size)");
    const char* flag = o.handout.empty() ? "--output" : "--handout";
    if (!o.handout.empty())
        o.output = o.handout;  // the one file written: the checks below and the command use it
    if (Refusal bad = checkOutputPath(o.output))
        return named(flag, *bad);
    if (Refusal bad = checkExportCompare(o))
        return bad;
    if (o.capture) {
        if (o.capture->file.empty())
            return std::string("--connection: needs --capture FILE");
        if (o.scenario.anyGiven())
            return std::string("--capture: scenario options do not apply to a capture");
        if (samePath(o.output, o.capture->file))
            return named(flag, printable(o.output) + ": is the capture it would be written over");
        return std::nullopt;
    }
    if (o.scenario.scenarioGiven && samePath(o.output, o.scenario.scenario))
        return named(flag, printable(o.output) + ": is the scenario file it would be written over");
    return scenarioRequired(o.scenario);
}

}  // namespace finwave::options::detail
