// Scenario files: JSON with a version field and every parameter (nlohmann-json).
#include "core/scenario_io.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace finwave {

using nlohmann::json;

namespace {

struct Failure {
    std::string field, message;
};

// Reads one object, remembering the JSON path so every error names its field.
class Reader {
public:
    Reader(const json& j, std::string path) : m_j(j), m_path(std::move(path)) {}

    void checkKeys(std::initializer_list<std::string_view> allowed) const {
        if (!m_j.is_object())
            throw Failure{m_path, "must be an object"};
        for (const auto& [key, value] : m_j.items()) {
            bool ok = false;
            for (auto a : allowed)
                ok = ok || a == key;
            if (!ok) {
                std::string list;
                for (auto a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                throw Failure{join(key), "unknown field (expected one of: " + list + ")"};
            }
        }
    }
    bool has(std::string_view key) const { return m_j.contains(key); }
    Reader child(std::string_view key) const { return Reader(m_j.at(std::string(key)), join(key)); }
    const json& raw() const { return m_j; }
    const std::string& path() const { return m_path; }

    double number(std::string_view key, double lo, double hi, double fallback) const {
        if (!has(key))
            return fallback;
        const json& v = m_j.at(std::string(key));
        if (!v.is_number())
            throw Failure{join(key), "must be a number"};
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) {
            std::ostringstream s;
            s << "must be between " << lo << " and " << hi;
            throw Failure{join(key), s.str()};
        }
        return d;
    }
    Micros millis(std::string_view key, double hi, Micros fallback) const {
        return static_cast<Micros>(std::llround(number(key, 0, hi, static_cast<double>(fallback) / 1000.0) * 1000.0));
    }
    bool boolean(std::string_view key, bool fallback) const {
        if (!has(key))
            return fallback;
        const json& v = m_j.at(std::string(key));
        if (!v.is_boolean())
            throw Failure{join(key), "must be true or false"};
        return v.get<bool>();
    }
    std::string text(std::string_view key, std::string fallback) const {
        if (!has(key))
            return fallback;
        const json& v = m_j.at(std::string(key));
        if (!v.is_string())
            throw Failure{join(key), "must be a string"};
        return v.get<std::string>();
    }
    template <class E>
    E choice(std::string_view key, std::initializer_list<std::pair<std::string_view, E>> options, E fallback) const {
        if (!has(key))
            return fallback;
        const std::string v = text(key, "");
        std::string list;
        for (const auto& [name, value] : options) {
            if (name == v)
                return value;
            list += (list.empty() ? "" : ", ") + std::string(name);
        }
        throw Failure{join(key), "'" + v + "' is not one of: " + list};
    }
    std::string join(std::string_view key) const { return m_path.empty() ? std::string(key) : m_path + "." + std::string(key); }

private:
    const json& m_j;
    std::string m_path;
};

constexpr std::pair<std::string_view, Side> kSides[] = {{"A", Side::A}, {"B", Side::B}};
using K = AppAction::Kind;
using T = AppAction::Trigger;

std::string_view kindName(K k) {
    switch (k) {
    case K::Listen: return "listen";
    case K::Connect: return "connect";
    case K::Send: return "send";
    case K::Read: return "read";
    case K::Close: return "close";
    case K::ShutdownWrite: return "shutdown-write";
    case K::Abort: return "abort";
    }
    return "close";
}
std::string_view triggerName(T t) {
    switch (t) {
    case T::AtTime: return "at-time";
    case T::AfterEof: return "after-eof";
    case T::AfterEstablished: return "after-established";
    case T::AfterAllAcked: return "after-all-acked";
    case T::AfterData: return "after-data";
    }
    return "at-time";
}
std::string_view faultName(Fault::Kind k) {
    switch (k) {
    case Fault::Kind::DropNth: return "drop-nth";
    case Fault::Kind::DropFirstMatching: return "drop-first-matching";
    case Fault::Kind::DuplicateNth: return "duplicate-nth";
    case Fault::Kind::InjectRst: return "inject-rst";
    }
    return "drop-nth";
}

std::uint8_t readFlags(const Reader& r, std::string_view key) {
    if (!r.has(key))
        return 0;
    const json& v = r.raw().at(std::string(key));
    if (!v.is_array())
        throw Failure{r.join(key), "must be a list of flags such as [\"FIN\", \"ACK\"]"};
    std::uint8_t flags = 0;
    for (const json& f : v) {
        const std::string name = f.is_string() ? f.get<std::string>() : "";
        if (name == "FIN") flags |= flag::Fin;
        else if (name == "SYN") flags |= flag::Syn;
        else if (name == "RST") flags |= flag::Rst;
        else if (name == "PSH") flags |= flag::Psh;
        else if (name == "ACK") flags |= flag::Ack;
        else throw Failure{r.join(key), "'" + f.dump() + "' is not a flag (FIN, SYN, RST, PSH, ACK)"};
    }
    return flags;
}

nlohmann::ordered_json flagsJson(std::uint8_t flags) {
    auto a = nlohmann::ordered_json::array();
    if (flags & flag::Syn) a.push_back("SYN");
    if (flags & flag::Fin) a.push_back("FIN");
    if (flags & flag::Rst) a.push_back("RST");
    if (flags & flag::Psh) a.push_back("PSH");
    if (flags & flag::Ack) a.push_back("ACK");
    return a;
}

ChannelParams readChannel(const Reader& r, const ChannelParams& d) {
    r.checkKeys({"delay_ms", "jitter_ms", "loss"});
    ChannelParams c;
    c.delay = r.millis("delay_ms", 60000, d.delay);
    c.jitter = r.millis("jitter_ms", 60000, d.jitter);
    c.loss = r.number("loss", 0, 1, d.loss);
    return c;
}

EndpointSetup readEndpoint(const Reader& r) {
    r.checkKeys({"initial", "iss", "linger_zero", "linger2_negative", "auto_read", "already_sent", "listen_again"});
    EndpointSetup e;
    e.initial = r.choice<TcpState>("initial", {{"ESTABLISHED", TcpState::Established}, {"CLOSED", TcpState::Closed}},
                                   TcpState::Established);
    e.iss = static_cast<std::uint32_t>(r.number("iss", 0, 4294967295.0, 0));
    e.lingerZero = r.boolean("linger_zero", false);
    e.linger2Negative = r.boolean("linger2_negative", false);
    e.autoRead = r.boolean("auto_read", true);
    e.alreadySent = static_cast<std::uint32_t>(r.number("already_sent", 0, 1e9, 0));
    e.listenAgain = r.boolean("listen_again", false);
    return e;
}

ProtocolParams readParams(const Reader& r, Profile profile) {
    r.checkKeys({"msl_ms", "time_wait_ms", "rto_initial_ms", "rto_min_ms", "rto_max_ms", "max_retries",
                 "give_up_after_ms", "delayed_ack", "delayed_ack_ms", "quick_acks", "fin_wait_2_timeout_ms",
                 "user_timeout_ms", "orphan_retries", "rfc1337", "rst_carries_ack", "linux_time_wait_restart",
                 "mss"});
    ProtocolParams d = paramsFor(profile);
    ProtocolParams p = d;
    constexpr double kHour = 3600e3;
    p.msl = r.millis("msl_ms", kHour, d.msl);
    p.timeWait = r.millis("time_wait_ms", kHour, d.timeWait);
    p.rtoInitial = r.millis("rto_initial_ms", kHour, d.rtoInitial);
    p.rtoMin = r.millis("rto_min_ms", kHour, d.rtoMin);
    p.rtoMax = r.millis("rto_max_ms", kHour, d.rtoMax);
    p.maxRetries = static_cast<int>(r.number("max_retries", 0, 100, d.maxRetries));
    p.giveUpAfter = r.millis("give_up_after_ms", kHour, d.giveUpAfter);
    p.delayedAck = r.boolean("delayed_ack", d.delayedAck);
    p.delayedAckTimeout = r.millis("delayed_ack_ms", 500, d.delayedAckTimeout);  // MUST-40: < 0.5 s
    p.quickAcks = static_cast<int>(r.number("quick_acks", 0, 1000, d.quickAcks));
    p.finWait2Timeout = r.millis("fin_wait_2_timeout_ms", kHour, d.finWait2Timeout);
    p.userTimeout = r.millis("user_timeout_ms", kHour, d.userTimeout);
    p.orphanRetries = static_cast<int>(r.number("orphan_retries", 0, 100, d.orphanRetries));
    p.rfc1337 = r.boolean("rfc1337", d.rfc1337);
    p.rstCarriesAck = r.boolean("rst_carries_ack", d.rstCarriesAck);
    p.linuxTimeWaitRestart = r.boolean("linux_time_wait_restart", d.linuxTimeWaitRestart);
    p.mss = static_cast<std::uint32_t>(r.number("mss", 1, 65535, d.mss));
    if (p.rtoMin > p.rtoMax)
        throw Failure{r.join("rto_min_ms"), "must not exceed rto_max_ms"};
    return p;
}

Scenario readScenario(const json& root) {
    Reader r(root, "");
    r.checkKeys({"version", "name", "title", "description", "profile", "params", "channel", "seed", "a", "b",
                 "actions", "faults", "horizon_ms"});
    if (!r.has("version"))
        throw Failure{"version", "is missing (this program reads version 1)"};
    const double version = r.number("version", 0, 1e9, 0);
    if (version != kScenarioFormatVersion)
        throw Failure{"version", "version " + root.at("version").dump() + " is not supported (this program reads version 1)"};
    Scenario s;
    s.name = r.text("name", "custom");
    s.title = r.text("title", s.name);
    s.description = r.text("description", "");
    const Profile profile = r.choice<Profile>("profile", {{"rfc", Profile::Rfc}, {"linux", Profile::Linux}}, Profile::Rfc);
    s.params = r.has("params") ? readParams(r.child("params"), profile) : paramsFor(profile);
    s.ab.delay = s.ba.delay = 50 * kMs;
    if (r.has("channel")) {
        const Reader c = r.child("channel");
        c.checkKeys({"ab", "ba"});
        if (c.has("ab")) s.ab = readChannel(c.child("ab"), s.ab);
        if (c.has("ba")) s.ba = readChannel(c.child("ba"), s.ba);
    }
    s.seed = static_cast<std::uint64_t>(r.number("seed", 0, 9007199254740992.0, 1));
    if (r.has("a")) s.a = readEndpoint(r.child("a"));
    if (r.has("b")) s.b = readEndpoint(r.child("b"));
    s.horizon = r.millis("horizon_ms", 86400e3, s.horizon);
    if (r.has("actions")) {
        const json& list = root.at("actions");
        if (!list.is_array())
            throw Failure{"actions", "must be a list"};
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Reader a(list[i], "actions[" + std::to_string(i) + "]");
            a.checkKeys({"side", "do", "when", "delay_ms", "bytes", "iss"});
            AppAction act;
            if (!a.has("side")) throw Failure{a.join("side"), "is missing (A or B)"};
            if (!a.has("do")) throw Failure{a.join("do"), "is missing"};
            act.side = a.choice<Side>("side", {kSides[0], kSides[1]}, Side::A);
            act.kind = a.choice<K>("do", {{"listen", K::Listen}, {"connect", K::Connect}, {"send", K::Send},
                                          {"read", K::Read}, {"close", K::Close},
                                          {"shutdown-write", K::ShutdownWrite}, {"abort", K::Abort}}, K::Close);
            act.trigger = a.choice<T>("when", {{"at-time", T::AtTime}, {"after-eof", T::AfterEof},
                                               {"after-established", T::AfterEstablished},
                                               {"after-all-acked", T::AfterAllAcked}, {"after-data", T::AfterData}},
                                      T::AtTime);
            act.delay = a.millis("delay_ms", 86400e3, 0);
            act.bytes = static_cast<std::uint32_t>(a.number("bytes", 0, 1e9, 0));
            if (a.has("iss"))
                act.iss = static_cast<std::uint32_t>(a.number("iss", 0, 4294967295.0, 0));
            s.actions.push_back(act);
        }
    }
    if (r.has("faults")) {
        const json& list = root.at("faults");
        if (!list.is_array())
            throw Failure{"faults", "must be a list"};
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Reader f(list[i], "faults[" + std::to_string(i) + "]");
            f.checkKeys({"kind", "dir", "n", "flags", "exact_flags", "count", "extra_delay_ms", "at_ms", "seq_offset"});
            Fault fault;
            if (!f.has("kind")) throw Failure{f.join("kind"), "is missing"};
            fault.kind = f.choice<Fault::Kind>("kind", {{"drop-nth", Fault::Kind::DropNth},
                                                        {"drop-first-matching", Fault::Kind::DropFirstMatching},
                                                        {"duplicate-nth", Fault::Kind::DuplicateNth},
                                                        {"inject-rst", Fault::Kind::InjectRst}},
                                               Fault::Kind::DropNth);
            fault.dir = f.choice<Direction>("dir", {{"A>B", Direction::AtoB}, {"B>A", Direction::BtoA}}, Direction::AtoB);
            fault.n = static_cast<std::uint32_t>(f.number("n", 1, 1e9, 1));
            fault.flags = readFlags(f, "flags");
            fault.exactFlags = f.boolean("exact_flags", false);
            fault.count = static_cast<std::uint32_t>(f.number("count", 1, 1e9, 1));
            fault.extraDelay = f.millis("extra_delay_ms", 86400e3, 0);
            fault.at = f.millis("at_ms", 86400e3, 0);
            fault.seqOffset = static_cast<std::int32_t>(f.number("seq_offset", -1e9, 1e9, 0));
            s.faults.push_back(fault);
        }
    }
    return s;
}

