#pragma once

#include "app/views/theme.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QSplitter;
class QToolBar;

namespace finwave::app {

class ChartsPanel;
class ControlPanel;
class EventLogView;
class Inspector;
class PlaybackBar;
class SequenceView;
class SimController;
class StateGraphView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimController* controller() const { return m_ctl; }
    SequenceView* sequenceView() const { return m_sequence; }
    StateGraphView* stateGraph() const { return m_states; }
    ControlPanel* controlPanel() const { return m_controls; }
    PlaybackBar* playbackBar() const { return m_playback; }
    EventLogView* eventLog() const { return m_log; }
    ChartsPanel* charts() const { return m_charts; }

    // Loads a built-in name or a scenario file. On failure shows (or, with quiet, returns) the
    // reason and keeps the current scenario.
    bool openScenario(const QString& nameOrFile, QString* error = nullptr, bool quiet = false);
    void setProjectorMode(bool on, bool fullScreen = true);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void updateTitle();
    void updateRecentMenu();
    void saveScenarioAs();
    void openScenarioDialog();
    void showShortcuts();
    void showAbout();
    void arrangeDocks();
    void fitToScreen(const QByteArray& savedGeometry);

    SimController* m_ctl;
    SequenceView* m_sequence;
    StateGraphView* m_states;
    ControlPanel* m_controls;
    EventLogView* m_log;
    Inspector* m_inspector;
    ChartsPanel* m_charts;
    QDockWidget *m_controlsDock, *m_logDock, *m_inspectorDock, *m_chartsDock;
    QSplitter* m_split;
    PlaybackBar* m_playback;
    QToolBar* m_bar;
    QString m_currentFile;
    bool m_projector = false;
    bool m_sized = false, m_savedLayout = false;
    QList<bool> m_dockShown;  // which docks were open before the presenter layout

    QMenu *m_fileMenu, *m_editMenu, *m_viewMenu, *m_simMenu, *m_scenarioMenu, *m_langMenu, *m_helpMenu, *m_recentMenu;
    QAction *m_open, *m_save, *m_export, *m_quit, *m_copy, *m_openCapture, *m_exportCapture;
    QAction *m_projectorAction, *m_zoomIn, *m_zoomOut, *m_zoomReset;
    QAction *m_reset, *m_back, *m_play, *m_step, *m_faster, *m_slower, *m_dropA, *m_dropB;
    QAction *m_shortcuts, *m_about, *m_bigCharts;
    QActionGroup* m_langGroup;
    QList<QAction*> m_scenarioActions;
};

}  // namespace finwave::app
