#pragma once
// Helpers for engine tests: build a situation, run it, read back segments and states.

#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"
#include "core/sim/simulator.h"
#include "core/sim/trace_format.h"

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace finwave::testing {

// The run's trace as `finwave trace --format jsonl` prints it: what "byte-identical" compares.
inline std::string traceJsonl(const Simulator& sim) {
    std::ostringstream out;
    writeTrace(out, sim, TraceFormat::Jsonl);
    return out.str();
}

// The first segment from `sender` still in flight and not already lost, if any.
inline std::optional<InFlight> firstInFlight(const Simulator& sim, Side sender) {
    for (const InFlight& f : sim.inFlight())
        if (senderOf(f.seg.dir) == sender && !f.lost)
            return f;
    return std::nullopt;
}

// A segment as a test states it: "A>B FIN,ACK 1 1 0" plus lost / retransmission marks.
struct Seg {
    std::string dir;     // "A>B" or "B>A"
    std::string flags;   // flagsText order: "FIN,ACK"
    std::uint32_t seq = 0, ack = 0, len = 0;
    bool lost = false;
    bool retransmission = false;
    bool operator==(const Seg&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const Seg& s) {
    return os << s.dir << ' ' << s.flags << " seq=" << s.seq << " ack=" << s.ack << " len=" << s.len
              << (s.lost ? " LOST" : "") << (s.retransmission ? " RTX" : "");
}

// Every segment sent, in order, with relative numbers and whether it was lost.
inline std::vector<Seg> segments(const Simulator& sim) {
    std::vector<Seg> out;
    std::vector<std::uint32_t> ids;
    for (const TraceRecord& r : sim.trace()) {
        if (r.kind == EventKind::Send) {
            Seg s;
            s.dir = r.seg.dir == Direction::AtoB ? "A>B" : "B>A";
            s.flags = flagsText(r.seg.flags);
            s.seq = sim.relativeSeq(r.seg);
            s.ack = sim.relativeAck(r.seg);
            s.len = r.seg.len;
            s.retransmission = r.seg.isRetransmission();
            out.push_back(s);
            ids.push_back(r.seg.id);
        } else if (r.kind == EventKind::Drop) {
            for (std::size_t i = 0; i < ids.size(); ++i)
                if (ids[i] == r.seg.id)
                    out[i].lost = true;
        }
    }
    return out;
}

// The states one side passed through, starting with its first state.
inline std::vector<std::string> states(const Simulator& sim, Side side, TcpState initial) {
    std::vector<std::string> out{std::string(stateName(initial))};
    for (const TraceRecord& r : sim.trace())
        if (r.kind == EventKind::State && r.side == side)
            out.emplace_back(stateName(r.to));
    return out;
}

inline Seg seg(std::string dir, std::string flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len = 0,
               bool lost = false, bool rtx = false) {
    return Seg{std::move(dir), std::move(flags), seq, ack, len, lost, rtx};
}

// Times (in the trace) at which `side` entered state `s`.
inline std::vector<Micros> entered(const Simulator& sim, Side side, TcpState s) {
    std::vector<Micros> out;
    for (const TraceRecord& r : sim.trace())
        if (r.kind == EventKind::State && r.side == side && r.to == s)
            out.push_back(r.t);
    return out;
}

// Runs a scenario to its end.
inline std::unique_ptr<Simulator> play(const Scenario& s) {
    auto sim = std::make_unique<Simulator>(s);
    sim->runToEnd();
    return sim;
}

inline bool hasReason(const Simulator& sim, Reason r) {
    for (const auto& rec : sim.trace())
        if (rec.reason == r)
            return true;
    return false;
}


inline Scenario normalClose(Profile p = Profile::Rfc) {
    Scenario s = established(p);
    s.actions = {action(Side::A, AppAction::Kind::Close, 0),
                 action(Side::B, AppAction::Kind::Close, 200 * kMs, AppAction::Trigger::AfterEof)};
    return s;
}

}  // namespace finwave::testing
