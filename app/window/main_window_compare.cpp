// Simulation → Compare: the window's run beside another (core/compare), in its own window.
#include "app/window/main_window.h"

#include "app/compare/compare_window.h"
#include "app/window/sim_controller.h"

#include <QAction>
#include <QStatusBar>

namespace finwave::app {

CompareWindow* MainWindow::showCompare() {
    if (m_ctl->isReplay()) {  // a capture has no scenario to run under another profile
        statusBar()->showMessage(tr("Compare runs a scenario: open one (a capture can be compared from the command line)."), 8000);
        return nullptr;
    }
    delete m_compare;  // made again each time: it compares the run as it is now
    m_compare = new CompareWindow(m_ctl->sim().recordedRun(), m_ctl->scenario(), this);
    m_compare->setTheme(currentTheme());
    m_compare->show();
    m_compare->raise();
    m_compare->activateWindow();
    return m_compare;
}

}  // namespace finwave::app
