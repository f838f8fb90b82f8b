#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace finwave::app {

class SimController;

// Buttons, speed and the parameter sliders. Every change goes to the controller at once; the
// engine applies it from the current moment on.
class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(SimController* controller, QWidget* parent = nullptr);

    // The sliders, for tests and for remembered settings.
    QSlider* slider(const QString& name) const;
    void syncFromEngine();

protected:
    void changeEvent(QEvent* event) override;

private:
    QSlider* addSlider(int row, const QString& key, int min, int max);
    void retranslate();
    void applyChannel();
    void applyProtocol();
    void updateLabels();

    SimController* m_ctl;
    QPushButton *m_reset, *m_back, *m_play, *m_step;
    QSlider* m_speed;
    QLabel* m_speedLabel;
    QComboBox* m_profile;
    QSpinBox* m_seed;
    QLabel* m_readout;
    QList<QSlider*> m_sliders;
    QList<QLabel*> m_names, m_values;
    QLabel *m_profileLabel, *m_seedLabel, *m_speedName;
    bool m_syncing = false;
};

}  // namespace finwave::app
