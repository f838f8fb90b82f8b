// Send and receive windows: flow control (RFC 9293 §3.8.6) and congestion control (RFC 5681;
// Linux's defaults for its profile). Segments in flight never exceed min(cwnd, SND.WND).
#include "core/engine/internal/engine.h"

#include <algorithm>

namespace finwave::detail {

namespace {
constexpr std::uint32_t kReceiveBuffer = 65535;  // each endpoint's buffer; no window scaling
constexpr std::uint32_t kInitialWindow = 10;     // segments: RFC 6928; include/net/tcp.h TCP_INIT_CWND
constexpr std::uint32_t kInfiniteSsthresh = 0x7fffffff;  // TCP_INFINITE_SSTHRESH
constexpr std::uint32_t kMaxCwnd = 1u << 30;             // keeps cwnd arithmetic far from wrapping
}  // namespace

std::uint32_t receiveWindow(const Endpoint& e) {
    return e.unread >= kReceiveBuffer ? 0 : static_cast<std::uint32_t>(kReceiveBuffer - e.unread);
}

void initWindows(Endpoint& e, const ProtocolParams& p) {
    e.cwnd = std::min(kMaxCwnd, kInitialWindow * p.mss);
    e.ssthresh = kInfiniteSsthresh;
    e.sndWnd = kReceiveBuffer;
}

// May `len` more data bytes leave now? Sender silly-window avoidance (RFC 9293 §3.8.6.2.1): only
// whole segments, unless nothing is in flight, when what the window allows goes (len shrinks).
bool Engine::windowAllows(const Endpoint& e, std::uint32_t& len) const {
    const std::uint32_t window = std::min(e.cwnd, e.sndWnd);
    const std::uint32_t inFlight = e.sndNxt - e.sndUna;
    const std::uint32_t usable = inFlight < window ? window - inFlight : 0;
    if (len <= usable)
        return true;
    if (inFlight == 0 && usable > 0) {
        len = usable;
        return true;
    }
    return false;
}

// New data acknowledged (RFC 5681 §3.1): slow start below ssthresh (RFC: cwnd += min(N, SMSS);
// Linux tcp_slow_start(): cwnd += the segments acknowledged), then congestion avoidance, about one
// SMSS per round trip (RFC 5681 (3); Linux's default CUBIC is not modelled, Reno's increase is).
void Engine::onNewAck(Side me, std::uint32_t bytesAcked) {
    Endpoint& e = ep(m_s, me);
    const std::uint32_t mss = m_s.params.mss;
    std::uint64_t cwnd = e.cwnd;
    if (cwnd < e.ssthresh)
        cwnd += isLinux(m_s.params) ? bytesAcked : std::min(bytesAcked, mss);
    else
        cwnd += std::max<std::uint64_t>(
            1, static_cast<std::uint64_t>(mss) * mss / std::max<std::uint64_t>(1, cwnd));
    e.cwnd = static_cast<std::uint32_t>(std::min<std::uint64_t>(cwnd, kMaxCwnd));
    if (e.unsent > 0 || (e.finQueued && !e.finSent))
        scheduleOutput(me);  // the window opened: more may leave once this segment is processed
}

// RTO expiry (RFC 5681 (4), (5)): ssthresh = max(FlightSize / 2, 2 SMSS) on the first timeout of a
// segment (later ones keep it), cwnd = the loss window of one segment.
void Engine::onRetransmissionTimeout(Endpoint& e) {
    const std::uint32_t mss = m_s.params.mss;
    if (e.retries == 0)
        e.ssthresh = std::max((e.sndNxt - e.sndUna) / 2, 2 * mss);
    e.cwnd = mss;
}

}  // namespace finwave::detail
