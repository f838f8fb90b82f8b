#include "core/capture/capture_writer.h"

#include "core/capture/packet_bytes.h"
#include "core/engine/tcp_options.h"
#include "core/capture/internal/pcap_blocks.h"
#include "core/protocol/transitions.h"

#include <algorithm>
#include <map>

namespace finwave::capture {

namespace {
constexpr std::uint16_t kFirstIpIdA = 0x1000;
constexpr std::uint16_t kFirstIpIdB = 0x8000;

Host hostOf(Side s) {
    Host h;
    h.ip = s == Side::A ? kAddressA : kAddressB;
    h.mac = {0x02, 0x00, 0x00, 0x00, 0x00, static_cast<std::uint8_t>(s == Side::A ? 0x0a : 0x0b)};
    h.port = s == Side::A ? kPortA : kPortB;
    return h;
}

// The window field: in a SYN as it is (RFC 7323 §2.2: never scaled), afterwards scaled by the shift
// both SYNs offered (RFC 7323 §2.3), as the kernel writes it (rounded down).
std::uint16_t windowOf(const Segment& s, std::uint8_t shift) {
    const std::uint32_t w = s.has(flag::Syn) ? s.wnd : s.wnd >> shift;
    return static_cast<std::uint16_t>(std::min<std::uint32_t>(w, 65535));
}

Segment segment(Direction dir, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags, std::uint32_t len,
                std::uint32_t wnd) {
    Segment s;
    s.dir = dir;
    s.seq = seq;
    s.ack = ack;
    s.flags = flags;
    s.len = len;
    s.wnd = wnd;
    return s;
}

// The window `side` advertises in its first segment of the run (the engine keeps it steady).
std::uint32_t firstWindow(const Trace& trace, Side side) {
    for (const TraceRecord& r : trace)
        if (r.kind == EventKind::Send && r.side == side && r.hasSegment)
            return r.seg.wnd;
    return 65535;
}

// The options the synthetic opening carries, as the engine's SYNs would have (RFC 2018, RFC 7323):
// MSS, window scale and each end's offers in the SYNs, the common ones in the SYN,ACK, timestamps
// on everything after while both ends use them. `sent` and `shift` place each on its sender's clock.
void stampSyntheticOptions(const Scenario& sc, std::vector<CapturedPacket>& out, const std::vector<Micros>& sent,
                           Micros shift) {
    const bool sack = sc.a.sackPermitted && sc.b.sackPermitted, ts = sc.a.timestamps && sc.b.timestamps;
    std::uint32_t lastTs[2] = {0, 0};  // the latest TSval each side sent, which the other echoes
    for (std::size_t i = 0; i < out.size(); ++i) {
        Segment& s = out[i].seg;
        SegmentOptions& o = out[i].opts;
        const Side from = senderOf(s.dir);
        const EndpointSetup& me = from == Side::A ? sc.a : sc.b;
        const bool syn = s.has(flag::Syn), synAck = syn && s.has(flag::Ack);
        if (syn) {
            s.options = option::Mss | option::WindowScale;
            o.mss = static_cast<std::uint16_t>(std::min<std::uint32_t>(sc.params.mss, 65535));
            o.windowScale = kWindowScale;
            if (synAck ? sack : me.sackPermitted)
                s.options |= option::SackPermitted;
        }
        if (synAck ? ts : syn ? me.timestamps : ts) {
            s.options |= option::Timestamps;
            o.tsVal = timestampClock(sc.seed, from, shift + sent[i]);
            o.tsEcr = syn && !synAck ? 0 : lastTs[from == Side::A ? 1 : 0];
            lastTs[from == Side::A ? 0 : 1] = o.tsVal;
        }
    }
}

// The opening a run that starts ESTABLISHED leaves out (RFC 9293 §3.5, Figure 6): A is the client.
std::vector<CapturedPacket> syntheticOpening(const Simulator& sim, Micros firstTime, Side vantage) {
    const Scenario& sc = sim.scenario();
    std::vector<CapturedPacket> out;
    if (initialState(sc.a) != TcpState::Established || initialState(sc.b) != TcpState::Established)
        return out;
    const std::uint32_t issA = sim.issAt(Side::A, 1), issB = sim.issAt(Side::B, 1);
    const std::uint32_t wndA = firstWindow(sim.trace(), Side::A), wndB = firstWindow(sim.trace(), Side::B);
    const std::string note = "synthetic: the run starts ESTABLISHED; this opening was not simulated";
    out.push_back({0, segment(Direction::AtoB, issA, 0, flag::Syn, 0, wndA), {}, 0, true, note});
    out.push_back({0, segment(Direction::BtoA, issB, issA + 1, flag::Syn | flag::Ack, 0, wndB), {}, 0, true, note});
    out.push_back({0, segment(Direction::AtoB, issA + 1, issB + 1, flag::Ack, 0, wndA), {}, 0, true, note});
    // Bytes already sent and ACKed before the run (EndpointSetup::alreadySent), in MSS pieces.
    std::uint32_t nextA = issA + 1, nextB = issB + 1;
    for (Side s : {Side::A, Side::B}) {
        const std::uint32_t total = (s == Side::A ? sc.a : sc.b).alreadySent;
        std::uint32_t& mine = s == Side::A ? nextA : nextB;
        const std::uint32_t theirs = s == Side::A ? nextB : nextA;
        const std::uint32_t mss = std::max<std::uint32_t>(sc.params.mss, 1);
        for (std::uint32_t sent = 0; sent < total;) {
            const std::uint32_t len = std::min(mss, total - sent);
            out.push_back({0, segment(directionFrom(s), mine, theirs, flag::Ack | flag::Psh, len,
                                      s == Side::A ? wndA : wndB), {}, 0, true,
                           "synthetic: data the scenario says was already sent and acknowledged"});
            mine += len;
            sent += len;
            out.push_back({0, segment(directionFrom(peerOf(s)), theirs, mine, flag::Ack, 0, s == Side::A ? wndB : wndA), {}, 0, true,
                           "synthetic: ACK of the data already sent"});
        }
    }
    // Each leaves as soon as the one before it arrives (RFC 9293 §3.5), with the channels' delays, so
    // Wireshark's round trip and FinWave's import see the run's own; the last ends a millisecond
    // before the run's first event. `t` is then the time at the vantage.
    std::vector<Micros> sent(out.size()), arrived(out.size());
    Micros clock = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        sent[i] = clock;
        clock += std::max<Micros>(out[i].seg.dir == Direction::AtoB ? sc.ab.delay : sc.ba.delay, 1);
        arrived[i] = clock;
    }
    const Micros shift = firstTime - kMs - clock;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].t = shift + (senderOf(out[i].seg.dir) == vantage ? sent[i] : arrived[i]);
    stampSyntheticOptions(sc, out, sent, shift);
    std::stable_sort(out.begin(), out.end(), [](const CapturedPacket& x, const CapturedPacket& y) { return x.t < y.t; });
    return out;
}

