// Writing scenario files: every field, in reading order, with the names of core/names.h.
#include "core/protocol/names.h"
#include "core/scenario/scenario_io.h"
#include "core/scenario/internal/scenario_quiz.h"

#include <nlohmann/json.hpp>

namespace finwave {

namespace {
using json = nlohmann::ordered_json;  // keep "version" first, fields in reading order

json flagsJson(std::uint8_t flags) {
    auto a = json::array();
    for (const auto& [bit, name] : flagNames())
        if (flags & bit)
            a.push_back(std::string(name));
    return a;
}

json paramsJson(const ProtocolParams& p) {
    const auto ms = [](Micros t) { return static_cast<double>(t) / 1000.0; };
    return {{"msl_ms", ms(p.msl)}, {"time_wait_ms", ms(p.timeWait)}, {"rto_initial_ms", ms(p.rtoInitial)},
            {"rto_min_ms", ms(p.rtoMin)}, {"rto_max_ms", ms(p.rtoMax)}, {"max_retries", p.maxRetries},
            {"give_up_after_ms", ms(p.giveUpAfter)}, {"delayed_ack", p.delayedAck},
            {"delayed_ack_ms", ms(p.delayedAckTimeout)}, {"quick_acks", p.quickAcks},
            {"fin_wait_2_timeout_ms", ms(p.finWait2Timeout)}, {"user_timeout_ms", ms(p.userTimeout)},
            {"orphan_retries", p.orphanRetries}, {"rfc1337", p.rfc1337}, {"rst_carries_ack", p.rstCarriesAck},
            {"linux_time_wait_restart", p.linuxTimeWaitRestart}, {"mss", p.mss}};
}

json channelJson(const ChannelParams& c) {
    const auto ms = [](Micros t) { return static_cast<double>(t) / 1000.0; };
    return json{{"delay_ms", ms(c.delay)}, {"jitter_ms", ms(c.jitter)}, {"loss", c.loss}};
}

json interactionJson(const Interaction& i) {
    json j{{"step", i.step}, {"do", std::string(interactionKindName(i.kind))}};
    switch (i.kind) {
    case Interaction::Kind::Params:
        j["profile"] = std::string(profileName(i.params.profile));
        j["params"] = paramsJson(i.params);
        break;
    case Interaction::Kind::Channel:
        j["dir"] = std::string(directionName(i.dir));
        j["channel"] = channelJson(i.channel);
        break;
    case Interaction::Kind::DropSegment:
        j["dir"] = std::string(directionName(i.dir));
        j["n"] = i.ordinal;
        j["at_ms"] = static_cast<double>(i.at) / 1000.0;
        break;
    case Interaction::Kind::DropNext:
        j["side"] = std::string(sideName(i.side));
        break;
    }
    return j;
}
}  // namespace

std::string writeScenario(const Scenario& s) {
    const auto ms = [](Micros t) { return static_cast<double>(t) / 1000.0; };
    const ProtocolParams& p = s.params;
    const bool v2 = !s.recording.empty() || !s.annotations.empty() || s.quiz.has_value();
    json j;
    j["version"] = v2 ? 2 : 1;  // a file without version-2 fields stays readable by older versions
    j["name"] = s.name;
    j["title"] = s.title;
    j["description"] = s.description;
    j["profile"] = std::string(profileName(p.profile));
    j["params"] = paramsJson(p);
    j["channel"] = {{"ab", channelJson(s.ab)}, {"ba", channelJson(s.ba)}};
    j["seed"] = s.seed;
    const auto endpoint = [](const EndpointSetup& e) {
        return json{{"initial", std::string(stateName(e.initial))}, {"iss", e.iss}, {"linger_zero", e.lingerZero},
                    {"linger2_negative", e.linger2Negative},
                    {"auto_read", e.autoRead}, {"already_sent", e.alreadySent}, {"listen_again", e.listenAgain},
                    {"sack_permitted", e.sackPermitted}, {"timestamps", e.timestamps}};
    };
    j["a"] = endpoint(s.a);
    j["b"] = endpoint(s.b);
    j["horizon_ms"] = ms(s.horizon);
    j["actions"] = json::array();
    for (const AppAction& a : s.actions) {
        j["actions"].push_back({{"side", std::string(sideName(a.side))}, {"do", std::string(actionKindName(a.kind))},
                                {"when", std::string(triggerName(a.trigger))}, {"delay_ms", ms(a.delay)},
                                {"bytes", a.bytes}});
        if (a.iss)
            j["actions"].back()["iss"] = *a.iss;
    }
    j["faults"] = json::array();
    for (const Fault& f : s.faults)
        j["faults"].push_back({{"kind", std::string(faultKindName(f.kind))},
                               {"dir", std::string(directionName(f.dir))}, {"n", f.n},
                               {"flags", flagsJson(f.flags)}, {"exact_flags", f.exactFlags}, {"count", f.count},
                               {"extra_delay_ms", ms(f.extraDelay)}, {"at_ms", ms(f.at)},
                               {"seq_offset", f.seqOffset}});
    if (!s.recording.empty() || !s.annotations.empty()) {
        j["recording"] = json::array();
        for (const Interaction& i : s.recording)
            j["recording"].push_back(interactionJson(i));
        j["notes"] = json::array();
        for (const Annotation& a : s.annotations)
            j["notes"].push_back({{"step", a.step}, {"text", a.text}});
    }
    if (s.quiz)
        j["quiz"] = quizSettingsJson(*s.quiz);
    return j.dump(2) + "\n";
}

}  // namespace finwave
