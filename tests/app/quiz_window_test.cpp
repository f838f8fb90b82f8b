// Quiz mode in the window: while a question is open no view shows the next event;
// locked parameters cannot change; stepping back asks again; the keys answer, hint and go on;
// scores are kept and exported as CSV.
#include "app/charts/charts_panel.h"
#include "app/window/control_panel.h"
#include "app/window/event_log.h"
#include "app/window/inspector.h"
#include "app/window/main_window.h"
#include "app/quiz/quiz_controller.h"
#include "app/quiz/quiz_panel.h"
#include "app/quiz/quiz_scores.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "support/finwave_process.h"

#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QAbstractButton>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace finwave;
using namespace finwave::app;

namespace {
using Phase = QuizController::Phase;

QStringList sceneItems(QGraphicsScene* scene) {
    QStringList out;
    for (QGraphicsItem* item : scene->items()) {
        if (!item->isVisible())
            continue;
        const QRectF r = item->sceneBoundingRect();
        QString text = item->toolTip();
        if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            text += QLatin1Char('|') + t->text();
        out << QStringLiteral("%1 %2,%3 %4x%5 %6 %7")
                   .arg(item->type())
                   .arg(r.x(), 0, 'f', 1)
                   .arg(r.y(), 0, 'f', 1)
                   .arg(r.width(), 0, 'f', 1)
                   .arg(r.height(), 0, 'f', 1)
                   .arg(item->opacity())
                   .arg(text);
    }
    out.sort();
    return out;
}

QStringList logRows(EventLogModel* m) {
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 0; c < m->columnCount(); ++c)
            out << m->data(m->index(r, c), Qt::DisplayRole).toString() + m->data(m->index(r, c), Qt::ToolTipRole).toString();
    return out;
}

// Every view a student can read, on one controller.
struct Views {
    SimController ctl;
    SequenceView sequence{&ctl};
    StateGraphView states{&ctl};
    EventLogModel log{&ctl};
    Inspector inspector{&ctl};
    ChartsPanel charts{&ctl};

    QStringList everything() {
        QStringList all = sceneItems(sequence.scene());
        all << QStringLiteral("--graph") << sceneItems(states.scene());
        all << QStringLiteral("--log") << logRows(&log);
        inspector.refresh();
        all << QStringLiteral("--inspector") << inspector.toPlainText();
        all << QStringLiteral("--charts %1 %2").arg(charts.timelinePoints()).arg(charts.timelineRows());
        all << QStringLiteral("--time %1").arg(ctl.displayTime());
        return all;
    }
};

TEST(QuizWindow, NoViewShowsTheNextEventWhileAQuestionIsOpen) {
    for (const char* name : {"normal-close", "lost-fin", "half-close", "piggyback-close", "linger-abort"}) {
        Views quizzed, plain;
        quizzed.ctl.loadScenario(*builtinScenario(name));
        plain.ctl.loadScenario(*builtinScenario(name));
        QuizController quiz(&quizzed.ctl);
        quiz.start();
        int asked = 0;
        for (int guard = 0; guard < 200 && quiz.phase() != Phase::Finished; ++guard) {
            if (quiz.phase() != Phase::Asking) {
                quiz.next();
                continue;
            }
            const quint64 at = quizzed.ctl.sim().stepIndex();
            ASSERT_EQ(quiz.question()->step, at + 1) << name;
            // Trying to see the held step: stepping, playing, seeking, moving the cursor.
            quizzed.ctl.stepForward();
            quizzed.ctl.play();
            quizzed.ctl.seek(at + 5);
            quizzed.ctl.setDisplayTime(quizzed.ctl.sim().now() + 10 * kSec);
            QTest::qWait(20);  // a tick of the play timer, had it started
            EXPECT_FALSE(quizzed.ctl.isPlaying()) << name;
            ASSERT_EQ(quizzed.ctl.sim().stepIndex(), at) << name;
            plain.ctl.seek(at);
            // A timer question hides the timers' times (tested on its own below); the plain views
            // are asked to do the same, so every other text must still match.
            plain.ctl.setTimesHidden(quizzed.ctl.timesHidden());
            EXPECT_EQ(quizzed.everything(), plain.everything()) << name << " at step " << at << ": a view shows what is held";
            plain.ctl.setTimesHidden(false);
            const QStringList before = quizzed.everything();
            quiz.answer(quiz.question()->right);
            ++asked;
            ASSERT_EQ(quizzed.ctl.sim().stepIndex(), at + 1) << name;
            plain.ctl.seek(at + 1);
            EXPECT_EQ(quizzed.everything(), plain.everything()) << name << ": after the answer the step is shown";
            EXPECT_NE(quizzed.everything(), before) << name << ": the answer revealed nothing";
            quiz.next();
        }
        EXPECT_GE(asked, 2) << name;
        EXPECT_EQ(quiz.phase(), Phase::Finished) << name;
    }
}

