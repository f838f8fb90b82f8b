// The built-in scenarios; docs/protocol.md says what each one shows.
#include "core/builtin_scenarios.h"

#include <string>

// Marks text the app translates (lupdate reads it as QT_TRANSLATE_NOOP); the core stays Qt-free.
#define FINWAVE_TR(context, text) text

namespace finwave {

namespace {
using K = AppAction::Kind;
using T = AppAction::Trigger;

AppAction act(Side side, K kind, T trigger, Micros delay, std::uint32_t bytes = 0) {
    AppAction a;
    a.side = side;
    a.kind = kind;
    a.trigger = trigger;
    a.delay = delay;
    a.bytes = bytes;
    return a;
}

Scenario make(std::string name, std::string title, std::string description, Profile profile = Profile::Rfc) {
    Scenario s;
    s.name = std::move(name);
    s.title = std::move(title);
    s.description = std::move(description);
    s.params = paramsFor(profile);
    s.ab.delay = 50 * kMs;
    s.ba.delay = 50 * kMs;
    return s;
}

Fault dropFirst(Side from, std::uint8_t flags, std::uint32_t count = 1) {
    Fault f;
    f.kind = Fault::Kind::DropFirstMatching;
    f.dir = directionFrom(from);
    f.flags = flags;
    f.count = count;
    return f;
}

Fault dropNth(Direction dir, std::uint32_t n) {
    Fault f;
    f.kind = Fault::Kind::DropNth;
    f.dir = dir;
    f.n = n;
    return f;
}

Fault duplicateNth(Direction dir, std::uint32_t n, Micros extraDelay) {
    Fault f;
    f.kind = Fault::Kind::DuplicateNth;
    f.dir = dir;
    f.n = n;
    f.extraDelay = extraDelay;
    return f;
}

std::vector<Scenario> build() {
    std::vector<Scenario> all;
    {  // E1, F1a, E4, C2, F2a, L1, T6 (RFC 9293 §3.6 Figure 12)
        Scenario s = make("normal-close", FINWAVE_TR("Scenario", "Normal close (four segments)"),
                          FINWAVE_TR("Scenario", "A closes, B ACKs at once and closes later: FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, "
                          "LAST_ACK, TIME_WAIT."));
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AfterEof, 200 * kMs)};
        all.push_back(s);
    }
    {  // F1d: B's ACK is delayed and rides on its FIN (RFC 9293 §3.8.6.3)
        Scenario s = make("piggyback-close", FINWAVE_TR("Scenario", "Piggybacked FIN+ACK (three segments)"),
                          FINWAVE_TR("Scenario", "B closes before its delayed ACK fires: FIN+ACK in one segment, A goes "
                          "FIN_WAIT_1 straight to TIME_WAIT."));
        s.params.delayedAck = true;
        s.params.delayedAckTimeout = 200 * kMs;
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AfterEof, 5 * kMs)};
        all.push_back(s);
    }
    {  // F1c, G1 (RFC 9293 §3.6 Case 3, Figure 13)
        Scenario s = make("simultaneous-close", FINWAVE_TR("Scenario", "Simultaneous close (CLOSING)"),
                          FINWAVE_TR("Scenario", "Both FINs cross: both ends pass CLOSING and both wait in TIME_WAIT."));
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AtTime, 0)};
        all.push_back(s);
    }
    {  // half-close (RFC 9293 §3.6.1; §3.10.7.4 Seventh)
        Scenario s = make("half-close", FINWAVE_TR("Scenario", "Half-close: B keeps sending"),
                          FINWAVE_TR("Scenario", "A shuts down writing; B keeps sending data in CLOSE_WAIT, A ACKs it in FIN_WAIT_2."));
        s.params.mss = 100;
        s.actions = {act(Side::A, K::ShutdownWrite, T::AtTime, 0),
                     act(Side::B, K::Send, T::AfterEof, 100 * kMs, 100),
                     act(Side::B, K::Send, T::AfterEof, 300 * kMs, 100),
                     act(Side::B, K::Send, T::AfterEof, 500 * kMs, 100),
                     act(Side::B, K::Close, T::AfterEof, 700 * kMs)};
        all.push_back(s);
    }
    {  // F1f
        Scenario s = make("lost-fin", FINWAVE_TR("Scenario", "A's FIN is lost"),
                          FINWAVE_TR("Scenario", "A's FIN is lost and resent after the retransmission timeout."));
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AfterEof, 200 * kMs)};
        s.faults = {dropFirst(Side::A, flag::Fin)};
        all.push_back(s);
    }
    {
        Scenario s = make("lost-fin-ack", FINWAVE_TR("Scenario", "B's ACK of the FIN is lost"),
                          FINWAVE_TR("Scenario", "B's ACK of A's FIN is lost; A resends its FIN, B ACKs again."));
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AfterEof, 2 * kSec)};
        s.faults = {dropNth(Direction::BtoA, 1)};
        all.push_back(s);
    }
    {  // L2, T1
        Scenario s = make("lost-last-ack", FINWAVE_TR("Scenario", "The last ACK is lost"),
                          FINWAVE_TR("Scenario", "A's final ACK is lost; B resends FIN from LAST_ACK; A re-ACKs from TIME_WAIT and "
                          "restarts 2MSL."));
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AfterEof, 200 * kMs)};
        s.faults = {dropNth(Direction::AtoB, 2)};
        all.push_back(s);
    }
    {  // E3 (Linux: SO_LINGER is a sockets option; tcp_disconnect() sends R.)
        Scenario s = make("linger-abort", FINWAVE_TR("Scenario", "SO_LINGER 0: abort with RST"),
                          FINWAVE_TR("Scenario", "SO_LINGER 0: close sends RST, no TIME_WAIT anywhere."), Profile::Linux);
        s.a.alreadySent = 1000;
        s.a.lingerZero = true;
        s.actions = {act(Side::A, K::Close, T::AtTime, 0)};
        all.push_back(s);
    }
    {  // E2 (RFC 2525 §2.17; Linux __tcp_close())
        Scenario s = make("unread-data-rst", FINWAVE_TR("Scenario", "Close with unread data: RST"),
                          FINWAVE_TR("Scenario", "A closes with received data unread: RST instead of FIN."), Profile::Linux);
        s.a.autoRead = false;
        s.params.mss = 100;
        s.actions = {act(Side::B, K::Send, T::AtTime, 0, 100), act(Side::A, K::Close, T::AtTime, 200 * kMs)};
        all.push_back(s);
    }
    {  // F2d, X1
        Scenario s = make("fin-wait-2-timeout", FINWAVE_TR("Scenario", "FIN_WAIT_2 timeout (Linux)"),
                          FINWAVE_TR("Scenario", "B never closes: A leaves FIN_WAIT_2 by timeout; B's late FIN meets a RST."),
                          Profile::Linux);
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AtTime, 70 * kSec)};
        all.push_back(s);
    }
    {  // F1f until F1g: every copy lost
        Scenario s = make("retries-exhausted", FINWAVE_TR("Scenario", "Every FIN is lost: A gives up"),
                          FINWAVE_TR("Scenario", "Every FIN from A is lost: A gives up after its retry limit."));
        s.actions = {act(Side::A, K::Close, T::AtTime, 0), act(Side::B, K::Close, T::AfterEof, 200 * kMs)};
        s.faults = {dropFirst(Side::A, flag::Fin, 1000)};
        all.push_back(s);
    }
    {
        Scenario s = make("full-lifecycle", FINWAVE_TR("Scenario", "Full lifecycle: open, data, close"),
                          FINWAVE_TR("Scenario", "Three-way open, some data, four-way close: compare three segments with four."));
        s.a.initial = TcpState::Closed;
        s.b.initial = TcpState::Closed;
        s.a.iss = 1000;
        s.b.iss = 5000;
        s.params.mss = 300;
        s.actions = {act(Side::B, K::Listen, T::AtTime, 0),
                     act(Side::A, K::Connect, T::AtTime, 10 * kMs),
                     act(Side::A, K::Send, T::AfterEstablished, 50 * kMs, 300),
                     act(Side::B, K::Send, T::AfterData, 50 * kMs, 200),
                     act(Side::A, K::Close, T::AfterData, 100 * kMs),
                     act(Side::B, K::Close, T::AfterEof, 200 * kMs)};
        all.push_back(s);
    }
    {  // RFC 9293 §3.4.2, RFC 1337 §2.1: the second reason for 2MSL
        Scenario s = make("old-duplicate", FINWAVE_TR("Scenario", "Old duplicate: why TIME_WAIT lasts 2MSL"),
                          FINWAVE_TR("Scenario", "A delayed copy of B's data outlives the connection. With TIME_WAIT intact it dies "
                          "there and A cannot reopen yet; set TIME_WAIT to 0 and A reconnects at once, and the copy is "
                          "taken as the new connection's data (corrupted, in red) while B's real bytes are discarded."));
        s.params.rfc1337 = true;  // the listener's RST to A's ACK of the copy must not end TIME_WAIT
        s.b.listenAgain = true;   // B is a server: it listens again on the same port
        s.actions = {act(Side::B, K::Send, T::AtTime, 0, 100),          // old connection: B's greeting
                     act(Side::A, K::Close, T::AtTime, 100 * kMs),
                     act(Side::B, K::Close, T::AtTime, 160 * kMs),
                     act(Side::A, K::Connect, T::AtTime, 500 * kMs),     // same addresses, same ISS
                     act(Side::B, K::Send, T::AtTime, 700 * kMs, 100),   // new connection: B's greeting again
                     act(Side::B, K::Close, T::AtTime, 1500 * kMs),
                     act(Side::A, K::Close, T::AtTime, 1600 * kMs)};
        s.faults = {duplicateNth(Direction::BtoA, 1, 670 * kMs)};     // the old greeting, 670 ms late
        all.push_back(s);
    }
    return all;
}

