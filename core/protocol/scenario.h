#pragma once

#include "core/protocol/channel.h"
#include "core/protocol/profile.h"
#include "core/protocol/quiz_settings.h"
#include "core/protocol/tcp_state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace finwave {

// An application call made by one endpoint, scripted by time or by an event.
struct AppAction {
    enum class Kind : std::uint8_t {
        Listen,         // passive OPEN
        Connect,        // active OPEN: send SYN
        Send,           // SEND `bytes` bytes
        Read,           // the application reads everything received so far
        Close,          // close(): orphan the socket (Linux) / CLOSE (RFC)
        ShutdownWrite,  // shutdown(SHUT_WR): CLOSE of the sending direction only, not orphaned
        Abort,          // ABORT (RFC 9293 §3.10.5)
    };
    enum class Trigger : std::uint8_t {
        AtTime,          // at `delay` from the start of the run
        AfterEof,        // `delay` after this endpoint received the peer's FIN
        AfterEstablished,// `delay` after this endpoint entered ESTABLISHED
        AfterAllAcked,   // `delay` after everything this endpoint sent was acknowledged
        AfterData,       // `delay` after this endpoint received data
    };
    Side side = Side::A;
    Kind kind = Kind::Close;
    Trigger trigger = Trigger::AtTime;
    Micros delay = 0;
    std::uint32_t bytes = 0;  // Send
    std::optional<std::uint32_t> iss;  // Connect: this connection's ISS (absolute); else the setup's
};

struct EndpointSetup {
    TcpState initial = TcpState::Established;  // Established, or Closed for a run that opens first
    std::uint32_t iss = 0;                     // initial send sequence number (absolute)
    bool lingerZero = false;    // SO_LINGER {on, 0}: close() aborts with RST (RFC 9293 §3.10.5; E3)
    bool autoRead = true;       // the application reads data as soon as it arrives
    bool linger2Negative = false;  // Linux TCP_LINGER2 < 0: an orphan resets instead of FIN_WAIT_2 (F2e)
    std::uint32_t alreadySent = 0;  // bytes sent and ACKed before the run starts (precondition)
    // A listening application that outlives its connections: when a connection ends this endpoint
    // listens again on the same port (a server), and in the linux profile a SYN that reaches its
    // TIME_WAIT may open the next incarnation (RFC 9293 §3.6.1 MAY-2; tcp_timewait_state_process()).
    bool listenAgain = false;
    // TCP options this end offers in its SYN (as Linux does by default): SACK-permitted (RFC 2018)
    // and timestamps (RFC 7323). Either is in use only when both ends offer it; a run that starts
    // ESTABLISHED takes them as negotiated in the handshake before it.
    bool sackPermitted = true;
    bool timestamps = true;
};

// The state an endpoint starts a run in: ESTABLISHED, or CLOSED for a run that opens first. The
// engine, the sequence view and the charts all start from this.
TcpState initialState(const EndpointSetup& setup);

// Something the user did to a run, at a step, kept so that a saved run replays exactly (format
// version 2). It applies after `step` events have run, before the next one, as it did live.
struct Interaction {
    enum class Kind : std::uint8_t {
        Params,       // every protocol constant, the profile included (a slider or the profile box)
        Channel,      // one direction's delay, jitter and loss
        DropSegment,  // "click to drop": the n-th segment sent in `dir` dies at `at`
        DropNext,     // "drop A's (B's) next segment"
    };
    Kind kind = Kind::Params;
    std::uint64_t step = 0;
    ProtocolParams params;            // Params
    Direction dir = Direction::AtoB;  // Channel, DropSegment
    ChannelParams channel;            // Channel
    std::uint32_t ordinal = 1;        // DropSegment: 1-based, counted in `dir` (its identity in the run)
    Micros at = 0;                    // DropSegment: where it dies (clamped as the live drop was)
    Side side = Side::A;              // DropNext: whose

    bool operator==(const Interaction&) const = default;
};

// A teacher's note on a step ("Watch B's FIN come back"): shown beside the rows of that step.
struct Annotation {
    std::uint64_t step = 0;
    std::string text;

    bool operator==(const Annotation&) const = default;
};

// Everything one run needs. Built-in scenarios and scenario files produce this.
struct Scenario {
    int version = 1;
    std::string name;         // "normal-close"
    std::string title;        // one line for menus
    std::string description;  // what the class sees
    ProtocolParams params;    // resolved: profile defaults plus the scenario's own overrides
    ChannelParams ab;         // A→B
    ChannelParams ba;         // B→A
    std::uint64_t seed = 1;
    EndpointSetup a;
    EndpointSetup b;
    std::vector<AppAction> actions;
    std::vector<Fault> faults;
    Micros horizon = 3600 * kSec;  // safety stop: no event runs after this time
    std::vector<Interaction> recording;  // version 2: what the user did, sorted by step
    std::vector<Annotation> annotations; // version 2: notes on steps, sorted by step
    std::optional<QuizSettings> quiz;  // a teacher's quiz (file version 2, docs/quiz.md)
};

// Switch a scenario to another profile: take that profile's constants, keeping every constant
// the scenario had set differently from its old profile's default (profile.cpp).
void applyProfile(Scenario& scenario, Profile profile);

}  // namespace finwave
