#pragma once
// Where the state graph puts its boxes, how it routes each edge of the core transition table and
// where it writes each edge's label so that no label touches a box or another label.

#include "app/views/theme.h"
#include "core/teaching/figure_part.h"
#include "core/protocol/transitions.h"

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace finwave::app {

namespace places {
struct Coord;
struct Point;
}  // namespace places

class StateGraphLayout {
public:
    explicit StateGraphLayout(const Theme& theme, FigurePart part = FigurePart::Whole);

    QPointF centre(TcpState s) const;
    QRectF box(TcpState s) const { return shape(s).translated(centre(s)); }
    QRectF shape(TcpState s) const;  // the box of `s` around its centre

    // An edge's label as this layout draws it: the table row's in the language shown, with a line
    // broken where its place is narrow.
    QString label(const Transition& t) const;
    // The path of an edge of RFC 9293 Figure 5 or a self-loop, from the table row.
    QPainterPath route(const Transition& t) const;
    // The path of an edge drawn only once taken (a reset, an abort, a time-out): out to a lane
    // beside the whole graph and along it to its target, `lane` lanes further out than the first.
    QPainterPath routeExtra(const Transition& t, int lane) const;
    // Closing part: a second CLOSED box, under FIN_WAIT_2 at the bottom left, where the edges
    // drawn once taken out of the left and middle columns end (a time-out in FIN_WAIT_2, a FIN
    // given up on in FIN_WAIT_1, a reset). RFC 9293 Figure 5 draws CLOSED twice too. Without it
    // those edges would need a lane round the left of and under the whole graph to reach CLOSED
    // at the bottom right, and the fitted graph would shrink by a tenth. Empty in other parts.
    QRectF closedAside() const;
    bool endsAside(const Transition& t) const;  // t's edge ends in closedAside()

    // The least-covered place for `label` along `path` (a self-loop's beside its loop), given
    // what is occupied so far; the label's rectangle is added to `occupied`.
    QPointF placeLabel(const QString& label, const QPainterPath& path, bool selfLoop, std::vector<QRectF>& occupied) const;
    // In the closing part, where each always-drawn edge's label stands (its centre), chosen by
    // hand for that arrangement so the labels pack into the narrow graph; nothing elsewhere.
    std::optional<QPointF> fixedLabel(const Transition& t, const QString& label) const;
    // In the closing part, a free place for the label of an edge drawn once taken (a reset, an
    // abort, a time-out) inside the graph, beside its path: the top right corner, beside LAST_ACK's
    // edge down to CLOSED, or under CLOSED. None when all are taken; then placeLabel() decides.
    // An edge into the second CLOSED box has its label just above that box, beside its path.
    std::optional<QPointF> extraLabel(const Transition& t, const QString& label, const QPainterPath& path,
                                      const std::vector<QRectF>& occupied) const;
    // The room a label takes with the step numbers a run appends ("  A#10  B#10").
    // `oneSide`: room for one side's steps ("A#10"), for an edge only one side takes (an abort,
    // the reset it causes at the peer).
    QRectF labelRect(const QString& label, QPointF centre, bool oneSide = false) const;
    std::vector<QRectF> boxes() const;  // of the states drawn in the part shown

private:
    // What a row of state_graph_places.cpp is evaluated for: the edge, its lane, and for a label its
    // size and the edge's path.
    struct PlaceContext {
        const Transition* edge = nullptr;
        int lane = 0;
        QSizeF label;
        const QPainterPath* path = nullptr;
    };
    double coord(const places::Coord& c, bool isX, const PlaceContext& ctx) const;
    QPointF point(const places::Point& p, const PlaceContext& ctx) const;
    QPainterPath polyline(std::span<const places::Point> points, const Transition& t, int lane) const;
    enum class Side { Left, Right, Top, Bottom };
    Side loopSide(TcpState s) const;
    bool closing() const;  // the closing part, alone or with LISTEN: the same boxes in the same places
    void placeListen();  // closing part with LISTEN: the members below marked so
    QPointF border(TcpState s, QPointF toward) const;  // where the line from s's centre leaves its box

    const Theme& m_theme;
    FigurePart m_part;
    QRectF m_box;
    double m_line = 18, m_cellW = 200, m_cellH = 86, m_margin = 70;
    double m_left = 0, m_right = 0;  // x of the lanes just outside the outermost boxes
    std::array<double, 3> m_columnW{};  // closing and opening parts: each column's box width
    double m_establishedW = 0;            // ESTABLISHED's box (alone in its row in the closing part)
    double m_asideW = 0;                  // the second CLOSED box's width (closing part)
    double m_listenW = 0;                 // LISTEN's box (closing part with LISTEN)
    // Closing part with LISTEN (placeListen()): LISTEN's centre; the y of the lane along the bottom
    // into LISTEN (0, the passive OPEN) and of the one back out of it (1, CLOSE); the room of
    // TIME_WAIT's loop label, which they pass under.
    QPointF m_listenCentre;
    std::array<double, 2> m_listenLanes{};
    QRectF m_t1Label;
    double m_gap0 = 18;                   // between the left and middle columns (compact parts)
};

}  // namespace finwave::app
