// What the application sees: each socket call's return, decided by the rules of the Linux socket
// API (docs/protocol.md, "What the application sees"), and when a blocked call returns.
#include "support/engine_run.h"

#include <gtest/gtest.h>

namespace finwave {
namespace {

using AK = AppAction::Kind;
using AT = AppAction::Trigger;

// Each return as "A 0.050 read() = 0", in order.
std::vector<std::string> returns(const Simulator& sim) {
    std::vector<std::string> out;
    for (const TraceRecord& r : sim.trace())
        if (r.kind == EventKind::Return) {
            std::string t = std::to_string(r.t / 1000);
            out.push_back(std::string(sideName(r.side)) + " " + t + "ms " + std::string(socketCallName(r.call)) +
                          "() = " + std::to_string(returnValue(r)) +
                          (r.error != SocketError::None ? " " + std::string(socketErrorName(r.error)) : std::string()));
        }
    return out;
}


using R = std::vector<std::string>;

R runReturns(const Scenario& s) {
    Simulator sim(s);
    sim.runToEnd();
    return returns(sim);
}

// The passive closer's application learns of the FIN as read() = 0 and then closes.
TEST(SocketCalls, AFinIsReadAsTheEndOfTheStream) {
    EXPECT_EQ(runReturns(*builtinScenario("lost-last-ack")), (R{"A 0ms close() = 0", "B 50ms read() = 0", "B 250ms close() = 0"}));
}

// After its own FIN a write fails with EPIPE (Linux tcp_sendmsg(): SEND_SHUTDOWN).
TEST(SocketCalls, AWriteAfterShutdownFailsWithEpipe) {
    Scenario s = established();
    s.actions = {action(Side::A, AK::ShutdownWrite, 0), action(Side::A, AK::Send, 10 * kMs, AT::AtTime, 100)};
    EXPECT_EQ(runReturns(s), (R{"A 0ms shutdown() = 0", "A 10ms write() = -1 EPIPE", "B 50ms read() = 0"}));
}

// A reset is reported once: the first write after it fails with ECONNRESET, the next with EPIPE;
// a read after it (an application that reads only when it asks) gets ECONNRESET, then 0.
TEST(SocketCalls, AResetIsReportedOnceThenEpipeOrEndOfStream) {
    Scenario s = established();
    s.a.lingerZero = true;
    s.b.autoRead = false;
    s.actions = {action(Side::A, AK::Close, 0), action(Side::B, AK::Send, 100 * kMs, AT::AtTime, 10),
                 action(Side::B, AK::Send, 110 * kMs, AT::AtTime, 10)};
    EXPECT_EQ(runReturns(s), (R{"A 0ms close() = 0", "B 100ms write() = -1 ECONNRESET", "B 110ms write() = -1 EPIPE"}));
    s.actions = {action(Side::A, AK::Close, 0), action(Side::B, AK::Read, 100 * kMs), action(Side::B, AK::Read, 110 * kMs)};
    EXPECT_EQ(runReturns(s), (R{"A 0ms close() = 0", "B 100ms read() = -1 ECONNRESET", "B 110ms read() = 0"}));
}

// A reading application is in read() when the RST arrives: it returns ECONNRESET then.
TEST(SocketCalls, ABlockedReadFailsWhenTheResetArrives) {
    EXPECT_EQ(runReturns(*builtinScenario("linger-abort")), (R{"A 0ms write() = 1000", "A 30ms close() = 0", "B 180ms read() = -1 ECONNRESET"}));
    // With the data delivered, B reads it first and is back in read() when the RST comes.
    Scenario delivered = *builtinScenario("linger-abort");
    delivered.faults.clear();
    EXPECT_EQ(runReturns(delivered), (R{"A 0ms write() = 1000", "A 30ms close() = 0", "B 50ms read() = 1000", "B 80ms read() = -1 ECONNRESET"}));
}

// connect() blocks until the SYN,ACK; accept() until the handshake's last ACK; a write made while
// connecting returns when the connection opens.
TEST(SocketCalls, ConnectAndAcceptReturnWhenTheHandshakeCompletes) {
    Scenario s = established();
    s.a.initial = s.b.initial = TcpState::Closed;
    s.actions = {action(Side::B, AK::Listen, 0), action(Side::A, AK::Connect, 10 * kMs),
                 action(Side::A, AK::Send, 20 * kMs, AT::AtTime, 100)};
    EXPECT_EQ(runReturns(s), (R{"B 0ms listen() = 0", "A 110ms connect() = 0", "A 110ms write() = 100",
                                  "B 160ms accept() = 0", "B 160ms read() = 100"}));
}

// A SYN answered with a RST: connect() fails with ECONNREFUSED.
TEST(SocketCalls, ConnectToAClosedPortIsRefused) {
    Scenario s = established();
    s.a.initial = s.b.initial = TcpState::Closed;
    s.actions = {action(Side::A, AK::Connect, 0)};
    EXPECT_EQ(runReturns(s), (R{"A 100ms connect() = -1 ECONNREFUSED"}));
}

// close() with data received and never read: 0, the data thrown away, a RST (RFC 2525 §2.17).
TEST(SocketCalls, CloseWithUnreadDataReturnsZeroAndResets) {
    Simulator sim(*builtinScenario("unread-data-rst"));
    sim.runToEnd();
    bool unread = false;
    for (const TraceRecord& r : sim.trace())
        unread = unread || (r.kind == EventKind::Return && r.reason == Reason::ReturnClosedUnread && r.bytes > 0);
    EXPECT_TRUE(unread) << testing::traceJsonl(sim);
}

// After close() the descriptor is gone: a second close() fails with EBADF.
TEST(SocketCalls, ACallAfterCloseFailsWithEbadf) {
    Scenario s = established();
    s.actions = {action(Side::A, AK::Close, 0), action(Side::A, AK::Close, 10 * kMs)};
    EXPECT_EQ(runReturns(s), (R{"A 0ms close() = 0", "A 10ms close() = -1 EBADF", "B 50ms read() = 0"}));
}

// The peer never answers a FIN after shutdown(): the retransmissions give up and the application,
// still reading, gets ETIMEDOUT.
TEST(SocketCalls, ABlockedReadTimesOutWhenRetransmissionsGiveUp) {
    Scenario s = established();
    s.params.maxRetries = 2;
    s.actions = {action(Side::A, AK::ShutdownWrite, 0)};
    s.faults = {dropFirst(Side::A, flag::Fin, 100)};
    const R got = runReturns(s);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], "A 0ms shutdown() = 0");
    EXPECT_NE(got[1].find("A "), std::string::npos);
    EXPECT_NE(got[1].find("read() = -1 ETIMEDOUT"), std::string::npos) << got[1];
}

}  // namespace
}  // namespace finwave
