// Profile constants (rfc vs linux) and the values derived from them.
#include "core/protocol/profile.h"

#include "core/protocol/scenario.h"

#include <algorithm>

namespace finwave {

ProtocolParams paramsFor(Profile p) {
    ProtocolParams params;  // defaults are the RFC profile
    params.profile = p;
    if (p == Profile::Linux) {
        params.msl = 30 * kSec;                 // TCP_TIMEWAIT_LEN = 60 s is Linux's 2MSL
        params.timeWait = 60 * kSec;            // include/net/tcp.h TCP_TIMEWAIT_LEN
        params.rtoInitial = 1 * kSec;           // TCP_TIMEOUT_INIT
        params.rtoMin = 200 * kMs;              // TCP_RTO_MIN
        params.rtoMax = 120 * kSec;             // TCP_RTO_MAX
        params.maxRetries = 15;                 // tcp_retries2
        params.giveUpAfter = 0;                 // Linux counts retries
        params.delayedAck = true;               // TCP_DELACK_MIN
        params.delayedAckTimeout = 40 * kMs;
        params.quickAcks = 16;                  // TCP_MAX_QUICKACKS, caps tcp_incr_quickack()
        params.finWait2Timeout = 60 * kSec;     // tcp_fin_timeout, orphans only
        params.orphanRetries = 8;               // tcp_orphan_retries 0 -> 8
        params.rfc1337 = false;                 // tcp_rfc1337 default
        params.rstCarriesAck = true;            // tcp_send_active_reset(): R.
        params.linuxTimeWaitRestart = true;     // tcp_timewait_state_process()
    }
    return params;
}

Micros mslFor(const ProtocolParams& p) { return p.timeWait / 2; }

ProtocolParams withTimeWait(ProtocolParams p, Micros timeWait) {
    p.timeWait = std::max<Micros>(0, timeWait);
    p.msl = mslFor(p);
    return p;
}

ProtocolParams withRtoFloor(ProtocolParams p, Micros rtoMin) {
    p.rtoMin = std::max<Micros>(0, rtoMin);
    p.rtoInitial = std::max(p.rtoInitial, p.rtoMin);
    p.rtoMax = std::max(p.rtoMax, p.rtoMin);
    return p;
}

TcpState initialState(const EndpointSetup& setup) {
    return setup.initial == TcpState::Established ? TcpState::Established : TcpState::Closed;
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
