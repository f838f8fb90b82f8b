#pragma once

#include "app/views/theme.h"

#include <QGraphicsView>

#include <memory>

class QPainter;

namespace finwave::app {

class SimController;

// The RFC 9293 state diagram with A's and B's current states marked and their taken edges lit.
class StateGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit StateGraphView(SimController* controller, QWidget* parent = nullptr);
    ~StateGraphView() override;

    void setTheme(const Theme& theme);
    const Theme& theme() const;

    QRectF contentRect() const;
    void renderContent(QPainter* painter, const QRectF& target);

    // For tests: the scene position of a state's node, and where A's / B's marks are.
    QPointF nodeCenter(int tcpState) const;
    int markedState(int side) const;  // side 0 = A, 1 = B; the TcpState the mark sits on

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

protected:
    void changeEvent(QEvent* event) override;  // labels are drawn in the current language
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void refresh();

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace finwave::app
