// Everything the window does can be done from the keyboard, and the keyboard's place is seen:
// every menu and submenu has a mnemonic and no two items of one menu share one, the parameter sliders are reached with
// Tab and keep their arrow keys while focused, and a diagram reached with Tab shows a ring.
#include "app/text/language.h"
#include "app/window/control_panel.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_view.h"
#include "core/scenario/builtin_scenarios.h"

#include <QAction>
#include <QApplication>
#include <QHash>
#include <QMenu>
#include <QMenuBar>
#include <QSlider>
#include <QTest>

#include <gtest/gtest.h>

using namespace finwave::app;

namespace {
bool hasMnemonic(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] != QLatin1Char('&'))
            return true;
        ++i;  // "&&" is a literal ampersand
    }
    return false;
}

QChar mnemonicOf(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        if (text[i] == QLatin1Char('&'))
            return text[i + 1] == QLatin1Char('&') ? (++i, QChar()) : text[i + 1].toLower();
    return {};
}

// Inside an open menu the arrow keys reach every item; a menu is reached by its mnemonic, and
// two items of one menu must not share one (the second would need a second press).
void collectUnreachable(const QMenu* menu, const QString& path, QStringList& out) {
    QHash<QChar, QString> taken;
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QString here = path + QStringLiteral(" → ") + a->text();
        if (const QChar m = mnemonicOf(a->text()); !m.isNull()) {
            if (taken.contains(m))
                out << here + QStringLiteral(" (the same mnemonic as %1)").arg(taken[m]);
            taken.insert(m, a->text());
        }
        if (a->menu()) {
            if (!hasMnemonic(a->text()))
                out << here + QStringLiteral(" (a menu with no mnemonic)");
            collectUnreachable(a->menu(), here, out);
        }
    }
}
}  // namespace

TEST(Keyboard, EveryMenuHasAMnemonicAndNoTwoItemsOfAMenuShareOneInEitherLanguage) {
    for (const char* language : {"zh_CN", "en"}) {
        installLanguage(QString::fromLatin1(language));
        MainWindow w;
        QStringList unreachable;
        for (QAction* top : w.menuBar()->actions()) {
            if (!hasMnemonic(top->text()))
                unreachable << top->text();
            if (top->menu())
                collectUnreachable(top->menu(), top->text(), unreachable);
        }
        EXPECT_TRUE(unreachable.isEmpty()) << language << ": " << unreachable.join(QStringLiteral(", ")).toStdString();
    }
}

TEST(Keyboard, AParameterSliderIsReachedWithTabAndKeepsTheArrowKeysWhileFocused) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.controller()->loadScenario(*finwave::builtinScenario("normal-close"));
    QSlider* loss = w.controlPanel()->slider(QStringLiteral("lossAb"));
    ASSERT_NE(loss, nullptr);
    EXPECT_TRUE(loss->focusPolicy() & Qt::TabFocus);
    const int before = loss->value();
    const quint64 step = w.controller()->sim().stepIndex();
    loss->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(loss->hasFocus());
    QTest::keyClick(loss, Qt::Key_Right);
    EXPECT_EQ(loss->value(), before + loss->singleStep());
    EXPECT_EQ(w.controller()->sim().stepIndex(), step) << "Right went to the window's step shortcut";
    // Elsewhere Right is the window's: it steps the run.
    w.sequenceView()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(w.sequenceView(), Qt::Key_Right);
    EXPECT_EQ(w.controller()->sim().stepIndex(), step + 1);
}

TEST(Keyboard, ADiagramReachedWithTabShowsAFocusRingAndAClickedOneDoesNot) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    SequenceView* view = w.sequenceView();
    const QColor ring = view->palette().color(QPalette::Highlight);
    const auto edge = [&] {
        QApplication::processEvents();
        return view->viewport()->grab().toImage().pixelColor(1, view->viewport()->height() / 2);
    };
    view->setFocus(Qt::MouseFocusReason);
    ASSERT_TRUE(view->hasFocus());
    EXPECT_FALSE(view->showsFocusRing());
    EXPECT_NE(edge(), ring);
    view->clearFocus();
    view->setFocus(Qt::TabFocusReason);
    EXPECT_TRUE(view->showsFocusRing());
    EXPECT_EQ(edge(), ring);
}
