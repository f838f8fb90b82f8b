#include "core/sim/experiment.h"

#include "core/sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <thread>

namespace finwave {

std::optional<int> lossLevelCount(double from, double to, double step) {
    if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(step) || !(step > 0) || to < from)
        return std::nullopt;
    const double spans = std::floor((to - from) / step + 0.5);
    if (!(spans >= 0) || spans + 1 > kMaxLossLevels)
        return std::nullopt;
    return static_cast<int>(spans) + 1;
}

namespace {
std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

double percentile(std::vector<Micros>& v, double q) {
    if (v.empty())
        return 0;
    const std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size()))) - (q > 0 ? 1 : 0));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return static_cast<double>(v[k]) / 1e6;
}
}  // namespace

std::vector<double> lossLevels(double from, double to, double step) {
    if (!(step > 0) && std::isfinite(from))
        return {from};
    const std::optional<int> count = lossLevelCount(from, to, step);  // bounded before anything is made
    std::vector<double> out;
    for (int i = 0; i < count.value_or(0); ++i)
        out.push_back(std::round((from + step * i) * 1e6) / 1e6);
    return out;
}

namespace {
// What one worker gathered over its share of one point's runs.
struct PointTally {
    std::vector<Micros> closes;  // close times of the runs that closed
    long long retransmissions = 0;
    int graceful = 0, reset = 0, gaveUp = 0;
};
}  // namespace

