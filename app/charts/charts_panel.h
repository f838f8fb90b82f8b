#pragma once

#include "app/views/theme.h"
#include "core/sim/experiment.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QThread;

namespace finwave::app {

class SimController;

// The one place Qt Charts is used (deprecated from Qt 6.10 on): state timeline, loss sweep and
// TIME_WAIT pile-up, as tabs. The main window puts it in a dock.
class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(SimController* controller, QWidget* parent = nullptr);
    ~ChartsPanel() override;
    void setTheme(const Theme& theme);

    // For tests and the command line.
    int timelinePoints() const;
    int timelineRows() const;  // the states the timeline lists: those the run visits
    QChart* timelineChart() const;
    void showTab(int index);  // 0 timeline, 1 loss sweep, 2 TIME_WAIT pile-up
    QChart* sweepChart() const;
    void setSweepScope(double from, double to, double step, int runs);  // the form's values
    bool isSweepRunning() const;
    const SweepResult& sweepResult() const { return m_sweep; }
    void startSweep();
    void cancelSweep();

Q_SIGNALS:
    void sweepFinished(bool cancelled);
    void sweepProgress(int done, int total);  // runs done of all, on the GUI thread

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QWidget* buildTimelineTab();
    QWidget* buildSweepTab();
    QWidget* buildPileupTab();
    void refreshTimeline();
    void moveTimelineCursor();
    void showSweep();
    void refreshPileup();
    void exportCsv();
    void exportChart(QChartView* view);

    SimController* m_ctl;
    Theme m_theme = Theme::light();
    QTabWidget* m_tabs;
    // timeline
    QChartView* m_timelineView = nullptr;
    QLineSeries *m_lineA = nullptr, *m_lineB = nullptr, *m_cursor = nullptr;
    std::unique_ptr<class TimeAxis> m_axis;
    QString m_nowLabel;     // the cursor's tick on the timeline's time axis
    double m_lastTick = -1e9;  // where the last other tick stands
    int m_timelineRows = 1;
    // sweep
    QComboBox* m_scenario = nullptr;
    QDoubleSpinBox *m_from = nullptr, *m_to = nullptr, *m_step = nullptr;
    QSpinBox *m_runs = nullptr, *m_seed = nullptr;
    QPushButton *m_run = nullptr, *m_cancel = nullptr, *m_csv = nullptr, *m_png = nullptr;
    QProgressBar* m_progress = nullptr;
    QChartView* m_sweepView = nullptr;
    QThread* m_worker = nullptr;
    std::atomic<bool> m_cancelFlag{false};
    SweepResult m_sweep;
    QString m_sweepName;
    QList<QLabel*> m_sweepLabels;
    // pile-up
    QSlider *m_rate = nullptr, *m_tw = nullptr;
    QLabel *m_rateLabel = nullptr, *m_twLabel = nullptr, *m_rateName = nullptr, *m_twName = nullptr;
    QPushButton* m_pilePng = nullptr;
    QChartView* m_pileupView = nullptr;
};

}  // namespace finwave::app
