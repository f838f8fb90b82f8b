#pragma once

#include "app/views/theme.h"

#include <QTextBrowser>

namespace finwave::app {

class SimController;

// Both TCBs at the cursor (RFC 9293 §3.3.1): state, sequence variables, queues, running timers.
class Inspector : public QTextBrowser {
    Q_OBJECT
public:
    explicit Inspector(SimController* controller, QWidget* parent = nullptr);
    void refresh();
    void setTheme(const Theme& theme);  // A's and B's column heads in the diagrams' colours

protected:
    void changeEvent(QEvent* event) override;

private:
    SimController* m_ctl;
    QColor m_sideA = Theme::light().sideA, m_sideB = Theme::light().sideB;
};

}  // namespace finwave::app