SweepResult runSweep(const SweepConfig& config, const std::atomic<bool>* cancel,
                     const std::function<void(int, int)>& progress) {
    const std::vector<double> levels = lossLevels(config.lossFrom, config.lossTo, config.lossStep);
    const long long runs = std::clamp<long long>(config.runsPerPoint, 1, kMaxRunsPerPoint);
    const long long total = std::min<long long>(static_cast<long long>(levels.size()) * runs, kMaxSweepRuns);
    const int threads = config.threads > 0 ? std::min(config.threads, kMaxThreads)
                                           : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    SweepResult out;
    std::atomic<long long> done{0};
    std::atomic<bool> stopped{false};
    // Memory: the points run one after another and only the current point's close times are kept
    // (one Micros per closed run, split among the workers), so it grows with the runs of one point,
    // never with levels x runs. The median and p95 are exact: nth_element over that point's
    // values, whose multiset does not depend on which worker ran which run.
    for (std::size_t point = 0; point < levels.size() && !stopped; ++point) {
        Scenario s = config.scenario;
        s.ab.loss = s.ba.loss = levels[point];
        std::atomic<long long> next{0};
        std::vector<PointTally> tallies(static_cast<std::size_t>(threads));
        const auto worker = [&](PointTally& tally) {
            Simulator sim(s, SimulatorOptions{false, false});
            while (true) {
                const long long run = next.fetch_add(1);
                if (run >= runs || (point * static_cast<std::size_t>(runs) + static_cast<std::size_t>(run)) >=
                                       static_cast<std::size_t>(total))
                    return;
                if (cancel && cancel->load(std::memory_order_relaxed)) {
                    stopped = true;
                    return;
                }
                sim.setSeed(mix(config.masterSeed ^
                                mix(static_cast<std::uint64_t>(point) << 32 | static_cast<std::uint32_t>(run))));
                sim.reset();
                sim.runToEnd(1'000'000);
                if (const auto closed = sim.bothClosedAt())
                    tally.closes.push_back(*closed);
                tally.retransmissions += sim.retransmissions();
                tally.graceful += sim.outcome() == Outcome::Graceful;
                tally.reset += sim.outcome() == Outcome::Reset;
                tally.gaveUp += sim.outcome() == Outcome::GaveUp;
                const long long d = done.fetch_add(1) + 1;
                if (progress && (d % 256 == 0 || d == total))
                    progress(static_cast<int>(d), static_cast<int>(total));
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(worker, std::ref(tallies[static_cast<std::size_t>(t)]));
        worker(tallies[0]);
        for (auto& t : pool)
            t.join();
        if (stopped)
            break;
        PointTally all = std::move(tallies[0]);
        for (std::size_t t = 1; t < tallies.size(); ++t) {
            all.closes.insert(all.closes.end(), tallies[t].closes.begin(), tallies[t].closes.end());
            all.retransmissions += tallies[t].retransmissions;
            all.graceful += tallies[t].graceful;
            all.reset += tallies[t].reset;
            all.gaveUp += tallies[t].gaveUp;
        }
        SweepPoint pt;
        pt.loss = levels[point];
        pt.runs = static_cast<int>(runs);
        pt.closedRuns = static_cast<int>(all.closes.size());
        pt.medianCloseSeconds = percentile(all.closes, 0.5);
        pt.p95CloseSeconds = percentile(all.closes, 0.95);
        const auto n = static_cast<double>(runs);
        pt.meanRetransmissions = static_cast<double>(all.retransmissions) / n;
        pt.graceful = all.graceful / n;
        pt.reset = all.reset / n;
        pt.gaveUp = all.gaveUp / n;
        pt.other = 1.0 - pt.graceful - pt.reset - pt.gaveUp;
        out.points.push_back(pt);
    }
    out.cancelled = stopped.load() || done.load() < total;
    if (out.cancelled)
        out.points.clear();
    return out;
}

std::string sweepCsv(const SweepResult& result) {
    std::string out =
        "loss,runs,closed_runs,median_close_s,p95_close_s,mean_retransmissions,share_graceful,share_reset,"
        "share_gave_up,share_other\n";
    char line[256];
    for (const SweepPoint& p : result.points) {
        // With no closed run there is no close time: empty cells, not a 0 that reads as "instant".
        char median[32] = "", p95[32] = "";
        if (p.closedRuns > 0) {
            std::snprintf(median, sizeof median, "%.6f", p.medianCloseSeconds);
            std::snprintf(p95, sizeof p95, "%.6f", p.p95CloseSeconds);
        }
        std::snprintf(line, sizeof line, "%.4f,%d,%d,%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f\n", p.loss, p.runs, p.closedRuns,
                      median, p95, p.meanRetransmissions, p.graceful, p.reset, p.gaveUp, std::max(0.0, p.other));
        out += line;
    }
    return out;
}

PileupResult runPileup(const PileupConfig& config) {
    PileupResult out;
    const int k = std::max(1, config.sample);
    // The engine measures, per sampled connection, when the server (A) is in TIME_WAIT.
    std::vector<std::pair<Micros, Micros>> intervals;  // relative to the connection's start
    double sum = 0;
    for (int i = 0; i < k; ++i) {
        Scenario s = config.scenario;
        s.seed = mix(static_cast<std::uint64_t>(i) + 1);
        Simulator sim(s, SimulatorOptions{true, false});
        sim.runToEnd(1'000'000);
        Micros enter = -1, leave = -1;
        for (const TraceRecord& r : sim.trace()) {
            if (r.kind != EventKind::State || r.side != Side::A)
                continue;
            if (r.to == TcpState::TimeWait && enter < 0)
                enter = r.t;
            if (r.from == TcpState::TimeWait)
                leave = r.t;
        }
        if (enter >= 0 && leave > enter) {
            intervals.emplace_back(enter, leave);
            sum += static_cast<double>(leave - enter) / 1e6;
        } else {
            intervals.emplace_back(0, 0);  // no TIME_WAIT at all (SO_LINGER 0)
        }
    }
    out.meanTimeWaitSeconds = sum / k;
    out.steadyState = config.connectionsPerSecond * out.meanTimeWaitSeconds;
    const double rate = std::max(1e-9, config.connectionsPerSecond);
    const double duration = static_cast<double>(config.duration) / 1e6;
    const long long connections = static_cast<long long>(duration * rate);
    const int points = std::max(2, config.points);
    out.timeSeconds.resize(static_cast<std::size_t>(points));
    out.inTimeWait.assign(static_cast<std::size_t>(points), 0);
    for (int p = 0; p < points; ++p)
        out.timeSeconds[static_cast<std::size_t>(p)] = duration * p / (points - 1);
    // Difference array over the sample times: +1 where a socket enters TIME_WAIT, -1 where it leaves.
    std::vector<double> delta(static_cast<std::size_t>(points) + 1, 0);
    const double dt = duration / (points - 1);
    for (long long c = 0; c < connections; ++c) {
        const auto& [enter, leave] = intervals[static_cast<std::size_t>(c % k)];
        if (leave <= enter)
            continue;
        const double start = static_cast<double>(c) / rate;
        const double a = start + static_cast<double>(enter) / 1e6, b = start + static_cast<double>(leave) / 1e6;
        const auto first = static_cast<long long>(std::ceil(a / dt));
        const auto last = static_cast<long long>(std::ceil(b / dt));  // sample times t with a <= t < b
        if (first >= points)
            continue;
        delta[static_cast<std::size_t>(first)] += 1;
        delta[static_cast<std::size_t>(std::min<long long>(last, points))] -= 1;
    }
    double running = 0;
    for (int p = 0; p < points; ++p) {
        running += delta[static_cast<std::size_t>(p)];
        out.inTimeWait[static_cast<std::size_t>(p)] = running;
    }
    return out;
}

}  // namespace finwave
