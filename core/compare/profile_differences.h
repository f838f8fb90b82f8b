#pragma once
// What differs between the rfc and the linux profiles for closing a connection: every protocol
// constant whose values differ (core/protocol/profile.h), the behaviour the linux profile adds,
// and the transitions only it takes (core/protocol/transitions.h), each with its source. The
// words are English; the window translates them (context "ProfileDifferences").

#include <string>
#include <vector>

namespace finwave {
struct Transition;
}

namespace finwave::compare {

struct ProfileDifference {
    std::string what;         // "TIME-WAIT (2 MSL)"
    std::string rfc, linux;   // "240 s", "60 s"
    std::string source;       // where each value comes from
    const Transition* transition = nullptr;  // a Linux-only row of the transition table
};

std::vector<ProfileDifference> profileDifferences();

}  // namespace finwave::compare
