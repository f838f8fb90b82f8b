// The window's actions, menus and texts: every key and menu entry, retranslated on a language
// change.
#include "app/window/main_window.h"

#include "app/text/reason_text.h"

#include "app/window/capture_dialogs.h"
#include "app/charts/charts_panel.h"
#include "app/window/control_panel.h"
#include "app/editor/scenario_editor.h"
#include "app/window/event_log.h"
#include "app/export/export_dialog.h"
#include "app/window/step_caption_bar.h"
#include "app/window/user_guide.h"
#include "app/text/step_text.h"
#include "app/window/inspector.h"
#include "app/text/language.h"
#include "app/window/playback_bar.h"
#include "app/text/scenario_error_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QGuiApplication>
#include <QScreen>
#include <QToolBar>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

namespace finwave::app {

void MainWindow::createActions() {
    const auto make = [this](const QKeySequence& key, auto slot) {
        auto* a = new QAction(this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::ApplicationShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_open = make(QKeySequence::Open, [this] {
        if (maybeKeepChanges())
            openScenarioDialog();
    });
    m_save = make(QKeySequence::Save, [this] { saveRun(); });
    m_saveAs = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { saveRunAs(); });
    m_note = make(QKeySequence(Qt::Key_N), [this] { m_sequence->editNote(m_ctl->sim().stepIndex()); });
    m_openLesson = make(QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        if (maybeKeepChanges())
            openLessonDialog();
    });
    m_exampleLesson = make(QKeySequence(), [this] {
        if (maybeKeepChanges())
            openLesson(exampleLessonFile());
    });
    m_nextPage = make(QKeySequence(Qt::Key_PageDown), [this] {
        if (m_lesson && maybeKeepChanges())
            moveInLesson(+1);
    });
    m_prevPage = make(QKeySequence(Qt::Key_PageUp), [this] {
        if (m_lesson && maybeKeepChanges())
            moveInLesson(-1);
    });
    m_nextPage->setEnabled(false);
    m_prevPage->setEnabled(false);
    m_export = make(QKeySequence(Qt::CTRL | Qt::Key_E), [this] { showExportDialog(this, m_ctl); });
    m_quit = make(QKeySequence::Quit, [this] { close(); });
    m_openCapture = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
        if (maybeKeepChanges())
            openCaptureDialog(this, m_ctl);
    });
    // Ctrl+Shift+E is the scenario editor's.
    m_exportCapture = make(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E), [this] { exportCaptureDialog(this, m_ctl); });
    m_copy = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyDiagramToClipboard(m_ctl); });
    m_projectorAction = make(QKeySequence(Qt::Key_F11), [this] { setProjectorMode(!m_projector); });
    m_projectorAction->setCheckable(true);
    m_highContrastAction = make(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H), [this] { setHighContrast(!m_highContrast); });
    m_highContrastAction->setCheckable(true);
    m_serverLab = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { showServerLab(); });
    m_compareAction = make(QKeySequence(Qt::Key_F8), [this] { showCompare(); });
    // Ctrl+plus / minus zoom the diagram under the mouse or with the focus: the state graph zooms
    // like the sequence diagram.
    const auto graphTargeted = [this] { return m_states->underMouse() || m_states->hasFocus(); };
    m_zoomIn = make(QKeySequence::ZoomIn, [this, graphTargeted] { graphTargeted() ? m_states->zoomIn() : m_sequence->zoomIn(); });
    m_zoomOut = make(QKeySequence::ZoomOut, [this, graphTargeted] { graphTargeted() ? m_states->zoomOut() : m_sequence->zoomOut(); });
    // The state graph draws the part of Figure 5 the run is in, large; this shows all of it
    // (smaller), remembered.
    m_wholeFigure = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), [this] {
        auto* graph = static_cast<StateGraphScene*>(m_states->scene());
        graph->setWholeFigure(m_wholeFigure->isChecked());
        QSettings().setValue(QStringLiteral("view/wholeFigure"), m_wholeFigure->isChecked());
    });
    m_captionAction = make(QKeySequence(Qt::Key_C), [this] {
        QSettings().setValue(QStringLiteral("view/caption"), m_captionAction->isChecked());
        updateCaption();
    });
    m_captionAction->setCheckable(true);
    m_captionAction->setChecked(QSettings().value(QStringLiteral("view/caption"), false).toBool());
    m_wholeFigure->setCheckable(true);
    m_wholeFigure->setChecked(QSettings().value(QStringLiteral("view/wholeFigure"), false).toBool());
    static_cast<StateGraphScene*>(m_states->scene())->setWholeFigure(m_wholeFigure->isChecked());
    m_dropA = make(QKeySequence(Qt::Key_D), [this] { m_ctl->dropNext(Side::A); });
    // The charts for the whole class: in a window of their own over most of the screen, and back.
    m_bigCharts = make(QKeySequence(Qt::Key_F9), [this] {
        const bool enlarge = !m_chartsDock->isFloating();
        m_chartsDock->setFloating(enlarge);
        if (enlarge) {
            const QRect avail = screen() ? screen()->availableGeometry() : geometry();
            m_chartsDock->setGeometry(QRect(avail.topLeft() + QPoint(avail.width() / 14, avail.height() / 14),
                                            avail.size() * 6 / 7));
        }
        m_chartsDock->show();
        m_chartsDock->raise();
    });
    m_dropB = make(QKeySequence(Qt::SHIFT | Qt::Key_D), [this] { m_ctl->dropNext(Side::B); });
    m_zoomReset = make(QKeySequence(Qt::CTRL | Qt::Key_0), [this] {
        m_sequence->resetZoom();
        m_states->resetZoom();
    });
    m_reset = make(QKeySequence(Qt::Key_Home), [this] { resetRun(); });
    m_back = make(QKeySequence(Qt::Key_Left), [this] { m_ctl->stepBack(); });
    m_play = make(QKeySequence(Qt::Key_Space), [this] { m_ctl->togglePlay(); });
    m_step = make(QKeySequence(Qt::Key_Right), [this] { m_ctl->stepForward(); });
    m_faster = make(QKeySequence(Qt::Key_Plus), [this] { m_ctl->setSpeed(m_ctl->speed() * 1.5); });
    m_slower = make(QKeySequence(Qt::Key_Minus), [this] { m_ctl->setSpeed(m_ctl->speed() / 1.5); });
    m_shortcuts = make(QKeySequence(Qt::Key_F1), [this] { showShortcuts(); });
    m_about = make(QKeySequence(), [this] { showAbout(); });
    m_guide = make(QKeySequence(), [this] { showUserGuide(this); });
    createEditorActions();
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newScenario);
    m_fileMenu->addAction(m_open);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addAction(m_save);
    m_fileMenu->addAction(m_saveAs);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openLesson);
    m_fileMenu->addAction(m_exampleLesson);
    m_fileMenu->addAction(m_nextPage);
    m_fileMenu->addAction(m_prevPage);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_export);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openCapture);
    m_fileMenu->addAction(m_exportCapture);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_copy);
    m_editMenu->addAction(m_note);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_controlsDock->toggleViewAction());
    m_viewMenu->addAction(m_logDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_chartsDock->toggleViewAction());
    m_viewMenu->addAction(m_bigCharts);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_projectorAction);
    m_viewMenu->addAction(m_highContrastAction);
    m_viewMenu->addAction(m_captionAction);
    m_viewMenu->addAction(m_wholeFigure);
    m_viewMenu->addAction(m_zoomIn);
    m_viewMenu->addAction(m_zoomOut);
    m_viewMenu->addAction(m_zoomReset);
    m_simMenu = menuBar()->addMenu(QString());
    for (QAction* a : {m_reset, m_back, m_play, m_step, m_faster, m_slower})
        m_simMenu->addAction(a);
    m_simMenu->addSeparator();
    m_simMenu->addAction(m_dropA);
    m_simMenu->addAction(m_dropB);
    m_simMenu->addSeparator();
    m_simMenu->addAction(m_quizAction);
    m_simMenu->addAction(m_quizClosing);
    m_simMenu->addAction(m_quizWrong);
    m_simMenu->addAction(m_classResults);
    m_simMenu->addSeparator();
    m_simMenu->addAction(m_serverLab);
    m_simMenu->addAction(m_compareAction);
    m_scenarioMenu = menuBar()->addMenu(QString());
    m_scenarioMenu->addAction(m_editScenario);
    m_scenarioMenu->addSeparator();
    auto* scenarios = new QActionGroup(this);
    for (auto name : builtinScenarioNames()) {
        const QString n = QString::fromUtf8(name.data(), static_cast<int>(name.size()));
        QAction* a = m_scenarioMenu->addAction(n, this, [this, n] {
            if (maybeKeepChanges())
                openScenario(n);
            else
                markCurrentScenario();
        });
        a->setData(n);
        a->setCheckable(true);
        scenarios->addAction(a);
        m_scenarioActions.push_back(a);
    }
    // The current scenario is marked; a scenario from a file marks none.
    scenarios->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    markCurrentScenario();
    m_langMenu = menuBar()->addMenu(QString());
    m_langGroup = new QActionGroup(this);
    const QString saved = QSettings().value(QStringLiteral("view/language")).toString();
    for (const auto& [code, label] : {std::pair{QString(), QString()}, std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                      std::pair{QStringLiteral("zh_CN"), QStringLiteral("简体中文")}}) {
        QAction* a = m_langMenu->addAction(label);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(code == saved);
        m_langGroup->addAction(a);
        connect(a, &QAction::triggered, this, [code] {
            installLanguage(code);
            QSettings().setValue(QStringLiteral("view/language"), code);
        });
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_guide);
    m_helpMenu->addAction(m_shortcuts);
    m_helpMenu->addAction(m_about);
}

