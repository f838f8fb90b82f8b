// Quiz attempts: a run's question limit, locked parameters at every question, each attempt's order
// of the choices, a timer question hiding the times, and the event each question names.
#include "app/quiz/quiz_controller.h"
#include "app/window/control_panel.h"
#include "app/window/event_log.h"
#include "app/window/main_window.h"
#include "app/window/sim_controller.h"
#include "app/window/step_caption_bar.h"
#include "app/views/sequence/sequence_view.h"
#include "core/scenario/builtin_scenarios.h"
#include <QAbstractButton>
#include <QApplication>
#include <QGraphicsScene>
#include <QLabel>
#include "app/quiz/quiz_text.h"
#include "core/scenario/scenario_builder.h"
#include <QBuffer>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
using Phase = QuizController::Phase;
}  // namespace

// A long run (MSS 1 and a 3 000-byte send: thousands of askable events) ends its quiz after
// kMaxQuizQuestions questions, and says so: --quiz-summary on a 20 000-segment run ran past 60 s,
// one question, one step and one step back per event.
TEST(QuizWindow, ALongRunsQuizEndsAfterItsQuestionLimitAndSaysSo) {
    Scenario s = *builtinScenario("half-close");
    s.params.mss = 1;
    s.actions = {action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 3000),
                 action(Side::A, AppAction::Kind::Close, kMs, AppAction::Trigger::AtTime, 0),
                 action(Side::B, AppAction::Kind::Close, 0, AppAction::Trigger::AfterEof, 0)};
    MainWindow w;
    w.controller()->loadScenario(s);
    QuizController& quiz = *w.quiz();
    quiz.start();
    int answers = 0;
    for (int guard = 0; guard < 10'000 && quiz.phase() != Phase::Finished; ++guard) {
        if (quiz.phase() == Phase::Asking) {
            quiz.answer(0);
            ++answers;
        } else {
            quiz.next();
        }
    }
    ASSERT_EQ(quiz.phase(), Phase::Finished);
    EXPECT_EQ(answers, kMaxQuizQuestions);
    EXPECT_EQ(quiz.score().asked(), kMaxQuizQuestions);
    EXPECT_FALSE(w.controller()->sim().isFinished());
    bool said = false;
    for (const QLabel* l : w.findChildren<QLabel*>())
        said = said || l->text().contains(QStringLiteral("Quiz over after %1 questions").arg(kMaxQuizQuestions));
    EXPECT_TRUE(said);
}

// Locked parameters look locked for the whole quiz, not only at its first question: each step
// enabled the sliders and the drop buttons again (M7 in the students issue).
TEST(QuizWindow, LockedParametersLookLockedAtEveryQuestion) {
    MainWindow window;
    ASSERT_TRUE(window.openQuiz(QStringLiteral("closing-states")));
    QuizController& quiz = *window.quiz();
    const auto drops = [&window] {
        QList<QAbstractButton*> out;
        for (QAbstractButton* b : window.findChildren<QAbstractButton*>())
            if (b->text().startsWith(QStringLiteral("Drop ")))
                out << b;
        return out;
    };
    ASSERT_FALSE(drops().isEmpty());
    for (int question = 0; question < 4 && quiz.phase() != Phase::Finished; ++question) {
        if (quiz.phase() != Phase::Asking)
            quiz.next();
        ASSERT_EQ(quiz.phase(), Phase::Asking) << question;
        EXPECT_FALSE(window.controlPanel()->isEnabled()) << "question " << question;
        for (QAbstractButton* b : drops())
            EXPECT_FALSE(b->isEnabled()) << "question " << question << ": " << b->text().toStdString();
        quiz.answer(quiz.question()->right);
        EXPECT_FALSE(window.controlPanel()->isEnabled()) << "revealed " << question;
        for (QAbstractButton* b : drops())
            EXPECT_FALSE(b->isEnabled()) << "revealed " << question << ": " << b->text().toStdString();
    }
    quiz.stop();
    EXPECT_TRUE(window.controlPanel()->isEnabled());
    for (QAbstractButton* b : drops())
        EXPECT_TRUE(b->isEnabled()) << b->text().toStdString();
}

