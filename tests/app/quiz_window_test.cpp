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

#include "core/scenario/scenario_builder.h"

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

#include <QBuffer>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QTextBrowser>

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
        return text;
    };
    const QRegularExpression times(QStringLiteral("fires (in|at) [0-9]|[0-9] s left|[0-9] s left"));
    const QString asking = shown();
    EXPECT_TRUE(asking.contains(QStringLiteral("fires in ?")) || asking.contains(QStringLiteral("fires at ?")));
    EXPECT_FALSE(asking.contains(times)) << asking.mid(std::max<qsizetype>(0, asking.indexOf(times) - 80), 200).toStdString();
    quiz.answer(quiz.question()->right);
    QApplication::processEvents();
    EXPECT_TRUE(shown().contains(times)) << "answered: the times are shown again";
}

#include "app/quiz/quiz_text.h"

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