void MainWindow::updateCaption() {
    if (!m_caption || !m_captionAction)
        return;
    if (m_caption->isProjector() != m_projector)
        m_caption->setProjector(m_projector);
    // Shown too while notes have no room beside the diagram and go in the caption instead.
    const bool notesHere = m_caption->showsNotes() && m_sequence->diagram()->hasNotes();
    // Before the first step, the title card: the scenario's title and description, a lesson's.
    const Scenario& s = m_ctl->scenario();
    const bool titleCard = m_ctl->sim().stepIndex() == 0 && !m_ctl->isReplay() && (m_lesson || !s.description.empty());
    m_caption->setVisible(!m_ctl->isLocked() && (m_projector || m_captionAction->isChecked() || notesHere || titleCard));
}

// What a screen reader says for the diagrams: the current step's sentence (the caption may be
// hidden; the event log lists every record as text) and the two states. Each step.
void MainWindow::updateAccessibleTexts() {
    const StepCaptionText c = finwave::app::stepCaption(m_ctl->sim(), m_ctl->teardownText(), m_ctl->timesHidden());
    m_sequence->setAccessibleDescription(c.sentence.isEmpty() ? c.headline : c.headline + QStringLiteral(". ") + c.sentence);
    m_states->setAccessibleDescription(tr("A in %1, B in %2")
                                           .arg(QString::fromUtf8(stateName(m_ctl->sim().state(Side::A)).data()),
                                                QString::fromUtf8(stateName(m_ctl->sim().state(Side::B)).data())));
}

