// Opening a lesson: its problems told in one line before any display is needed, and each page's
// title card.
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "support/finwave_process.h"
#include "app/window/step_caption_bar.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}
}  // namespace

// Where there is no display, a lesson none of whose scenarios opens is refused in one line with exit
// 2 (it was found only after QApplication, which aborted with six lines of Qt's); entries left out
// of a lesson that opens are named in one line, not one line each.
TEST(Lesson, ALessonsMissingEntriesAreToldInOneLineBeforeAnyDisplayIsNeeded) {
    QTemporaryDir dir;
    const QString none = dir.filePath(QStringLiteral("none.json"));
    writeText(none, R"({"lesson": 1, "scenarios": [{"file": "a.json"}, {"file": "b.json"}, {"file": "c.json"}]})");
    QProcessEnvironment noDisplay;
    noDisplay.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));  // and runFinwave unsets DISPLAY
    const auto r = finwave::testing::runFinwave({QStringLiteral("--lesson"), none}, 60000, noDisplay);
    EXPECT_TRUE(r.isOneLineRefusal()) << r.code << ' ' << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("none of its 3 scenarios"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("a.json"))) << r.err.toStdString();

    const QString some = dir.filePath(QStringLiteral("some.json"));
    writeText(some, R"({"lesson": 1, "scenarios": [{"file": "a.json"}, {"builtin": "lost-fin"}, {"file": "c.json"}]})");
    QTemporaryDir runtime, config;
    QFile::setPermissions(runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const auto opened = finwave::testing::runFinwave({QStringLiteral("--lesson"), some, QStringLiteral("--steps"), QStringLiteral("0"),
                                                      QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("s.png"))},
                                                     60000, env);
    EXPECT_EQ(opened.code, 0) << opened.err.toStdString();
    const QStringList lines = opened.err.trimmed().split(QLatin1Char('\n'));
    const QStringList ours = lines.filter(QStringLiteral("finwave:"));
    ASSERT_EQ(ours.size(), 1) << opened.err.toStdString();
    EXPECT_TRUE(ours[0].contains(QStringLiteral("2 of 3 scenarios"))) << ours[0].toStdString();
}


// Before a lesson page's first step the caption is its title card: the lesson's title and place,
// its introduction on the first page, the scenario's title and description; it was shown nowhere
// (the editor said the description shows "under the diagram"). Gone once the run steps on.
TEST(Lesson, EachPageOpensOnATitleCardWithTheLessonsIntroductionFirst) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(w.openLesson(QStringLiteral(":/lessons/why-time-wait.en.json"), nullptr, true));
    w.moveInLesson(-w.lessonIndex());
    StepCaptionBar* caption = w.findChild<StepCaptionBar*>();
    ASSERT_NE(caption, nullptr);
    EXPECT_TRUE(caption->isVisible());
    QString text = caption->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Lesson: Why TIME_WAIT exists · scenario 1 of 4"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("The endpoint that closes first waits 2 MSL"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(w.controller()->scenario().description))) << text.toStdString();
    ASSERT_TRUE(w.moveInLesson(1));
    text = caption->text();
    EXPECT_TRUE(text.contains(QStringLiteral("scenario 2 of 4"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("The endpoint that closes first"))) << "the introduction is the first page's";
    w.controller()->stepForward();
    EXPECT_FALSE(caption->text().contains(QStringLiteral("Lesson:")));
    w.controller()->reset();
    EXPECT_TRUE(caption->text().contains(QStringLiteral("Lesson:")));
    ASSERT_TRUE(w.openScenario(QStringLiteral("normal-close"), nullptr, true));
    EXPECT_FALSE(caption->text().contains(QStringLiteral("Lesson:"))) << "no lesson any more";
}