const std::vector<Scenario>& all() {
    static const std::vector<Scenario> scenarios = build();
    return scenarios;
}
}  // namespace

const std::vector<std::string_view>& builtinScenarioNames() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> n;
        for (const Scenario& s : all())
            n.push_back(s.name);
        return n;
    }();
    return names;
}

std::optional<Scenario> builtinScenario(std::string_view name) {
    for (const Scenario& s : all())
        if (s.name == name)
            return s;
    return std::nullopt;
}

void applyProfile(Scenario& scenario, Profile profile) {
    const ProtocolParams oldDefaults = paramsFor(scenario.params.profile);
    const ProtocolParams& old = scenario.params;
    ProtocolParams next = paramsFor(profile);
    // Keep every constant the scenario set differently from its old profile's default.
    const auto keep = [&](auto member) {
        if (old.*member != oldDefaults.*member)
            next.*member = old.*member;
    };
    keep(&ProtocolParams::msl);
    keep(&ProtocolParams::timeWait);
    keep(&ProtocolParams::rtoInitial);
    keep(&ProtocolParams::rtoMin);
    keep(&ProtocolParams::rtoMax);
    keep(&ProtocolParams::maxRetries);
    keep(&ProtocolParams::giveUpAfter);
    keep(&ProtocolParams::delayedAck);
    keep(&ProtocolParams::delayedAckTimeout);
    keep(&ProtocolParams::quickAcks);
    keep(&ProtocolParams::finWait2Timeout);
    keep(&ProtocolParams::userTimeout);
    keep(&ProtocolParams::orphanRetries);
    keep(&ProtocolParams::rfc1337);
    keep(&ProtocolParams::rstCarriesAck);
    keep(&ProtocolParams::linuxTimeWaitRestart);
    keep(&ProtocolParams::mss);
    scenario.params = next;
}

}  // namespace finwave
