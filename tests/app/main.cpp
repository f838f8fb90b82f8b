// App tests run on the offscreen platform with one QApplication for the whole binary.
#include "app/gui_main.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    initFinwaveResources();  // icons, as the window has them
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
    QApplication::setOrganizationName(QStringLiteral("FinWaveTests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