TEST(QuizWindow, LockedParametersCannotChangeInThePanelOrTheController) {
    MainWindow window;
    ASSERT_TRUE(window.openQuiz(QStringLiteral("closing-states")));
    SimController* ctl = window.controller();
    ASSERT_TRUE(window.quiz()->isActive());
    EXPECT_TRUE(ctl->isLocked());
    EXPECT_FALSE(window.controlPanel()->isEnabled());
    ChannelParams lossy = ctl->sim().channel(Direction::AtoB);
    const double loss = lossy.loss;
    lossy.loss = 0.9;
    ctl->setChannel(Direction::AtoB, lossy);
    EXPECT_EQ(ctl->sim().channel(Direction::AtoB).loss, loss);
    ProtocolParams p = ctl->sim().params();
    const Micros timeWait = p.timeWait;
    p.timeWait = 1 * kSec;
    ctl->setParams(p);
    EXPECT_EQ(ctl->sim().params().timeWait, timeWait);
    EXPECT_EQ(ctl->dropNext(Side::A), 0u);
    EXPECT_FALSE(ctl->sim().isDropNextArmed(Side::A));
    window.quiz()->stop();
    EXPECT_TRUE(window.controlPanel()->isEnabled());
    ctl->setChannel(Direction::AtoB, lossy);
    EXPECT_EQ(ctl->sim().channel(Direction::AtoB).loss, 0.9);
}

TEST(QuizWindow, SteppingBackToAQuestionAsksItAgain) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    QuizController quiz(&ctl);
    quiz.start();
    quiz.next();
    ASSERT_EQ(quiz.phase(), Phase::Asking);
    const quint64 step = quiz.question()->step;
    const int wrong = quiz.question()->right == 0 ? 1 : 0;
    quiz.answer(wrong);
    ASSERT_EQ(quiz.phase(), Phase::Revealed);
    ctl.stepBack();
    ASSERT_EQ(quiz.phase(), Phase::Asking);
    EXPECT_EQ(quiz.question()->step, step);
    EXPECT_EQ(quiz.chosen(), -1);
    quiz.answer(quiz.question()->right);
    EXPECT_EQ(quiz.score().asked(), 1) << "the first answer is the one that counts";
    EXPECT_EQ(quiz.score().wrong(), 1);
}

