// TCP options: what each segment carries, and what the receiver does with them. SACK-permitted
// and timestamps are offered in a SYN and in use only when both SYNs offered them (RFC 2018 §2,
// RFC 7323 §3.2); a duplicate is reported with a D-SACK block (RFC 2883); an old timestamp is
// refused by PAWS (RFC 7323 §5.3). The layout on the wire is the capture writer's (core/capture).
#include "core/engine/internal/engine.h"
#include "core/engine/tcp_options.h"

namespace finwave {

// A 32-bit offset from the run's seed and a side (splitmix64's finalizer), the same on every
// machine; turning timestamps on or off changes no loss or jitter.
std::uint32_t timestampClock(std::uint64_t seed, Side side, Micros t) {
    std::uint64_t z = seed + (side == Side::A ? 0x9E3779B97F4A7C15ull : 0xD1B54A32D192ED03ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    const Micros ms = t >= 0 ? t / kMs : -((-t + kMs - 1) / kMs);  // floor, also before time 0
    return static_cast<std::uint32_t>(z ^ (z >> 31)) + static_cast<std::uint32_t>(ms);
}

}  // namespace finwave

namespace finwave::detail {

namespace {
// TSval comparisons are modular (RFC 7323 §5.2).
bool tsBefore(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) < 0; }
}  // namespace

std::uint32_t Engine::tsValueAt(Side side, Micros t) const { return timestampClock(m_sc.seed, side, t); }

// The options of a segment leaving `from` (Linux tcp_syn_options(), tcp_synack_options(),
// tcp_established_options()): MSS, window scale and the offers in a SYN; in a SYN,ACK only what
// both offer; afterwards timestamps while in use (on a RST too, but not on one sent with no
// connection) and a D-SACK block after a duplicate.
SegmentOptions Engine::stampOptions(Side from, Segment& seg, Reason why) {
    const Endpoint& e = ep(m_s, from);
    SegmentOptions o;
    seg.options = 0;
    if (seg.has(flag::Syn)) {
        const bool synAck = seg.has(flag::Ack);
        seg.options = option::Mss | option::WindowScale;
        o.mss = static_cast<std::uint16_t>(std::min<std::uint32_t>(m_s.params.mss, 65535));
        o.windowScale = kWindowScale;
        if (e.offersSack && (!synAck || e.peerSack))
            seg.options |= option::SackPermitted;
        if (e.offersTimestamps && (!synAck || e.peerTimestamps)) {
            seg.options |= option::Timestamps;
            o.tsVal = tsValueAt(from, m_s.now);
            o.tsEcr = synAck ? e.tsRecent : 0;
        }
        return o;
    }
    const bool noConnection = seg.has(flag::Rst) && why == Reason::SendRstNoTcb;
    if (e.tsOk && !noConnection) {
        seg.options |= option::Timestamps;
        o.tsVal = tsValueAt(from, m_s.now);
        o.tsEcr = e.tsRecent;
    }
    if (m_dsack && seg.has(flag::Ack) && !seg.has(flag::Rst)) {
        seg.options |= option::Sack;
        o.sackLeft = m_dsack->first;
        o.sackRight = m_dsack->second;
    }
    m_dsack.reset();
    return o;
}

// A SYN (or SYN,ACK) says what the peer offers; the connection uses what both offer.
void Engine::learnPeerOptions(Side me, const Segment& syn) {
    Endpoint& e = ep(m_s, me);
    e.peerSack = syn.carries(option::SackPermitted);
    e.peerTimestamps = syn.carries(option::Timestamps);
    e.sackOk = e.offersSack && e.peerSack;
    e.tsOk = e.offersTimestamps && e.peerTimestamps;
    if (e.tsOk && m_arrivalTsVal) {
        e.tsRecent = *m_arrivalTsVal;
        e.tsRecentValid = true;
    }
}

// RFC 7323 §5.3 R1 (Linux tcp_paws_discard(), one tick of slack): a segment whose TSval is older
// than TS.Recent is an old duplicate. A RST is exempt (Linux accepts it whatever its timestamp).
bool Engine::pawsRejects(const Endpoint& e, const Segment& seg) const {
    return e.tsOk && e.tsRecentValid && m_arrivalTsVal && !seg.has(flag::Rst) &&
           tsBefore(*m_arrivalTsVal + 1, e.tsRecent);
}

// RFC 7323 §4.3: TS.Recent follows the segments at or below RCV.NXT (Linux tcp_replace_ts_recent()
// once the segment passed the tests). TIME_WAIT keeps the one it entered with (the timewait socket
// echoes the first FIN's TSval).
void Engine::noteTimestamp(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    if (!e.tsOk || !m_arrivalTsVal || e.state == TcpState::TimeWait || !seqLe(seg.seq, e.rcvNxt))
        return;
    e.tsRecent = *m_arrivalTsVal;
    e.tsRecentValid = true;
}

// RFC 6191, as Linux's tcp_timewait_state_process() does it: a SYN whose timestamp is newer than
// the last one seen may open a new incarnation even below RCV.NXT.
bool Engine::tsNewerThanRecent(const Endpoint& e) const {
    return e.tsOk && e.tsRecentValid && m_arrivalTsVal && tsBefore(e.tsRecent, *m_arrivalTsVal);
}

}  // namespace finwave::detail
