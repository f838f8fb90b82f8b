#include "app/cli_options.h"

#include "core/builtin_scenarios.h"
#include "core/scenario_io.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <charconv>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <string_view>

#include <unistd.h>

namespace finwave::app {

namespace {
std::optional<double> parseNumber(std::string_view text) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool readRanged(std::string_view flag, std::string_view text, double lo, double hi, std::optional<double>& out,
                std::string& error) {
    const auto v = parseNumber(text);
    if (!v) {
        error = std::string(flag) + ": '" + std::string(text) + "' is not a number";
        return false;
    }
    if (*v < lo || *v > hi) {
        error = std::string(flag) + ": " + std::string(text) + " is out of range (" +
                std::to_string(static_cast<long long>(lo)) + " to " + std::to_string(static_cast<long long>(hi)) +
                ")";
        return false;
    }
    out = *v;
    return true;
}

std::string validNames() {
    std::string out;
    for (auto n : builtinScenarioNames()) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}
}  // namespace

FlagParse parseScenarioFlag(int argc, char** argv, int& i, ScenarioOptions& out, std::string& error) {
    const std::string_view flag = argv[i];
    static constexpr std::string_view kFlags[] = {"--scenario", "--profile",  "--seed",     "--loss-ab",
                                                  "--loss-ba",  "--delay-ab", "--delay-ba", "--jitter"};
    bool mine = false;
    for (auto f : kFlags)
        mine = mine || f == flag;
    if (!mine)
        return FlagParse::NotMine;
    if (i + 1 >= argc) {
        error = std::string(flag) + ": needs a value";
        return FlagParse::Error;
    }
    const std::string_view value = argv[++i];
    bool ok = true;
    if (flag == "--scenario") {
        out.scenario = std::string(value);
    } else if (flag == "--profile") {
        out.profile = profileFromName(value);
        if (!out.profile) {
            error = "--profile: '" + std::string(value) + "' is not a profile (rfc, linux)";
            ok = false;
        }
    } else if (flag == "--seed") {
        std::uint64_t seed = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
        if (ec != std::errc() || ptr != value.data() + value.size()) {
            error = "--seed: '" + std::string(value) + "' is not a whole number (0 to 18446744073709551615)";
            ok = false;
        } else {
            out.seed = seed;
        }
    } else if (flag == "--loss-ab") {
        ok = readRanged(flag, value, 0, 1, out.lossAb, error);
    } else if (flag == "--loss-ba") {
        ok = readRanged(flag, value, 0, 1, out.lossBa, error);
    } else if (flag == "--delay-ab") {
        ok = readRanged(flag, value, 0, 60000, out.delayAbMs, error);
    } else if (flag == "--delay-ba") {
        ok = readRanged(flag, value, 0, 60000, out.delayBaMs, error);
    } else if (flag == "--jitter") {
        ok = readRanged(flag, value, 0, 60000, out.jitterMs, error);
    }
    return ok ? FlagParse::Consumed : FlagParse::Error;
}

FlagParse handleScenarioFlag(int argc, char** argv, int& i, ScenarioOptions& out, const char* command, int& status) {
    std::string error;
    const FlagParse r = parseScenarioFlag(argc, argv, i, out, error);
    if (r == FlagParse::Error) {
        std::fprintf(stderr, "finwave %s: %s\n", command, error.c_str());
        status = 2;
    }
    return r;
}

std::optional<Scenario> resolveScenario(const ScenarioOptions& options, std::string& error) {
    std::optional<Scenario> s = builtinScenario(options.scenario);
    if (!s) {
        const bool looksLikeFile = options.scenario.find('/') != std::string::npos ||
                                   options.scenario.find(".json") != std::string::npos;
        if (!looksLikeFile) {
            error = "--scenario: unknown scenario '" + options.scenario + "'; valid names: " + validNames() +
                    " (or a .json file)";
            return std::nullopt;
        }
        ScenarioResult r = readScenarioFile(options.scenario);
        if (!r) {
            error = r.error.oneLine();
            return std::nullopt;
        }
        s = std::move(r.scenario);
    }
    if (options.profile)
        applyProfile(*s, *options.profile);
    if (options.seed)
        s->seed = *options.seed;
    const auto ms = [](double v) { return static_cast<Micros>(std::llround(v * 1000.0)); };
    if (options.lossAb)
        s->ab.loss = *options.lossAb;
    if (options.lossBa)
        s->ba.loss = *options.lossBa;
    if (options.delayAbMs)
        s->ab.delay = ms(*options.delayAbMs);
    if (options.delayBaMs)
        s->ba.delay = ms(*options.delayBaMs);
    if (options.jitterMs) {
        s->ab.jitter = ms(*options.jitterMs);
        s->ba.jitter = ms(*options.jitterMs);
    }
    return s;
}

void prepareHeadlessQt() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    // The folder Qt itself would fall back to, made as Qt wants it: owned by us, mode 0700.
    const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
    if (QDir().mkpath(dir) && QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
}

}  // namespace finwave::app
