#pragma once
// Every built-in scenario at both vantage points: the parameter list the tshark checks and the
// round trip run over.
#include "core/scenario/builtin_scenarios.h"
#include "core/protocol/tcp_state.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace finwave::testing {

struct Case {
    std::string scenario;
    Side vantage;
};

inline std::vector<Case> allCases() {
    std::vector<Case> out;
    for (auto name : builtinScenarioNames())
        for (Side v : {Side::A, Side::B})
            out.push_back({std::string(name), v});
    return out;
}

// How GoogleTest prints a case (in a failure and in the test list ctest reads): "lost-last-ack at A",
// not the object's bytes, which held a heap address and so changed the test's name from run to run.
inline void PrintTo(const Case& c, std::ostream* out) { *out << c.scenario << " at " << sideName(c.vantage); }

// "lost_last_ack_at_A": a test name GoogleTest accepts.
inline std::string caseName(const ::testing::TestParamInfo<Case>& info) {
    std::string s = info.param.scenario + "_at_" + std::string(sideName(info.param.vantage));
    for (char& c : s)
        if (c == '-')
            c = '_';
    return s;
}

}  // namespace finwave::testing
