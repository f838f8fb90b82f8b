// The server lab against the numbers the kernel's rules give (docs/lab.md): 28 232 ports and a
// 60 s TIME_WAIT let one client address reach one server port about 470.5 times a second.
#include "core/lab/lab.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace finwave;
using namespace finwave::lab;

namespace {
LabConfig linuxClientFirst(double rate, double seconds) {
    LabConfig c;
    c.requestsPerSecond = rate;
    c.durationSeconds = seconds;
    return c;
}
// Connections that got a port, per second, averaged over [from, to).
double connectedRate(const LabResult& r, int from, int to) {
    long long n = 0;
    for (int t = from; t < to; ++t)
        n += r.seconds[static_cast<std::size_t>(t)].newConnections - r.seconds[static_cast<std::size_t>(t)].addrNotAvail;
    return static_cast<double>(n) / (to - from);
}
}  // namespace

TEST(Lab, OneClientToOneServerPortRunsOutOfPortsAt56point5SecondsAndThenSustains470) {
    const LabResult r = runLab(linuxClientFirst(500, 180));
    ASSERT_EQ(r.seconds.size(), 180u);
    EXPECT_EQ(r.engineRuns, 1);  // lossless: every connection is the same engine run
    // 28 232 ports at 500 a second: the last free port goes at 56.46 s.
    EXPECT_NEAR(r.firstAddrNotAvailSeconds, 28232.0 / 500, 0.05);
    EXPECT_EQ(r.firstRefused, 28232);  // the connection after the last port went
    EXPECT_EQ(r.seconds[50].addrNotAvail, 0);
    EXPECT_GT(r.seconds[57].addrNotAvail, 0);
    // Then a port comes back each time a TIME_WAIT (60 s, plus the close's few ms) ends.
    EXPECT_NEAR(connectedRate(r, 120, 180), 28232.0 / 60, 1.5);
    EXPECT_GE(r.seconds[100].portsInUse, 28232 - 10);  // all but the few freed a moment before
}

TEST(Lab, BelowTheLimitTimeWaitHoldsRateTimesSixtySeconds) {
    const LabResult r = runLab(linuxClientFirst(300, 120));
    EXPECT_EQ(r.addrNotAvail, 0);
    EXPECT_NEAR(static_cast<double>(r.seconds[100].timeWaitClient), 300 * 60, 300 * 0.01);
    EXPECT_EQ(r.seconds[100].timeWaitServer, 0);
    // Each TIME_WAIT socket is 168 bytes and each bound port 48 in the kernel.
    EXPECT_EQ(r.seconds[100].kernelBytes, r.seconds[100].timeWaitClient * 168 + r.seconds[100].portsInUse * 48);
}

TEST(Lab, TheServerClosingFirstMovesTimeWaitToTheServerAndLiftsThePortLimit) {
    LabConfig c = linuxClientFirst(2000, 90);  // four times one destination's 470.5 a second
    c.closer = Closer::Server;
    const LabResult r = runLab(c);
    EXPECT_EQ(r.addrNotAvail, 0);
    EXPECT_EQ(r.peakTimeWaitClient, 0);
    EXPECT_LT(r.seconds[80].portsInUse, 50);  // only the connections still open
    // The client's ports come back as soon as its side is closed, and connect() soon takes one
    // whose 4-tuple is still in the server's TIME_WAIT: the SYN ends it and opens the next
    // connection (tcp_timewait_state_process()), so the server holds fewer than rate x 60 s.
    EXPECT_GT(r.seconds[80].timeWaitServer, 5000);
    EXPECT_LT(r.seconds[80].timeWaitServer, 2000 * 60);
    EXPECT_GT(r.seconds[80].twReopened, 1000);
    EXPECT_GE(r.firstReopening, 0);
}

TEST(Lab, KeepAliveDividesTheConnectionRateByK) {
    LabConfig c = linuxClientFirst(1000, 30);
    c.requestsPerConnection = 10;
    const LabResult r = runLab(c);
    EXPECT_EQ(r.seconds[10].newConnections, 100);
    EXPECT_EQ(r.addrNotAvail, 0);
}

