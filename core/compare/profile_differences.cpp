#include "core/compare/profile_differences.h"

#include "core/protocol/names.h"
#include "core/protocol/profile.h"
#include "core/protocol/transitions.h"

#include <cstdio>
#include <functional>

// FINWAVE_TR marks a text for lupdate (app/CMakeLists.txt reads this file) and is the English text here.
#define FINWAVE_TR(context, text) text

namespace finwave::compare {

namespace {
std::string duration(Micros t) {
    if (t == 0)
        return FINWAVE_TR("ProfileDifferences", "none");
    char buf[32];
    if (t % kSec == 0)
        std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(t / kSec));
    else
        std::snprintf(buf, sizeof buf, "%lld ms", static_cast<long long>(t / kMs));
    return buf;
}
std::string yesNo(bool b) { return b ? FINWAVE_TR("ProfileDifferences", "yes") : FINWAVE_TR("ProfileDifferences", "no"); }

// One protocol constant: its name, how a value reads, and where the two values come from.
struct Constant {
    const char* what;
    std::function<std::string(const ProtocolParams&)> value;
    const char* source;
};
}  // namespace

std::vector<ProfileDifference> profileDifferences() {
    const ProtocolParams rfc = paramsFor(Profile::Rfc), lin = paramsFor(Profile::Linux);
    const Constant constants[] = {
        {FINWAVE_TR("ProfileDifferences", "TIME-WAIT (2 MSL)"), [](const ProtocolParams& p) { return duration(p.timeWait); },
         "RFC 9293 §3.4.2, §3.6.1; Linux TCP_TIMEWAIT_LEN"},
        {FINWAVE_TR("ProfileDifferences", "MSL"), [](const ProtocolParams& p) { return duration(p.msl); }, "RFC 9293 §3.4.2; Linux: TIME-WAIT / 2"},
        {FINWAVE_TR("ProfileDifferences", "initial RTO"), [](const ProtocolParams& p) { return duration(p.rtoInitial); }, "RFC 6298 (2.1); Linux TCP_TIMEOUT_INIT"},
        {FINWAVE_TR("ProfileDifferences", "RTO floor"), [](const ProtocolParams& p) { return duration(p.rtoMin); }, "RFC 6298 (2.4); Linux TCP_RTO_MIN"},
        {FINWAVE_TR("ProfileDifferences", "RTO cap"), [](const ProtocolParams& p) { return duration(p.rtoMax); }, "RFC 6298 (2.5); Linux TCP_RTO_MAX"},
        {FINWAVE_TR("ProfileDifferences", "retransmissions before giving up"), [](const ProtocolParams& p) { return std::to_string(p.maxRetries); },
         "RFC 9293 §3.8.3 R2; Linux tcp_retries2"},
        {FINWAVE_TR("ProfileDifferences", "give up after"), [](const ProtocolParams& p) { return duration(p.giveUpAfter); }, "RFC 9293 §3.8.3 R2; Linux: by count"},
        {FINWAVE_TR("ProfileDifferences", "delayed ACK"), [](const ProtocolParams& p) { return p.delayedAck ? duration(p.delayedAckTimeout) : std::string(FINWAVE_TR("ProfileDifferences", "off")); },
         "RFC 9293 §3.8.6.3; Linux TCP_DELACK_MIN, TCP_ATO_MIN"},
        {FINWAVE_TR("ProfileDifferences", "quick-ack budget cap"), [](const ProtocolParams& p) { return p.quickAcks == 0 ? std::string(FINWAVE_TR("ProfileDifferences", "none")) : std::to_string(p.quickAcks); },
         "Linux TCP_MAX_QUICKACKS"},
        {FINWAVE_TR("ProfileDifferences", "FIN_WAIT_2 timeout (orphans)"), [](const ProtocolParams& p) { return duration(p.finWait2Timeout); },
         "RFC 9293 has none; Linux tcp_fin_timeout, tcp_fin_time()"},
        {FINWAVE_TR("ProfileDifferences", "retransmissions of an orphan"), [](const ProtocolParams& p) { return std::to_string(p.orphanRetries); },
         "Linux tcp_orphan_retries(), 0 read as 8"},
        {FINWAVE_TR("ProfileDifferences", "RST in TIME-WAIT ignored (RFC 1337)"), [](const ProtocolParams& p) { return yesNo(p.rfc1337); }, "RFC 1337 F1; Linux tcp_rfc1337"},
        {FINWAVE_TR("ProfileDifferences", "RST on abort carries ACK"), [](const ProtocolParams& p) { return p.rstCarriesAck ? std::string("R.") : std::string("R"); },
         "RFC 9293 §3.10.5; Linux tcp_send_active_reset()"},
        {FINWAVE_TR("ProfileDifferences", "TIME-WAIT restarted by"), [](const ProtocolParams& p) {
             return p.linuxTimeWaitRestart ? std::string(FINWAVE_TR("ProfileDifferences", "any segment with ACK (T2)"))
                                           : std::string(FINWAVE_TR("ProfileDifferences", "a retransmitted FIN (T1)"));
         },
         "RFC 9293 §3.10.7.4; Linux tcp_timewait_state_process()"},
        {FINWAVE_TR("ProfileDifferences", "MSS"), [](const ProtocolParams& p) { return std::to_string(p.mss) + " bytes"; }, "scenario default"},
    };
    std::vector<ProfileDifference> out;
    for (const Constant& c : constants)
        if (const std::string a = c.value(rfc), b = c.value(lin); a != b)
            out.push_back({c.what, a, b, c.source});
    // Behaviour that comes with the profile rather than a constant (docs/protocol.md D6, T5).
    out.push_back({FINWAVE_TR("ProfileDifferences", "tail-loss probe"), FINWAVE_TR("ProfileDifferences", "none"),
                   FINWAVE_TR("ProfileDifferences", "while SACK is in use"), "RFC 8985 §7; Linux tcp_schedule_loss_probe()"});
    for (const Transition& t : transitions())
        if (t.linuxOnly)
            out.push_back({std::string(t.id) + " " + std::string(stateName(t.from)) + " -> " + std::string(stateName(t.to)) +
                               " (" + std::string(t.label) + ")",
                           FINWAVE_TR("ProfileDifferences", "not taken"), FINWAVE_TR("ProfileDifferences", "taken"),
                           std::string(t.section), &t});
    return out;
}

}  // namespace finwave::compare
