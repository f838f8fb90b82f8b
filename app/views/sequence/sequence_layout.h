#pragma once
// The sequence diagram's geometry and the layout rules its scene applies: where the lifelines
// stand, how time maps to rows, how close state names and timer labels are kept apart, and
// where an export may cut the diagram into columns.

#include "app/views/theme.h"
#include "core/sim/simulator.h"

#include <QPair>
#include <QString>
#include <QVector>

#include <optional>
#include <vector>

namespace finwave::app {

class SegmentArrow;
class StateBandItem;
class TimerBracketItem;
class TimeAxis;

// Lifeline positions and widths, derived from the theme's fonts: the time ruler, A's column,
// the gap the segments cross, B's column.
struct SequenceGeometry {
    double ruler = 0, columnWidth = 0, xA = 0, xB = 0, width = 0;

    double x(int side) const { return side == 0 ? xA : xB; }
    static SequenceGeometry forTheme(const Theme& theme, Micros grain = kMs);
};

// A readable scale for the scenario's round trip; idle spans longer than a round trip compressed.
TimeAxis timeAxisFor(const Theme& theme, const Simulator& sim);

// The subtitle: the parameters in force now ("profile rfc · delay 50 / 50 ms · loss 0 % / 0 %").
QString parameterLine(const Simulator& sim);
// The same line for given values (a change of parameters the run made at some step).
QString parameterLine(const ProtocolParams& params, const ChannelParams& ab, const ChannelParams& ba);

// The tooltip of the arrow of a Send record `r`: made each time a tooltip is asked for
// (SequenceScene::toolTipAt()), and kept nowhere, not for each of a long run's arrows.
QString arrowToolTip(const Simulator& sim, const TraceRecord& r);
// The arrow of a Send record, labelled from the record, not yet placed.
SegmentArrow* makeArrow(const Theme& theme, const Simulator& sim, const TraceRecord& send, int index);

// One side's column: each band spans its state's time; each timer bracket runs from its start to
// its end (or the cursor); names, timer texts and what the application's calls returned are
// written where they happened, stacked so none touches another.
class CallMark;
struct ColumnItems {
    std::vector<StateBandItem*>& bands;
    std::vector<TimerBracketItem*>& timers;
    std::vector<CallMark*>& calls;
};
// hideTimes: a running timer shows neither its length nor its countdown ("?"; a quiz asks them).
void layoutColumn(const Theme& theme, const TimeAxis& axis, const SequenceGeometry& geo, int side, ColumnItems items,
                  Micros now, const std::vector<QRectF>& rows = {}, bool hideTimes = false);

// Each arrow's label, from `first` on, where it meets no earlier label, no cross of a lost segment
// and none of `obstacles` (row texts, idle breaks); failing that, where it meets the fewest. Other
// arrows' lines through it cost a little, so a free place is preferred. Earlier labels stand.
void placeArrowLabels(const std::vector<SegmentArrow*>& arrows, std::size_t first, const std::vector<QRectF>& obstacles);

// See SequenceScene::quietCut. Each scene's cost of cutting at each of a few hundred rows from lo
// to hi (a text 1000, an arrow 1), or the place an idle break offers; then the row the scenes
// together like best.
struct CutCosts {
    std::optional<double> inBreak;
    std::vector<double> costs;
};
CutCosts cutCosts(const Theme& theme, const TimeAxis& axis, const std::vector<SegmentArrow*>& arrows,
                  const std::vector<StateBandItem*> (&bands)[2], const std::vector<TimerBracketItem*> (&timers)[2],
                  const QVector<QPair<double, QString>>& ticks, double lo, double hi);
double quietCut(const std::vector<CutCosts>& scenes, double lo, double hi);

}  // namespace finwave::app