TEST(Lab, TwReuseWithTimestampsSustains500ASecondAndNeedsTheTimestamps) {
    LabConfig c = linuxClientFirst(500, 120);
    c.twReuse = 1;
    const LabResult r = runLab(c);
    EXPECT_EQ(r.addrNotAvail, 0);
    long long recycled = 0;
    for (const LabSecond& s : r.seconds)
        recycled += s.twRecycled;
    EXPECT_GT(recycled, 0);
    EXPECT_GT(r.firstRecycling, 500);  // a TIME_WAIT is taken over once its timestamp is 1 s old
    c.timestamps = false;
    EXPECT_GT(runLab(c).addrNotAvail, 0);
    c.timestamps = true;
    c.twReuse = 2;  // loopback only: the lab's addresses are not loopback
    EXPECT_GT(runLab(c).addrNotAvail, 0);
}

TEST(Lab, MaxTwBucketsCapsTheCountAndTheOverflowCounterGrows) {
    LabConfig c = linuxClientFirst(300, 120);
    c.maxTwBuckets = 10000;
    const LabResult r = runLab(c);
    EXPECT_EQ(r.peakTimeWaitClient, 10000);
    EXPECT_EQ(r.seconds[100].timeWaitClient, 10000);
    EXPECT_NEAR(static_cast<double>(r.seconds[100].twOverflowClient), 300, 1);
    EXPECT_EQ(r.firstOverflowing, 10000);  // the 10 001st closing finds the buckets full
    EXPECT_EQ(r.seconds[10].twOverflowClient, 0);
}

TEST(Lab, SoLingerZeroLeavesNoTimeWaitAndOneRstPerConnection) {
    for (Closer closer : {Closer::ClientAbort, Closer::ServerAbort}) {
        LabConfig c = linuxClientFirst(500, 90);
        c.closer = closer;
        const LabResult r = runLab(c);
        EXPECT_EQ(r.peakTimeWaitClient, 0) << closerName(closer);
        EXPECT_EQ(r.peakTimeWaitServer, 0) << closerName(closer);
        EXPECT_EQ(r.addrNotAvail, 0);
        EXPECT_EQ(r.seconds[60].resets, 500) << closerName(closer);
    }
}

TEST(Lab, BothClosingAtOnceLeavesTimeWaitOnBothSides) {
    LabConfig c = linuxClientFirst(100, 80);
    c.closer = Closer::Both;
    const LabResult r = runLab(c);
    EXPECT_NEAR(static_cast<double>(r.seconds[70].timeWaitClient), 6000, 60);
    EXPECT_NEAR(static_cast<double>(r.seconds[70].timeWaitServer), 6000, 60);
}

TEST(Lab, EachFurtherDestinationAddsItsOwnPorts) {
    LabConfig c = linuxClientFirst(900, 180);
    c.serverAddresses = 2;
    const LabResult r = runLab(c);
    EXPECT_EQ(r.addrNotAvail, 0);  // 900/s over two destinations: 450 each, below 470.5
    c.requestsPerSecond = 1000;
    const LabResult over = runLab(c);
    EXPECT_NEAR(connectedRate(over, 120, 180), 2 * 28232.0 / 60, 3);  // one whole 60 s period
}

TEST(Lab, TheRfcProfilesFourMinuteTimeWaitHoldsPortsFourTimesLonger) {
    LabConfig c = linuxClientFirst(500, 720);
    c.profile = Profile::Rfc;
    const LabResult r = runLab(c);
    EXPECT_NEAR(connectedRate(r, 480, 720), 28232.0 / 240, 1.5);  // one whole 240 s period
}

TEST(Lab, TheSameSettingsGiveTheSameRunAndAnotherSeedAnotherPoissonRun) {
    LabConfig c = linuxClientFirst(400, 30);
    c.arrivals = Arrivals::Poisson;
    c.loss = 0.02;
    c.lossyRuns = 64;
    const std::string first = labCsv(runLab(c));
    EXPECT_EQ(labCsv(runLab(c)), first);
    c.seed = 2;
    EXPECT_NE(labCsv(runLab(c)), first);
    const LabResult r = runLab(c);
    EXPECT_LE(r.engineRuns, 64);
    EXPECT_GT(r.engineRuns, 32);
}

