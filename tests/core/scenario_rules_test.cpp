// The number rules the scenario reader and the editor share: a number typed into the editor is
// refused exactly when the same number in a file is, with the same error.
#include "core/scenario/scenario_rules.h"

#include <gtest/gtest.h>

#include <string>

using namespace finwave;

namespace {
// The reader's error for `value` written as channel.ab.loss in a file.
ScenarioError fileError(const std::string& value) {
    const ScenarioResult r = parseScenario(R"({"version":1,"channel":{"ab":{"loss":)" + value + "}}}", "t.json");
    EXPECT_FALSE(r) << value;
    return r.error;
}

TEST(ScenarioRules, ATypedNumberOutOfRangeGetsTheFileReadersErrorWordForWord) {
    for (const char* v : {"1.5", "-0.1", "1e3", "2"}) {
        SCOPED_TRACE(v);
        const NumberEntry typed = readNumberText("channel.ab.loss", v, rule::kLoss);
        ASSERT_TRUE(typed.error.has_value());
        const ScenarioError file = fileError(v);
        EXPECT_EQ(typed.error->code, file.code);
        EXPECT_EQ(typed.error->field, file.field);
        EXPECT_EQ(typed.error->message, file.message);
        EXPECT_EQ(typed.error->low, file.low);
        EXPECT_EQ(typed.error->high, file.high);
    }
}

TEST(ScenarioRules, TextThatIsNotAJsonNumberIsNotANumberAsInAFile) {
    const ScenarioError file = fileError("\"x\"");
    for (const char* v : {"", "abc", "1.", ".5", "+1", "0x10", "inf", "nan", "1e", "--1", "1 2", "01"}) {
        SCOPED_TRACE(v);
        const NumberEntry typed = readNumberText("channel.ab.loss", v, rule::kLoss);
        ASSERT_TRUE(typed.error.has_value());
        EXPECT_EQ(typed.error->code, ScenarioErrorCode::NotANumber);
        EXPECT_EQ(typed.error->message, file.message);
    }
}

TEST(ScenarioRules, JsonNumbersWithinTheRangeAreReadAsTheFileReaderReadsThem) {
    EXPECT_EQ(readNumberText("f", " 0.25 ", rule::kLoss).value, 0.25);
    EXPECT_FALSE(readNumberText("f", "0", rule::kLoss).error);
    EXPECT_FALSE(readNumberText("f", "1E0", rule::kLoss).error);
    EXPECT_EQ(readNumberText("f", "-1e9", rule::kSeqOffset).value, -1e9);
    EXPECT_EQ(readNumberText("f", "1e-400", rule::kLoss).value, 0.0);  // underflow reads as 0
    EXPECT_EQ(readNumberText("f", "1e400", rule::kSeed).error->code, ScenarioErrorCode::OutOfRange);
    EXPECT_EQ(microsFromMillis(12.3456), 12346);
}

TEST(ScenarioRules, AnRtoFloorAboveTheCeilingIsTheReadersError) {
    ProtocolParams p = paramsFor(Profile::Rfc);
    EXPECT_FALSE(checkRtoOrder(p, "params.rto_min_ms"));
    p.rtoMin = p.rtoMax + 1;
    const auto e = checkRtoOrder(p, "params.rto_min_ms");
    ASSERT_TRUE(e);
    const ScenarioResult file = parseScenario(R"({"version":1,"params":{"rto_min_ms":200000}})", "t.json");
    ASSERT_FALSE(file);
    EXPECT_EQ(e->code, file.error.code);
    EXPECT_EQ(e->field, file.error.field);
    EXPECT_EQ(e->message, file.error.message);
}
}  // namespace
