#pragma once
// Simulation → Server lab: thousands of connections through the engine, their TIME_WAIT and ports
// drawn as the lab runs (core/lab, docs/lab.md), and any one of them opened in the main window.

#include "app/views/theme.h"
#include "core/lab/lab.h"

#include <QDialog>

#include <atomic>

class QChartView;
class QComboBox;
class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QScrollArea;
class QPushButton;
class QSpinBox;
class QThread;
class QTimer;

namespace finwave::app {

class LabWindow : public QDialog {
    Q_OBJECT
public:
    explicit LabWindow(QWidget* parent = nullptr);
    ~LabWindow() override;

    lab::LabConfig config() const;        // the form's settings
    void setConfig(const lab::LabConfig& config);
    void applyPreset(int index);          // the presets of core/lab, in their order
    void setTheme(const Theme& theme);
    void start();                         // runs the lab on a worker thread
    void cancel();
    bool isRunning() const { return m_worker != nullptr; }
    void reject() override;  // Escape: the run stops too (Qt closes a dialog without a close event)
    const lab::LabResult& result() const { return m_result; }

Q_SIGNALS:
    void runFinished(bool cancelled);  // (QDialog::finished is the dialog's own)
    void openConnection(const Scenario& scenario, const QString& title);  // for the main window

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildForm();
    void retranslate();
    void redraw();                        // the chart and the summary from what has run so far
    void listNotable();
    void openChosen();
    void remember() const;

    QComboBox *m_preset, *m_profile, *m_closer, *m_arrivals, *m_twReuse;
    QDoubleSpinBox *m_rate, *m_delay, *m_loss, *m_duration, *m_restart;
    QSpinBox *m_keepAlive, *m_clients, *m_servers, *m_ports, *m_portLow, *m_portHigh, *m_buckets, *m_seed;
    QCheckBox *m_timestamps, *m_reuseAddr;
    QFormLayout* m_form;
    QScrollArea* m_scroll;
    QChartView* m_chart;
    QLabel* m_summary;
    QListWidget* m_notable;
    QSpinBox* m_connection;
    QPushButton *m_run, *m_stop, *m_open;
    QProgressBar* m_progress;
    QTimer* m_redraw;
    Theme m_theme = Theme::light();
    QThread* m_worker = nullptr;
    std::atomic<bool> m_cancel{false};
    lab::LabConfig m_ran;                 // the settings of the result shown
    lab::LabResult m_result;
    bool m_dirty = false;
};

}  // namespace finwave::app
