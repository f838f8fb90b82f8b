// App tests run on the offscreen platform with one QApplication for the whole binary.
#include "app/cli/command_support.h"
#include "app/main/window_main.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    finwave::app::prepareHeadlessQt();  // a runtime folder where none is set: Qt has nothing to warn about
    QApplication app(argc, argv);
    initFinwaveResources();  // icons, as the window has them
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
    // ctest runs each test in a process of its own, two at a time: each gets its own settings
    // folder, so one test's remembered choices (a theme, an export folder) never reach another.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setOrganizationName(QStringLiteral("FinWaveTests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
