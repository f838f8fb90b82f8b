// The window's flags (no command), declared once: what a user opens it on, and what a
// demonstration or a screenshot script asks of it.
#include "core/options/internal/opened_file.h"
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

namespace finwave::options::detail {

namespace {
using W = WindowOptions;
constexpr Flag<W> kWindowFlags[] = {
    {"--theme", "light|projector|high-contrast", "the look: light, large text for a projector, or high contrast",
     +[](W& o, std::string_view v) { return readTheme(v, o.theme); }},
    {"--lang", "en|zh_CN", "the language (default: as last chosen)",
     +[](W& o, std::string_view v) { return readLanguage(v, o.language); }},
    {"--lesson", "FILE", "open a lesson: an ordered list of scenarios, paged with Page Down / Page Up",
     +[](W& o, std::string_view v) { return readPath(v, o.lesson); }},
    {"--lesson-page", "N", "open the lesson at its N-th scenario (1, 2, ...)",
     +[](W& o, std::string_view v) -> Refusal {
         long long n = 0;
         if (readWhole(v, 1, 1'000'000, "a page number", n))
             return "'" + printable(v) + "' is not a page number (1, 2, ...)";
         o.lessonPage = static_cast<int>(n);
         return std::nullopt;
     }},
    {"--capture", "FILE", "open a capture's connection as a run",
     +[](W& o, std::string_view v) -> Refusal {
         if (!o.capture)
             o.capture.emplace();
         return readPath(v, o.capture->file);
     }},
    {"--connection", "N", "which connection of the capture",
     +[](W& o, std::string_view v) -> Refusal {
         if (!o.capture)
             o.capture.emplace();
         return readConnection(v, o.capture->connection);
     }},
    {"--quiz", "", "start quiz mode", +[](W& o, std::string_view) { return setSwitch(o.quiz); }},
    {"--steps", "N", "open the run at step N (in quiz mode: at the N-th question)",
     +[](W& o, std::string_view v) { return readStep(v, o.steps); }},
    {"--quiz-answer", "K", "answer the question with choice K (1 to 4) to show the reveal",
     +[](W& o, std::string_view v) -> Refusal {
         long long n = 0;
         if (readWhole(v, 1, 4, "a choice", n))
             return "'" + printable(v) + "' is not a choice (1 to 4)";
         o.quizAnswer = static_cast<int>(n);
         return std::nullopt;
     }},
    {"--quiz-summary", "", "answer every question with choice 1 and show the end of the quiz",
     +[](W& o, std::string_view) { return setSwitch(o.quizSummary); }},
    {"--note-edit", "", "open the current step's note for writing", +[](W& o, std::string_view) { return setSwitch(o.noteEdit); }},
    {"--editor", "", "open the scenario editor", +[](W& o, std::string_view) { return setSwitch(o.editor); }},
    {"--guide", "", "open Help → User guide", +[](W& o, std::string_view) { return setSwitch(o.guide); }},
    {"--compare", "", "open Simulation → Compare (the other profile) at the first difference",
     +[](W& o, std::string_view) { return setSwitch(o.compare); }},
    {"--lab", "PRESET", "open Simulation → Server lab on a preset (see finwave lab --preset) and run it",
     +[](W& o, std::string_view v) -> Refusal {
         if (!lab::findLabPreset(v))
             return "'" + printable(v) + "' is not a preset (see finwave --help)";
         o.lab = std::string(v);
         return std::nullopt;
     }},
    {"--editor-page", "N", "open the scenario editor at its page N (0 to 4)",
     +[](W& o, std::string_view v) -> Refusal {
         long long n = 0;
         if (readWhole(v, 0, 4, "an editor page", n))
             return "'" + printable(v) + "' is not an editor page (0 to 4)";
         o.editorPage = static_cast<int>(n);
         return std::nullopt;
     }},
    {"--packet", "N", "show the packet details of the run's N-th segment (1, 2, ... as sent)",
     +[](W& o, std::string_view v) -> Refusal {
         long long n = 0;
         if (readWhole(v, 1, 4'000'000'000LL, "a segment number", n))
             return "'" + printable(v) + "' is not a segment number (1, 2, ...)";
         o.packet = static_cast<std::uint32_t>(n);
         return std::nullopt;
     }},
    {"--screenshot", "FILE.png", "once the window is shown, save the screen it is on and quit",
     +[](W& o, std::string_view v) { return readPath(v, o.screenshot); }},
    {"--report-geometry", "", "once shown, print the window's frame, the screen and the text sizes, and quit",
     +[](W& o, std::string_view) { return setSwitch(o.reportGeometry); }},
};
}  // namespace

std::span<const Flag<WindowOptions>> windowFlags() { return kWindowFlags; }

Refusal readWindow(const std::vector<std::string>& args, WindowOptions& o) {
    if (Refusal bad = readFlags<W>(args, kWindowFlags, o, &o.scenario, readOpenedPath))
        return bad;
    if (Refusal bad = dispatchOpenedFile(o))
        return bad;
    if (o.lessonPage > 0 && o.lesson.empty())
        return std::string("--lesson-page: needs --lesson FILE");
    if (o.capture && o.capture->file.empty())
        return std::string("--connection: needs --capture FILE");
    if (!o.screenshot.empty())
        if (Refusal bad = checkOutputPath(o.screenshot))
            return named("--screenshot", *bad);
    o.quiz = o.quiz || o.quizAnswer > 0 || o.quizSummary;
    o.editor = o.editor || o.editorPage.has_value();
    return std::nullopt;
}

}  // namespace finwave::options::detail
