#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;

namespace finwave::app {

class SimController;

// What an opened capture tells, in the place of the parameter sliders (a capture's delays and
// losses happened; nothing can be changed): where it was taken, the round trip, the segments,
// what each SYN offered, whether SACK and timestamps are in use (and so whether Linux probes a
// lost tail), whether the hosts look like Linux, and what the reconstruction assumed.
class CapturePanel : public QWidget {
    Q_OBJECT
public:
    explicit CapturePanel(SimController* controller, QWidget* parent = nullptr);
    // The rows as shown (label, value), for tests.
    QList<QPair<QString, QString>> rows() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    SimController* m_ctl;
    QLabel* m_intro;
    QFormLayout* m_form;
};

}  // namespace finwave::app
