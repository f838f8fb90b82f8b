// `finwave compare`: its flags, declared once.
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

namespace finwave::options::detail {

Refusal readWithProfile(std::string_view v, std::optional<Profile>& out) {
    int i = 0;
    if (Refusal bad = readChoice(v, {"rfc", "linux"}, "a profile", i))
        return bad;
    out = i == 0 ? Profile::Rfc : Profile::Linux;
    return std::nullopt;
}

Refusal checkSecondRun(const SecondRun& o, std::string_view connectionFlag) {
    const int seconds = (o.with.empty() ? 0 : 1) + (o.withProfile ? 1 : 0) + (o.withCapture.empty() ? 0 : 1);
    if (seconds == 0)
        return std::string("--with: is required (--with NAME|FILE, --with-profile rfc|linux or --with-capture FILE)");
    if (seconds > 1)
        return std::string("--with: give one second run (--with, --with-profile or --with-capture)");
    if (o.connection != 0 && o.withCapture.empty())
        return named(connectionFlag, "needs --with-capture FILE");
    return std::nullopt;
}

namespace {
using C = CompareOptions;
constexpr Flag<C> kCompareFlags[] = {
    {"--with", "NAME|FILE", "the second run: another scenario, with the same scenario options",
     +[](C& o, std::string_view v) { return readPath(v, o.second.with); }},
    {"--with-profile", "rfc|linux", "the second run: the same scenario under this profile",
     +[](C& o, std::string_view v) { return readWithProfile(v, o.second.withProfile); }},
    {"--with-capture", "FILE", "the second run: a capture's connection (see --connection)",
     +[](C& o, std::string_view v) { return readPath(v, o.second.withCapture); }},
    {"--connection", "N", "the capture's connection (1 or more)", +[](C& o, std::string_view v) { return readConnection(v, o.second.connection); }},
    {"--tolerance", "MS", "paired events closer in time than this are at the same time (default 0)",
     +[](C& o, std::string_view v) -> Refusal {
         std::optional<double> ms;
         if (Refusal bad = readNumber(v, 0, 3'600'000, ms))
             return bad;
         o.toleranceMs = *ms;
         return std::nullopt;
     }},
    {"--format", "text|jsonl", "the comparison in words, or one JSON object per line",
     +[](C& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"text", "jsonl"}, "a format", i))
             return bad;
         o.format = i == 0 ? TraceFormat::Text : TraceFormat::Jsonl;
         return std::nullopt;
     }},
};
}  // namespace

std::span<const Flag<CompareOptions>> compareFlags() { return kCompareFlags; }

Refusal readCompare(const std::vector<std::string>& args, CompareOptions& o) {
    if (Refusal bad = readFlags<C>(args, kCompareFlags, o, &o.scenario))
        return bad;
    if (Refusal bad = checkSecondRun(o.second, "--connection"))
        return bad;
    return scenarioRequired(o.scenario);
}

}  // namespace finwave::options::detail
