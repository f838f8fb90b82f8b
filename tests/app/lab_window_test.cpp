// Simulation → Server lab: runs off the window's thread with Cancel, draws what it ran, lists the
// connections worth opening, and opens one of them in the main window as a run.
#include "app/lab/lab_window.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

TEST(LabWindow, APresetRunsAndItsChartHasOnePointPerSecondAndTheFirstRefusalIsListed) {
    LabWindow w;
    w.applyPreset(0);  // client closes first, 500/s
    EXPECT_EQ(w.config().requestsPerSecond, 500);
    lab::LabConfig c = w.config();
    c.durationSeconds = 70;
    w.setConfig(c);
    QSignalSpy done(&w, &LabWindow::runFinished);
    w.start();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_FALSE(done.first().first().toBool());
    ASSERT_EQ(w.result().seconds.size(), 70u);
    const auto series = w.findChild<QChartView*>()->chart()->series();
    ASSERT_EQ(series.size(), 6);
    EXPECT_EQ(static_cast<QLineSeries*>(series.first())->count(), 70);
    const QListWidget* notable = w.findChild<QListWidget*>();
    bool refusalListed = false;
    for (int i = 0; i < notable->count(); ++i)
        refusalListed |= notable->item(i)->text().contains(QStringLiteral("Connection 28233: connect() fails with EADDRNOTAVAIL"));
    EXPECT_TRUE(refusalListed);
}

TEST(LabWindow, ALongRunLeavesTheWindowFreeAndEscapeStopsIt) {
    LabWindow w;
    lab::LabConfig c;
    c.requestsPerSecond = 10'000;
    c.durationSeconds = 4'000;  // 40 million connections: seconds of work, stopped on Cancel
    c.serverAddresses = 8;
    w.setConfig(c);
    QSignalSpy done(&w, &LabWindow::runFinished);
    w.start();
    EXPECT_TRUE(w.isRunning());
    QApplication::processEvents();  // the window's thread is free while the lab runs
    w.reject();                     // Escape (or the close button) stops the run too
    ASSERT_TRUE(done.wait(60000));
    EXPECT_TRUE(done.first().first().toBool());
    EXPECT_LT(w.result().seconds.size(), 4'000u);
}

TEST(LabWindow, AConnectionOfTheLabOpensInTheMainWindowAsARun) {
    MainWindow main;
    LabWindow* lab = main.showServerLab();
    lab->applyPreset(4);  // SO_LINGER 0
    lab->findChild<QSpinBox*>(QStringLiteral("connection"))->setValue(7);
    const auto open = lab->findChildren<QPushButton*>();
    QPushButton* openButton = nullptr;
    for (QPushButton* b : open)
        if (b->text().contains(QStringLiteral("main window")))
            openButton = b;
    ASSERT_NE(openButton, nullptr);
    openButton->click();
    const Scenario& s = main.controller()->scenario();
    EXPECT_EQ(s.title, "Server lab: connection 7");
    EXPECT_TRUE(s.a.lingerZero);
    main.controller()->seek(1'000'000);
    EXPECT_EQ(main.controller()->sim().state(Side::A), TcpState::Closed);
}
