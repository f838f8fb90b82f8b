#pragma once

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace finwave::app {

class SimController;

// The parameter sliders, the profile and the seed. Every change goes to the controller at once;
// the engine applies it from the current moment on. The grid reflows into as many columns as
// the dock's width holds, so no label or value is ever cut.
class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(SimController* controller, QWidget* parent = nullptr);

    // The sliders, for tests and for remembered settings.
    QSlider* slider(const QString& name) const;
    QString valueText(const QString& name) const;  // what is written beside it
    void syncFromEngine();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QSlider* addSlider(int row, const QString& key, int min, int max);
    void retranslate();
    void applyChannel(int moved);
    void applyProtocol(int moved);
    void updateLabels();
    void reflow();

    SimController* m_ctl;
    QComboBox* m_profile;
    QSpinBox* m_seed;
    QList<QSlider*> m_sliders;
    QList<QLabel*> m_names, m_values;
    QLabel *m_profileLabel, *m_seedLabel;
    QGridLayout* m_grid;
    int m_columns = 0;
    bool m_syncing = false;
};

}  // namespace finwave::app
