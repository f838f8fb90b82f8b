#include "app/gui_main.h"

#include <QApplication>
#include <QMainWindow>

namespace finwave::app {

int runWindow(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("FinWave"));
    QApplication::setOrganizationName(QStringLiteral("FinWave"));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("FinWave"));
    window.resize(1400, 900);
    window.show();
    return app.exec();
}

}  // namespace finwave::app
