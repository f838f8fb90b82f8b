// The built-in scenarios; docs/protocol.md says what each one shows.
#include "core/scenario/builtin_scenarios.h"

#include "core/scenario/scenario_builder.h"

#include <string>

// Marks text the app translates (lupdate reads it as QT_TRANSLATE_NOOP); the core stays Qt-free.
#define FINWAVE_TR(context, text) text

namespace finwave {

namespace {
using K = AppAction::Kind;
using T = AppAction::Trigger;

std::vector<Scenario> build() {
    std::vector<Scenario> all;
    {  // E1, F1a, E4, C2, F2a, L1, T6 (RFC 9293 §3.6 Figure 12)
        Scenario s = makeScenario("normal-close", FINWAVE_TR("Scenario", "Normal close (four segments)"),
                          FINWAVE_TR("Scenario", "A closes, B ACKs at once and closes later: FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, "
                          "LAST_ACK, TIME_WAIT."));
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
        all.push_back(s);
    }
    {  // F1d: B's ACK is delayed and rides on its FIN (RFC 9293 §3.8.6.3)
        Scenario s = makeScenario("piggyback-close", FINWAVE_TR("Scenario", "Piggybacked FIN+ACK (three segments)"),
                          FINWAVE_TR("Scenario", "B closes before its delayed ACK fires: FIN+ACK in one segment, A goes "
                          "FIN_WAIT_1 straight to TIME_WAIT."));
        s.params.delayedAck = true;
        s.params.delayedAckTimeout = 200 * kMs;
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 5 * kMs, T::AfterEof)};
        all.push_back(s);
    }
    {  // F1c, G1 (RFC 9293 §3.6 Case 3, Figure 13)
        Scenario s = makeScenario("simultaneous-close", FINWAVE_TR("Scenario", "Simultaneous close (CLOSING)"),
                          FINWAVE_TR("Scenario", "Both FINs cross: both ends pass CLOSING and both wait in TIME_WAIT."));
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 0)};
        all.push_back(s);
    }
    {  // half-close (RFC 9293 §3.6.1; §3.10.7.4 Seventh)
        Scenario s = makeScenario("half-close", FINWAVE_TR("Scenario", "Half-close: B keeps sending"),
                          FINWAVE_TR("Scenario", "A shuts down writing; B keeps sending data in CLOSE_WAIT, A ACKs it in FIN_WAIT_2."));
        s.params.mss = 100;
        s.actions = {action(Side::A, K::ShutdownWrite, 0),
                     action(Side::B, K::Send, 100 * kMs, T::AfterEof, 100),
                     action(Side::B, K::Send, 300 * kMs, T::AfterEof, 100),
                     action(Side::B, K::Send, 500 * kMs, T::AfterEof, 100),
                     action(Side::B, K::Close, 700 * kMs, T::AfterEof)};
        all.push_back(s);
    }
    {  // F1f
        Scenario s = makeScenario("lost-fin", FINWAVE_TR("Scenario", "A's FIN is lost"),
                          FINWAVE_TR("Scenario", "A's FIN is lost and resent after the retransmission timeout."));
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
        s.faults = {dropFirst(Side::A, flag::Fin)};
        all.push_back(s);
    }
    {
        Scenario s = makeScenario("lost-fin-ack", FINWAVE_TR("Scenario", "B's ACK of the FIN is lost"),
                          FINWAVE_TR("Scenario", "B's ACK of A's FIN is lost; A resends its FIN, B ACKs again."));
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 2 * kSec, T::AfterEof)};
        s.faults = {dropNth(Direction::BtoA, 1)};
        all.push_back(s);
    }
    {  // L2, T1
        Scenario s = makeScenario("lost-last-ack", FINWAVE_TR("Scenario", "The last ACK is lost"),
                          FINWAVE_TR("Scenario", "A's final ACK is lost; B resends FIN from LAST_ACK; A re-ACKs from TIME_WAIT and "
                          "restarts 2MSL."));
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
        s.faults = {dropNth(Direction::AtoB, 2)};
        all.push_back(s);
    }
    {  // E3 (Linux: SO_LINGER is a sockets option; tcp_disconnect() sends R.)
        Scenario s = makeScenario("linger-abort", FINWAVE_TR("Scenario", "SO_LINGER 0: abort with RST"),
                          FINWAVE_TR("Scenario", "SO_LINGER 0: close sends RST, no TIME_WAIT anywhere."), Profile::Linux);
        s.a.alreadySent = 1000;
        s.a.lingerZero = true;
        s.actions = {action(Side::A, K::Close, 0)};
        all.push_back(s);
    }
    {  // E2 (RFC 2525 §2.17; Linux __tcp_close())
        Scenario s = makeScenario("unread-data-rst", FINWAVE_TR("Scenario", "Close with unread data: RST"),
                          FINWAVE_TR("Scenario", "A closes with received data unread: RST instead of FIN."), Profile::Linux);
        s.a.autoRead = false;
        s.params.mss = 100;
        s.actions = {action(Side::B, K::Send, 0, T::AtTime, 100), action(Side::A, K::Close, 200 * kMs)};
        all.push_back(s);
    }
    {  // F2d, X1
        Scenario s = makeScenario("fin-wait-2-timeout", FINWAVE_TR("Scenario", "FIN_WAIT_2 timeout (Linux)"),
                          FINWAVE_TR("Scenario", "B does not close for 70 s: A leaves FIN_WAIT_2 by timeout at 60 s; B's late FIN meets a RST."),
                          Profile::Linux);
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 70 * kSec)};
        all.push_back(s);
    }
    {  // F1f until F1g: every copy lost
        Scenario s = makeScenario("retries-exhausted", FINWAVE_TR("Scenario", "Every FIN is lost: A gives up"),
                          FINWAVE_TR("Scenario", "Every FIN from A is lost: A gives up after its retry limit."));
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
        s.faults = {dropFirst(Side::A, flag::Fin, 1000)};
        all.push_back(s);
    }
    {
        Scenario s = makeScenario("full-lifecycle", FINWAVE_TR("Scenario", "Full lifecycle: open, data, close"),
                          FINWAVE_TR("Scenario", "Three-way open, some data, four-way close: compare three segments with four."));
        s.a.initial = TcpState::Closed;
        s.b.initial = TcpState::Closed;
        s.a.iss = 1000;
        s.b.iss = 5000;
        s.params.mss = 300;
        s.actions = {action(Side::B, K::Listen, 0),
                     action(Side::A, K::Connect, 10 * kMs),
                     action(Side::A, K::Send, 50 * kMs, T::AfterEstablished, 300),
                     action(Side::B, K::Send, 50 * kMs, T::AfterData, 200),
                     action(Side::A, K::Close, 100 * kMs, T::AfterData),
                     action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
        all.push_back(s);
    }
    {  // RFC 9293 §3.4.2, RFC 1337 §2.1: the second reason for 2MSL
        Scenario s = makeScenario("old-duplicate", FINWAVE_TR("Scenario", "Old duplicate: why TIME_WAIT lasts 2MSL"),
                          FINWAVE_TR("Scenario", "A delayed copy of B's data outlives the connection. With TIME_WAIT intact it dies "
                          "there and A cannot reopen yet; set TIME_WAIT to 0 and A reconnects at once, and the copy is "
                          "taken as the new connection's data (corrupted, in red) while B's real bytes are discarded."));
        s.params.rfc1337 = true;  // the listener's RST to A's ACK of the copy must not end TIME_WAIT
        s.b.listenAgain = true;   // B is a server: it listens again on the same port
        s.actions = {action(Side::B, K::Send, 0, T::AtTime, 100),          // old connection: B's greeting
                     action(Side::A, K::Close, 100 * kMs),
                     action(Side::B, K::Close, 160 * kMs),
                     action(Side::A, K::Connect, 500 * kMs),                // same addresses, same ISS
                     action(Side::B, K::Send, 700 * kMs, T::AtTime, 100),  // new connection: B's greeting again
                     action(Side::B, K::Close, 1500 * kMs),
                     action(Side::A, K::Close, 1600 * kMs)};
        s.faults = {duplicateNth(Direction::BtoA, 1, 670 * kMs)};        // the old greeting, 670 ms late
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

void applyProfile(Scenario& scenario, Profile profile) { scenario.params = withProfile(scenario.params, profile); }

ProtocolParams withProfile(const ProtocolParams& old, Profile profile) {
    const ProtocolParams oldDefaults = paramsFor(old.profile);
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
    return next;
}

}  // namespace finwave
