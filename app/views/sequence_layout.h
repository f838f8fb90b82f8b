#pragma once
// The sequence diagram's geometry and the layout rules its scene applies: where the lifelines
// stand, how time maps to rows, how close state names and timer labels are kept apart, and
// where an export may cut the diagram into columns.

#include "app/views/theme.h"
#include "core/simulator.h"

#include <QPair>
#include <QString>
#include <QVector>

#include <vector>

namespace finwave::app {

class SegmentArrowItem;
class StateBandItem;
class TimerBracketItem;
class TimeAxis;

// Lifeline positions and widths, derived from the theme's fonts.
struct SequenceGeometry {
    double xA = 0, xB = 0, width = 0, nameWidth = 0;

    double x(int side) const { return side == 0 ? xA : xB; }
    double timerX(int side) const { return side == 0 ? xA - nameWidth - 14 : xB + nameWidth + 14; }
    static SequenceGeometry forTheme(const Theme& theme);
};

// A readable scale for the scenario's round trip; idle spans longer than a round trip compressed.
TimeAxis timeAxisFor(const Theme& theme, const Scenario& scenario);

// The subtitle: the parameters in force now ("profile rfc · delay 50 / 50 ms · loss 0 % / 0 %").
QString parameterLine(const Simulator& sim);

// The arrow of a Send record (label and tooltip from the record), not yet placed.
SegmentArrowItem* makeArrow(const Theme& theme, const Simulator& sim, const TraceRecord& send, int index);

// Bands of one side: each spans its state's time; names entered in the same instant are stacked.
void layoutBands(const Theme& theme, const TimeAxis& axis, double x, std::vector<StateBandItem*>& bands, Micros now);
// Timers of one side: each bracket from start to end (or the cursor while running), its labels
// where things happened, labels of close timers stacked.
void layoutTimers(const Theme& theme, const TimeAxis& axis, double x, std::vector<TimerBracketItem*>& timers, Micros now);

// See SequenceScene::quietCut.
double quietCut(const Theme& theme, const TimeAxis& axis, const std::vector<SegmentArrowItem*>& arrows,
                const std::vector<StateBandItem*> (&bands)[2], const std::vector<TimerBracketItem*> (&timers)[2],
                const QVector<QPair<double, QString>>& ticks, double lo, double hi);

TcpState initialStateOf(const EndpointSetup& setup);

}  // namespace finwave::app
