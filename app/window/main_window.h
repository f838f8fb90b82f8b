#pragma once

#include "app/views/theme.h"

#include <QMainWindow>

#include <memory>

namespace finwave {
struct Lesson;
}

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace finwave::app {

class CapturePanel;
class LabWindow;
class CompareWindow;
class ChartsPanel;
class ControlPanel;
class EventLogView;
class Inspector;
class PacketDetails;
class StepCaptionBar;
class PlaybackBar;
class QuizController;
class QuizPanel;
class ScenarioEditor;
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
    CapturePanel* capturePanel() const { return m_capturePanel; }
    PacketDetails* packetDetails() const { return m_details; }
    // Shows the details of the run's segment `id` (1-based, as sent); false if not sent yet.
    bool showPacketDetails(std::uint32_t id);
    void showRecordDetails(std::size_t record);  // of a Send, Arrive or Drop record
    StepCaptionBar* stepCaption() const { return m_caption; }
    PlaybackBar* playbackBar() const { return m_playback; }
    EventLogView* eventLog() const { return m_log; }
    ChartsPanel* charts() const { return m_charts; }
    QuizController* quiz() const { return m_quiz; }
    QuizPanel* quizPanel() const { return m_quizPanel; }
    QAction* quizAction() const { return m_quizAction; }
    // A shipped quiz (resources/quizzes, "closing-states" or "when-things-go-wrong"), started.
    bool openQuiz(const QString& name);

    // Loads a built-in name or a scenario file. On failure shows (or, with quiet, returns) the
    // reason and keeps the current scenario.
    bool openScenario(const QString& nameOrFile, QString* error = nullptr, bool quiet = false);
    void setProjectorMode(bool on, bool fullScreen = true);
    void setHighContrast(bool on);  // remembered; combines with the presenter layout
    bool isHighContrast() const { return m_highContrast; }
    LabWindow* showServerLab();     // Simulation → Server lab (made on first use)
    CompareWindow* showCompare();   // Simulation → Compare: this run beside another
    // Scenario → Edit scenario…: the editor, made on first use, showing the current scenario
    // (app/window/main_window_editor.cpp). Its Apply loads the edited scenario as a Reset does.
    ScenarioEditor* showScenarioEditor();
    ScenarioEditor* scenarioEditor() const { return m_editor; }

    // The run as a document: its file, unsaved changes (the user's drops and changes, notes).
    bool isModified() const;
    // Writes the run (the scenario with what was done to it, and its notes) atomically to `file`;
    // on failure returns false with the reason and changes nothing.
    bool saveRunTo(const QString& file, QString* error = nullptr);
    QString currentFile() const { return m_currentFile; }

    // A lesson: an ordered list of scenarios. Opens at the place it was left.
    bool openLesson(const QString& file, QString* error = nullptr, bool quiet = false);
    bool moveInLesson(int delta);  // Page Down (+1) / Page Up (-1)
    int lessonIndex() const { return m_lessonIndex; }
    int lessonSize() const;
    // The Help > Keyboard shortcuts table (rich text): every action's key, and the mouse's gestures.
    QString shortcutsTable() const;
    QString lessonPlace() const;   // "2 / 5: lost-last-ack", empty without a lesson
    static QString exampleLessonFile();  // "Why TIME_WAIT exists", in the window's language

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void updateCaption();  // shown in projector mode or when asked for, never while a quiz asks
    void createActions();
    void createMenus();
    void retranslate();
    void updateAccessibleTexts();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& file);
    bool saveRun();
    bool saveRunAs();
    bool saveRunOrWarn(const QString& file);  // a message box says why it failed
    bool maybeKeepChanges();  // unsaved changes: asks to save, discard or cancel
    void resetRun();          // Home and the bar's button: asks before unsaved drops are lost
    void endLesson();
    void markCurrentScenario();
    void openLessonDialog();
    void openLessonEntry(int index);
    void openScenarioDialog();
    void showShortcuts();
    void createEditorActions();
    void retranslateEditorActions();
    void showAbout();
    void arrangeDocks();
    void followTheRun();
    QWidget* createQuiz();  // the quiz panel above the diagrams, its keys and the score label
    void retranslateQuiz();
    void fitToScreen(const QByteArray& savedGeometry);
    Theme currentTheme() const;  // the colours and sizes the window draws in
    void applyTheme();

    SimController* m_ctl;
    SequenceView* m_sequence;
    StateGraphView* m_states;
    PacketDetails* m_details;
    StepCaptionBar* m_caption = nullptr;
    QAction* m_captionAction = nullptr;
    QDockWidget* m_detailsDock;
    ControlPanel* m_controls;
    CapturePanel* m_capturePanel;
    QStackedWidget* m_controlsStack;
    EventLogView* m_log;
    Inspector* m_inspector;
    ChartsPanel* m_charts;
    QDockWidget *m_controlsDock, *m_logDock, *m_inspectorDock, *m_chartsDock;
    QSplitter* m_split;
    PlaybackBar* m_playback;
    QToolBar* m_bar;
    QString m_currentFile;
    bool m_docChanged = false;  // notes edited, or the scenario edited, since load or save
    std::unique_ptr<Lesson> m_lesson;
    QString m_lessonFile, m_lessonDir;
    int m_lessonIndex = -1;
    bool m_projector = false;
    bool m_highContrast = false;
    QAction* m_highContrastAction = nullptr;
    bool m_sized = false, m_savedLayout = false;
    QList<bool> m_dockShown;  // which docks were open before the presenter layout

    QMenu *m_fileMenu, *m_editMenu, *m_viewMenu, *m_simMenu, *m_scenarioMenu, *m_langMenu, *m_helpMenu, *m_recentMenu;
    QAction *m_open, *m_save, *m_saveAs, *m_export, *m_quit, *m_copy, *m_note, *m_openCapture, *m_exportCapture;
    QAction *m_openLesson, *m_exampleLesson, *m_nextPage, *m_prevPage;
    QAction *m_projectorAction, *m_zoomIn, *m_zoomOut, *m_zoomReset;
    QAction *m_reset, *m_back, *m_play, *m_step, *m_faster, *m_slower, *m_dropA, *m_dropB;
    QAction *m_shortcuts, *m_about, *m_bigCharts, *m_wholeFigure = nullptr;
    QAction* m_guide = nullptr;
    QAction* m_classResults = nullptr;
    QAction* m_serverLab = nullptr;
    LabWindow* m_lab = nullptr;
    QAction* m_compareAction = nullptr;
    CompareWindow* m_compare = nullptr;
    QActionGroup* m_langGroup;
    QActionGroup* m_scenarioGroup = nullptr;
    QList<QAction*> m_scenarioActions;
    QuizController* m_quiz = nullptr;
    QuizPanel* m_quizPanel = nullptr;
    QLabel* m_quizScore = nullptr;
    QAction *m_quizAction = nullptr, *m_quizHint = nullptr, *m_quizNext = nullptr;
    QAction *m_quizClosing = nullptr, *m_quizWrong = nullptr;
    QList<QAction*> m_quizAnswers;
    ScenarioEditor* m_editor = nullptr;
    QAction *m_editScenario, *m_newScenario;
};

}  // namespace finwave::app