// Line and column (1-based) of a byte offset.
void locate(std::string_view text, std::size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

// Where a field's key first appears in the text, searching for each path component in turn.
std::size_t findField(std::string_view text, const std::string& path) {
    std::size_t pos = 0, found = std::string_view::npos;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('.', start);
        if (end == std::string::npos) end = path.size();
        std::string part = path.substr(start, end - start);
        const std::size_t bracket = part.find('[');
        if (bracket != std::string::npos) part = part.substr(0, bracket);
        const std::size_t hit = text.find("\"" + part + "\"", pos);
        if (hit == std::string_view::npos) break;
        found = pos = hit;
        start = end + 1;
    }
    return found;
}
}  // namespace

std::string ScenarioError::oneLine() const {
    std::string out = file.empty() ? std::string("<scenario>") : file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
    if (!field.empty()) out += "field '" + field + "': ";
    return out + message;
}

ScenarioResult parseScenario(std::string_view text, std::string_view fileName) {
    ScenarioResult result;
    result.error.file = std::string(fileName);
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        locate(text, e.byte > 0 ? e.byte - 1 : 0, result.error.line, result.error.column);
        std::string what = e.what();
        const auto colon = what.rfind(": ");
        result.error.message = "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
        return result;
    } catch (const json::exception& e) {
        // For instance a number too large for a double (found by the fuzzer): out_of_range.
        std::string what = e.what();
        const auto colon = what.rfind("] ");
        result.error.message = "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
        return result;
    }
    try {
        result.scenario = readScenario(root);
    } catch (const Failure& f) {
        result.error.field = f.field;
        result.error.message = f.message;
        const std::size_t at = findField(text, f.field);
        if (at != std::string_view::npos) locate(text, at, result.error.line, result.error.column);
    } catch (const json::exception& e) {
        result.error.message = e.what();
    }
    return result;
}

