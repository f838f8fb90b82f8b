// `finwave export`: which flags each kind of file takes. A flag that does not apply to the file
// asked for is refused, not ignored, so a script that passes --fps to a PNG learns it did nothing.
#include "core/options/internal/flag_table.h"

#include <array>

namespace finwave::options::detail {

namespace {
// The kinds of file `finwave export` writes, as far as its flags go.
enum class Kind { Still, Gif, Mp4, Html, Handout };

Kind kindOf(const ExportOptions& o) {
    if (!o.handout.empty())
        return Kind::Handout;
    switch (o.format) {
    case DiagramFormat::Gif:
        return Kind::Gif;
    case DiagramFormat::Mp4:
        return Kind::Mp4;
    case DiagramFormat::Html:
        return Kind::Html;
    default:
        return Kind::Still;
    }
}

const char* kindName(Kind k) {
    constexpr std::array<const char*, 5> names = {"a PNG, SVG or PDF", "a GIF", "an MP4", "an HTML page", "a handout"};
    return names[static_cast<std::size_t>(k)];
}

struct Given {
    const char* flag;
    bool given;
    bool (*takes)(Kind);
};
}  // namespace

Refusal checkExportKinds(const ExportOptions& o) {
    if (!o.handout.empty() && !o.output.empty())
        return std::string("--handout: cannot be used with --output (write one file at a time)");
    const Kind k = kindOf(o);
    const auto still = [](Kind kind) { return kind == Kind::Still; };
    const auto moving = [](Kind kind) { return kind == Kind::Gif || kind == Kind::Mp4; };
    const auto steps = [](Kind kind) { return kind != Kind::Still; };
    const Given flags[] = {
        {"--scale", o.scale.has_value(), still},
        {"--fit", o.fit.has_value(), still},
        {"--transparent", o.transparent, still},
        {"--caption", o.caption, still},
        {"--step", o.step.has_value(), still},
        {"--from-step", o.fromStep.has_value(), steps},
        {"--to-step", o.toStep.has_value(), steps},
        {"--fps", o.fps.has_value(), moving},
        {"--size", o.size.has_value(), moving},
        {"--speed", o.speed.has_value(), moving},
        {"--allow-long", o.allowLong, [](Kind kind) { return kind == Kind::Gif; }},
        {"--both-languages", o.bothLanguages, [](Kind kind) { return kind == Kind::Html; }},
    };
    for (const Given& g : flags)
        if (g.given && !g.takes(k))
            return named(g.flag, std::string("does not apply to ") + kindName(k) +
                                     (g.flag == std::string_view("--step") ? " (use --from-step and --to-step)" : ""));
    // The page draws the sequence diagram as text and shapes; the state graph is in the frames.
    if (k == Kind::Html && o.viewGiven && o.view != DiagramView::Sequence)
        return std::string("--view: an HTML page shows the sequence diagram only (a GIF or MP4 can show both)");
    if (o.fromStep && o.toStep && *o.fromStep > *o.toStep)
        return named("--from-step", std::to_string(*o.fromStep) + " is after --to-step " + std::to_string(*o.toStep));
    // H.264 in yuv420p halves the colour planes, so both sides must be even.
    if (k == Kind::Mp4 && o.size && (o.size->first % 2 != 0 || o.size->second % 2 != 0))
        return named("--size", std::to_string(o.size->first) + "x" + std::to_string(o.size->second) +
                                   " has an odd side (an MP4's sides are even)");
    return std::nullopt;
}

}  // namespace finwave::options::detail
