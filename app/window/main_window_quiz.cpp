// Quiz mode in the window: the panel above the diagrams, its keys (Q, 1-4, H, Enter), the score
// in the status bar, the lock of the parameters and the two shipped quizzes.
#include "app/window/main_window.h"
#include "app/quiz/quiz_results_dialog.h"

#include "app/window/control_panel.h"
#include "app/quiz/quiz_controller.h"
#include "app/quiz/quiz_panel.h"
#include "app/quiz/quiz_text.h"
#include "app/text/scenario_error_text.h"
#include "app/window/sim_controller.h"
#include "core/scenario/scenario_io.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace finwave::app {

QWidget* MainWindow::createQuiz() {
    m_quiz = new QuizController(m_ctl, this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_quizPanel = new QuizPanel(m_quiz, m_ctl, central);
    m_quizPanel->hide();
    layout->addWidget(m_quizPanel);
    layout->addWidget(m_split, 1);

    m_quizScore = new QLabel(this);
    m_quizScore->hide();
    statusBar()->addPermanentWidget(m_quizScore);

    const auto make = [this](QList<QKeySequence> keys, auto slot) {
        auto* a = new QAction(this);
        a->setShortcuts(keys);
        // This window's only: a dialog keeps its Enter, a text field its digits.
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_quizAction = make({QKeySequence(Qt::Key_Q)}, [this] { m_quiz->toggle(); });
    m_quizAction->setCheckable(true);
    for (int i = 0; i < 4; ++i)
        m_quizAnswers.push_back(make({QKeySequence(Qt::Key_1 + i)}, [this, i] { m_quiz->answer(i); }));
    m_quizHint = make({QKeySequence(Qt::Key_H)}, [this] { m_quiz->hint(); });
    m_quizNext = make({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}, [this] { m_quiz->next(); });
    m_quizClosing = make({}, [this] { openQuiz(QStringLiteral("closing-states")); });
    m_quizWrong = make({}, [this] { openQuiz(QStringLiteral("when-things-go-wrong")); });
    m_classResults = make({}, [this] { showClassResults(this); });

    const auto sync = [this] {
        const bool on = m_quiz->isActive();
        m_quizAction->setChecked(on);
        for (QAction* a : m_quizAnswers)
            a->setEnabled(on);
        m_quizHint->setEnabled(on);
        m_quizNext->setEnabled(on);
        m_quizScore->setVisible(on);
        m_quizScore->setText(quizScoreLine(m_quiz->score()));
    };
    connect(m_quiz, &QuizController::changed, this, sync);
    connect(m_quiz, &QuizController::activeChanged, this, sync);
    sync();
    // Locked parameters (a teacher's quiz): the panel and the drops are off, the controller
    // refuses changes too.
    connect(m_ctl, &SimController::lockedChanged, this, [this](bool locked) {
        m_controls->setEnabled(!locked);
        m_dropA->setEnabled(!locked);
        m_dropB->setEnabled(!locked);
    });
    return central;
}

void MainWindow::retranslateQuiz() {
    m_quizAction->setText(tr("&Quiz: predict each step"));
    m_quizClosing->setText(tr("Quiz: closing states"));
    m_quizWrong->setText(tr("Quiz: when things go wrong"));
    m_classResults->setText(tr("&Class results…"));
    m_quizScore->setText(quizScoreLine(m_quiz->score()));
}

bool MainWindow::openQuiz(const QString& name) {
    QFile f(QStringLiteral(":/quizzes/%1.json").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.read(static_cast<qint64>(kMaxScenarioFileBytes) + 1);
    const ScenarioResult r = parseScenario(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                           f.fileName().toStdString());
    if (!r) {
        QMessageBox::warning(this, tr("Cannot open scenario"), scenarioErrorText(r.error));
        return false;
    }
    m_quiz->stop();
    m_ctl->loadScenario(*r.scenario);
    m_quiz->start();
    return true;
}

}  // namespace finwave::app
