// The diagram's title band: a capture is named by its file and connection, its ends and where it
// was taken; a title too long for the diagram is made smaller and wrapped, never cut at its edges.
#include "app/views/sequence/sequence_items.h"
#include "app/views/theme.h"
#include "app/window/capture_dialogs.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"

#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {

// Columns of the title band (above the heads) that hold any ink.
std::pair<int, int> inkedSpan(const QString& title, const QString& subtitle, const Theme& theme, int width) {
    FrameItem frame(&theme, width * 0.3, width * 0.7, width, 60);
    frame.setTitle(title, subtitle);
    QImage image(width, static_cast<int>(kTitleBottom), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    QStyleOptionGraphicsItem option;
    option.exposedRect = QRectF(0, 0, width, kTitleBottom);
    frame.paint(&p, &option, nullptr);
    p.end();
    int left = width, right = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < width; ++x)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    return {left, right};
}

}  // namespace

TEST(SequenceTitle, ALongTitleIsMadeToFitNotCut) {
    const QString longName = QStringLiteral("a-capture-from-the-lab-server-during-the-tuesday-lesson-at-nine.pcapng · connection 12");
    const QString ends = QStringLiteral("A [2001:db8:aaaa:bbbb::1]:43210 · B [2001:db8:aaaa:bbbb::2]:443 · captured at A · round trip 0.012 ms");
    for (const Theme& theme : {Theme::light(), Theme::projector()}) {
        const auto [left, right] = inkedSpan(longName, ends, theme, 560);
        EXPECT_GE(left, 2) << "cut at the left edge";
        EXPECT_LE(right, 557) << "cut at the right edge";
        EXPECT_LT(left, right) << "nothing drawn";
    }
}

TEST(SequenceTitle, ACaptureIsNamedByFileAndConnectionWithItsEnds) {
    const std::string file = FINWAVE_SOURCE_DIR "/tests/data/kernel/lost-last-ack-at-B.pcapng";
    const auto one = capture::readConnection(file, 1);
    ASSERT_TRUE(one.ok());
    SimController ctl;
    loadCaptureRun(&ctl, capture::reconstruct(one.segments), QString::fromStdString(file), 1);
    EXPECT_EQ(ctl.captureName(), QStringLiteral("lost-last-ack-at-B.pcapng · connection 1"));
    EXPECT_EQ(QString::fromStdString(ctl.sim().scenario().title),
              QStringLiteral("lost-last-ack-at-B.pcapng · connection 1: A 10.77.0.1:40001, B 10.77.0.2:5501"));
}
