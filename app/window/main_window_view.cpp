// The window's look: the presenter layout and the high-contrast colours, which combine (high
// contrast in the presenter layout keeps the projector's sizes).
#include "app/window/main_window.h"

#include "app/charts/charts_panel.h"
#include "app/editor/scenario_editor.h"
#include "app/lab/lab_window.h"
#include "app/compare/compare_window.h"
#include "app/quiz/quiz_panel.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_view.h"
#include "app/window/capture_panel.h"
#include "app/window/control_panel.h"
#include "app/window/event_log.h"
#include "app/window/inspector.h"
#include "app/window/packet_details.h"
#include "app/window/playback_bar.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QPalette>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>

namespace finwave::app {

namespace {
// The widgets' colours in high contrast: black on white, and a selection (the log's current row,
// a chosen list item) in A's dark blue with white text, 9.7:1. Fusion's own selection blue with
// white text is 3.4:1.
QPalette highContrastPalette(QPalette p, const Theme& t) {
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(g, QPalette::Window, QColor(255, 255, 255));
        p.setColor(g, QPalette::Base, QColor(255, 255, 255));
        p.setColor(g, QPalette::AlternateBase, QColor(240, 240, 240));
        p.setColor(g, QPalette::Button, QColor(240, 240, 240));
        for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
            p.setColor(g, r, t.foreground);
        p.setColor(g, QPalette::ToolTipBase, QColor(255, 255, 255));
        p.setColor(g, QPalette::PlaceholderText, t.muted);
        p.setColor(g, QPalette::Highlight, t.sideA);
        p.setColor(g, QPalette::HighlightedText, QColor(255, 255, 255));
        p.setColor(g, QPalette::Link, t.sideA);
        p.setColor(g, QPalette::Mid, QColor(90, 90, 90));  // frames and the slider grooves
        p.setColor(g, QPalette::Dark, QColor(60, 60, 60));
    }
    return p;
}
}  // namespace

Theme MainWindow::currentTheme() const {
    if (m_highContrast)
        return Theme::highContrast(m_projector);
    return m_projector ? Theme::projector() : Theme::light();
}

// Every view and panel that draws in the theme's colours, and the widgets' palette.
void MainWindow::applyTheme() {
    const Theme theme = currentTheme();
    m_sequence->setTheme(theme);
    m_states->setTheme(theme);
    m_charts->setTheme(theme);
    m_log->setTheme(theme);
    m_inspector->setTheme(theme);
    if (m_lab)
        m_lab->setTheme(theme);
    if (m_compare)
        m_compare->setTheme(theme);
    static const QPalette usual = QApplication::palette();  // as the style made it, before any change
    QApplication::setPalette(m_highContrast ? highContrastPalette(usual, theme) : usual);
}

void MainWindow::setHighContrast(bool on) {
    m_highContrast = on;
    m_highContrastAction->setChecked(on);
    applyTheme();
    QSettings().setValue(QStringLiteral("view/highContrast"), on);
}

// The presenter layout: the projector theme, the two diagrams side by side filling the screen,
// the docks put away (and put back as they were on leaving), the bar listing the keys.
void MainWindow::setProjectorMode(bool on, bool fullScreen) {
    if (on == m_projector && !fullScreen)
        return;
    m_projector = on;
    m_projectorAction->setChecked(on);
    if (m_editor)
        m_editor->setProjector(on);
    applyTheme();
    QFont f = QApplication::font();
    f.setPointSizeF(on ? 14 : 10);
    for (QWidget* w : {static_cast<QWidget*>(m_log), static_cast<QWidget*>(m_inspector), static_cast<QWidget*>(m_controls),
                       static_cast<QWidget*>(m_capturePanel), static_cast<QWidget*>(m_details),
                       static_cast<QWidget*>(m_playback), static_cast<QWidget*>(m_quizPanel)})
        w->setFont(f);
    m_playback->keysLabel()->setVisible(on);
    // Tooltips are read from the back of the room too (they were 12 px on a projector).
    QToolTip::setFont(on ? f : QApplication::font());
    updateCaption();
    const QList<QDockWidget*> docks = {m_controlsDock, m_inspectorDock, m_detailsDock, m_logDock, m_chartsDock};
    if (on) {
        m_dockShown.clear();
        for (QDockWidget* d : docks) {
            m_dockShown.push_back(d->isVisible());
            d->hide();
        }
    } else if (m_dockShown.size() == docks.size()) {
        for (int i = 0; i < docks.size(); ++i)
            docks[i]->setVisible(m_dockShown[i]);
    }
    // After the docks have moved, so the split uses the real width.
    QTimer::singleShot(0, this, [this, on] {
        const int total = m_split->width();
        m_split->setSizes(on ? QList<int>{total * 56 / 100, total * 44 / 100}
                             : QList<int>{total * 58 / 100, total * 42 / 100});
    });
    if (fullScreen)
        on ? showFullScreen() : showNormal();
    QSettings().setValue(QStringLiteral("view/theme"), on ? QStringLiteral("projector") : QStringLiteral("light"));
}

}  // namespace finwave::app
