#pragma once
// Quiz mode: before a step that teaches something, ask the student to predict it.
// The engine is deterministic, so the question is made by running the next event, reading what
// it recorded, and stepping back: the simulator is left exactly where it was (trace, step, RNG).

#include "core/protocol/quiz_settings.h"
#include "core/protocol/reason.h"
#include "core/protocol/segment.h"
#include "core/protocol/socket_call.h"
#include "core/sim/simulator.h"
#include "core/protocol/tcp_state.h"
#include "core/protocol/trace.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace finwave {

// What happens to a segment that arrives (RFC 9293 §3.10.7.4).
enum class ArrivalOutcome : std::uint8_t {
    Accepted,  // taken in (data queued, ACK field processed), nothing sent back
    Acked,     // answered with an ACK (of data, of a FIN, or of an unacceptable segment)
    Ignored,   // dropped by the receiver, nothing sent back
    Reset,     // answered with RST
};
std::string_view arrivalOutcomeName(ArrivalOutcome o);  // "accepted", "acked", "ignored", "rst"

// One answer a student can pick. Which members matter depends on the question's kind.
struct QuizChoice {
    Side side = Side::A;             // Timer: whose timer
    TcpState state = TcpState::Closed;                // State
    std::uint8_t flags = 0;                           // Segment
    std::uint32_t seq = 0, ack = 0, len = 0;          // Segment: relative, as Wireshark shows them
    TimerKind timer = TimerKind::None;                // Timer
    Micros after = 0;                                 // Timer: how long after askedAt it fires
    ArrivalOutcome outcome = ArrivalOutcome::Accepted;  // Arrival
    SocketError error = SocketError::None;            // Call: the errno, None when it succeeded
    long long value = 0;                              // Call: what it returned (-1 on an error)

    bool operator==(const QuizChoice&) const = default;
};

// The event the question is about, named in it so the student reasons from what happens rather than
// guesses the script (M6: "B is in ESTABLISHED. Which state next?" had two readings): an
// application's call, a segment's arrival, or a timer firing. None for a timer question (the
// firing is its answer) and an arrival question (its prompt names the segment already).
struct QuizCause {
    // Output: data an application wrote earlier leaves now, as an event of its own.
    enum class Kind : std::uint8_t { None, Call, Arrival, TimerFires, Output };
    Kind kind = Kind::None;
    Side side = Side::A;                 // who calls, where it arrives, whose timer
    SocketCall call = SocketCall::None;  // Call
    Segment segment{};                   // Arrival
    TimerKind timer = TimerKind::None;   // TimerFires
};

struct QuizQuestion {
    QuizKind kind = QuizKind::State;
    std::uint64_t step = 0;          // the event asked about (1-based): stepIndex() + 1 when asked
    Micros askedAt = 0;              // now() when asked
    Side side = Side::A;             // the endpoint that changes state, sends or receives
    TcpState from = TcpState::Closed;  // State: the state it leaves
    Segment arriving{};              // Arrival: the segment that arrives (already on the wire)
    SocketCall call = SocketCall::None;  // Call: the call whose return is asked
    std::vector<QuizChoice> choices; // 2 to 4, all distinct
    int right = 0;                   // index into choices
    std::vector<int> hintRemoves;    // wrong choices the hint strikes out (at least one)
    QuizCause cause;                 // the event that comes next
    // The explanation shown after the answer: the reason of the teaching record, its RFC
    // section and, for a change of state, the transition row (core/protocol/transitions.h).
    Reason reason = Reason::Arrive;
    std::string_view section;
    std::string_view rowId;
};

// A run's quiz ends after this many questions: a student answers a lesson's dozen, not the
// thousands a long run (MSS 1 and a large send) would ask, and each question costs a step and a step
// back of the run.
inline constexpr int kMaxQuizQuestions = 60;

// The question for the next event, or none if it teaches nothing, is not at one of the
// settings' steps, or asks a kind the settings leave out. `sim` is stepped and stepped back, so it
// must keep its history (SimulatorOptions::keepHistory, the window's default) and record a trace.
std::optional<QuizQuestion> nextQuestion(Simulator& sim, const QuizSettings& settings);

// The choices put in an order of the attempt's own: a permutation drawn from `attemptSeed` and the
// question's step, so the right answer's place cannot be learnt (it was a fixed function of the
// step) while the same question asked again in one attempt (after a step back) keeps its order,
// and a recorded attempt replays. `right` and `hintRemoves` follow their choices.
void shuffleChoices(QuizQuestion& q, std::uint64_t attemptSeed);

// What a segment's arrival led to, from the records of its step.
ArrivalOutcome classifyArrival(std::span<const TraceRecord> records, Side receiver);

}  // namespace finwave
