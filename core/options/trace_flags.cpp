// `finwave trace` and `finwave import`: their flags, declared once.
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

namespace finwave::options {

capture::WriteOptions TraceOptions::captureOptions() const {
    capture::WriteOptions w;
    w.format = pcapFormat;
    w.vantage = vantage.value_or(Side::A);
    w.link = link.value_or(capture::LinkType::Ethernet);
    return w;
}

namespace detail {

namespace {
Refusal readFormat(std::string_view v, TraceFormat& out) {
    int i = 0;
    if (Refusal bad = readChoice(v, {"text", "jsonl"}, "a format", i))
        return bad;
    out = i == 0 ? TraceFormat::Text : TraceFormat::Jsonl;
    return std::nullopt;
}

using T = TraceOptions;
constexpr Flag<T> kTraceFlags[] = {
    {"--format", "text|jsonl", "how each event is printed (jsonl: one JSON object per event)",
     +[](T& o, std::string_view v) { return readFormat(v, o.format); }},
    {"--pcap", "FILE.pcapng|FILE.pcap", "also write the run as a capture, for Wireshark",
     +[](T& o, std::string_view v) -> Refusal {
         if (hasExtension(v, ".pcapng"))
             o.pcapFormat = capture::CaptureFormat::Pcapng;
         else if (hasExtension(v, ".pcap"))
             o.pcapFormat = capture::CaptureFormat::Pcap;
         else
             return "'" + printable(v) + "' must end in .pcapng or .pcap";
         o.pcap = std::string(v);
         return std::nullopt;
     }},
    {"--vantage", "A|B", "the endpoint the capture is taken at (default A)",
     +[](T& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v == "a" ? "A" : v == "b" ? "B" : v, {"A", "B"}, "an endpoint", i))
             return bad;
         o.vantage = i == 0 ? Side::A : Side::B;
         return std::nullopt;
     }},
    {"--link", "ethernet|raw", "the capture's link layer (default ethernet)",
     +[](T& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"ethernet", "raw"}, "a link type", i))
             return bad;
         o.link = i == 0 ? capture::LinkType::Ethernet : capture::LinkType::RawIp;
         return std::nullopt;
     }},
};

using I = ImportOptions;
constexpr Flag<I> kImportFlags[] = {
    {"--list", "", "print one line per TCP connection of the capture", +[](I& o, std::string_view) { return setSwitch(o.list); }},
    {"--connection", "N", "which connection (1, 2, ... as --list numbers them)",
     +[](I& o, std::string_view v) { return readConnection(v, o.connection); }},
    {"--format", "text|jsonl", "how each event is printed", +[](I& o, std::string_view v) { return readFormat(v, o.format); }},
};
}  // namespace

std::span<const Flag<TraceOptions>> traceFlags() { return kTraceFlags; }
std::span<const Flag<ImportOptions>> importFlags() { return kImportFlags; }

Refusal readTrace(const std::vector<std::string>& args, TraceOptions& o) {
    if (Refusal bad = readFlags<T>(args, kTraceFlags, o, &o.scenario))
        return bad;
    if (o.pcap.empty() && (o.vantage || o.link))
        return std::string("--vantage and --link need --pcap FILE");
    if (!o.pcap.empty()) {
        if (Refusal bad = checkOutputPath(o.pcap))
            return named("--pcap", *bad);
        if (o.scenario.scenarioGiven && samePath(o.pcap, o.scenario.scenario))
            return named("--pcap", printable(o.pcap) + ": is the scenario file it would be written over");
    }
    return scenarioRequired(o.scenario);
}

Refusal readImport(const std::vector<std::string>& args, ImportOptions& o) {
    const auto file = +[](I& options, std::string_view v) -> Refusal {
        if (!options.file.empty())
            return "a second capture file '" + printable(v) + "' (import reads one)";
        options.file = std::string(v);
        return std::nullopt;
    };
    if (Refusal bad = readFlags<I>(args, kImportFlags, o, nullptr, file))
        return bad;
    if (o.file.empty())
        return std::string("needs a capture file: finwave import FILE.pcap|FILE.pcapng");
    return std::nullopt;
}

}  // namespace detail
}  // namespace finwave::options
