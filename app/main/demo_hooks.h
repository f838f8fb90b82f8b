#pragma once
// What a demonstration or a screenshot script asks of the window with --steps, --quiz,
// --quiz-answer, --quiz-summary, --note-edit, --editor-page, --screenshot and --report-geometry.
// Each is done when the window is ready for it, following the window's own events rather than a
// clock: the actions once the main window is on screen, the picture or the report once every
// window on screen has been exposed and everything the actions set in motion has run.

#include "core/options/command_line.h"

#include <QObject>

#include <functional>

namespace finwave::app {

class MainWindow;

class DemoHooks : public QObject {
public:
    DemoHooks(MainWindow* window, const options::WindowOptions& options);
    // Whether the options ask for any hook at all.
    static bool wanted(const options::WindowOptions& options);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void act();
    void finish();
    // `then` once no visible top-level window waits for its first exposure and the events queued
    // so far (and those they queue, for `hops` rounds) have run.
    void whenSettled(std::function<void()> then, int hops = 3);

    MainWindow* m_window;
    options::WindowOptions m_options;
    std::function<void()> m_pending;  // waiting for a window's exposure
    bool m_acted = false;
};

}  // namespace finwave::app
