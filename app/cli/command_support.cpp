#include "app/cli/command_support.h"

#include "core/scenario/builtin_scenarios.h"
#include "core/options/values.h"
#include "core/scenario/scenario_io.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QString>
#include <QStringList>

#include <charconv>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <string_view>

#include <unistd.h>

namespace finwave::app {

namespace {
bool readRanged(std::string_view flag, std::string_view text, double lo, double hi, std::optional<double>& out,
                std::string& error) {
    const auto v = parseFinite(text);  // nan and inf are not numbers here
    if (!v) {
        error = std::string(flag) + ": '" + printable(text) + "' is not a number";
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

namespace {
constexpr std::string_view kScenarioFlags[] = {"--scenario", "--profile",  "--seed",     "--loss-ab",
                                               "--loss-ba",  "--delay-ab", "--delay-ba", "--jitter"};

// One shared flag's value, checked; false with the one-line reason in `error`.
bool applyScenarioFlag(std::string_view flag, std::string_view value, ScenarioOptions& out, std::string& error) {
    if (flag == "--scenario") {
        out.scenario = std::string(value);
    } else if (flag == "--profile") {
        out.profile = profileFromName(value);
        if (!out.profile) {
            error = "--profile: '" + printable(value) + "' is not a profile (rfc, linux)";
            return false;
        }
    } else if (flag == "--seed") {
        std::uint64_t seed = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
        if (ec != std::errc() || ptr != value.data() + value.size()) {
            error = "--seed: '" + printable(value) + "' is not a whole number (0 to 18446744073709551615)";
            return false;
        }
        out.seed = seed;
    } else if (flag == "--loss-ab") {
        return readRanged(flag, value, 0, 1, out.lossAb, error);
    } else if (flag == "--loss-ba") {
        return readRanged(flag, value, 0, 1, out.lossBa, error);
    } else if (flag == "--delay-ab") {
        return readRanged(flag, value, 0, 60000, out.delayAbMs, error);
    } else if (flag == "--delay-ba") {
        return readRanged(flag, value, 0, 60000, out.delayBaMs, error);
    } else if (flag == "--jitter") {
        return readRanged(flag, value, 0, 60000, out.jitterMs, error);
    }
    return true;
}

// "--name=value", "-name" or "--name" -> "name", as QCommandLineParser names options.
QString optionName(const QString& arg) {
    QString name = arg;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    const auto eq = name.indexOf(QLatin1Char('='));
    return eq < 0 ? name : name.left(eq);
}
}  // namespace

bool isScenarioFlag(std::string_view flag) {
    for (auto f : kScenarioFlags)
        if (f == flag)
            return true;
    return false;
}

bool ParsedFlags::has(std::string_view flag) const { return !values(flag).empty(); }

const std::vector<std::string>& ParsedFlags::values(std::string_view flag) const {
    static const std::vector<std::string> kNone;
    for (const auto& [name, given] : own)
        if (name == flag)
            return given;
    return kNone;
}

ParsedFlags parseFlags(int argc, char** argv, int first, std::initializer_list<FlagSpec> own) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);  // "-seed" is "--seed"
    QSet<QString> takesValue;
    const auto add = [&](std::string_view flag, bool value) {
        QCommandLineOption option(QString::fromUtf8(flag.substr(2).data(), static_cast<qsizetype>(flag.size() - 2)));
        if (value) {
            option.setValueName(QStringLiteral("value"));
            takesValue.insert(option.names().constFirst());
        }
        parser.addOption(option);
    };
    for (auto f : kScenarioFlags)
        add(f, true);
    for (const FlagSpec& f : own)
        add(f.name, f.takesValue);
    QStringList args{QStringLiteral("finwave")};
    for (int i = first; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const bool ok = parser.parse(args);

    ParsedFlags out;
    // The first argument, in the order typed, that is an unknown option or not an option at all.
    const QStringList unknown = parser.unknownOptionNames(), positional = parser.positionalArguments();
    for (qsizetype i = 1; i < args.size() && (!unknown.isEmpty() || !positional.isEmpty()); ++i) {
        const QString& arg = args[i];
        const bool isOption = arg.startsWith(QLatin1Char('-')) && arg.size() > 1;
        const bool isValue = i > 1 && args[i - 1].startsWith(QLatin1Char('-')) && !args[i - 1].contains(QLatin1Char('=')) &&
                             takesValue.contains(optionName(args[i - 1]));
        if ((isOption && unknown.contains(optionName(arg))) || (!isOption && !isValue && positional.contains(arg))) {
            out.error = FlagError::UnknownFlag;
            out.flag = arg.toLocal8Bit().toStdString();
            return out;
        }
    }
    if (!ok) {  // a value missing after the last flag, or one given to a flag that takes none
        const QString last = args.constLast();
        out.error = takesValue.contains(optionName(last)) ? FlagError::MissingValue : FlagError::UnknownFlag;
        out.flag = last.toLocal8Bit().toStdString();
        for (const QString& arg : args)
            if (arg.startsWith(QLatin1Char('-')) && arg.contains(QLatin1Char('=')) && !takesValue.contains(optionName(arg)))
                out = ParsedFlags{FlagError::UnknownFlag, arg.toLocal8Bit().toStdString(), {}, {}, false, {}};
        return out;
    }
    for (auto f : kScenarioFlags) {
        const QString name = QString::fromUtf8(f.substr(2).data(), static_cast<qsizetype>(f.size() - 2));
        for (const QString& value : parser.values(name)) {
            if (!applyScenarioFlag(f, value.toLocal8Bit().toStdString(), out.scenario, out.message)) {
                out.error = FlagError::BadValue;
                return out;
            }
            out.scenarioGiven = out.scenarioGiven || f == "--scenario";
        }
    }
    for (const FlagSpec& f : own) {
        const QString name = QString::fromUtf8(f.name + 2);
        std::vector<std::string> given;
        if (f.takesValue) {
            for (const QString& value : parser.values(name))
                given.push_back(value.toLocal8Bit().toStdString());
        } else if (parser.isSet(name)) {
            given.emplace_back();
        }
        out.own.emplace_back(f.name, std::move(given));
    }
    return out;
}

std::optional<std::string> commonFlagError(const ParsedFlags& flags) {
    switch (flags.error) {
    case FlagError::None: return std::nullopt;
    case FlagError::UnknownFlag: return "unknown flag '" + printable(flags.flag) + "' (see finwave --help)";
    case FlagError::MissingValue: return flags.flag + ": needs a value";
    case FlagError::BadValue: return flags.message;
    }
    return std::nullopt;
}

int refuse(const char* command, const std::string& reason) {
    std::fprintf(stderr, "finwave %s: %s\n", command, reason.c_str());
    return 2;
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
