#pragma once

#include <QTextBrowser>

namespace finwave::app {

class SimController;

// Both TCBs at the cursor (RFC 9293 §3.3.1): state, sequence variables, queues, running timers.
class Inspector : public QTextBrowser {
    Q_OBJECT
public:
    explicit Inspector(SimController* controller, QWidget* parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    SimController* m_ctl;
};

}  // namespace finwave::app
