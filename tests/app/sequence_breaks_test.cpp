// The sequence diagram compresses idle time into a break, never time in which a segment is in
// flight: a break drawn through an arrow would cut the arrow in two and hide how long it flew.
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/time_axis.h"
#include "app/window/sim_controller.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"
#include "core/capture/reconstruct.h"
#include "core/scenario/builtin_scenarios.h"

#include <QFile>
#include <QGraphicsItem>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>

using namespace finwave;
using namespace finwave::app;

namespace {

// Each arrow that ended (arrived or lost) against each break: none may lie across one.
std::vector<std::string> arrowsThroughBreaks(const SequenceScene& scene) {
    std::vector<const BreakItem*> breaks;
    for (const QGraphicsItem* item : scene.items())
        if (item->type() == BreakItem::Type)
            breaks.push_back(static_cast<const BreakItem*>(item));
    const std::vector<SegmentArrow*>& arrows = scene.arrows();
    std::vector<std::string> out;
    for (const SegmentArrow* a : arrows)
        for (const BreakItem* b : breaks)
            if (a->from().y() < b->bottom() - 0.5 && a->to().y() > b->top() + 0.5)
                out.push_back("segment " + std::to_string(a->segmentId()) + " from y " + std::to_string(a->from().y()) +
                              " to " + std::to_string(a->to().y()) + " crosses the break " +
                              std::to_string(b->top()) + ".." + std::to_string(b->bottom()));
    return out;
}

std::string data(const std::string& name) { return FINWAVE_SOURCE_DIR "/tests/data/" + name; }

}  // namespace

TEST(SequenceBreaks, NoBreakCrossesAnArrowInAnyBuiltIn) {
    for (std::string_view name : builtinScenarioNames()) {
        SCOPED_TRACE(std::string(name));
        SimController ctl;
        ctl.loadScenario(*builtinScenario(name));
        SequenceScene scene(&ctl);
        ctl.seek(1'000'000);
        EXPECT_EQ(arrowsThroughBreaks(scene), std::vector<std::string>());
    }
}

// Captures: the kernel's, two loopback ones (flights of microseconds, a delayed ACK's 40 ms
// compressed), and FinWave's own of every built-in at both ends, whose far end's times are
// estimated. The time scale follows each capture's round trip.
TEST(SequenceBreaks, NoBreakCrossesAnArrowInTheCaptures) {
    int breaks = 0;
    std::vector<std::pair<std::string, int>> files;
    for (const char* kase : {"lost-last-ack", "lost-fin", "lost-fin-nosack", "lost-fin-ack", "simultaneous-close-acks-lost"})
        for (const char* vantage : {"A", "B"})
            files.emplace_back(data("kernel/" + std::string(kase) + "-at-" + vantage + ".pcapng"), 1);
    for (int connection : {1, 2, 3}) {
        files.emplace_back(data("real-lo.pcap"), connection);
        files.emplace_back(data("real-any.pcap"), connection);
    }
    // FinWave's own captures of every built-in, at both ends: a far end's times are estimated.
    QTemporaryDir dir;
    for (std::string_view name : builtinScenarioNames()) {
        Simulator sim(*builtinScenario(name));
        sim.runToEnd();
        for (Side vantage : {Side::A, Side::B}) {
            capture::WriteOptions options;
            options.vantage = vantage;
            const std::string file = dir.filePath(QString::fromStdString(std::string(name) + (vantage == Side::A ? "-A" : "-B") + ".pcapng")).toStdString();
            QFile out(QString::fromStdString(file));
            const std::string bytes = capture::writeCapture(sim, options);
            ASSERT_TRUE(out.open(QIODevice::WriteOnly));
            out.write(bytes.data(), static_cast<qint64>(bytes.size()));
            out.close();
            files.emplace_back(file, 1);
        }
    }
    for (const auto& [file, connection] : files) {
            SCOPED_TRACE(file + " connection " + std::to_string(connection));
            const auto one = capture::readConnection(file, connection);
            ASSERT_TRUE(one.ok()) << one.error;
            SimController ctl;
            ctl.loadReplay(capture::reconstruct(one.segments), QStringLiteral("capture"), QString());
            SequenceScene scene(&ctl);
            ctl.seek(1'000'000);
            EXPECT_EQ(arrowsThroughBreaks(scene), std::vector<std::string>());
            for (const QGraphicsItem* item : scene.items())
                breaks += item->type() == BreakItem::Type;
        }
    EXPECT_GT(breaks, 10) << "TIME_WAIT's minute is still compressed";
}

// The axis itself: a gap over the threshold is a break, unless a segment flies across it; past
// kMaxHeld thresholds even a flight is compressed, so a lost-in-the-net copy cannot stretch the
// diagram without end; a step back forgets the hold of a send it takes away.
TEST(SequenceBreaks, TheAxisDrawsAFlightAtScaleAndAnIdleGapAsABreak) {
    TimeAxis axis;
    axis.reset(0, 0.01, 1 * kMs, 50);
    axis.addTime(5 * kMs);
    EXPECT_EQ(axis.breaks().size(), 1u) << "idle: compressed";
    axis.hold(1, 15 * kMs);
    axis.addTime(15 * kMs);
    EXPECT_EQ(axis.breaks().size(), 1u) << "a segment in flight: at scale";
    EXPECT_DOUBLE_EQ(axis.y(15 * kMs) - axis.y(5 * kMs), 100.0);
    EXPECT_DOUBLE_EQ(axis.y(10 * kMs) - axis.y(5 * kMs), 50.0) << "between the knots too";
    axis.addTime(25 * kMs);
    EXPECT_EQ(axis.breaks().size(), 2u) << "the flight ended at 15 ms";
    axis.hold(3, 10 * kSec);
    axis.addTime(10 * kSec);
    EXPECT_EQ(axis.breaks().size(), 3u) << "a flight past kMaxHeld thresholds is compressed";
    axis.truncateAfter(25 * kMs);
    axis.forgetHolds(3);
    axis.addTime(30 * kMs);
    EXPECT_EQ(axis.breaks().size(), 3u) << "the hold of a send stepped back over is gone";
}
