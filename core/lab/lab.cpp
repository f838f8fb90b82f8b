// The lab's event loop: connections arrive, take a port, and live as their engine run says; the
// 4-tuple table, tcp_tw_reuse and tcp_max_tw_buckets decide what happens at each moment
// (docs/lab.md has the kernel functions each rule follows).
#include "core/lab/lab.h"

#include "core/lab/internal/connection_life.h"
#include "core/lab/internal/port_table.h"
#include "core/lab/internal/state_tally.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <random>

namespace finwave::lab {

namespace {
constexpr long long kTimeWaitSockBytes = 168;  // sizeof(struct tcp_timewait_sock), x86-64
constexpr long long kBindBucketBytes = 48;     // struct inet_bind_bucket, one per bound port

std::uint64_t mix(std::uint64_t x) {  // splitmix64: spreads a seed and a number into a seed
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

enum class Kind : std::uint8_t { ClientTimeWait, ClientReusable, ClientGone, ServerOpen, ServerTimeWait, ServerGone, ServerTimeWaitGone };

struct Event {
    Micros t;
    std::uint64_t order;  // ties run in the order they were made
    Micros span;          // ClientTimeWait, ServerTimeWait: how long the TIME_WAIT lasts
    std::uint32_t generation;
    std::uint32_t connection;  // its number, for the notable ones (wraps past 4e9: the budget is 5e7)
    std::int32_t port;
    std::uint16_t pair;
    Kind kind;
    bool operator>(const Event& o) const { return t != o.t ? t > o.t : order > o.order; }
};

class Lab {
public:
    explicit Lab(const LabConfig& c);
    LabResult run(const std::atomic<bool>* cancel, const LabProgress& progress);

private:
    const ConnectionLife& lifeFor(long long connection);
    void arrive(Micros t, long long connection, LabSecond& now);
    void handle(const Event& e, LabSecond& now);
    void push(Micros t, Kind kind, int pair, int port, std::uint32_t generation, Micros span = 0);
    long long m_connection = 0;  // the one arriving, whose events push() makes
    void runEventsBefore(Micros t, LabSecond& now);
    bool listening(Micros t, int destination);  // false: the restarted server cannot bind yet

    LabConfig m_c;
    int m_destinations;
    std::vector<PortTable> m_ports;                      // per (client address, destination)
    std::vector<std::vector<std::uint8_t>> m_serverTw;   // the server's TIME_WAIT per 4-tuple
    std::vector<std::vector<std::uint32_t>> m_serverGen;
    std::vector<std::vector<std::uint16_t>> m_bound;     // per client address: 4-tuples on each port
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_events;
    std::uint64_t m_order = 0;
    std::vector<ConnectionLife> m_lives;
    std::vector<bool> m_made;
    long long m_twClient = 0, m_twServer = 0, m_inUse = 0, m_boundPorts = 0;
    std::size_t m_peakEvents = 0;
    StateTally m_tally;
    std::vector<long long> m_onPort;    // server sockets bound to each destination, TIME_WAIT included
    std::vector<bool> m_listening;      // each destination's listening socket, after a restart
    bool m_restarted = false;
    LabResult m_result;
};

Lab::Lab(const LabConfig& c)
    : m_c(c), m_destinations(c.serverAddresses * c.serverPorts), m_tally(static_cast<int>(std::ceil(c.durationSeconds))),
      m_onPort(static_cast<std::size_t>(m_destinations), 0), m_listening(static_cast<std::size_t>(m_destinations), true) {
    const int ports = c.portHigh - c.portLow + 1;
    const int pairs = c.clientAddresses * m_destinations;
    for (int p = 0; p < pairs; ++p) {
        // The starting offset is hashed from the destination (inet_sk_port_offset()), so each
        // destination starts its search somewhere else.
        m_ports.emplace_back(ports, static_cast<std::uint32_t>(mix(c.seed * 131 + static_cast<std::uint64_t>(p))),
                             mix(c.seed * 977 + static_cast<std::uint64_t>(p)));
        m_serverTw.emplace_back(static_cast<std::size_t>(ports), 0);
        m_serverGen.emplace_back(static_cast<std::size_t>(ports), 0);
    }
    m_bound.assign(static_cast<std::size_t>(c.clientAddresses), std::vector<std::uint16_t>(static_cast<std::size_t>(ports), 0));
    const int pool = c.loss > 0 ? c.lossyRuns : 1;
    m_lives.resize(static_cast<std::size_t>(pool));
    m_made.assign(static_cast<std::size_t>(pool), false);
}

// A lossless connection runs the same every time: one engine run serves them all. With loss, a
// pool of runs with their own seeds is shared out by a hash of the connection's number.
const ConnectionLife& Lab::lifeFor(long long connection) {
    const std::size_t i = m_lives.size() == 1 ? 0 : static_cast<std::size_t>(mix(m_c.seed ^ mix(static_cast<std::uint64_t>(connection))) % m_lives.size());
    if (!m_made[i]) {
        m_lives[i] = lifeOf(connectionScenarioFor(m_c, mix(m_c.seed + i)));
        m_made[i] = true;
        ++m_result.engineRuns;
    }
    return m_lives[i];
}

void Lab::push(Micros t, Kind kind, int pair, int port, std::uint32_t generation, Micros span) {
    m_events.push(Event{t, m_order++, span, generation, static_cast<std::uint32_t>(m_connection), port,
                        static_cast<std::uint16_t>(pair), kind});
    m_peakEvents = std::max(m_peakEvents, m_events.size());
}

void Lab::arrive(Micros t, long long connection, LabSecond& now) {
    m_connection = connection;
    ++now.newConnections;
    ++m_result.connections;
    const int client = static_cast<int>(connection % m_c.clientAddresses);
    const int destination = static_cast<int>((connection / m_c.clientAddresses) % m_destinations);
    const int pair = client * m_destinations + destination;
    if (!listening(t, destination)) {  // the SYN meets no listener: RST, connect() gets ECONNREFUSED
        ++now.refused;
        ++now.resets;
        ++m_result.refused;
        return;
    }
    PortTable& table = m_ports[static_cast<std::size_t>(pair)];
    const int port = table.take();
    if (port < 0) {  // __inet_hash_connect() found no 4-tuple: connect() fails with EADDRNOTAVAIL
        ++now.addrNotAvail;
        ++m_result.addrNotAvail;
        if (m_result.firstAddrNotAvailSeconds < 0) {
            m_result.firstAddrNotAvailSeconds = static_cast<double>(t) / kSec;
            m_result.firstRefused = connection;
        }
        return;
    }
    if (table.holder(port) == PortTable::Holder::TimeWait) {
        // tcp_twsk_unique() allowed it: the TIME_WAIT is killed (LINUX_MIB_TIMEWAITRECYCLED).
        ++now.twRecycled;
        --m_twClient;
        if (m_result.firstRecycling < 0)
            m_result.firstRecycling = connection;
    } else {
        ++m_inUse;
        if (m_bound[static_cast<std::size_t>(client)][static_cast<std::size_t>(port)]++ == 0)
            ++m_boundPorts;
    }
    table.bump(port);
    table.hold(port, PortTable::Holder::Busy);
    const ConnectionLife& life = lifeFor(connection);
    m_tally.add(life.clientSpans, t, 0);
    m_tally.add(life.serverSpans, t, 1);
    m_result.established += life.established ? 1 : 0;
    now.resets += life.resets;
    const std::uint32_t gen = table.generation(port);
    if (life.clientTimeWait >= 0)
        push(t + life.clientTimeWait, Kind::ClientTimeWait, pair, port, gen, life.clientGone - life.clientTimeWait);
    else
        push(t + life.clientGone, Kind::ClientGone, pair, port, gen);
    if (life.serverOpen >= 0) {
        push(t + life.serverOpen, Kind::ServerOpen, pair, port, 0);
        if (life.serverTimeWait >= 0)
            push(t + life.serverTimeWait, Kind::ServerTimeWait, pair, port, 0, life.serverGone - life.serverTimeWait);
        else
            push(t + life.serverGone, Kind::ServerGone, pair, port, 0);
    }
}

void Lab::handle(const Event& e, LabSecond& now) {
    const std::size_t pair = e.pair, port = static_cast<std::size_t>(e.port);
    PortTable& table = m_ports[pair];
    long long& onPort = m_onPort[pair % static_cast<std::size_t>(m_destinations)];
    const auto freeClientPort = [&] {
        table.release(e.port);
        --m_inUse;
        const int client = static_cast<int>(pair) / m_destinations;
        if (--m_bound[static_cast<std::size_t>(client)][port] == 0)
            --m_boundPorts;
    };
    switch (e.kind) {
    case Kind::ClientTimeWait:
        if (e.generation != table.generation(e.port))
            return;  // already taken over
        if (m_twClient >= m_c.maxTwBuckets) {  // inet_twsk_alloc() refuses: no TIME_WAIT at all
            ++now.twOverflowClient;
            if (m_result.firstOverflowing < 0)
                m_result.firstOverflowing = e.connection;
            freeClientPort();
            return;
        }
        ++m_twClient;
        table.hold(e.port, PortTable::Holder::TimeWait);
        push(e.t + e.span, Kind::ClientGone, e.pair, e.port, e.generation);
        // tcp_twsk_unique(): with timestamps, a TIME_WAIT whose last timestamp is more than
        // tcp_tw_reuse_delay (1 s) old may be taken by connect().
        if (m_c.twReuse == 1 && m_c.timestamps)
            push(e.t + kSec + 1, Kind::ClientReusable, e.pair, e.port, e.generation);
        return;
    case Kind::ClientReusable:
        if (e.generation == table.generation(e.port) && table.holder(e.port) == PortTable::Holder::TimeWait)
            table.makeTakeable(e.port);
        return;
    case Kind::ClientGone:
        if (e.generation != table.generation(e.port))
            return;
        if (table.holder(e.port) == PortTable::Holder::TimeWait) {
            --m_twClient;
            ++now.twEnded;  // LINUX_MIB_TIMEWAITED: the TIME_WAIT ran its time
        }
        freeClientPort();
        return;
    case Kind::ServerOpen:
        ++onPort;
        if (m_serverTw[pair][port]) {  // the SYN meets the old TIME_WAIT: tcp_timewait_state_process() TCP_TW_SYN
            m_serverTw[pair][port] = 0;
            ++m_serverGen[pair][port];
            --m_twServer;
            --onPort;
            ++now.twReopened;
            if (m_result.firstReopening < 0)
                m_result.firstReopening = e.connection;
        }
        return;
    case Kind::ServerTimeWait:
        if (m_twServer >= m_c.maxTwBuckets) {
            ++now.twOverflowServer;
            if (m_result.firstOverflowing < 0)
                m_result.firstOverflowing = e.connection;
            --onPort;
            return;
        }
        if (m_serverTw[pair][port]) {  // an older one on this 4-tuple (a run with resends): replaced
            --m_twServer;
            --onPort;
        }
        ++m_twServer;
        m_serverTw[pair][port] = 1;
        push(e.t + e.span, Kind::ServerTimeWaitGone, e.pair, e.port, ++m_serverGen[pair][port]);
        return;
    case Kind::ServerGone:
        --onPort;
        return;
    case Kind::ServerTimeWaitGone:
        if (e.generation == m_serverGen[pair][port] && m_serverTw[pair][port]) {
            m_serverTw[pair][port] = 0;
            --m_twServer;
            --onPort;
            ++now.twEnded;
        }
        return;
    }
}

// A restarted server process binds its listening socket again; unless the program sets
// SO_REUSEADDR (on its sockets then and now: inet_csk_bind_conflict() wants it on both), bind()
// fails with EADDRINUSE while any socket, TIME_WAIT included, holds the port, so it keeps trying.
// The lab tries at each arrival (a supervisor retrying at once). Connections open at the
// restart are left to finish: the lab does not model the old process's sockets being closed.
bool Lab::listening(Micros t, int destination) {
    if (m_c.serverRestartSeconds < 0 || static_cast<double>(t) < m_c.serverRestartSeconds * kSec)
        return true;
    if (!m_restarted) {
        m_restarted = true;
        m_listening.assign(m_listening.size(), false);
    }
    std::vector<bool>::reference up = m_listening[static_cast<std::size_t>(destination)];
    if (!up && (m_c.reuseAddr || m_onPort[static_cast<std::size_t>(destination)] == 0)) {
        up = true;
        if (std::all_of(m_listening.begin(), m_listening.end(), [](bool b) { return b; }))
            m_result.listeningAgainSeconds = static_cast<double>(t) / kSec;
    }
    return up;
}

void Lab::runEventsBefore(Micros t, LabSecond& now) {
    while (!m_events.empty() && m_events.top().t < t) {
        const Event e = m_events.top();
        m_events.pop();
        handle(e, now);
    }
}

LabResult Lab::run(const std::atomic<bool>* cancel, const LabProgress& progress) {
    const double connectionRate = m_c.requestsPerSecond / std::max(1, m_c.requestsPerConnection);
    const int seconds = static_cast<int>(std::ceil(m_c.durationSeconds));
    const Micros end = std::llround(m_c.durationSeconds * kSec);
    std::mt19937_64 rng(mix(m_c.seed ^ 0x5EED));
    long long connection = 0;
    double poissonAt = 0;
    const auto arrivalTime = [&](long long i) -> Micros {
        if (m_c.arrivals == Arrivals::Steady)
            return std::llround(static_cast<double>(i) * kSec / connectionRate);
        // Exponential gaps from 53 random bits, written out so every library draws the same.
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        poissonAt += -std::log1p(-u) / connectionRate * kSec;
        return std::llround(poissonAt);
    };
    Micros next = arrivalTime(0);
    m_result.seconds.reserve(static_cast<std::size_t>(seconds));
    for (int k = 1; k <= seconds; ++k) {
        if (cancel && cancel->load()) {
            m_result.cancelled = true;
            break;
        }
        LabSecond now;
        const Micros boundary = std::min<Micros>(end, Micros{k} * kSec);
        while (next < boundary) {
            runEventsBefore(next + 1, now);  // what ends at the same moment ends first
            arrive(next, connection, now);
            next = arrivalTime(++connection);
            if ((connection & 4095) == 0 && cancel && cancel->load())
                break;  // a busy second is long: Cancel answers within a few thousand connections
        }
        runEventsBefore(boundary, now);
        now.timeWaitClient = m_twClient;
        now.timeWaitServer = m_twServer;
        now.portsInUse = m_inUse;
        now.kernelBytes = (m_twClient + m_twServer) * kTimeWaitSockBytes + m_boundPorts * kBindBucketBytes;
        m_tally.report(k, now.client, now.server);
        // The tally holds every state but TIME_WAIT, which can end early and is counted by events.
        for (std::size_t st = 0; st < now.client.size(); ++st) {
            now.otherClient += now.client[st];
            now.otherServer += now.server[st];
        }
        now.client[static_cast<std::size_t>(TcpState::TimeWait)] = m_twClient;
        now.server[static_cast<std::size_t>(TcpState::TimeWait)] = m_twServer;
        m_result.peakTimeWaitClient = std::max(m_result.peakTimeWaitClient, m_twClient);
        m_result.peakTimeWaitServer = std::max(m_result.peakTimeWaitServer, m_twServer);
        m_result.seconds.push_back(now);
        if (progress)
            progress(k, seconds, now);
    }
    long long tableBytes = 0;
    for (const PortTable& t : m_ports)
        tableBytes += static_cast<long long>(t.bytes());
    tableBytes += static_cast<long long>(m_ports.size() * m_serverTw.front().size() * 5 + m_bound.size() * m_bound.front().size() * 2);
    m_result.peakLabBytes = tableBytes + static_cast<long long>(m_peakEvents * sizeof(Event));
    return m_result;
}
}  // namespace

LabResult runLab(const LabConfig& config, const std::atomic<bool>* cancel, const LabProgress& progress) {
    if (!labConfigProblem(config).empty())
        return {};
    Lab lab(config);
    return lab.run(cancel, progress);
}

Scenario connectionScenario(const LabConfig& config, long long connection) {
    const std::size_t pool = config.loss > 0 ? static_cast<std::size_t>(config.lossyRuns) : 1;
    const std::size_t i = pool == 1 ? 0 : static_cast<std::size_t>(mix(config.seed ^ mix(static_cast<std::uint64_t>(connection))) % pool);
    return connectionScenarioFor(config, mix(config.seed + i));
}

}  // namespace finwave::lab
