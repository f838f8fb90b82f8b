// `finwave import FILE [--list] [--connection N] [--format text|jsonl]`: a capture's connection
// as a run, with both ends' states reconstructed by core (core/capture/reconstruct.h).
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "core/capture/teardown.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/trace_format.h"

#include <charconv>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <string>

namespace finwave::app {

namespace {
// "2026-12-02 01:05:33.316496 UTC"
std::string utcTime(std::int64_t ns) {
    const std::time_t sec = static_cast<std::time_t>(ns / 1'000'000'000);
    std::tm tm{};
    gmtime_r(&sec, &tm);
    char day[32];
    std::strftime(day, sizeof day, "%Y-%m-%d %H:%M:%S", &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s.%06lld UTC", day, static_cast<long long>((ns % 1'000'000'000) / 1000));
    return buf;
}

std::string endingText(capture::ListEnding e) {
    switch (e) {
    case capture::ListEnding::Open: return "open";
    case capture::ListEnding::OneFin: return "one FIN";
    case capture::ListEnding::BothFins: return "FIN both ways";
    case capture::ListEnding::Reset: return "RST";
    }
    return "";
}

void printList(std::ostream& out, const std::vector<capture::ConnectionSummary>& list) {
    for (const auto& c : list)
        out << c.index << "  " << c.first.text() << " <-> " << c.second.text() << "  " << c.packets
            << " packets  " << utcTime(c.firstNs) << " to " << utcTime(c.lastNs) << "  " << endingText(c.ending)
            << (c.sawSyn ? "" : " (no SYN)") << '\n';
}

std::string inferredFields(capture::Inferred why) {
    if (why == capture::Inferred::No)
        return {};
    return "\"inferred\":true,\"inferred_reason\":\"" + std::string(capture::inferredKey(why)) + "\"";
}
}  // namespace

int runImport(const options::ImportOptions& o) {
    const std::string& path = o.file;
    const TraceFormat format = o.format;
    const int chosen = o.connection;
    const capture::ReadResult list = capture::listConnections(path);
    if (!list.ok())
        return refuse("import", list.error);
    if (o.list) {
        printList(std::cout, list.connections);
        return finishOutput("import");
    }
    if (chosen == 0 && list.connections.size() > 1) {
        printList(std::cout, list.connections);
        std::cout.flush();
        return refuse("import", path + ": " + std::to_string(list.connections.size()) +
                                    " TCP connections; choose one with --connection N");
    }
    if (chosen > static_cast<int>(list.connections.size()))
        return refuse("import", "--connection: " + std::to_string(chosen) + ": " + path + " has " +
                                    std::to_string(list.connections.size()) + " connections");
    const capture::ReadResult one = capture::readConnection(path, chosen == 0 ? 1 : chosen);
    if (!one.ok())
        return refuse("import", one.error);
    const capture::Reconstruction run = capture::reconstruct(one.segments);
    const RelativeNumbers rel{[&run](const Segment& s) { return capture::relativeSeq(run, s); },
                              [&run](const Segment& s) { return capture::relativeAck(run, s); }};
    if (format == TraceFormat::Text) {
        std::cout << "A = " << run.endpointA.text() << ", B = " << run.endpointB.text() << "; "
                  << capture::teardownSentence(capture::classifyTeardown(run)) << '\n';
    }
    for (std::size_t i = 0; i < run.trace.size(); ++i) {
        const auto& r = run.trace[i];
        const auto why = run.inferred[i];
        if (format == TraceFormat::Jsonl) {
            std::cout << jsonlRecord(r, rel, inferredFields(why)) << '\n';
        } else {
            std::cout << textRecord(r, rel);
            if (why != capture::Inferred::No)
                std::cout << "  (inferred: " << capture::inferredKey(why) << ")";
            std::cout << '\n';
        }
    }
    return finishOutput("import");
}

}  // namespace finwave::app
