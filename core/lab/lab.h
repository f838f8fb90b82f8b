#pragma once
// The server lab: thousands of connections from clients to a server, each closed by the real
// engine, through a model of the Linux port allocator and 4-tuple table, to show why TIME_WAIT
// piles up and what each remedy costs (docs/lab.md). Standard C++20, no Qt.

#include "core/protocol/profile.h"
#include "core/protocol/scenario.h"
#include "core/protocol/tcp_state.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace finwave::lab {

// Who closes each connection, and how.
enum class Closer : std::uint8_t { Client, Server, Both, ClientAbort, ServerAbort };
std::string_view closerName(Closer c);  // "client", "server", "both", "client-linger0", "server-linger0"

enum class Arrivals : std::uint8_t { Steady, Poisson };

struct LabConfig {
    Profile profile = Profile::Linux;
    double requestsPerSecond = 500;  // connections arrive at this rate divided by requestsPerConnection
    int requestsPerConnection = 1;   // keep-alive: K requests over one connection
    std::uint32_t requestBytes = 100, replyBytes = 1000;
    Arrivals arrivals = Arrivals::Steady;
    Closer closer = Closer::Client;
    int clientAddresses = 1, serverAddresses = 1, serverPorts = 1;
    int portLow = 32768, portHigh = 60999;  // net.ipv4.ip_local_port_range
    int twReuse = 0;                        // net.ipv4.tcp_tw_reuse: 0, 1, 2 (loopback only: off here)
    bool timestamps = true;                 // net.ipv4.tcp_timestamps on both ends
    long long maxTwBuckets = 262144;        // net.ipv4.tcp_max_tw_buckets, per host
    double delayMs = 1, loss = 0;           // one way, each direction
    double serverRestartSeconds = -1;       // the server process restarts then; < 0: never
    bool reuseAddr = true;                  // SO_REUSEADDR in the server program (bind() needs it on the old
                                            // sockets and the new one alike)
    double durationSeconds = 120;
    std::uint64_t seed = 1;
    int lossyRuns = 4096;                   // distinct engine runs shared out when loss > 0

    bool operator==(const LabConfig&) const = default;
};

// The lab's budgets, checked before anything runs.
inline constexpr long long kMaxLabConnections = 50'000'000;
inline constexpr double kMaxLabSeconds = 86'400;
inline constexpr int kMaxLabAddresses = 64;
inline constexpr int kMaxLabLossyRuns = 65'536;
inline constexpr long long kMaxLabTuples = 2'000'000;          // client addresses x destinations x ports
inline constexpr long long kMaxLabStepsPerRun = 50'000;        // one connection's engine run, estimated
inline constexpr long long kMaxLabEngineSteps = 100'000'000;   // all the distinct runs together

// "" when the settings can be run, else one line naming the setting.
std::string labConfigProblem(const LabConfig& config);

// Counts over one simulated second [t, t+1), and the sockets at its end.
struct LabSecond {
    long long newConnections = 0;
    long long addrNotAvail = 0;       // connect() failed: EADDRNOTAVAIL, no free 4-tuple
    long long resets = 0;             // RST segments sent by either side
    long long twRecycled = 0;         // a client TIME_WAIT taken over by connect() (TWRecycled)
    long long twOverflowClient = 0, twOverflowServer = 0;  // TCPTimeWaitOverflow, per host
    long long twReopened = 0;         // a SYN ended a server TIME_WAIT to open a new connection
    long long twEnded = 0;            // TIME_WAITs that ran their time, both hosts (nstat's TW)
    long long refused = 0;            // the restarted server could not listen yet: RST, ECONNREFUSED
    long long timeWaitClient = 0, timeWaitServer = 0;  // at the second's end
    long long otherClient = 0, otherServer = 0;        // sockets in any other state but CLOSED/LISTEN
    long long portsInUse = 0;         // client 4-tuples held (connected or TIME_WAIT)
    long long kernelBytes = 0;        // TIME_WAIT sockets x 168 B + client bound ports x 48 B
    // Sockets in each state at the second's end, by TcpState (CLOSED and LISTEN stay 0).
    std::array<long long, kTcpStateCount> client{}, server{};
};

struct LabResult {
    std::vector<LabSecond> seconds;   // one per simulated second
    long long connections = 0, established = 0, addrNotAvail = 0, refused = 0;
    double listeningAgainSeconds = -1;  // after a restart, when bind() succeeded (-1: no restart)
    double firstAddrNotAvailSeconds = -1;  // -1: never
    long long peakTimeWaitClient = 0, peakTimeWaitServer = 0;
    long long peakLabBytes = 0;       // what the lab itself held for the sockets, at its peak
    int engineRuns = 0;               // distinct engine runs made
    // Connections worth opening in the window (numbers from 0; -1: none): the first refused
    // (connect() failed), the first that took over a TIME_WAIT (tcp_tw_reuse), the first whose
    // SYN reopened a server TIME_WAIT, the first whose TIME_WAIT overflowed the buckets.
    long long firstRefused = -1, firstRecycling = -1, firstReopening = -1, firstOverflowing = -1;
    bool cancelled = false;
};

// Told after each simulated second: how many of how many are done, and that second's counts
// (so a window can draw the run as it goes).
using LabProgress = std::function<void(int done, int total, const LabSecond& second)>;

// Runs the lab. Deterministic for a config (the seed included); stops early when *cancel
// becomes true.
LabResult runLab(const LabConfig& config, const std::atomic<bool>* cancel = nullptr, const LabProgress& progress = {});

// Columns: t_s,new,eaddrnotavail,refused,rst,tw,tw_recycled,tw_overflow_client,tw_overflow_server,
//          tw_reopened,time_wait_client,time_wait_server,other_client,other_server,ports_in_use,
//          kernel_bytes, then client_<state> and server_<state> for each state but CLOSED and LISTEN
std::string labCsv(const LabResult& result);

// The settings a teacher starts from: the questions practitioners ask (docs/lab.md).
struct LabPreset {
    std::string_view name;  // "client-closes-first": for --preset and the window's list
    LabConfig config;
};
std::span<const LabPreset> labPresets();
const LabPreset* findLabPreset(std::string_view name);

// The scenario one of the lab's connections runs (A is the client, B the server), so the window
// can open it: the engine run the lab used for it.
Scenario connectionScenario(const LabConfig& config, long long connection);

}  // namespace finwave::lab