void MainWindow::retranslate() {
    m_sequence->setAccessibleName(tr("Sequence diagram"));  // the views' names, for a screen reader
    m_states->setAccessibleName(tr("TCP state graph"));
    m_log->setAccessibleName(tr("Event log"));
    m_inspector->setAccessibleName(tr("Inspector"));
    updateAccessibleTexts();
    m_fileMenu->setTitle(tr("&File"));
    m_open->setText(tr("&Open scenario…"));
    m_recentMenu->setTitle(tr("Recent &files"));
    m_save->setText(tr("&Save run"));
    m_saveAs->setText(tr("Save run &as scenario…"));
    m_note->setText(tr("&Note on this step…"));
    m_openLesson->setText(tr("Open &lesson…"));
    m_exampleLesson->setText(tr("Example lesson: %1").arg(tr("Why TIME_WAIT exists")));
    m_nextPage->setText(tr("Ne&xt scenario of the lesson"));
    m_prevPage->setText(tr("&Previous scenario of the lesson"));
    m_export->setText(tr("&Export diagram…"));
    m_quit->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_copy->setText(tr("&Copy diagram as image"));
    m_viewMenu->setTitle(tr("&View"));
    m_controlsDock->setWindowTitle(m_ctl->isReplay() ? tr("Capture") : tr("Parameters"));
    m_bar->setWindowTitle(tr("Playback"));
    m_bigCharts->setText(tr("Charts in a large &window"));
    m_openCapture->setText(tr("Open &capture…"));
    m_exportCapture->setText(tr("Export cap&ture…"));
    m_dropA->setText(tr("Drop &A's next segment"));
    m_dropB->setText(tr("Drop &B's next segment"));
    m_logDock->setWindowTitle(tr("Event log"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_detailsDock->setWindowTitle(tr("Packet details"));
    m_chartsDock->setWindowTitle(tr("Charts"));
    m_projectorAction->setText(tr("&Projector mode"));
    m_highContrastAction->setText(tr("&High contrast"));
    m_serverLab->setText(tr("Ser&ver lab…"));
    m_compareAction->setText(tr("Co&mpare with another run…"));
    m_captionAction->setText(tr("Step &caption (always in projector mode)"));
    m_wholeFigure->setText(tr("Whole state &diagram (all eleven states)"));
    m_zoomIn->setText(tr("Zoom &in"));
    m_zoomOut->setText(tr("Zoom &out"));
    m_zoomReset->setText(tr("&Reset zoom"));
    m_simMenu->setTitle(tr("&Simulation"));
    m_reset->setText(tr("&Reset"));
    m_back->setText(tr("Step bac&k"));
    m_play->setText(tr("&Play / pause"));
    m_step->setText(tr("&Step"));
    m_faster->setText(tr("&Faster"));
    m_slower->setText(tr("S&lower"));
    m_scenarioMenu->setTitle(tr("Sce&narios"));
    m_scenarioMenu->setToolTipsVisible(true);
    for (QAction* a : m_scenarioActions) {
        if (const auto s = builtinScenario(a->data().toString().toStdString())) {
            a->setText(QStringLiteral("%1 — %2").arg(a->data().toString(), scenarioTitle(*s)));
            a->setToolTip(scenarioDescription(*s));
        }
    }
    m_langMenu->setTitle(tr("&Language"));
    m_langGroup->actions()[0]->setText(tr("System"));
    m_helpMenu->setTitle(tr("&Help"));
    m_guide->setText(tr("&User guide"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_about->setText(tr("&About FinWave"));
    retranslateQuiz();
    retranslateEditorActions();
    updateTitle();
}

// Every key the window's actions answer to, listed from the actions themselves (so none is left
// out as keys are added), then what the mouse and a quiz do.
QString MainWindow::shortcutsTable() const {
    QString rows;
    QStringList seen;
    for (const QAction* a : findChildren<QAction*>()) {
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        if (keys.isEmpty() || seen.contains(keys))
            continue;
        seen << keys;
        QString what = a->text();
        what.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&')).replace(QStringLiteral("\x01"), QStringLiteral("&"));
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    }
    const QList<QPair<QString, QString>> gestures = {
        {tr("Ctrl+wheel"), tr("zoom")},
        {tr("Double-click a row"), tr("write a note on this step")},
        {tr("Click a segment in flight"), tr("drop it where it is (right-click: a menu)")},
        {tr("Click another segment"), tr("its packet details")},
        {tr("1 – 4, H, Enter"), tr("in a quiz: answer, hint (half a point), next")}};
    for (const auto& [keys, what] : gestures)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    return QStringLiteral("<table cellpadding=3>%1</table>").arg(rows);
}

void MainWindow::showShortcuts() {
    QMessageBox::information(this, tr("Keyboard shortcuts"), shortcutsTable());
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About FinWave"),
                       tr("<h3>FinWave %1</h3><p>How a TCP connection closes, step by step: the close "
                          "protocol of RFC 9293 run by two simulated endpoints, with the Linux "
                          "profile beside it.</p>").arg(QStringLiteral(FINWAVE_VERSION)));
}

}  // namespace finwave::app
