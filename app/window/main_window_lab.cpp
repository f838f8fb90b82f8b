// Simulation → Server lab: the lab's window, and a connection of it opened here as a run.
#include "app/window/main_window.h"

#include "app/lab/lab_window.h"
#include "app/window/sim_controller.h"

#include <QAction>

namespace finwave::app {

LabWindow* MainWindow::showServerLab() {
    if (!m_lab) {
        m_lab = new LabWindow(this);
        // A connection of the lab is a run like any other: the diagram and the graph show it, and
        // Save asks where to put it (it is not the file opened before).
        connect(m_lab, &LabWindow::openConnection, this, [this](const Scenario& s) {
            if (!maybeKeepChanges())
                return;
            endLesson();
            m_currentFile.clear();
            m_ctl->loadScenario(s);
            m_docChanged = false;
            updateTitle();
            raise();
            activateWindow();
        });
    }
    m_lab->setTheme(currentTheme());
    m_lab->show();
    m_lab->raise();
    m_lab->activateWindow();
    return m_lab;
}

}  // namespace finwave::app