TEST(QuizWindow, KeysAnswerHintAndGoOn) {
    QSettings().remove(QStringLiteral("quiz"));
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.openScenario(QStringLiteral("normal-close"));
    QuizController* quiz = window.quiz();
    QTest::keyClick(&window, Qt::Key_Q);
    ASSERT_TRUE(quiz->isActive());
    EXPECT_TRUE(window.quizPanel()->isVisible());
    if (quiz->phase() != Phase::Asking)
        QTest::keyClick(&window, Qt::Key_Return);
    ASSERT_EQ(quiz->phase(), Phase::Asking);
    QTest::keyClick(&window, Qt::Key_H);
    ASSERT_TRUE(quiz->hinted());
    const QuizQuestion q = *quiz->question();
    const int struck = q.hintRemoves.front();
    QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + struck));
    EXPECT_EQ(quiz->phase(), Phase::Asking) << "a choice the hint struck out is not taken";
    EXPECT_FALSE(window.quizPanel()->choiceButton(struck)->isEnabled());
    QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + q.right));
    ASSERT_EQ(quiz->phase(), Phase::Revealed);
    EXPECT_EQ(quiz->score().halfPoints(), 1) << "right after a hint: half a point";
    EXPECT_TRUE(window.quizPanel()->verdictText().startsWith(QStringLiteral("Right"))) << window.quizPanel()->verdictText().toStdString();
    QTest::keyClick(&window, Qt::Key_Return);
    EXPECT_TRUE(quiz->phase() == Phase::Asking || quiz->phase() == Phase::Finished);
    EXPECT_GT(quiz->question() ? quiz->question()->step : 1000u, q.step);
    QTest::keyClick(&window, Qt::Key_Q);
    EXPECT_FALSE(quiz->isActive());
    EXPECT_FALSE(window.quizPanel()->isVisible());
}

TEST(QuizWindow, TheSummaryListsTheMissedQuestionsAndEachGoesToItsStep) {
    QuizScores::clear();
    MainWindow window;
    window.openScenario(QStringLiteral("normal-close"));
    QuizController* quiz = window.quiz();
    quiz->start();
    std::vector<quint64> missed;
    for (int guard = 0; guard < 100 && quiz->phase() != Phase::Finished; ++guard) {
        if (quiz->phase() != Phase::Asking) {
            quiz->next();
            continue;
        }
        const bool miss = quiz->question()->step % 2 == 1;
        if (miss)
            missed.push_back(quiz->question()->step);
        quiz->answer(miss ? (quiz->question()->right + 1) % static_cast<int>(quiz->question()->choices.size())
                          : quiz->question()->right);
    }
    ASSERT_EQ(quiz->phase(), Phase::Finished);
    ASSERT_TRUE(window.quizPanel()->showsSummary());
    QListWidget* list = window.quizPanel()->missedList();
    ASSERT_EQ(list->count(), static_cast<int>(missed.size()));
    for (int i = 0; i < list->count(); ++i)
        EXPECT_EQ(list->item(i)->data(Qt::UserRole).toULongLong(), missed[static_cast<std::size_t>(i)]);
    Q_EMIT list->itemClicked(list->item(0));
    EXPECT_EQ(window.controller()->sim().stepIndex(), missed.front());
    // The run was kept, and goes out as CSV.
    ASSERT_EQ(QuizScores::runs(QStringLiteral("normal-close")), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scores.csv"));
    ASSERT_TRUE(QuizScores::exportCsv(path, nullptr));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    ASSERT_GE(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith("scenario,finished,right,wrong,hints,points,best_streak"));
    const QuizScore& s = quiz->score();
    EXPECT_TRUE(lines[1].startsWith("normal-close,")) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(QStringLiteral(",%1,%2,0,%3,").arg(s.right()).arg(s.wrong()).arg(s.points(), 0, 'f', 1).toUtf8()))
        << lines[1].toStdString();
}

TEST(QuizWindow, CsvQuotesNamesAndDefusesFormulas) {
    QuizRunRecord r;
    r.scenario = QStringLiteral("=a,\"b\"");
    r.when = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5));
    r.right = 2;
    r.points = 1.5;
    const QByteArray csv = QuizScores::csv({r});
    EXPECT_TRUE(csv.contains("\"'=a,\"\"b\"\"\",2026-01-02T03:04:05,2,0,0,1.5,0\r\n")) << csv.toStdString();
}

}  // namespace

