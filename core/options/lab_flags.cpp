// `finwave lab`: the server lab's settings as flags, declared once.
#include "core/options/internal/paths.h"
#include "core/options/internal/value_readers.h"

#include <charconv>

namespace finwave::options::detail {

namespace {
using L = LabOptions;
using lab::LabConfig;

// A setting's value, read and marked as given (a --preset after it would silently undo it).
template <class T>
Refusal whole(L& o, std::string_view v, long long lo, long long hi, std::string_view what, T& out) {
    long long n = 0;
    if (Refusal bad = readWhole(v, lo, hi, what, n))
        return bad;
    out = static_cast<T>(n);
    o.settingsGiven = true;
    return std::nullopt;
}
Refusal number(L& o, std::string_view v, double lo, double hi, double& out) {
    std::optional<double> n;
    if (Refusal bad = readNumber(v, lo, hi, n))
        return bad;
    out = *n;
    o.settingsGiven = true;
    return std::nullopt;
}

Refusal readPortRange(L& o, std::string_view v) {
    const auto dash = v.find('-');
    long long low = 0, high = 0;
    if (dash == std::string_view::npos || readWhole(v.substr(0, dash), 1, 65535, "a port", low) ||
        readWhole(v.substr(dash + 1), 1, 65535, "a port", high) || low > high)
        return "'" + printable(v) + "' is not a port range (LOW-HIGH, 1 <= LOW <= HIGH <= 65535)";
    o.config.portLow = static_cast<int>(low);
    o.config.portHigh = static_cast<int>(high);
    o.settingsGiven = true;
    return std::nullopt;
}

constexpr Flag<L> kLabFlags[] = {
    {"--preset", "NAME", "start from a preset (before any other setting): client-closes-first, server-closes-first, "
                         "keep-alive-10, tw-reuse, linger-zero, two-server-addresses, bucket-overflow, restart-without-reuseaddr",
     +[](L& o, std::string_view v) -> Refusal {
         if (o.settingsGiven)
             return std::string("must come before the other lab settings, which it would replace");
         const lab::LabPreset* p = lab::findLabPreset(v);
         if (!p)
             return "'" + printable(v) + "' is not a preset (see finwave --help)";
         o.config = p->config;
         return std::nullopt;
     }},
    {"--profile", "rfc|linux", "the engine's profile (default linux: TIME_WAIT 60 s)",
     +[](L& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"rfc", "linux"}, "a profile", i))
             return bad;
         o.config.profile = i == 0 ? Profile::Rfc : Profile::Linux;
         o.settingsGiven = true;
         return std::nullopt;
     }},
    {"--rate", "N", "requests a second (0.001 to 1000000; default 500)",
     +[](L& o, std::string_view v) { return number(o, v, 0.001, 1e6, o.config.requestsPerSecond); }},
    {"--keep-alive", "K", "requests per connection (1 to 1000000; default 1)",
     +[](L& o, std::string_view v) { return whole(o, v, 1, 1'000'000, "a request count", o.config.requestsPerConnection); }},
    {"--request-bytes", "N", "bytes of each request (default 100)",
     +[](L& o, std::string_view v) { return whole(o, v, 0, 1'000'000, "a byte count", o.config.requestBytes); }},
    {"--reply-bytes", "N", "bytes of each reply (default 1000)",
     +[](L& o, std::string_view v) { return whole(o, v, 0, 1'000'000, "a byte count", o.config.replyBytes); }},
    {"--arrivals", "steady|poisson", "how connections arrive (default steady)",
     +[](L& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"steady", "poisson"}, "an arrival process", i))
             return bad;
         o.config.arrivals = i == 0 ? lab::Arrivals::Steady : lab::Arrivals::Poisson;
         o.settingsGiven = true;
         return std::nullopt;
     }},
    {"--close", "client|server|both|client-linger0|server-linger0", "who closes first, and how (default client)",
     +[](L& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"client", "server", "both", "client-linger0", "server-linger0"}, "a closer", i))
             return bad;
         o.config.closer = static_cast<lab::Closer>(i);
         o.settingsGiven = true;
         return std::nullopt;
     }},
    {"--client-addresses", "N", "client addresses (1 to 64)",
     +[](L& o, std::string_view v) { return whole(o, v, 1, 64, "an address count", o.config.clientAddresses); }},
    {"--server-addresses", "N", "server addresses (1 to 64)",
     +[](L& o, std::string_view v) { return whole(o, v, 1, 64, "an address count", o.config.serverAddresses); }},
    {"--server-ports", "N", "server ports (1 to 64)",
     +[](L& o, std::string_view v) { return whole(o, v, 1, 64, "a port count", o.config.serverPorts); }},
    {"--port-range", "LOW-HIGH", "ip_local_port_range (default 32768-60999)", +[](L& o, std::string_view v) { return readPortRange(o, v); }},
    {"--tw-reuse", "0|1|2", "tcp_tw_reuse (default 0; 2 is loopback only, so off here)",
     +[](L& o, std::string_view v) { return whole(o, v, 0, 2, "a tcp_tw_reuse value", o.config.twReuse); }},
    {"--no-timestamps", "", "tcp_timestamps off (tcp_tw_reuse then does nothing)",
     +[](L& o, std::string_view) -> Refusal {
         o.config.timestamps = false;
         o.settingsGiven = true;
         return std::nullopt;
     }},
    {"--max-tw-buckets", "N", "tcp_max_tw_buckets per host (default 262144)",
     +[](L& o, std::string_view v) { return whole(o, v, 0, 100'000'000, "a bucket count", o.config.maxTwBuckets); }},
    {"--delay", "MS", "one-way delay (0 to 60000; default 1)",
     +[](L& o, std::string_view v) { return number(o, v, 0, 60'000, o.config.delayMs); }},
    {"--loss", "P", "loss in each direction (0 to 1)", +[](L& o, std::string_view v) { return number(o, v, 0, 1, o.config.loss); }},
    {"--lossy-runs", "N", "distinct engine runs shared out when --loss > 0 (default 4096)",
     +[](L& o, std::string_view v) { return whole(o, v, 1, lab::kMaxLabLossyRuns, "a run count", o.config.lossyRuns); }},
    {"--server-restart", "S", "the server process restarts at S simulated seconds",
     +[](L& o, std::string_view v) { return number(o, v, 0, lab::kMaxLabSeconds, o.config.serverRestartSeconds); }},
    {"--no-reuseaddr", "", "the restarted server binds without SO_REUSEADDR",
     +[](L& o, std::string_view) -> Refusal {
         o.config.reuseAddr = false;
         o.settingsGiven = true;
         return std::nullopt;
     }},
    {"--duration", "S", "simulated seconds (1 to 86400; default 120)",
     +[](L& o, std::string_view v) { return number(o, v, 1, lab::kMaxLabSeconds, o.config.durationSeconds); }},
    {"--seed", "N", "the seed of Poisson arrivals and losses",
     +[](L& o, std::string_view v) { return whole(o, v, 0, 9'000'000'000'000'000'000LL, "a seed", o.config.seed); }},
    {"--csv", "FILE", "one row per simulated second", +[](L& o, std::string_view v) { return readPath(v, o.csv); }},
    {"--chart", "FILE.png|.svg", "TIME_WAIT, ports and failures over time",
     +[](L& o, std::string_view v) -> Refusal {
         if (!hasExtension(v, ".png") && !hasExtension(v, ".svg"))
             return printable(v) + ": unknown extension (png, svg)";
         o.chart = std::string(v);
         return std::nullopt;
     }},
};
}  // namespace

std::span<const Flag<LabOptions>> labFlags() { return kLabFlags; }

Refusal readLab(const std::vector<std::string>& args, LabOptions& o) {
    o.config.durationSeconds = 120;
    if (Refusal bad = readFlags<L>(args, kLabFlags, o, nullptr))
        return bad;
    if (const std::string problem = lab::labConfigProblem(o.config); !problem.empty())
        return problem;
    return checkTableAndChart(o.csv, o.chart);
}

}  // namespace finwave::options::detail
