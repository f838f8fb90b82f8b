// The lab's settings checked, its names, and its CSV.
#include "core/lab/lab.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace finwave::lab {

std::string_view closerName(Closer c) {
    switch (c) {
    case Closer::Client: return "client";
    case Closer::Server: return "server";
    case Closer::Both: return "both";
    case Closer::ClientAbort: return "client-linger0";
    case Closer::ServerAbort: return "server-linger0";
    }
    return "client";
}

std::string labConfigProblem(const LabConfig& c) {
    const auto bad = [](double v, double lo, double hi) { return !std::isfinite(v) || v < lo || v > hi; };
    if (bad(c.requestsPerSecond, 0.001, 1e6))
        return "--rate: the requests per second must be between 0.001 and 1000000";
    if (c.requestsPerConnection < 1 || c.requestsPerConnection > 1'000'000)
        return "--keep-alive: the requests per connection must be between 1 and 1000000";
    if (bad(c.durationSeconds, 1, kMaxLabSeconds))
        return "--duration: the simulated seconds must be between 1 and 86400";
    if (c.requestsPerSecond / c.requestsPerConnection * c.durationSeconds > static_cast<double>(kMaxLabConnections))
        return "--rate: rate x duration makes more than 50000000 connections";
    for (int n : {c.clientAddresses, c.serverAddresses, c.serverPorts})
        if (n < 1 || n > kMaxLabAddresses)
            return "--client-addresses, --server-addresses, --server-ports: each between 1 and 64";
    if (c.clientAddresses * c.serverAddresses * c.serverPorts > 256)
        return "--client-addresses: client addresses x server addresses x server ports must be at most 256";
    if (c.portLow < 1 || c.portHigh > 65535 || c.portLow > c.portHigh)
        return "--port-range: LOW-HIGH with 1 <= LOW <= HIGH <= 65535";
    // Each 4-tuple can hold a TIME_WAIT on both hosts, each an event of the lab's: bounded memory.
    if (static_cast<long long>(c.clientAddresses) * c.serverAddresses * c.serverPorts * (c.portHigh - c.portLow + 1) > kMaxLabTuples)
        return "--port-range: client addresses x server addresses x server ports x ports must be at most 2000000";
    if (c.twReuse < 0 || c.twReuse > 2)
        return "--tw-reuse: 0, 1 or 2";
    if (c.maxTwBuckets < 0 || c.maxTwBuckets > 100'000'000)
        return "--max-tw-buckets: between 0 and 100000000";
    if (bad(c.delayMs, 0, 60'000))
        return "--delay: the one-way delay must be between 0 and 60000 ms";
    if (bad(c.loss, 0, 1))
        return "--loss: a probability between 0 and 1";
    if (c.lossyRuns < 1 || c.lossyRuns > kMaxLabLossyRuns)
        return "--lossy-runs: between 1 and 65536";
    if (!std::isfinite(c.serverRestartSeconds) || c.serverRestartSeconds > kMaxLabSeconds)
        return "--server-restart: a time within the run, in seconds";
    if (c.requestBytes > 1'000'000 || c.replyBytes > 1'000'000)
        return "--request-bytes, --reply-bytes: at most 1000000";
    // One connection must close within its engine run: its steps (about four per segment) and
    // its time (K round trips, then the close and TIME_WAIT) inside the run's limits.
    const double segments = c.requestsPerConnection * (std::ceil(c.requestBytes / 1000.0) + std::ceil(c.replyBytes / 1000.0) + 2);
    if (segments * 4 + 40 > static_cast<double>(kMaxLabStepsPerRun))
        return "--keep-alive: requests per connection x their segments must stay under 12000 segments a connection";
    if ((2.0 * c.requestsPerConnection + 6) * c.delayMs / 1000 + 240 > 3000)
        return "--keep-alive: requests per connection x round trips must close within 2700 s";
    const double runs = std::min(c.loss > 0 ? static_cast<double>(c.lossyRuns) : 1.0,
                                 c.requestsPerSecond / c.requestsPerConnection * c.durationSeconds + 1);
    if (runs * (segments * 8 + 40) > static_cast<double>(kMaxLabEngineSteps))
        return "--lossy-runs: distinct engine runs x their length is too much work (fewer runs, or shorter connections)";
    return {};
}

std::string labCsv(const LabResult& result) {
    std::ostringstream out;
    out << "t_s,new,eaddrnotavail,refused,rst,tw,tw_recycled,tw_overflow_client,tw_overflow_server,tw_reopened,"
           "time_wait_client,time_wait_server,other_client,other_server,ports_in_use,kernel_bytes";
    const auto counted = [](int st) { return st != static_cast<int>(TcpState::Closed) && st != static_cast<int>(TcpState::Listen); };
    for (const char* side : {"client", "server"})
        for (int st = 0; st < kTcpStateCount; ++st)
            if (counted(st))
                out << ',' << side << '_' << stateName(static_cast<TcpState>(st));
    out << '\n';
    int t = 0;
    for (const LabSecond& s : result.seconds) {
        out << t++ << ',' << s.newConnections << ',' << s.addrNotAvail << ',' << s.refused << ',' << s.resets << ','
            << s.twEnded << ',' << s.twRecycled << ',' << s.twOverflowClient << ',' << s.twOverflowServer << ','
            << s.twReopened << ',' << s.timeWaitClient << ',' << s.timeWaitServer << ',' << s.otherClient << ','
            << s.otherServer << ',' << s.portsInUse << ',' << s.kernelBytes;
        for (const auto* side : {&s.client, &s.server})
            for (int st = 0; st < kTcpStateCount; ++st)
                if (counted(st))
                    out << ',' << (*side)[static_cast<std::size_t>(st)];
        out << '\n';
    }
    return out.str();
}

}  // namespace finwave::lab
