// Reading a scenario's fields from parsed JSON: each with its type and range, every error
// naming its JSON path.
#include "core/protocol/names.h"
#include "core/scenario/internal/field_reader.h"
#include "core/scenario/internal/scenario_fields.h"
#include "core/scenario/internal/scenario_quiz.h"
#include "core/scenario/scenario_rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace finwave {

using nlohmann::json;
using Code = ScenarioErrorCode;

namespace {

using fields::fail;
using fields::Reader;
using fields::typeName;

constexpr Named<Side> kSides[] = {{Side::A, "A"}, {Side::B, "B"}};
constexpr Named<TcpState> kInitialStates[] = {{TcpState::Established, "ESTABLISHED"}, {TcpState::Closed, "CLOSED"}};
constexpr Named<Profile> kProfiles[] = {{Profile::Rfc, "rfc"}, {Profile::Linux, "linux"}};

std::uint8_t readFlags(const Reader& r, std::string_view key) {
    if (!r.has(key))
        return 0;
    const json& v = r.raw().at(std::string(key));
    if (!v.is_array())
        fail(Code::NotAFlagList, r.join(key), "must be a list of flags such as [\"FIN\", \"ACK\"]");
    std::uint8_t flags = 0;
    for (const json& f : v) {
        const auto bit = f.is_string() ? flagFromName(f.get_ref<const std::string&>()) : std::nullopt;
        if (bit) {
            flags |= *bit;
            continue;
        }
        // Described, never dumped: dump() recurses as deep as the value nests.
        ScenarioError e;
        e.code = Code::NotAFlag;
        e.field = r.join(key);
        e.value = typeName(f);
        e.expected = nameList(flagNames());
        e.message = e.value + " is not a flag (" + e.expected + ")";
        throw ScenarioFailure{std::move(e)};
    }
    return flags;
}

ChannelParams readChannel(const Reader& r, const ChannelParams& d) {
    r.checkKeys({"delay_ms", "jitter_ms", "loss"});
    ChannelParams c;
    c.delay = r.millis("delay_ms", rule::kChannelMs, d.delay);
    c.jitter = r.millis("jitter_ms", rule::kChannelMs, d.jitter);
    c.loss = r.number("loss", rule::kLoss, d.loss);
    return c;
}

EndpointSetup readEndpoint(const Reader& r) {
    r.checkKeys({"initial", "iss", "linger_zero", "linger2_negative", "auto_read", "already_sent", "listen_again",
                 "sack_permitted", "timestamps"});
    EndpointSetup e;
    e.initial = r.choice<TcpState>("initial", kInitialStates, TcpState::Established);
    e.iss = static_cast<std::uint32_t>(r.whole("iss", rule::kIss, 0));
    e.lingerZero = r.boolean("linger_zero", false);
    e.linger2Negative = r.boolean("linger2_negative", false);
    e.autoRead = r.boolean("auto_read", true);
    e.alreadySent = static_cast<std::uint32_t>(r.whole("already_sent", rule::kBytes, 0));
    e.listenAgain = r.boolean("listen_again", false);
    // Version 1 files wrote neither: both offered, as Linux does.
    e.sackPermitted = r.boolean("sack_permitted", true);
    e.timestamps = r.boolean("timestamps", true);
    return e;
}

// Every protocol constant a file may name (all of them in a recorded change, readInteraction()).
const std::initializer_list<std::string_view> kParamKeys = {
    "msl_ms", "time_wait_ms", "rto_initial_ms", "rto_min_ms", "rto_max_ms", "max_retries",
    "give_up_after_ms", "delayed_ack", "delayed_ack_ms", "quick_acks", "fin_wait_2_timeout_ms",
    "user_timeout_ms", "orphan_retries", "rfc1337", "rst_carries_ack", "linux_time_wait_restart", "mss"};

ProtocolParams readParams(const Reader& r, Profile profile) {
    r.checkKeys(kParamKeys);
    ProtocolParams d = paramsFor(profile);
    ProtocolParams p = d;
    p.msl = r.millis("msl_ms", rule::kParamMs, d.msl);
    p.timeWait = r.millis("time_wait_ms", rule::kParamMs, d.timeWait);
    p.rtoInitial = r.millis("rto_initial_ms", rule::kParamMs, d.rtoInitial);
    p.rtoMin = r.millis("rto_min_ms", rule::kParamMs, d.rtoMin);
    p.rtoMax = r.millis("rto_max_ms", rule::kParamMs, d.rtoMax);
    p.maxRetries = static_cast<int>(r.whole("max_retries", rule::kRetries, d.maxRetries));
    p.giveUpAfter = r.millis("give_up_after_ms", rule::kParamMs, d.giveUpAfter);
    p.delayedAck = r.boolean("delayed_ack", d.delayedAck);
    p.delayedAckTimeout = r.millis("delayed_ack_ms", rule::kDelayedAckMs, d.delayedAckTimeout);  // MUST-40: < 0.5 s
    p.quickAcks = static_cast<int>(r.whole("quick_acks", rule::kQuickAcks, d.quickAcks));
    p.finWait2Timeout = r.millis("fin_wait_2_timeout_ms", rule::kParamMs, d.finWait2Timeout);
    p.userTimeout = r.millis("user_timeout_ms", rule::kParamMs, d.userTimeout);
    p.orphanRetries = static_cast<int>(r.whole("orphan_retries", rule::kRetries, d.orphanRetries));
    p.rfc1337 = r.boolean("rfc1337", d.rfc1337);
    p.rstCarriesAck = r.boolean("rst_carries_ack", d.rstCarriesAck);
    p.linuxTimeWaitRestart = r.boolean("linux_time_wait_restart", d.linuxTimeWaitRestart);
    p.mss = static_cast<std::uint32_t>(r.whole("mss", rule::kMss, d.mss));
    if (auto e = checkRtoOrder(p, r.join("rto_min_ms")))
        throw ScenarioFailure{std::move(*e)};
    return p;
}

const json& list(const Reader& r, std::string_view key, std::size_t limit, Code code) {
    const json& v = r.raw().at(std::string(key));
    if (!v.is_array())
        fail(Code::NotAList, std::string(key), "must be a list");
    if (v.size() > limit) {
        ScenarioError e;
        e.code = code;
        e.field = std::string(key);
        e.limit = limit;
        e.actual = v.size();
        e.message = "has " + std::to_string(v.size()) + " entries; the limit is " + std::to_string(limit);
        throw ScenarioFailure{std::move(e)};
    }
    return v;
}

AppAction readAction(const Reader& a) {
    a.checkKeys({"side", "do", "when", "delay_ms", "bytes", "iss"});
    AppAction act;
    if (!a.has("side")) fail(Code::MissingField, a.join("side"), "is missing (A or B)");
    if (!a.has("do")) fail(Code::MissingField, a.join("do"), "is missing");
    act.side = a.choice<Side>("side", kSides, Side::A);
    act.kind = a.choice<AppAction::Kind>("do", actionKindNames(), AppAction::Kind::Close);
    act.trigger = a.choice<AppAction::Trigger>("when", triggerNames(), AppAction::Trigger::AtTime);
    act.delay = a.millis("delay_ms", rule::kRunMs, 0);
    act.bytes = static_cast<std::uint32_t>(a.number("bytes", rule::kBytes, 0));
    if (a.has("iss"))  // a connect with its own ISS (a new incarnation)
        act.iss = static_cast<std::uint32_t>(a.number("iss", rule::kIss, 0));
    return act;
}

Fault readFault(const Reader& f) {
    f.checkKeys({"kind", "dir", "n", "flags", "exact_flags", "count", "extra_delay_ms", "at_ms", "seq_offset"});
    Fault fault;
    if (!f.has("kind")) fail(Code::MissingField, f.join("kind"), "is missing");
    fault.kind = f.choice<Fault::Kind>("kind", faultKindNames(), Fault::Kind::DropNth);
    fault.dir = f.choice<Direction>("dir", directionNames(), Direction::AtoB);
    fault.n = static_cast<std::uint32_t>(f.whole("n", rule::kCount, 1));
    fault.flags = readFlags(f, "flags");
    fault.exactFlags = f.boolean("exact_flags", false);
    fault.count = static_cast<std::uint32_t>(f.whole("count", rule::kCount, 1));
    fault.extraDelay = f.millis("extra_delay_ms", rule::kRunMs, 0);
    fault.at = f.millis("at_ms", rule::kRunMs, 0);
    fault.seqOffset = static_cast<std::int32_t>(f.number("seq_offset", rule::kSeqOffset, 0));
    return fault;
}

// Version 2: what the user did to the run, each at the step after which it applies.
Interaction readInteraction(const Reader& r) {
    r.checkKeys({"step", "do", "profile", "params", "dir", "channel", "n", "at_ms", "side"});
    if (!r.has("step")) fail(Code::MissingField, r.join("step"), "is missing");
    if (!r.has("do")) fail(Code::MissingField, r.join("do"), "is missing (params, channel, drop or drop-next)");
    Interaction i;
    i.step = r.whole("step", rule::kStep, 0);
    i.kind = r.choice<Interaction::Kind>("do", interactionKindNames(), Interaction::Kind::Params);
    switch (i.kind) {
    case Interaction::Kind::Params: {
        const Profile profile = r.choice<Profile>("profile", kProfiles, Profile::Rfc);
        // Every constant, as the writer writes them: a partial entry would silently put back defaults.
        if (!r.has("params")) fail(Code::MissingField, r.join("params"), "is missing (every constant of the change)");
        const Reader c = r.child("params");
        i.params = readParams(c, profile);
        for (std::string_view key : kParamKeys)  // (after the values' own checks, so those come first)
            if (!c.has(key))
                fail(Code::MissingField, c.join(key), "is missing (a recorded change names every constant, as FinWave writes it)");
        break;
    }
    case Interaction::Kind::Channel:
        if (!r.has("dir")) fail(Code::MissingField, r.join("dir"), "is missing (A>B or B>A)");
        i.dir = r.choice<Direction>("dir", directionNames(), Direction::AtoB);
        if (!r.has("channel")) fail(Code::MissingField, r.join("channel"), "is missing (delay_ms, jitter_ms and loss)");
        {
            const Reader c = r.child("channel");
            if (!c.raw().is_object()) fail(Code::NotAnObject, r.join("channel"), "must be an object");
            for (const char* key : {"delay_ms", "jitter_ms", "loss"})
                if (!c.has(key)) fail(Code::MissingField, c.join(key), "is missing");
            i.channel = readChannel(c, ChannelParams{});
        }
        break;
    case Interaction::Kind::DropSegment:
        if (!r.has("dir")) fail(Code::MissingField, r.join("dir"), "is missing (A>B or B>A)");
        if (!r.has("n")) fail(Code::MissingField, r.join("n"), "is missing (the segment's number in its direction)");
        i.dir = r.choice<Direction>("dir", directionNames(), Direction::AtoB);
        i.ordinal = static_cast<std::uint32_t>(r.whole("n", rule::kCount, 1));
        i.at = r.millis("at_ms", rule::kRunMs, 0);
        break;
    case Interaction::Kind::DropNext:
        if (!r.has("side")) fail(Code::MissingField, r.join("side"), "is missing (A or B)");
        i.side = r.choice<Side>("side", kSides, Side::A);
        break;
    }
    return i;
}

Annotation readAnnotation(const Reader& r) {
    r.checkKeys({"step", "text"});
    if (!r.has("step")) fail(Code::MissingField, r.join("step"), "is missing");
    Annotation a;
    a.step = r.whole("step", rule::kStep, 0);
    a.text = r.text("text", "");
    if (a.text.size() > kMaxAnnotationBytes)
        fail(Code::OutOfRange, r.join("text"), "is longer than " + std::to_string(kMaxAnnotationBytes) + " bytes");
    return a;
}

}  // namespace