// "A: FIN_WAIT_1 -> FIN_WAIT_2, RFC 9293 §3.10.7.4 Fifth" for every row of the transition table
// taken in `step` (a step is one event: the packet's arrival or the call that sent it).
std::string stepComment(const Trace& trace, std::size_t first, std::uint32_t step) {
    std::string out;
    for (std::size_t i = first; i < trace.size() && trace[i].step == step; ++i) {
        const Transition* row = transitionOf(trace[i]);
        if (!row)
            continue;
        if (!out.empty())
            out += "; ";
        out += std::string(sideName(trace[i].side)) + ": " + std::string(stateName(row->from)) + " -> " +
               std::string(stateName(row->to)) + ", " + std::string(row->section) + " (" +
               std::string(reasonKey(trace[i].reason)) + ")";
    }
    return out;
}
}  // namespace

std::vector<CapturedPacket> capturedPackets(const Simulator& sim, Side vantage) {
    const Trace& trace = sim.trace();
    std::vector<CapturedPacket> out = syntheticOpening(sim, trace.empty() ? 0 : trace[0].t, vantage);
    std::uint16_t nextId[2] = {kFirstIpIdA, kFirstIpIdB};
    for (CapturedPacket& p : out)
        p.ipId = nextId[p.seg.dir == Direction::AtoB ? 0 : 1]++;
    // IP IDs count every datagram a host sends, captured or not (RFC 6864 §4.1: per source).
    std::map<std::uint32_t, std::uint16_t> ipIds;
    for (const TraceRecord& r : trace)
        if (r.kind == EventKind::Send && r.hasSegment)
            ipIds[r.seg.id] = nextId[r.side == Side::A ? 0 : 1]++;

    std::size_t stepStart = 0;
    std::uint32_t commentedStep = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const TraceRecord& r = trace[i];
        if (i == 0 || r.step != trace[i - 1].step)
            stepStart = i;
        if (!r.hasSegment || r.side != vantage || (r.kind != EventKind::Send && r.kind != EventKind::Arrive))
            continue;
        CapturedPacket p;
        p.t = r.t;
        p.seg = r.seg;
        p.opts = r.opts;
        p.ipId = ipIds.count(r.seg.id) ? ipIds[r.seg.id] : 0;
        // The step's state changes go on its first packet: the one that caused them.
        if (r.step != commentedStep) {
            p.comment = stepComment(trace, stepStart, r.step);
            commentedStep = r.step;
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string writeCapture(const Simulator& sim, const WriteOptions& options) {
    const bool ethernet = options.link == LinkType::Ethernet;
    PcapBlockWriter writer(options.format, ethernet ? kLinkEthernet : kLinkRaw);
    std::string packet;
    // Window scaling is in use once both SYNs offered it (RFC 7323 §2.2).
    bool scaled[2] = {false, false};
    for (const CapturedPacket& p : capturedPackets(sim, options.vantage)) {
        const Side from = senderOf(p.seg.dir);
        if (p.seg.has(flag::Syn))
            scaled[from == Side::A ? 0 : 1] = p.seg.carries(option::WindowScale);
        TcpFields tcp;
        tcp.seq = p.seg.seq;
        tcp.ack = p.seg.ack;
        tcp.window = windowOf(p.seg, scaled[0] && scaled[1] ? kWindowScale : 0);
        tcp.flags = p.seg.flags;
        tcp.options = optionBytes(p.seg, p.opts);
        tcp.payloadLength = p.seg.len;
        packet.clear();
        appendPacket(packet, hostOf(from), hostOf(peerOf(from)), p.ipId, tcp, ethernet);
        const std::int64_t ns = (static_cast<std::int64_t>(kEpochSeconds) * 1'000'000 + p.t) * 1000;
        writer.addPacket(static_cast<std::uint64_t>(ns), packet, p.comment);
    }
    return writer.take();
}

}  // namespace finwave::capture
