#pragma once

#include <QWidget>

namespace finwave::app {

class SimController;
struct Theme;

// The one place Qt Charts is used (it is deprecated from Qt 6.10 on): state timeline, loss sweep
// and TIME_WAIT pile-up, as tabs. The main window puts it in a dock.
class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(SimController* controller, QWidget* parent = nullptr);
    ~ChartsPanel() override;
    void setTheme(const Theme& theme);
};

}  // namespace finwave::app
