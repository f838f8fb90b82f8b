// Real captures of Linux 6.18 closes with one segment lost on the way (tests/data/kernel, made by
// tools/kernel/capture_closes.sh in private network namespaces), each captured at both ends, with the
// kernel's own states polled every millisecond as the truth. The importer must give the kernel's
// states at both vantages: the same sequence of states for each end.
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "core/capture/teardown.h"
#include "core/protocol/names.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace finwave;

namespace {
const std::string kDir = std::string(FINWAVE_SOURCE_DIR) + "/tests/data/kernel/";

// Each end's states in the order the kernel showed them, from the ground-truth file (kernel A is
// the client, 10.77.0.1). ss's SYN-RECV is SYN_RECEIVED; a socket gone is CLOSED.
std::vector<std::string> kernelStates(const std::string& kase, char end) {
    std::ifstream in(kDir + kase + "-states.txt");
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream words(line);
        std::string time, side, state;
        words >> time >> side >> state;
        if (side.size() != 1 || side[0] != end)
            continue;
        if (state == "SYN_RECV")
            state = "SYN_RECEIVED";
        if (out.empty() || out.back() != state)
            out.push_back(state);
    }
    return out;
}

// The reconstruction's states of the end at `address`, from CLOSED on; a listener's LISTEN (which
// ss shows as a socket of its own) is left out, and so is TIME_WAIT's end after the capture.
std::vector<std::string> importedStates(const std::string& kase, const std::string& vantage, const std::string& address) {
    const auto one = capture::readConnection(kDir + kase + "-at-" + vantage + ".pcapng", 1);
    EXPECT_TRUE(one.ok()) << one.error;
    const capture::Reconstruction run = capture::reconstruct(one.segments);
    const Side side = run.endpointA.address.text() == address ? Side::A : Side::B;
    std::vector<std::string> out = {"CLOSED"};
    for (std::size_t i = 0; i < run.trace.size(); ++i) {
        const TraceRecord& r = run.trace[i];
        if (r.kind != EventKind::State || r.side != side || r.to == TcpState::Listen)
            continue;
        if (r.to == TcpState::Closed && r.from == TcpState::TimeWait && run.inferred[i] == capture::Inferred::TimerAfterCapture)
            continue;
        out.emplace_back(stateName(r.to));
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : " ") + x;
    return s;
}

struct KernelCase {
    const char* name;
    const char* teardown[2];  // the teardown sentence the import gives at A and at B
};
class KernelCapture : public ::testing::TestWithParam<KernelCase> {};
}  // namespace

TEST_P(KernelCapture, importGivesTheKernelsStatesAtBothVantages) {
    const std::string kase = GetParam().name;
    for (int v = 0; v < 2; ++v) {
        const char* vantage = v == 0 ? "A" : "B";
        SCOPED_TRACE(std::string("captured at ") + vantage);
        EXPECT_EQ(joined(importedStates(kase, vantage, "10.77.0.1")), joined(kernelStates(kase, 'A'))) << "client (A)";
        EXPECT_EQ(joined(importedStates(kase, vantage, "10.77.0.2")), joined(kernelStates(kase, 'B'))) << "server (B)";
        const auto one = capture::readConnection(kDir + kase + "-at-" + vantage + ".pcapng", 1);
        ASSERT_TRUE(one.ok());
        EXPECT_EQ(capture::teardownSentence(capture::classifyTeardown(capture::reconstruct(one.segments))),
                  GetParam().teardown[v]);
    }
}

// No end is shown sending while CLOSED but a RST in answer (the lost last ACK once showed B, CLOSED,
// "retransmitting" its FIN), and the end in TIME_WAIT restarts 2MSL on the resent FIN (T1).
TEST_P(KernelCapture, noEndSendsWhileClosedAndTimeWaitRestartsOnAResentFin) {
    const std::string kase = GetParam().name;
    for (const char* vantage : {"A", "B"}) {
        SCOPED_TRACE(std::string("captured at ") + vantage);
        const auto one = capture::readConnection(kDir + kase + "-at-" + vantage + ".pcapng", 1);
        ASSERT_TRUE(one.ok());
        const capture::Reconstruction run = capture::reconstruct(one.segments);
        int restarts = 0;
        for (const TraceRecord& r : run.trace) {
            if (r.kind == EventKind::Send) {
                const TcpState sender = r.side == Side::A ? r.stateA : r.stateB;
                EXPECT_TRUE(sender != TcpState::Closed || r.seg.has(flag::Rst))
                    << stateName(sender) << " sends at step " << r.step;
            }
            restarts += r.kind == EventKind::Note && r.reason == Reason::TimeWaitRestarted;
        }
        EXPECT_EQ(restarts, kase == "lost-last-ack" ? 1 : 0);
    }
}

// What each SYN offered, as Linux 6.18 wrote it: MSS 1460, timestamps, window scale (10 on this
// machine's 64 MB receive buffer), SACK-permitted unless the case turned SACK off, in Linux's order.
TEST_P(KernelCapture, theSynsOffersAreReadInLinuxsOrder) {
    const std::string kase = GetParam().name;
    const auto one = capture::readConnection(kDir + kase + "-at-A.pcapng", 1);
    ASSERT_TRUE(one.ok());
    const capture::Reconstruction run = capture::reconstruct(one.segments);
    for (const capture::SynOffer* offer : {&run.offerA, &run.offerB}) {
        EXPECT_TRUE(offer->seen);
        EXPECT_EQ(offer->mss, 1460);
        EXPECT_TRUE(offer->timestamps);
        EXPECT_EQ(offer->sackPermitted, kase != "lost-fin-nosack");
        ASSERT_TRUE(offer->windowScale.has_value());
        EXPECT_EQ(*offer->windowScale, 10);
        EXPECT_TRUE(offer->linuxOrder);
    }
    EXPECT_TRUE(run.looksLikeLinux());
    EXPECT_EQ(run.sackInUse, kase != "lost-fin-nosack");
    EXPECT_TRUE(run.timestampsInUse);
}

INSTANTIATE_TEST_SUITE_P(Linux618, KernelCapture,
                         // At B the first FIN of lost-fin was never seen: B's capture holds one FIN.
                         ::testing::Values(KernelCase{"lost-last-ack", {"three-segment close (FIN+ACK); retransmitted FIN; final ACK lost",
                                                                        "three-segment close (FIN+ACK); retransmitted FIN; final ACK lost"}},
                                           KernelCase{"lost-fin", {"three-segment close (FIN+ACK); retransmitted FIN",
                                                                   "three-segment close (FIN+ACK)"}},
                                           KernelCase{"lost-fin-nosack", {"three-segment close (FIN+ACK); retransmitted FIN",
                                                                          "three-segment close (FIN+ACK)"}},
                                           KernelCase{"lost-fin-ack", {"complete four-way close; retransmitted FIN",
                                                                       "complete four-way close; retransmitted FIN"}},
                                           KernelCase{"simultaneous-close-acks-lost", {"simultaneous close; retransmitted FIN; final ACK lost",
                                                                                       "simultaneous close; retransmitted FIN; final ACK lost"}}),
                         [](const ::testing::TestParamInfo<KernelCase>& info) {
                             std::string s = info.param.name;
                             for (char& c : s)
                                 if (c == '-')
                                     c = '_';
                             return s;
                         });
