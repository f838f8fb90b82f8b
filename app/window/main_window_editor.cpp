// The window's side of the scenario editor: Scenario → Edit scenario… and File → New scenario,
// and loading what the editor applies.
#include "app/window/main_window.h"

#include "app/editor/scenario_editor.h"
#include "app/window/sim_controller.h"

#include <QAction>

namespace finwave::app {

void MainWindow::createEditorActions() {
    // Ctrl+E is Export already (and documented so): the editor takes Ctrl+Shift+E.
    m_editScenario = new QAction(this);
    m_editScenario->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_editScenario->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_editScenario, &QAction::triggered, this, [this] { showScenarioEditor(); });
    addAction(m_editScenario);
    m_newScenario = new QAction(this);
    m_newScenario->setShortcut(QKeySequence::New);
    m_newScenario->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_newScenario, &QAction::triggered, this, [this] { showScenarioEditor()->newScenario(); });
    addAction(m_newScenario);
}

void MainWindow::retranslateEditorActions() {
    m_editScenario->setText(tr("&Edit scenario…"));
    m_newScenario->setText(tr("&New scenario"));
}

ScenarioEditor* MainWindow::showScenarioEditor() {
    if (!m_editor) {
        m_editor = new ScenarioEditor(this);
        m_editor->setScenario(m_ctl->scenario());
        // Applied: loaded as a Reset loads it (step 0, views rebuilt), and the document has
        // unsaved changes (the title's mark; closing asks) until it is saved.
        // The drops and changes made on the run are not in the editor's copy: Apply would lose them.
        m_editor->setApplyGuard([this] { return !m_ctl->sim().hasLiveInteractions() || maybeKeepChanges(); });
        // A New scenario is another document: Save must ask where to put it, not write it over the
        // file opened before (a saved run with its drops was lost that way), and a lesson page is left.
        connect(m_editor, &ScenarioEditor::appliedAsNew, this, [this] {
            m_currentFile.clear();
            endLesson();
        });
        connect(m_editor, &ScenarioEditor::applied, this, [this](const Scenario& applied) {
            // The editor does not edit notes: the ones written on the diagram since it opened
            // stay (a New scenario, which is another one, starts without them).
            Scenario s = applied;
            if (s.name == m_ctl->scenario().name)
                s.annotations = m_ctl->scenario().annotations;
            m_ctl->loadScenario(s);
            m_docChanged = true;
            updateTitle();
        });
        // Another scenario opened, or a note written on a step: the editor follows unless it
        // holds edits not yet applied (so Apply never drops a note written meanwhile).
        for (auto signal : {&SimController::scenarioLoaded, &SimController::annotationsChanged})
            connect(m_ctl, signal, m_editor, [this] {
                if (!m_editor->hasPendingChanges())
                    m_editor->setScenario(m_ctl->scenario());
            });
    }
    m_editor->setProjector(m_projector);
    m_editor->show();
    m_editor->raise();
    m_editor->activateWindow();
    return m_editor;
}

}  // namespace finwave::app
