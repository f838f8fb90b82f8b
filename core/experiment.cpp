#include "core/experiment.h"

#include "core/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

namespace finwave {

namespace {
std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

struct RunResult {
    Micros closedAt = -1;
    int retransmissions = 0;
    Outcome outcome = Outcome::Running;
};

double percentile(std::vector<Micros>& v, double q) {
    if (v.empty())
        return 0;
    const std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size()))) - (q > 0 ? 1 : 0));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return static_cast<double>(v[k]) / 1e6;
}
}  // namespace

std::vector<double> lossLevels(double from, double to, double step) {
    std::vector<double> out;
    if (step <= 0)
        return {from};
    for (int i = 0;; ++i) {
        const double v = from + step * i;
        if (v > to + step / 2)
            break;
        out.push_back(std::round(v * 1e6) / 1e6);
    }
    return out;
}

SweepResult runSweep(const SweepConfig& config, const std::atomic<bool>* cancel,
                     const std::function<void(int, int)>& progress) {
    const std::vector<double> levels = lossLevels(config.lossFrom, config.lossTo, config.lossStep);
    const int runs = std::max(1, config.runsPerPoint);
    const int total = static_cast<int>(levels.size()) * runs;
    std::vector<RunResult> results(static_cast<std::size_t>(total));
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> stopped{false};
    const auto worker = [&] {
        Scenario s = config.scenario;
        Simulator sim(s, SimulatorOptions{false, false});
        int lastPoint = -1;
        while (true) {
            const int i = next.fetch_add(1);
            if (i >= total)
                return;
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                stopped = true;
                return;
            }
            const int point = i / runs, run = i % runs;
            if (point != lastPoint) {
                s.ab.loss = s.ba.loss = levels[static_cast<std::size_t>(point)];
                sim.load(s);
                lastPoint = point;
            }
            sim.setSeed(mix(config.masterSeed ^ mix(static_cast<std::uint64_t>(point) << 32 | static_cast<std::uint32_t>(run))));
            sim.reset();
            sim.runToEnd(1'000'000);
            RunResult& r = results[static_cast<std::size_t>(i)];
            r.closedAt = sim.bothClosedAt().value_or(-1);
            r.retransmissions = sim.retransmissions();
            r.outcome = sim.outcome();
            const int d = done.fetch_add(1) + 1;
            if (progress && (d % 256 == 0 || d == total))
                progress(d, total);
        }
    };
    const int threads = config.threads > 0 ? config.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();

    SweepResult out;
    out.cancelled = stopped.load() || done.load() < total;
    if (out.cancelled)
        return out;
    for (std::size_t p = 0; p < levels.size(); ++p) {
        SweepPoint pt;
        pt.loss = levels[p];
        pt.runs = runs;
        std::vector<Micros> closes;
        double rtx = 0;
        int graceful = 0, reset = 0, gaveUp = 0;
        for (int r = 0; r < runs; ++r) {
            const RunResult& rr = results[p * static_cast<std::size_t>(runs) + static_cast<std::size_t>(r)];
            if (rr.closedAt >= 0)
                closes.push_back(rr.closedAt);
            rtx += rr.retransmissions;
            graceful += rr.outcome == Outcome::Graceful;
            reset += rr.outcome == Outcome::Reset;
            gaveUp += rr.outcome == Outcome::GaveUp;
        }
        pt.closedRuns = static_cast<int>(closes.size());
        pt.medianCloseSeconds = percentile(closes, 0.5);
        pt.p95CloseSeconds = percentile(closes, 0.95);
        pt.meanRetransmissions = rtx / runs;
        pt.graceful = static_cast<double>(graceful) / runs;
        pt.reset = static_cast<double>(reset) / runs;
        pt.gaveUp = static_cast<double>(gaveUp) / runs;
        pt.other = 1.0 - pt.graceful - pt.reset - pt.gaveUp;
        out.points.push_back(pt);
    }
    return out;
}

std::string sweepCsv(const SweepResult& result) {
    std::string out =
        "loss,runs,closed_runs,median_close_s,p95_close_s,mean_retransmissions,share_graceful,share_reset,"
        "share_gave_up,share_other\n";
    char line[256];
    for (const SweepPoint& p : result.points) {
        std::snprintf(line, sizeof line, "%.4f,%d,%d,%.6f,%.6f,%.4f,%.4f,%.4f,%.4f,%.4f\n", p.loss, p.runs, p.closedRuns,
                      p.medianCloseSeconds, p.p95CloseSeconds, p.meanRetransmissions, p.graceful, p.reset, p.gaveUp,
                      std::max(0.0, p.other));
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