namespace {
TEST(QuizWindow, ATeachersFileOpensAsItsQuizOnTheFilesOwnParameters) {
    MainWindow window;
    window.openScenario(QStringLiteral("normal-close"));
    SimController* ctl = window.controller();
    ChannelParams lossy = ctl->sim().channel(Direction::AtoB);
    lossy.loss = 0.7;
    ctl->setChannel(Direction::AtoB, lossy);  // moved before the quiz: it must not count
    const QString file = QStringLiteral(FINWAVE_SOURCE_DIR) + QStringLiteral("/resources/quizzes/closing-states.json");
    ASSERT_TRUE(window.openScenario(file, nullptr, true));
    ASSERT_TRUE(window.quiz()->isActive());
    EXPECT_TRUE(ctl->isLocked());
    EXPECT_EQ(ctl->sim().channel(Direction::AtoB).loss, 0.0);
    EXPECT_EQ(window.quiz()->runs(), (QStringList{QStringLiteral("quiz-closing-states"), QStringLiteral("simultaneous-close"),
                                                  QStringLiteral("half-close")}));
    // Another scenario while the quiz is on: the quiz goes on, with that scenario's (default) settings.
    window.openScenario(QStringLiteral("lost-fin"));
    EXPECT_TRUE(window.quiz()->isActive());
    EXPECT_FALSE(ctl->isLocked());
    EXPECT_EQ(window.quiz()->runs(), QStringList{QStringLiteral("lost-fin")});
}

TEST(QuizWindow, TheNextRunOfAQuizKeepsItsLock) {
    MainWindow window;
    ASSERT_TRUE(window.openQuiz(QStringLiteral("when-things-go-wrong")));
    QuizController* quiz = window.quiz();
    for (int guard = 0; guard < 200 && quiz->phase() != Phase::Finished; ++guard)
        quiz->phase() == Phase::Asking ? quiz->answer(quiz->question()->right) : quiz->next();
    ASSERT_EQ(quiz->phase(), Phase::Finished);
    EXPECT_EQ(quiz->score().wrong(), 0);
    ASSERT_TRUE(quiz->hasNextRun());
    quiz->next();  // Enter on the summary: the next run
    EXPECT_EQ(quiz->runIndex(), 1);
    EXPECT_EQ(window.controller()->scenario().name, "lost-last-ack");
    EXPECT_TRUE(window.controller()->isLocked());
    EXPECT_EQ(quiz->score().asked(), 0);
    EXPECT_NE(quiz->phase(), Phase::Off);
}
}  // namespace

namespace {
TEST(QuizWindow, TheQuizFlagsRefuseABadChoiceAndTakeTheirPictures) {
    for (const char* bad : {"0", "5", "two"}) {
        const auto r = finwave::testing::runFinwave({QStringLiteral("--quiz-answer"), QString::fromLatin1(bad)});
        EXPECT_TRUE(r.isOneLineRefusal()) << bad << ": " << r.code << " " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("--quiz-answer"))) << r.err.toStdString();
    }
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    env.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("detect_leaks=0"));
    for (const QStringList& flags : {QStringList{QStringLiteral("--quiz"), QStringLiteral("--steps"), QStringLiteral("2"),
                                                 QStringLiteral("--quiz-answer"), QStringLiteral("1")},
                                     QStringList{QStringLiteral("--quiz-summary")}}) {
        const QString png = dir.filePath(QStringLiteral("quiz.png"));
        QFile::remove(png);
        const auto r = finwave::testing::runFinwave(
            QStringList{QStringLiteral("--scenario"), QStringLiteral("lost-fin")} + flags + QStringList{QStringLiteral("--screenshot"), png},
            60000, env);
        EXPECT_EQ(r.code, 0) << flags.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString();
        EXPECT_GT(QFile(png).size(), 1000) << flags.join(QLatin1Char(' ')).toStdString();
    }
}
}  // namespace
