#include "core/protocol/profile.h"
#include "core/protocol/reason.h"
#include "core/protocol/segment.h"
#include "core/protocol/tcp_state.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace finwave;

TEST(Names, EveryStateNameRoundTripsAndUsesUnderscores) {
    for (int i = 0; i < kTcpStateCount; ++i) {
        const auto s = static_cast<TcpState>(i);
        const auto name = stateName(s);
        ASSERT_FALSE(name.empty());
        EXPECT_EQ(name.find('-'), std::string_view::npos) << name;
        EXPECT_EQ(stateFromName(name), s);
    }
    EXPECT_EQ(stateName(TcpState::FinWait1), "FIN_WAIT_1");
    EXPECT_FALSE(stateFromName("FIN-WAIT-1").has_value());
}

TEST(Names, FlagsAreListedInWiresharkOrder) {
    EXPECT_EQ(flagsText(flag::Fin | flag::Ack), "FIN,ACK");
    EXPECT_EQ(flagsText(flag::Syn | flag::Ack), "SYN,ACK");
    EXPECT_EQ(flagsText(flag::Rst), "RST");
    EXPECT_EQ(flagsText(0), "");
}

TEST(Names, ReasonKeysAreUniqueAndEachHasASource) {
    std::set<std::string> keys;
    for (int i = 0; i < kReasonCount; ++i) {
        const auto r = static_cast<Reason>(i);
        EXPECT_TRUE(keys.insert(std::string(reasonKey(r))).second) << reasonKey(r);
        EXPECT_FALSE(rfcSection(r).empty()) << reasonKey(r);
        EXPECT_EQ(reasonFromKey(reasonKey(r)), r);
    }
}

TEST(Names, LinuxProfileHasItsOwnConstants) {
    const auto rfc = paramsFor(Profile::Rfc);
    const auto linux = paramsFor(Profile::Linux);
    EXPECT_EQ(rfc.timeWait, 2 * rfc.msl);
    EXPECT_EQ(rfc.timeWait, 240 * kSec);
    EXPECT_EQ(linux.timeWait, 60 * kSec);
    EXPECT_EQ(linux.rtoMin, 200 * kMs);
    EXPECT_EQ(rfc.rtoMin, 1 * kSec);
    EXPECT_EQ(linux.finWait2Timeout, 60 * kSec);
    EXPECT_EQ(rfc.finWait2Timeout, 0);
    EXPECT_EQ(profileFromName("linux"), Profile::Linux);
    EXPECT_FALSE(profileFromName("bsd").has_value());
}