// In the window: each attempt orders the choices anew (Again draws another order), and a
// question asked again within one attempt (after a step back) shows them in the same order.
TEST(QuizWindow, EachAttemptOrdersTheChoicesAnewAndAStepBackKeepsTheOrder) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    QuizController quiz(&ctl);
    const auto attempt = [&](quint64 seed) {
        quiz.setFixedSeed(seed);
        quiz.stop();
        ctl.reset();
        quiz.start();
        std::vector<std::vector<QuizChoice>> shown;
        for (int guard = 0; guard < 200 && quiz.phase() != Phase::Finished; ++guard) {
            if (quiz.phase() != Phase::Asking) {
                quiz.next();
                continue;
            }
            const std::vector<QuizChoice> first = quiz.question()->choices;
            shown.push_back(first);
            quiz.answer(quiz.question()->right);
            ctl.stepBack();  // asked again in this attempt: the same order
            EXPECT_EQ(quiz.phase(), Phase::Asking);
            EXPECT_EQ(quiz.question()->choices, first);
            quiz.answer(quiz.question()->right);
        }
        return shown;
    };
    const auto a = attempt(11), b = attempt(12), again = attempt(11);
    ASSERT_GE(a.size(), 3u);
    EXPECT_EQ(a, again) << "a recorded attempt's seed replays its order";
    EXPECT_NE(a, b) << "two attempts showed every question's choices in the same order";
}


// A timer question ("Which timer fires next, and when?") was answered on screen: the diagram's
// "fires in 0.975 s", the log's "fires at 1.000 s", the inspector's "0.975 s left". While it is
// open they read "?"; once answered the times are back.
TEST(QuizWindow, ATimerQuestionHidesTheTimersTimesUntilItIsAnswered) {
    MainWindow w;
    w.show();
    w.controller()->loadScenario(*builtinScenario("lost-last-ack"));
    QuizController& quiz = *w.quiz();
    quiz.setFixedSeed(3);
    quiz.start();
    for (int guard = 0; guard < 100 && quiz.phase() != Phase::Finished; ++guard) {
        if (quiz.phase() == Phase::Asking && quiz.question()->kind == QuizKind::Timer)
            break;
        quiz.phase() == Phase::Asking ? quiz.answer(quiz.question()->right) : quiz.next();
    }
    ASSERT_EQ(quiz.phase(), Phase::Asking);
    ASSERT_EQ(quiz.question()->kind, QuizKind::Timer);
    QApplication::processEvents();
    const auto shown = [&w] {
        QString text;
        QByteArray svg;
        QBuffer buffer(&svg);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        QGraphicsScene* scene = w.sequenceView()->scene();
        generator.setSize(scene->sceneRect().size().toSize());
        {
            QPainter p(&generator);
            scene->render(&p);
        }
        text += QString::fromUtf8(svg);
        QAbstractItemModel* log = w.eventLog()->model();
        for (int row = 0; row < log->rowCount(); ++row)
            text += log->index(row, 3).data().toString() + QLatin1Char('\n');
        for (const QTextBrowser* b : w.findChildren<QTextBrowser*>())
            text += b->toPlainText() + QLatin1Char('\n');
        text += w.stepCaption()->text() + QLatin1Char('\n');  // the caption, and what a screen reader says
        text += w.sequenceView()->accessibleDescription() + QLatin1Char('\n');
        return text;
    };
    const QRegularExpression times(QStringLiteral("fires (in|at) [0-9]|[0-9] s left|RTO\\s+[0-9]"));
    const QString asking = shown();
    EXPECT_TRUE(asking.contains(QStringLiteral("fires in ?")) || asking.contains(QStringLiteral("fires at ?")));
    EXPECT_FALSE(asking.contains(times)) << asking.mid(std::max<qsizetype>(0, asking.indexOf(times) - 80), 200).toStdString();
    quiz.answer(quiz.question()->right);
    QApplication::processEvents();
    EXPECT_TRUE(shown().contains(times)) << "answered: the times are shown again";
}


