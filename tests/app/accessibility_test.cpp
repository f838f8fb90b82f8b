// Every control a keyboard or a screen reader reaches has a name (Qt's accessibility interface),
// and the current step's sentence is reachable by it.
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "app/window/step_caption_bar.h"
#include "app/views/sequence/sequence_view.h"
#include "core/scenario/builtin_scenarios.h"

#include <QAccessible>
#include <QAccessibleInterface>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QLabel>
#include <QWidget>

#include <gtest/gtest.h>

using namespace finwave::app;

TEST(Accessibility, EveryControlTheKeyboardReachesHasAName) {
    MainWindow w;
    w.show();
    QApplication::processEvents();
    QStringList unnamed;
    for (QWidget* widget : w.findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        // A scroll area's viewport and Qt's own parts (a spin box's line edit) are named by
        // the control they belong to.
        if (auto* area = qobject_cast<QAbstractScrollArea*>(widget->parentWidget()); area && area->viewport() == widget)
            continue;
        if (widget->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(widget);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 '%2' in %3").arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                                         widget->parentWidget() ? QString::fromLatin1(widget->parentWidget()->metaObject()->className()) : QString());
    }
    EXPECT_TRUE(unnamed.isEmpty()) << unnamed.join(QStringLiteral(", ")).toStdString();
}

// A screen reader reaches the current step's sentence on the diagram, and the states on the graph.
TEST(Accessibility, TheDiagramSaysTheCurrentStepsSentence) {
    MainWindow w;
    w.controller()->loadScenario(*finwave::builtinScenario("lost-last-ack"));
    w.controller()->seek(6);
    QAccessibleInterface* diagram = QAccessible::queryAccessibleInterface(w.sequenceView());
    ASSERT_NE(diagram, nullptr);
    EXPECT_EQ(diagram->text(QAccessible::Name), QStringLiteral("Sequence diagram"));
    const QString said = diagram->text(QAccessible::Description);
    EXPECT_TRUE(said.startsWith(QStringLiteral("Step 6"))) << said.toStdString();
    w.controller()->stepForward();
    EXPECT_TRUE(diagram->text(QAccessible::Description).startsWith(QStringLiteral("Step 7")));
}
