// The presets of the server lab: each a question from practice, with the settings that answer it.
#include "core/lab/lab.h"

#include <array>

namespace finwave::lab {

namespace {
LabConfig base() {
    LabConfig c;
    c.requestsPerSecond = 500;  // above one destination's 28 232 / 60 = 470.5 a second
    c.durationSeconds = 180;
    return c;
}
LabConfig with(void (*change)(LabConfig&)) {
    LabConfig c = base();
    change(c);
    return c;
}

const std::array<LabPreset, 8> kPresets = {{
    {"client-closes-first", base()},
    {"server-closes-first", with([](LabConfig& c) { c.closer = Closer::Server; })},
    {"keep-alive-10", with([](LabConfig& c) { c.requestsPerConnection = 10; })},
    {"tw-reuse", with([](LabConfig& c) { c.twReuse = 1; })},
    {"linger-zero", with([](LabConfig& c) { c.closer = Closer::ClientAbort; })},
    {"two-server-addresses", with([](LabConfig& c) { c.serverAddresses = 2; c.requestsPerSecond = 900; })},
    {"bucket-overflow", with([](LabConfig& c) { c.maxTwBuckets = 10'000; c.requestsPerSecond = 300; })},
    // The server closes first, so its port holds TIME_WAITs; restarted at 30 s without
    // SO_REUSEADDR it cannot listen again until the last of them ends.
    {"restart-without-reuseaddr", with([](LabConfig& c) {
         c.closer = Closer::Server;
         c.serverRestartSeconds = 30;
         c.reuseAddr = false;
     })},
}};
}  // namespace

std::span<const LabPreset> labPresets() { return kPresets; }

const LabPreset* findLabPreset(std::string_view name) {
    for (const LabPreset& p : kPresets)
        if (p.name == name)
            return &p;
    return nullptr;
}

}  // namespace finwave::lab
