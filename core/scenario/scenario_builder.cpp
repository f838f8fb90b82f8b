#include "core/scenario/scenario_builder.h"

namespace finwave {

Scenario makeScenario(std::string name, std::string title, std::string description, Profile profile) {
    Scenario s;
    s.name = std::move(name);
    s.title = std::move(title);
    s.description = std::move(description);
    s.params = paramsFor(profile);
    s.ab.delay = 50 * kMs;
    s.ba.delay = 50 * kMs;
    return s;
}

Scenario blankScenario() {
    Scenario s = makeScenario("untitled", "Untitled scenario");
    s.actions = {action(Side::A, AppAction::Kind::Close, 0)};
    return s;
}

Scenario established(Profile profile) { return makeScenario("test", {}, {}, profile); }

AppAction action(Side side, AppAction::Kind kind, Micros delay, AppAction::Trigger trigger, std::uint32_t bytes) {
    AppAction a;
    a.side = side;
    a.kind = kind;
    a.delay = delay;
    a.trigger = trigger;
    a.bytes = bytes;
    return a;
}

Fault dropFirst(Side from, std::uint8_t flags, std::uint32_t count, bool exact) {
    Fault f;
    f.kind = Fault::Kind::DropFirstMatching;
    f.dir = directionFrom(from);
    f.flags = flags;
    f.count = count;
    f.exactFlags = exact;
    return f;
}

Fault dropNth(Direction dir, std::uint32_t n, std::uint8_t flags, bool exact) {
    Fault f;
    f.kind = Fault::Kind::DropNth;
    f.dir = dir;
    f.n = n;
    f.flags = flags;
    f.exactFlags = exact;
    return f;
}

Fault duplicateNth(Direction dir, std::uint32_t n, Micros later) {
    Fault f;
    f.kind = Fault::Kind::DuplicateNth;
    f.dir = dir;
    f.n = n;
    f.extraDelay = later;
    return f;
}

Fault forgedRst(Direction dir, Micros at, std::int32_t seqOffset) {
    Fault f;
    f.kind = Fault::Kind::InjectRst;
    f.dir = dir;
    f.at = at;
    f.seqOffset = seqOffset;
    return f;
}

}  // namespace finwave