// The question says what happens next: in simultaneous-close B's state question names B's close().
TEST(QuizWindow, AQuestionNamesTheEventItAsksAbout) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("simultaneous-close"));
    QuizController quiz(&ctl);
    quiz.setFixedSeed(1);
    quiz.start();
    QStringList prompts;
    for (int guard = 0; guard < 100 && quiz.phase() != Phase::Finished; ++guard) {
        if (quiz.phase() != Phase::Asking) {
            quiz.next();
            continue;
        }
        prompts << quizPrompt(ctl.sim(), *quiz.question());
        quiz.answer(quiz.question()->right);
    }
    EXPECT_TRUE(prompts.contains(QStringLiteral("B is in ESTABLISHED. Next: B's application calls close(). Which state does B enter?")))
        << prompts.join(QLatin1Char('\n')).toStdString();
}

#include "app/quiz/quiz_attempt.h"
#include "app/quiz/quiz_results_dialog.h"

#include <QDialog>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>

// A student's attempt saved as a file the teacher collects, read back whole; several files side by
// side with the steps most got wrong, and a file that is not an attempt named with its reason.
TEST(QuizWindow, AttemptsSavedForTheTeacherReadBackAndSumUpByClass) {
    QTemporaryDir dir;
    QStringList files;
    const auto attempt = [&](const QString& student, bool allRight) {
        SimController ctl;
        ctl.loadScenario(*builtinScenario("lost-last-ack"));
        QuizController quiz(&ctl);
        quiz.setFixedSeed(5);
        quiz.start();
        for (int guard = 0; guard < 200 && quiz.phase() != Phase::Finished; ++guard) {
            if (quiz.phase() != Phase::Asking) {
                quiz.next();
                continue;
            }
            const int right = quiz.question()->right;
            quiz.answer(allRight || quiz.question()->step != 4 ? right : (right + 1) % static_cast<int>(quiz.question()->choices.size()));
        }
        const QDateTime when(QDate(2026, 12, 6), QTime(9, 0));
        const QuizAttempt a = currentAttempt(quiz, ctl, student, when);
        const QString file = dir.filePath(student + QStringLiteral(".json"));
        QFile f(file);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(attemptJson(a));
        f.close();
        files << file;
        return a;
    };
    const QuizAttempt ana = attempt(QStringLiteral("Ana"), true), bo = attempt(QStringLiteral("Bo"), false);
    ASSERT_GE(ana.answers.size(), 3);
    QString why;
    const auto back = readAttempt(files[0], &why);
    ASSERT_TRUE(back) << why.toStdString();
    EXPECT_EQ(back->student, QStringLiteral("Ana"));
    EXPECT_EQ(back->scenario, QStringLiteral("lost-last-ack"));
    EXPECT_EQ(back->seed, 5u);
    EXPECT_EQ(back->answers.size(), ana.answers.size());
    EXPECT_EQ(back->answers[0].chosen, ana.answers[0].chosen);
    EXPECT_EQ(back->points, ana.points);
    EXPECT_EQ(bo.wrong, 1);
    const QString junk = dir.filePath(QStringLiteral("notes.json"));
    QFile j(junk);
    ASSERT_TRUE(j.open(QIODevice::WriteOnly));
    j.write("{\"lesson\": 1}");
    j.close();
    const QuizClassSummary s = summarizeAttempts(files + QStringList{junk});
    ASSERT_EQ(s.attempts.size(), 2);
    EXPECT_EQ(s.attempts[0].student, QStringLiteral("Ana"));
    ASSERT_EQ(s.problems.size(), 1);
    EXPECT_TRUE(s.problems[0].startsWith(QStringLiteral("notes.json: "))) << s.problems[0].toStdString();
    ASSERT_FALSE(s.hardest.isEmpty());
    EXPECT_EQ(s.hardest[0], qMakePair(QStringLiteral("lost-last-ack · step 4"), 1));
    QWidget parent;
    QDialog* dialog = classResultsDialog(&parent, s);
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("attempts"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("Bo"));
    delete dialog;
}