TEST(Lab, ARestartedServerWithoutReuseAddrCannotListenUntilItsLastTimeWaitEnds) {
    LabConfig c = linuxClientFirst(200, 150);
    c.closer = Closer::Server;  // the server's port holds TIME_WAITs
    c.serverRestartSeconds = 30;
    c.reuseAddr = false;
    const LabResult r = runLab(c);
    EXPECT_EQ(r.seconds[29].refused, 0);
    EXPECT_EQ(r.seconds[31].refused, 200);  // every SYN meets no listener: RST
    EXPECT_EQ(r.seconds[31].resets, 200);
    // The last TIME_WAIT began just before 30 s and lasts 60 s.
    EXPECT_NEAR(r.listeningAgainSeconds, 90, 0.5);
    EXPECT_EQ(r.seconds[95].refused, 0);
    c.reuseAddr = true;
    const LabResult reused = runLab(c);
    EXPECT_EQ(reused.refused, 0);
    EXPECT_NEAR(reused.listeningAgainSeconds, 30, 0.01);
}

TEST(Lab, EachStateIsCountedOnEachSideAndTheTimeWaitsThatRanTheirTime) {
    LabConfig c = linuxClientFirst(500, 90);
    c.delayMs = 100;  // the client is ESTABLISHED from 200 ms (the handshake) to 400 ms (its close)
    const LabResult r = runLab(c);
    const LabSecond& s = r.seconds[30];
    EXPECT_NEAR(static_cast<double>(s.client[static_cast<std::size_t>(TcpState::Established)]), 500 * 0.2, 2);
    EXPECT_EQ(s.client[static_cast<std::size_t>(TcpState::TimeWait)], s.timeWaitClient);
    long long other = 0;
    for (int st = 0; st < kTcpStateCount; ++st)
        if (st != static_cast<int>(TcpState::TimeWait))
            other += s.client[static_cast<std::size_t>(st)];
    EXPECT_EQ(other, s.otherClient);
    // SYN_SENT to 0.2 s, ESTABLISHED to 0.4 s, then FIN_WAIT_1 until the server's FIN at 0.6 s:
    // the server closes as the FIN arrives, so its ACK rides on its FIN and FIN_WAIT_2 is skipped.
    EXPECT_NEAR(static_cast<double>(s.otherClient), 500 * 0.6, 3);
    EXPECT_NEAR(static_cast<double>(s.client[static_cast<std::size_t>(TcpState::FinWait1)]), 500 * 0.2, 2);
    EXPECT_EQ(s.client[static_cast<std::size_t>(TcpState::FinWait2)], 0);
    EXPECT_EQ(r.seconds[30].twEnded, 0);    // none has run 60 s yet
    EXPECT_EQ(r.seconds[80].twEnded, 500);  // now one ends for each that starts
}

TEST(Lab, BadSettingsAreNamed) {
    LabConfig c;
    c.requestsPerSecond = 0;
    EXPECT_EQ(labConfigProblem(c).rfind("--rate", 0), 0u);
    c = {};
    c.portLow = 61000;
    EXPECT_EQ(labConfigProblem(c).rfind("--port-range", 0), 0u);
    c = {};
    c.requestsPerSecond = 1e6;
    c.durationSeconds = 86400;
    EXPECT_EQ(labConfigProblem(c).rfind("--rate", 0), 0u);
    EXPECT_TRUE(runLab(c).seconds.empty());
    c = {};
    c.serverAddresses = 64;
    c.serverPorts = 2;
    EXPECT_EQ(labConfigProblem(c).rfind("--port-range", 0), 0u);  // 3.6 million 4-tuples
    c = {};
    c.requestsPerConnection = 100'000;
    EXPECT_EQ(labConfigProblem(c).rfind("--keep-alive", 0), 0u);  // past one engine run
    c = {};
    c.loss = 0.01;
    c.lossyRuns = 65'536;
    c.requestsPerConnection = 1000;
    c.requestsPerSecond = 1e6;
    EXPECT_EQ(labConfigProblem(c).rfind("--lossy-runs", 0), 0u);  // hours of engine runs
    EXPECT_EQ(labConfigProblem(LabConfig{}), "");
}

TEST(Lab, AConnectionOfTheLabOpensAsAScenarioWithItsOwnSeed) {
    LabConfig c;
    c.loss = 0.1;
    const Scenario s = connectionScenario(c, 17);
    EXPECT_EQ(s.a.initial, TcpState::Closed);
    EXPECT_DOUBLE_EQ(s.ab.loss, 0.1);
    EXPECT_EQ(connectionScenario(c, 17).seed, s.seed);
}
