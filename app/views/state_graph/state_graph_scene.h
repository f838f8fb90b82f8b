#pragma once

#include "app/views/theme.h"
#include "core/teaching/figure_part.h"

#include <QGraphicsScene>

#include <array>
#include <memory>
#include <vector>

class QPainter;

namespace finwave {
struct Transition;
}

namespace finwave::app {

class SimController;
class StateEdgeItem;

// RFC 9293's state diagram as a scene with no widget, drawn from the core transition table only:
// the Figure 5 edges and the self-loops always, the resets, aborts and time-outs once taken;
// A's and B's current states marked, the edges each has taken lit and numbered by step.
class StateGraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit StateGraphScene(SimController* controller, QObject* parent = nullptr);
    ~StateGraphScene() override;

    void setTheme(const Theme& theme);
    const Theme& theme() const;
    // The part of RFC 9293 Figure 5 drawn: what core says for the run now (the closing part, alone
    // or with LISTEN, or the opening one until the close begins), or the whole figure when asked for.
    FigurePart part() const;
    void setWholeFigure(bool whole);

    QRectF contentRect() const;
    void renderContent(QPainter* painter, const QRectF& target);

    // For tests: a state's box centre, the state A's (0) or B's (1) mark sits on, every edge.
    QPointF nodeCenter(int tcpState) const;
    int markedState(int side) const;
    // The second CLOSED box of the closing part in scene coordinates (empty while not drawn), and
    // whether A's (0) or B's (1) mark is on it rather than on CLOSED at the bottom right.
    QRectF closedAsideBox() const;
    bool markedAside(int side) const;
    std::vector<StateEdgeItem*> edges() const;

Q_SIGNALS:
    void rebuilt();
    void contentGrown();  // an edge drawn only once taken was added: a fitted view fits again

protected:
    FigurePart partNow() const;
    bool eventFilter(QObject* watched, QEvent* event) override;  // live language switch

private:
    void rebuild();
    void refresh();
    bool redrawnInAnotherPart();
    StateEdgeItem* edgeFor(const Transition& row);
    void markStates(const std::array<bool, 2>& inAside, bool asideDrawn);

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace finwave::app
