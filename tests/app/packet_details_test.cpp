// The packet details: every header field of a clicked arrow's or a chosen log row's segment, in a
// simulated run and in a capture, with relative or absolute numbers.
#include "app/views/sequence/sequence_items.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/window/capture_dialogs.h"
#include "app/window/event_log.h"
#include "app/window/main_window.h"
#include "app/window/packet_details.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QGraphicsSceneMouseEvent>
#include <QTest>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {

std::size_t sendRecordOf(const Simulator& sim, std::uint32_t segmentId) {
    const Trace& trace = sim.trace();
    for (std::size_t i = 0; i < trace.size(); ++i)
        if (trace[i].kind == EventKind::Send && trace[i].seg.id == segmentId)
            return i;
    ADD_FAILURE() << "no segment " << segmentId;
    return 0;
}

bool has(const QString& text, const char* line) { return text.contains(QString::fromUtf8(line)); }

}  // namespace

// lost-last-ack: A's FIN (segment 1, ISS 1000 as the scenario gives it) and A's lost last ACK.
TEST(PacketDetails, ShowEveryFieldOfASimulatedSegmentRelativeOrAbsolute) {
    Scenario s = *builtinScenario("lost-last-ack");
    s.a.iss = 1000;
    SimController ctl;
    ctl.loadScenario(s);
    ctl.seek(1'000'000);
    PacketDetails details(&ctl);
    details.setAbsolute(false);
    details.showRecord(sendRecordOf(ctl.sim(), 1));
    const QString fin = details.text();
    EXPECT_TRUE(has(fin, "Segment: A → B · FIN, ACK seq=1 ack=1")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Sent: by A at 0.000 s, in FIN_WAIT_1")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "What became of it: reached B at 0.050 s")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Flags: 0x011 (FIN, ACK)\n  SYN: not set\n  FIN: set\n")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Sequence number: 1 (absolute 1001)")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Next sequence number: 2 (absolute 1002)")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Segment length (SEG.LEN): 1:")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "  Timestamps: TSval ")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Copy: first transmission")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "Why it was sent: ")) << fin.toStdString();
    EXPECT_TRUE(has(fin, "  Rule: RFC 9293 §3.6 Case 1; §3.10.4")) << fin.toStdString();
    EXPECT_FALSE(has(fin, "In the capture")) << "a simulated run has no file";
    details.setAbsolute(true);
    EXPECT_TRUE(has(details.text(), "Sequence number: 1001 (relative 1)")) << details.text().toStdString();

    // The lost ACK (segment 4), and B's retransmitted FIN (segment 5).
    details.showRecord(sendRecordOf(ctl.sim(), 4));
    EXPECT_TRUE(has(details.text(), "What became of it: lost at 0.325 s: The scenario drops this segment on purpose"))
        << details.text().toStdString();
    details.showRecord(sendRecordOf(ctl.sim(), 5));
    EXPECT_TRUE(has(details.text(), "Copy: retransmission #1")) << details.text().toStdString();

    // A step back before the segment was sent empties the pane; one to while it flies does not
    // foretell its end.
    ctl.seek(6);
    EXPECT_FALSE(details.shownRecord().has_value());
    details.showRecord(sendRecordOf(ctl.sim(), 4));
    EXPECT_TRUE(has(details.text(), "What became of it: lost")) << "the drop is at step 6";
    ctl.seek(5);
    details.showRecord(sendRecordOf(ctl.sim(), 4));
    EXPECT_TRUE(has(details.text(), "What became of it: in flight")) << details.text().toStdString();
}

// B's capture of the kernel's lost last ACK: the ACK B never saw is not in the file; the window is
// scaled by the SYNs' window scale (10).
TEST(PacketDetails, ShowACapturedSegmentsPacketAndScaledWindow) {
    MainWindow window;
    const QString why = openCapture(&window, window.controller(),
                                    QStringLiteral(FINWAVE_SOURCE_DIR "/tests/data/kernel/lost-last-ack-at-B.pcapng"), 1);
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    SimController* ctl = window.controller();
    ctl->seek(1'000'000);
    PacketDetails* details = window.packetDetails();
    int notInFile = 0, inFile = 0;
    const Trace& trace = ctl->sim().trace();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace[i].kind != EventKind::Send)
            continue;
        details->showRecord(i);
        const QString text = details->text();
        notInFile += has(text, "In the capture: not in the file: ");
        inFile += has(text, "In the capture: packet ");
        if (!trace[i].seg.has(flag::Syn) && has(text, "In the capture: packet ")) {
            EXPECT_TRUE(has(text, " × 1024 = ")) << text.toStdString();
        }
    }
    EXPECT_EQ(notInFile, 1) << "A's final ACK, lost before B";
    EXPECT_EQ(inFile, 11);
}

// A click on an arrow that has arrived, or a chosen log row, shows its segment in the raised dock.
TEST(PacketDetails, FollowAClickedArrowAndAChosenLogRow) {
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.openScenario(QStringLiteral("lost-last-ack"));
    SimController* ctl = window.controller();
    ctl->seek(1'000'000);
    SegmentArrow* fin = window.sequenceView()->diagram()->arrowOf(1);
    ASSERT_NE(fin, nullptr);
    ASSERT_EQ(fin->fate(), SegmentArrow::Fate::Arrived);
    // Clicked where it is drawn.
    SequenceView* view = window.sequenceView();
    const QPointF middle = (fin->from() + fin->to()) / 2;
    view->centerOn(middle);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(middle));
    ASSERT_EQ(window.packetDetails()->shownRecord(), std::optional<std::size_t>(sendRecordOf(ctl->sim(), 1)));
    EXPECT_TRUE(window.packetDetails()->isVisible());
    const std::size_t ackRecord = sendRecordOf(ctl->sim(), 2);
    window.eventLog()->selectRow(static_cast<int>(ackRecord));
    EXPECT_EQ(window.packetDetails()->shownRecord(), std::optional<std::size_t>(ackRecord));
    EXPECT_TRUE(has(window.packetDetails()->text(), "Segment: B → A · ACK seq=1 ack=2"));
}
