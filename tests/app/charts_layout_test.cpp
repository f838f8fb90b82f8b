// The charts read at the size they open with on a 1366x768 laptop (the strip under the diagrams,
// raised: the window's width, 45 % of its height): every tick label and axis title has the room
// its text needs, so Qt Charts elides none of them.
#include "app/charts/charts_panel.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QAbstractAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace finwave;
using namespace finwave::app;

namespace {
// The room along the axis for each label, against the label's own size.
void expectRoomForTicks(QChart* chart, const char* what) {
    const QRectF plot = chart->plotArea();
    ASSERT_GT(plot.width(), 0) << what;
    for (QAbstractAxis* axis : chart->axes()) {
        const bool horizontal = axis->orientation() == Qt::Horizontal;
        const double length = horizontal ? plot.width() : plot.height();
        const QFontMetricsF labels(axis->labelsFont()), title(axis->titleFont());
        if (!axis->titleText().isEmpty()) {
            EXPECT_LE(title.horizontalAdvance(axis->titleText()), length + 1) << what << ": title " << axis->titleText().toStdString();
        }
        if (auto* categories = qobject_cast<QCategoryAxis*>(axis)) {
            const QStringList names = categories->categoriesLabels();
            const double span = categories->max() - categories->min();
            for (int i = 1; i < names.size(); ++i) {
                const double gap = (categories->endValue(names[i]) - categories->endValue(names[i - 1])) / span * length;
                const double need = horizontal ? (labels.horizontalAdvance(names[i]) + labels.horizontalAdvance(names[i - 1])) / 2
                                               : labels.height();
                EXPECT_GE(gap, need) << what << ": " << names[i - 1].toStdString() << " / " << names[i].toStdString();
            }
            if (!horizontal) {  // the state names beside the plot: Qt elides them to the room it leaves
                double widest = 0;
                for (const QString& n : names)
                    widest = std::max(widest, labels.horizontalAdvance(n));
                EXPECT_LE(widest, plot.left()) << what << ": state names need " << widest;
            }
        } else if (auto* values = qobject_cast<QValueAxis*>(axis)) {
            const int ticks = values->tickCount();
            ASSERT_GE(ticks, 2) << what;
            const double spacing = length / (ticks - 1);
            double widest = 0;
            for (int i = 0; i < ticks; ++i) {
                const double v = values->min() + (values->max() - values->min()) * i / (ticks - 1);
                widest = std::max(widest, labels.horizontalAdvance(QString::asprintf("%g", v)));
            }
            EXPECT_GE(spacing, horizontal ? widest + 4 : labels.height()) << what;
            // Round ticks: the step is 1, 2 or 5 times a power of ten.
            const double step = (values->max() - values->min()) / (ticks - 1);
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
            EXPECT_TRUE(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 2.5) < 1e-6 ||
                        std::abs(mantissa - 5) < 1e-6)
                << what << ": step " << step;

        }
    }
}
}  // namespace

TEST(ChartsLayout, NoTickOrAxisLabelIsSqueezedAtTheLaptopsDefaultSize) {
    SimController ctl;
    ChartsPanel panel(&ctl);
    panel.resize(1366, 768 * 45 / 100);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ctl.seek(1'000'000);
    QCoreApplication::processEvents();
    expectRoomForTicks(panel.timelineChart(), "timeline");
    panel.showTab(1);  // the sweep's tab, as the user raises it to run one
    QSignalSpy finished(&panel, &ChartsPanel::sweepFinished);
    panel.setSweepScope(0, 0.2, 0.1, 20);
    panel.startSweep();
    ASSERT_TRUE(finished.wait(30000));
    QCoreApplication::processEvents();
    expectRoomForTicks(panel.sweepChart(), "sweep");
}
