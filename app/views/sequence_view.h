#pragma once

#include "app/views/theme.h"

#include <QGraphicsView>

#include <memory>

class QGraphicsScene;
class QPainter;

namespace finwave::app {

class SimController;

// The two-endpoint sequence diagram. Reads the controller's trace; adds items as records are
// appended and removes them when records are truncated; never rebuilds the scene per frame.
class SequenceView : public QGraphicsView {
    Q_OBJECT
public:
    explicit SequenceView(SimController* controller, QWidget* parent = nullptr);
    ~SequenceView() override;

    void setTheme(const Theme& theme);
    const Theme& theme() const;

    // The whole diagram (not only the visible part), in scene coordinates.
    QRectF contentRect() const;
    // Draws the whole diagram into `target` on any painter (QImage, QSvgGenerator, QPdfWriter):
    // the export path uses this, so an export looks like the screen.
    // `source` narrows it to a part of the scene (an export column); null means all of it.
    void renderContent(QPainter* painter, const QRectF& target, const QRectF& source = QRectF());
    // The best y in [lo, hi] at which an export may cut the time body between two columns: just
    // inside an idle break if one lies there, otherwise the row that crosses the fewest arrows and
    // no written text; the row nearest the middle of [lo, hi] among equals.
    double quietCut(double lo, double hi) const;
    // For an export column that starts at y: each side's lifeline x and the state it is in there.
    double lifelineX(int side) const;
    QString stateNameAt(int side, double y) const;

    // For tests: the arrow items currently in the scene, one per segment (sent or retransmitted).
    int arrowCount() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

protected:
    void changeEvent(QEvent* event) override;  // labels are drawn in the current language
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void append(int first, int count);
    void truncate(int newSize);
    void updateOpenItems();
    void applyZoom();

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace finwave::app
