// Names of the core's enums as the command-line contract and the views spell them.
#include "core/protocol/names.h"
#include "core/protocol/profile.h"
#include "core/protocol/reason.h"
#include "core/protocol/segment.h"
#include "core/protocol/tcp_state.h"
#include "core/protocol/trace.h"

#include <array>

namespace finwave {

namespace {
constexpr std::array<std::string_view, kTcpStateCount> kStateNames = {
    "CLOSED",     "LISTEN",     "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1",
    "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING",  "LAST_ACK",     "TIME_WAIT",
};

struct ReasonInfo {
    std::string_view key;
    std::string_view section;
};
constexpr ReasonInfo kReasons[] = {
#define FINWAVE_REASON(id, key, section) {key, section},
#include "core/protocol/reason_list.h"
#undef FINWAVE_REASON
};
static_assert(std::size(kReasons) == static_cast<std::size_t>(kReasonCount));

using K = AppAction::Kind;
using T = AppAction::Trigger;
constexpr Named<K> kActionKinds[] = {{K::Listen, "listen"}, {K::Connect, "connect"}, {K::Send, "send"},
                                     {K::Read, "read"},     {K::Close, "close"},     {K::ShutdownWrite, "shutdown-write"},
                                     {K::Abort, "abort"}};
constexpr Named<T> kTriggers[] = {{T::AtTime, "at-time"},
                                  {T::AfterEof, "after-eof"},
                                  {T::AfterEstablished, "after-established"},
                                  {T::AfterAllAcked, "after-all-acked"},
                                  {T::AfterData, "after-data"}};
constexpr Named<Fault::Kind> kFaultKinds[] = {{Fault::Kind::DropNth, "drop-nth"},
                                              {Fault::Kind::DropFirstMatching, "drop-first-matching"},
                                              {Fault::Kind::DuplicateNth, "duplicate-nth"},
                                              {Fault::Kind::InjectRst, "inject-rst"}};
using IK = Interaction::Kind;
constexpr Named<IK> kInteractionKinds[] = {
    {IK::Params, "params"}, {IK::Channel, "channel"}, {IK::DropSegment, "drop"}, {IK::DropNext, "drop-next"}};
constexpr Named<Direction> kDirections[] = {{Direction::AtoB, "A>B"}, {Direction::BtoA, "B>A"}};
constexpr Named<std::uint8_t> kFlags[] = {
    {flag::Syn, "SYN"}, {flag::Fin, "FIN"}, {flag::Rst, "RST"}, {flag::Psh, "PSH"}, {flag::Ack, "ACK"}};
}  // namespace

std::span<const Named<AppAction::Kind>> actionKindNames() { return kActionKinds; }
std::span<const Named<AppAction::Trigger>> triggerNames() { return kTriggers; }
std::span<const Named<Fault::Kind>> faultKindNames() { return kFaultKinds; }
std::span<const Named<Direction>> directionNames() { return kDirections; }
std::span<const Named<Interaction::Kind>> interactionKindNames() { return kInteractionKinds; }
std::string_view interactionKindName(Interaction::Kind k) { return nameOf(interactionKindNames(), k); }
std::span<const Named<std::uint8_t>> flagNames() { return kFlags; }

std::string_view actionKindName(AppAction::Kind k) { return nameOf(actionKindNames(), k); }
std::optional<AppAction::Kind> actionKindFromName(std::string_view name) { return fromName(actionKindNames(), name); }
std::string_view triggerName(AppAction::Trigger t) { return nameOf(triggerNames(), t); }
std::optional<AppAction::Trigger> triggerFromName(std::string_view name) { return fromName(triggerNames(), name); }
std::string_view faultKindName(Fault::Kind k) { return nameOf(faultKindNames(), k); }
std::optional<Fault::Kind> faultKindFromName(std::string_view name) { return fromName(faultKindNames(), name); }
std::string_view directionName(Direction d) { return nameOf(directionNames(), d); }
std::optional<Direction> directionFromName(std::string_view name) { return fromName(directionNames(), name); }
std::optional<std::uint8_t> flagFromName(std::string_view name) { return fromName(flagNames(), name); }

std::string_view stateName(TcpState s) { return kStateNames[static_cast<std::size_t>(s)]; }

std::optional<TcpState> stateFromName(std::string_view name) {
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (kStateNames[i] == name)
            return static_cast<TcpState>(i);
    return std::nullopt;
}

std::string_view sideName(Side s) {
    switch (s) {
    case Side::A: return "A";
    case Side::B: return "B";
    case Side::Net: return "net";
    }
    return "?";
}

std::string flagsText(std::uint8_t flags) {
    std::string out;
    for (const auto& [bit, name] : kFlags) {
        if (flags & bit) {
            if (!out.empty())
                out += ',';
            out += name;
        }
    }
    return out;
}

std::string_view reasonKey(Reason r) { return kReasons[static_cast<std::size_t>(r)].key; }
std::string_view rfcSection(Reason r) { return kReasons[static_cast<std::size_t>(r)].section; }

std::optional<Reason> reasonFromKey(std::string_view key) {
    for (std::size_t i = 0; i < std::size(kReasons); ++i)
        if (kReasons[i].key == key)
            return static_cast<Reason>(i);
    return std::nullopt;
}

std::string_view timerName(TimerKind t) {
    switch (t) {
    case TimerKind::None: return "";
    case TimerKind::Retransmission: return "RTX";
    case TimerKind::TimeWait: return "TIME_WAIT";
    case TimerKind::DelayedAck: return "DELACK";
    case TimerKind::FinWait2: return "FIN_WAIT_2";
    case TimerKind::User: return "USER";
    case TimerKind::LossProbe: return "TLP";
    }
    return "";
}

std::string_view eventKindName(EventKind k) {
    switch (k) {
    case EventKind::App: return "app";
    case EventKind::Send: return "send";
    case EventKind::Arrive: return "arrive";
    case EventKind::Drop: return "drop";
    case EventKind::State: return "state";
    case EventKind::TimerStart: return "timer-start";
    case EventKind::TimerStop: return "timer-stop";
    case EventKind::TimerFire: return "timer-fire";
    case EventKind::Note: return "note";
    case EventKind::Return: return "return";
    }
    return "note";
}

std::string_view profileName(Profile p) { return p == Profile::Linux ? "linux" : "rfc"; }

std::optional<Profile> profileFromName(std::string_view name) {
    if (name == "rfc")
        return Profile::Rfc;
    if (name == "linux")
        return Profile::Linux;
    return std::nullopt;
}

std::string_view outcomeName(Outcome o) {
    switch (o) {
    case Outcome::Running: return "running";
    case Outcome::Graceful: return "graceful";
    case Outcome::Reset: return "reset";
    case Outcome::GaveUp: return "gave-up";
    case Outcome::TimedOut: return "timed-out";
    case Outcome::Stuck: return "stuck";
    }
    return "running";
}

}  // namespace finwave

namespace finwave {

std::string_view socketCallName(SocketCall c) {
    switch (c) {
    case SocketCall::None: return "";
    case SocketCall::Connect: return "connect";
    case SocketCall::Listen: return "listen";
    case SocketCall::Accept: return "accept";
    case SocketCall::Write: return "write";
    case SocketCall::Read: return "read";
    case SocketCall::Shutdown: return "shutdown";
    case SocketCall::Close: return "close";
    }
    return "";
}

std::string_view socketErrorName(SocketError e) {
    switch (e) {
    case SocketError::None: return "";
    case SocketError::Epipe: return "EPIPE";
    case SocketError::Econnreset: return "ECONNRESET";
    case SocketError::Econnrefused: return "ECONNREFUSED";
    case SocketError::Etimedout: return "ETIMEDOUT";
    case SocketError::Enotconn: return "ENOTCONN";
    case SocketError::Eisconn: return "EISCONN";
    case SocketError::Einval: return "EINVAL";
    case SocketError::Eaddrnotavail: return "EADDRNOTAVAIL";
    case SocketError::Ebadf: return "EBADF";
    }
    return "";
}

}  // namespace finwave
