#pragma once
// Internal to app/export: where each part of an export goes (the sequence diagram whole or cut into
// columns to fill a slide, the state graph beside it, a caption under both), and the drawing of it.
// The still exports, the animated ones (each frame drawn into the same layout) and the handout share it.

#include "app/export/diagram_exporter.h"

#include <QLineF>
#include <QPointF>
#include <QRectF>

#include <limits>
#include <vector>

class QPainter;

namespace finwave::app {

// Where a part of the sequence scene goes in the export, at 1×.
struct Piece {
    QRectF source, target;
    // A continuation column's heads: drawn once the run has reached the column (an animation's
    // frames turn to it as the run does), always in a still export.
    double fromY = -std::numeric_limits<double>::infinity();
};

// A state name carried over to the top of a continuation column.
struct CarriedState {
    double fromY = 0;  // the cut in the scene: drawn once the run has reached it
    QPointF at;  // the end of the name nearest the lifeline, on the heads' middle line
    bool left = true;
    QString name;
};

struct Layout {
    QSizeF size;
    std::vector<Piece> sequence;
    std::vector<CarriedState> carried;
    std::vector<QLineF> separators;
    QRectF states, caption;
    int columns = 1;
};

// What each side of `sequence` is doing at the cut `y`, written beside the A and B heads of a
// continuation column whose left edge is `x`; and the drawing of such names.
void carryStates(std::vector<CarriedState>& out, SequenceScene* sequence, double x, double y);
void drawCarried(QPainter& p, const Theme& theme, const std::vector<CarriedState>& carried,
                 double reachedY = std::numeric_limits<double>::infinity());

// One piece of the scene, cut down to `area` (layout units; null for all) before the scene renders
// it, so a strip costs what is in it, not the whole diagram.
void drawPiece(QPainter& p, SequenceScene* sequence, const Piece& piece, const QRectF& area);

Layout layoutFor(SequenceScene* sequence, StateGraphScene* states, const ExportOptions& options);
// Draws what of the layout lies in `area` (layout units; null for all). `reachedY`: how far down
// the scene the run has come; a carried state name of a column below it is not drawn yet.
void draw(QPainter& p, SequenceScene* sequence, StateGraphScene* states, const ExportOptions& options, const Layout& layout,
          const QRectF& area = QRectF(), double reachedY = std::numeric_limits<double>::infinity());

}  // namespace finwave::app