Scenario readScenarioFields(const json& root) {
    Reader r(root, "");
    if (!r.raw().is_object())
        fail(Code::NotAnObject, "", "must be an object");
    if (!r.has("version"))
        fail(Code::MissingField, "version", "is missing (this program reads versions 1 and 2)");
    const json& version = root.at("version");
    if (!version.is_number() || (version.get<double>() != 1 && version.get<double>() != kScenarioFormatVersion)) {
        ScenarioError e;
        e.code = Code::UnsupportedVersion;
        e.field = "version";
        e.value = version.is_number() ? printable(version.dump()) : typeName(version);
        e.message = "version " + e.value + " is not supported (this program reads versions 1 and 2)";
        throw ScenarioFailure{std::move(e)};
    }
    const bool v2 = version.get<double>() == 2;
    if (v2)
        r.checkKeys({"version", "name", "title", "description", "profile", "params", "channel", "seed", "a", "b",
                     "actions", "faults", "horizon_ms", "recording", "notes", "quiz"});
    else
        r.checkKeys({"version", "name", "title", "description", "profile", "params", "channel", "seed", "a", "b",
                     "actions", "faults", "horizon_ms"});
    Scenario s;
    s.name = r.text("name", "custom");
    s.title = r.text("title", s.name);
    s.description = r.text("description", "");
    const Profile profile = r.choice<Profile>("profile", kProfiles, Profile::Rfc);
    s.params = r.has("params") ? readParams(r.child("params"), profile) : paramsFor(profile);
    s.ab.delay = s.ba.delay = 50 * kMs;
    if (r.has("channel")) {
        const Reader c = r.child("channel");
        c.checkKeys({"ab", "ba"});
        if (c.has("ab")) s.ab = readChannel(c.child("ab"), s.ab);
        if (c.has("ba")) s.ba = readChannel(c.child("ba"), s.ba);
    }
    s.seed = r.whole("seed", rule::kSeed, 1);
    if (r.has("a")) s.a = readEndpoint(r.child("a"));
    if (r.has("b")) s.b = readEndpoint(r.child("b"));
    s.horizon = r.millis("horizon_ms", rule::kRunMs, s.horizon);
    if (r.has("actions")) {
        const json& actions = list(r, "actions", kMaxActions, Code::TooManyActions);
        for (std::size_t i = 0; i < actions.size(); ++i)
            s.actions.push_back(readAction(Reader(actions[i], "actions[" + std::to_string(i) + "]")));
    }
    if (r.has("faults")) {
        const json& faults = list(r, "faults", kMaxFaults, Code::TooManyFaults);
        for (std::size_t i = 0; i < faults.size(); ++i)
            s.faults.push_back(readFault(Reader(faults[i], "faults[" + std::to_string(i) + "]")));
    }
    s.version = v2 ? 2 : 1;
    if (r.has("recording")) {
        const json& list_ = list(r, "recording", kMaxInteractions, Code::ListTooLong);
        for (std::size_t i = 0; i < list_.size(); ++i)
            s.recording.push_back(readInteraction(Reader(list_[i], "recording[" + std::to_string(i) + "]")));
        std::stable_sort(s.recording.begin(), s.recording.end(),
                         [](const Interaction& a, const Interaction& b) { return a.step < b.step; });
    }
    if (r.has("notes")) {
        const json& list_ = list(r, "notes", kMaxAnnotations, Code::ListTooLong);
        for (std::size_t i = 0; i < list_.size(); ++i)
            if (Annotation a = readAnnotation(Reader(list_[i], "notes[" + std::to_string(i) + "]")); !a.text.empty())
                s.annotations.push_back(std::move(a));  // an empty note would draw an empty box
        std::stable_sort(s.annotations.begin(), s.annotations.end(),
                         [](const Annotation& a, const Annotation& b) { return a.step < b.step; });
        // Two notes on one step are one note, their texts in file order (one callout per row).
        std::vector<Annotation> merged;
        for (Annotation& a : s.annotations) {
            if (!merged.empty() && merged.back().step == a.step)
                merged.back().text += "\n" + a.text;
            else
                merged.push_back(std::move(a));
        }
        s.annotations = std::move(merged);
    }
    if (r.has("quiz"))  // version 2 only: version 1's keys refuse it
        s.quiz = readQuizSettings(root.at("quiz"));
    if (auto over = checkScenarioBudgets(s))
        throw ScenarioFailure{std::move(*over)};
    return s;
}

}  // namespace finwave
