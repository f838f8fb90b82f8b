// `finwave trace` output: jsonl per the command-line contract, and a readable ladder.
#include "core/sim/trace_format.h"

#include "core/protocol/names.h"

#include <cstdio>
#include <string>

namespace finwave {

namespace {
void appendQuoted(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

void field(std::string& out, std::string_view name) {
    if (out.size() > 1)
        out += ',';
    appendQuoted(out, name);
    out += ':';
}

std::string flagsJson(std::uint8_t flags) {
    std::string out = "[";
    for (const auto& [bit, name] : flagNames()) {
        if (flags & bit) {
            if (out.size() > 1)
                out += ',';
            appendQuoted(out, name);
        }
    }
    return out + "]";
}

std::string segmentLabel(const RelativeNumbers& sim, const Segment& s) {
    std::string out = flagsText(s.flags);
    out += " seq=" + std::to_string(sim.seq(s));
    if (s.has(flag::Ack))
        out += " ack=" + std::to_string(sim.ack(s));
    if (s.len > 0)
        out += " len=" + std::to_string(s.len);
    if (s.isRetransmission())
        out += " (retransmission " + std::to_string(s.transmission) + ")";
    return out;
}

// The TCP options a segment carries: {"mss":1000,"sack_permitted":true,"wscale":7,"ts":[val,ecr],
// "sack":[[left,right]]}; a SACK block relative to the receiver's ISN, as Wireshark shows it.
std::string optionsJson(const Segment& s, const SegmentOptions& o, const RelativeNumbers& rel) {
    std::string out = "{";
    const auto add = [&out](std::string_view name, const std::string& value) {
        if (out.size() > 1)
            out += ',';
        out += '"' + std::string(name) + "\":" + value;
    };
    if (s.carries(option::Mss))
        add("mss", std::to_string(o.mss));
    if (s.carries(option::SackPermitted))
        add("sack_permitted", "true");
    if (s.carries(option::WindowScale))
        add("wscale", std::to_string(o.windowScale));
    if (s.carries(option::Timestamps))
        add("ts", "[" + std::to_string(o.tsVal) + "," + std::to_string(o.tsEcr) + "]");
    if (s.carries(option::Sack)) {
        // Relative as the segment's ACK field is: the block's numbers are the receiver's.
        Segment edge = s;
        edge.flags = flag::Ack;
        edge.ack = o.sackLeft;
        const std::uint32_t left = rel.ack(edge);
        edge.ack = o.sackRight;
        add("sack", "[[" + std::to_string(left) + "," + std::to_string(rel.ack(edge)) + "]]");
    }
    return out + "}";
}

std::string seconds(Micros t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%10.6f", static_cast<double>(t) / 1e6);
    return buf;
}
}  // namespace

std::string jsonlRecord(const TraceRecord& r, const RelativeNumbers& sim, std::string_view extraFields) {
    std::string out = "{";
    field(out, "step");
    out += std::to_string(r.step);
    field(out, "t_us");
    out += std::to_string(r.t);
    field(out, "kind");
    appendQuoted(out, eventKindName(r.kind));
    field(out, "side");
    appendQuoted(out, sideName(r.side));
    field(out, "state_a");
    appendQuoted(out, stateName(r.stateA));
    field(out, "state_b");
    appendQuoted(out, stateName(r.stateB));
    field(out, "reason");
    appendQuoted(out, reasonKey(r.reason));
    field(out, "rfc");
    appendQuoted(out, rfcSection(r.reason));
    if (r.hasSegment) {
        const Segment& s = r.seg;
        field(out, "seg");
        out += "{\"id\":" + std::to_string(s.id);
        out += ",\"dir\":";
        appendQuoted(out, directionName(s.dir));
        out += ",\"flags\":" + flagsJson(s.flags);
        out += ",\"seq\":" + std::to_string(sim.seq(s));
        out += ",\"ack\":" + std::to_string(sim.ack(s));
        out += ",\"len\":" + std::to_string(s.len);
        out += ",\"retransmission\":";
        out += s.isRetransmission() ? "true" : "false";
        if (s.options != 0)
            out += ",\"options\":" + optionsJson(s, r.opts, sim);
        out += '}';
        field(out, "seq_abs");
        out += std::to_string(s.seq);
        field(out, "ack_abs");
        out += std::to_string(s.ack);
    }
    if (r.kind == EventKind::State) {
        field(out, "from");
        appendQuoted(out, stateName(r.from));
        field(out, "to");
        appendQuoted(out, stateName(r.to));
    }
    if (r.kind == EventKind::Return) {  // what the application's call returned
        field(out, "call");
        appendQuoted(out, socketCallName(r.call));
        field(out, "result");
        out += std::to_string(returnValue(r));
        if (r.error != SocketError::None) {
            field(out, "errno");
            appendQuoted(out, socketErrorName(r.error));
        }
        field(out, "called_at_us");
        out += std::to_string(r.calledAt);
    }
    if (r.timer != TimerKind::None) {
        field(out, "timer");
        appendQuoted(out, timerName(r.timer));
        if (r.kind == EventKind::TimerStart) {
            field(out, "deadline_us");
            out += std::to_string(r.deadline);
        }
    }
    if (r.bytes > 0) {
        field(out, "bytes");
        out += std::to_string(r.bytes);
    }
    if (!extraFields.empty()) {
        out += ',';
        out += extraFields;
    }
    out += '}';
    return out;
}

RelativeNumbers relativeNumbers(const Simulator& sim) {
    return {[&sim](const Segment& s) { return sim.relativeSeq(s); }, [&sim](const Segment& s) { return sim.relativeAck(s); }};
}

std::string jsonlRecord(const Simulator& sim, const TraceRecord& r) { return jsonlRecord(r, relativeNumbers(sim)); }
std::string textRecord(const Simulator& sim, const TraceRecord& r) { return textRecord(r, relativeNumbers(sim)); }

// "read() = -1 ECONNRESET", "close() = 0, 2000 bytes thrown away", "connect() = 0 (blocked 0.1 s)".
std::string callReturnText(const TraceRecord& r) {
    std::string out = std::string(socketCallName(r.call)) + "() = " + std::to_string(returnValue(r));
    if (r.error != SocketError::None)
        out += " " + std::string(socketErrorName(r.error));
    if (r.call == SocketCall::Close && r.bytes > 0)
        out += ", " + std::to_string(r.bytes) + " bytes thrown away";
    if (r.calledAt < r.t)
        out += " (blocked since " + seconds(r.calledAt).substr(seconds(r.calledAt).find_first_not_of(' ')) + " s)";
    return out;
}

std::string textRecord(const TraceRecord& r, const RelativeNumbers& sim) {
    std::string out = seconds(r.t) + " s  #" + std::to_string(r.step) + "  ";
    std::string what;
    switch (r.kind) {
    case EventKind::Send:
        what = r.seg.dir == Direction::AtoB ? "A --" + segmentLabel(sim, r.seg) + "--> B"
                                            : "A <--" + segmentLabel(sim, r.seg) + "-- B";
        break;
    case EventKind::Arrive:
        what = std::string(sideName(r.side)) + " receives " + segmentLabel(sim, r.seg);
        break;
    case EventKind::Drop:
        what = "    LOST: " + segmentLabel(sim, r.seg) + " (" + std::string(directionName(r.seg.dir)) + ")";
        break;
    case EventKind::State:
        what = std::string(sideName(r.side)) + ": " + std::string(stateName(r.from)) + " -> " +
               std::string(stateName(r.to));
        break;
    case EventKind::TimerStart:
        what = std::string(sideName(r.side)) + " starts " + std::string(timerName(r.timer)) + " timer, fires at " +
               seconds(r.deadline) + " s";
        break;
    case EventKind::TimerStop:
        what = std::string(sideName(r.side)) + " stops " + std::string(timerName(r.timer)) + " timer";
        break;
    case EventKind::TimerFire:
        what = std::string(sideName(r.side)) + ": " + std::string(timerName(r.timer)) + " timer expires";
        break;
    case EventKind::Return:
        what = std::string(sideName(r.side)) + ": " + callReturnText(r);
        break;
    case EventKind::App:
    case EventKind::Note:
        what = std::string(sideName(r.side)) + ": " + std::string(reasonKey(r.reason));
        if (r.bytes > 0)
            what += " (" + std::to_string(r.bytes) + " bytes)";
        break;
    }
    out += what;
    if (out.size() < 72)
        out.append(72 - out.size(), ' ');
    out += "  A=" + std::string(stateName(r.stateA)) + " B=" + std::string(stateName(r.stateB));
    out += "  [" + std::string(rfcSection(r.reason)) + "]";
    return out;
}

void writeTrace(std::ostream& out, const Simulator& sim, TraceFormat format) {
    for (const TraceRecord& r : sim.trace())
        out << (format == TraceFormat::Jsonl ? jsonlRecord(sim, r) : textRecord(sim, r)) << '\n';
}

}  // namespace finwave