ScenarioResult readScenarioFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ScenarioResult r;
        r.error.file = path;
        r.error.message = "cannot be opened for reading";
        return r;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    return parseScenario(buf.str(), path);
}

std::string writeScenario(const Scenario& s) {
    const auto ms = [](Micros t) { return static_cast<double>(t) / 1000.0; };
    const ProtocolParams& p = s.params;
    using json = nlohmann::ordered_json;  // keep "version" first, fields in reading order
    json j;
    j["version"] = kScenarioFormatVersion;
    j["name"] = s.name;
    j["title"] = s.title;
    j["description"] = s.description;
    j["profile"] = std::string(profileName(p.profile));
    j["params"] = {{"msl_ms", ms(p.msl)}, {"time_wait_ms", ms(p.timeWait)}, {"rto_initial_ms", ms(p.rtoInitial)},
                   {"rto_min_ms", ms(p.rtoMin)}, {"rto_max_ms", ms(p.rtoMax)}, {"max_retries", p.maxRetries},
                   {"give_up_after_ms", ms(p.giveUpAfter)}, {"delayed_ack", p.delayedAck},
                   {"delayed_ack_ms", ms(p.delayedAckTimeout)}, {"quick_acks", p.quickAcks},
                   {"fin_wait_2_timeout_ms", ms(p.finWait2Timeout)}, {"user_timeout_ms", ms(p.userTimeout)},
                   {"orphan_retries", p.orphanRetries}, {"rfc1337", p.rfc1337}, {"rst_carries_ack", p.rstCarriesAck},
                   {"linux_time_wait_restart", p.linuxTimeWaitRestart}, {"mss", p.mss}};
    const auto channel = [&](const ChannelParams& c) {
        return json{{"delay_ms", ms(c.delay)}, {"jitter_ms", ms(c.jitter)}, {"loss", c.loss}};
    };
    j["channel"] = {{"ab", channel(s.ab)}, {"ba", channel(s.ba)}};
    j["seed"] = s.seed;
    const auto endpoint = [](const EndpointSetup& e) {
        return json{{"initial", std::string(stateName(e.initial))}, {"iss", e.iss}, {"linger_zero", e.lingerZero},
                    {"linger2_negative", e.linger2Negative},
                    {"auto_read", e.autoRead}, {"already_sent", e.alreadySent}, {"listen_again", e.listenAgain}};
    };
    j["a"] = endpoint(s.a);
    j["b"] = endpoint(s.b);
    j["horizon_ms"] = ms(s.horizon);
    j["actions"] = json::array();
    for (const AppAction& a : s.actions) {
        j["actions"].push_back({{"side", std::string(sideName(a.side))}, {"do", std::string(kindName(a.kind))},
                                {"when", std::string(triggerName(a.trigger))}, {"delay_ms", ms(a.delay)},
                                {"bytes", a.bytes}});
        if (a.iss)
            j["actions"].back()["iss"] = *a.iss;
    }
    j["faults"] = json::array();
    for (const Fault& f : s.faults)
        j["faults"].push_back({{"kind", std::string(faultName(f.kind))},
                               {"dir", f.dir == Direction::AtoB ? "A>B" : "B>A"}, {"n", f.n},
                               {"flags", flagsJson(f.flags)}, {"exact_flags", f.exactFlags}, {"count", f.count},
                               {"extra_delay_ms", ms(f.extraDelay)}, {"at_ms", ms(f.at)},
                               {"seq_offset", f.seqOffset}});
    return j.dump(2) + "\n";
}

}  // namespace finwave
