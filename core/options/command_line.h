#pragma once
// The command line (README "The command line"): every command's flags are declared once, in one
// table per command (core/options/*_flags.cpp), and read here into plain structs with every value
// checked. Nothing needs Qt or a display, so a bad flag gets its one line and exit status 2 before
// any window, QApplication or file exists.

#include "core/capture/capture_writer.h"
#include "core/lab/lab.h"
#include "core/options/values.h"
#include "core/protocol/profile.h"
#include "core/sim/trace_format.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace finwave::options {

// The flags every command that runs a scenario shares: --scenario, --profile, --seed, --loss-ab,
// --loss-ba, --delay-ab, --delay-ba, --jitter.
struct ScenarioFlags {
    std::string scenario = "normal-close";  // a built-in name or a .json file
    bool scenarioGiven = false;
    std::optional<Profile> profile;
    std::optional<std::uint64_t> seed;
    std::optional<double> lossAb, lossBa;        // 0..1
    std::optional<double> delayAbMs, delayBaMs;  // 0..60000
    std::optional<double> jitterMs;              // 0..60000
    bool anyGiven() const;                       // any of them, --scenario included
};

// --capture FILE [--connection N]: which connection of a capture.
struct CaptureChoice {
    std::string file;
    int connection = 0;  // 1-based; 0 when --connection was not given
};

// `finwave trace`: a run printed, and with --pcap written as a capture.
struct TraceOptions {
    ScenarioFlags scenario;
    TraceFormat format = TraceFormat::Text;
    std::string pcap;  // empty: no capture is written
    capture::CaptureFormat pcapFormat = capture::CaptureFormat::Pcapng;  // from the file's extension
    std::optional<Side> vantage;
    std::optional<capture::LinkType> link;
    capture::WriteOptions captureOptions() const;
};

// `finwave import FILE`: a capture's connection as a run.
struct ImportOptions {
    std::string file;
    bool list = false;
    int connection = 0;  // 0 when not given
    TraceFormat format = TraceFormat::Text;
};

enum class DiagramView { Sequence, States, Both };
// Still pictures (PNG, SVG, PDF), the run played (GIF, MP4), and the run as one web page (HTML).
enum class DiagramFormat { Png, Svg, Pdf, Gif, Mp4, Html };
inline bool isAnimated(DiagramFormat f) { return f == DiagramFormat::Gif || f == DiagramFormat::Mp4; }

// The second of two runs compared (`finwave compare`, `finwave export --compare`): exactly one of
// another scenario (with the same scenario options), the first under another profile, or a
// capture's connection.
struct SecondRun {
    std::string with;
    std::optional<Profile> withProfile;
    std::string withCapture;
    int connection = 0;  // 1-based; 0 when not given
};

// `finwave export`: a diagram into a file.
struct ExportOptions {
    ScenarioFlags scenario;
    std::optional<CaptureChoice> capture;  // draw a capture's run instead of a scenario's
    DiagramView view = DiagramView::Sequence;
    std::string output;
    DiagramFormat format = DiagramFormat::Png;
    std::optional<double> scale;               // 1..4
    std::optional<std::pair<int, int>> fit;    // 100..8192 each: "4k", "fhd" or WxH
    std::string language = "en";               // "en", "zh_CN"
    std::string theme = "light";               // "light", "projector", "high-contrast"
    std::optional<std::uint64_t> step;
    bool transparent = false, caption = false, wholeFigure = false;
    bool compare = false;  // --compare: the run beside a second one (`second`), on one time axis
    SecondRun second;
    bool viewGiven = false;
    // The run as it moves (issue 31): --output FILE.gif|.mp4|.html, or --handout FILE.pdf (one page
    // per step) instead of --output. Steps --from-step..--to-step (default: all of the run).
    std::string handout;
    std::optional<std::uint64_t> fromStep, toStep;
    std::optional<int> fps;                    // GIF, MP4: 1..60 frames a second (default 15)
    std::optional<std::pair<int, int>> size;   // GIF, MP4: the frame, 160..3840 × 120..2160 (default 1280×720)
    std::optional<double> speed;               // GIF, MP4: 0.25..4 times the window's speed 1
    bool allowLong = false;                    // GIF: longer than 30 s
    bool bothLanguages = false;                // HTML: sentences and labels in English and Chinese
};

// `finwave experiment`: a loss sweep over many runs.
struct ExperimentOptions {
    ScenarioFlags scenario;
    SweepSpec sweep;
    long long runs = 0;
    int threads = 0;  // 0: as many as the machine has
    std::string csv, chart;
};

// `finwave lab`: the server lab, headless, into a CSV and optionally a chart.
struct LabOptions {
    lab::LabConfig config;
    bool settingsGiven = false;  // a setting was read (a --preset must come before any)
    std::string csv, chart;
};

// `finwave compare`: two runs paired event by event, and where they first differ.
struct CompareOptions {
    ScenarioFlags scenario;  // the first run
    SecondRun second;
    double toleranceMs = 0;
    TraceFormat format = TraceFormat::Text;
};

// No command: the window, and the flags a demonstration or a screenshot script uses.
struct WindowOptions {
    std::string file;  // FILE without a flag: given to --scenario, --lesson or --capture by its content
    ScenarioFlags scenario;
    std::string theme, language;  // empty: as saved
    std::string screenshot;       // save the screen once shown, then quit
    std::optional<std::uint64_t> steps;
    bool reportGeometry = false;
    std::string lesson;
    int lessonPage = 0;  // 1-based; 0 when not given
    bool noteEdit = false;
    bool quiz = false, quizSummary = false;
    int quizAnswer = 0;  // 1..4; 0 when not given
    bool editor = false;
    bool guide = false;       // --guide: Help → User guide open
    std::string lab;          // --lab PRESET: Simulation → Server lab open on a preset, run
    bool compare = false;     // --compare: Simulation → Compare open at the first difference
    std::optional<int> editorPage;  // 0..4
    std::optional<std::uint32_t> packet;  // the segment (1-based, in sending order) whose details to show
    std::optional<CaptureChoice> capture;
};

struct HelpRequest {};
struct VersionRequest {};
struct ListScenariosRequest {};

using Command = std::variant<WindowOptions, TraceOptions, ImportOptions, ExportOptions, ExperimentOptions, LabOptions, CompareOptions,
                             HelpRequest, VersionRequest, ListScenariosRequest>;

struct Parsed {
    std::optional<Command> command;
    std::string error;  // the one line for stderr: "finwave trace: --format: 'xml' is not a format (text, jsonl)"
    explicit operator bool() const { return command.has_value(); }
};

// `args` are the arguments after the program's name.
Parsed parseCommandLine(const std::vector<std::string>& args);

// `finwave --help`, written from the same tables the parser reads.
std::string helpText();

}  // namespace finwave::options
