#include "app/quiz/quiz_panel.h"
#include "app/io/save_file.h"
#include "app/quiz/quiz_attempt.h"

#include "app/quiz/quiz_controller.h"
#include "app/quiz/quiz_scores.h"
#include "app/quiz/quiz_text.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QInputDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPalette>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace finwave::app {

namespace {
// Plain colours that read on both themes and on a projector: white text on dark green or red.
const QString kRightStyle = QStringLiteral("QPushButton { background: #0F5A26; color: white; font-weight: bold; }");
const QString kWrongStyle = QStringLiteral("QPushButton { background: #9A1F18; color: white; font-weight: bold; }");

QLabel* wrapped(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    return l;
}
}  // namespace

QuizPanel::QuizPanel(QuizController* quiz, SimController* controller, QWidget* parent)
    : QWidget(parent), m_quiz(quiz), m_ctl(controller) {
    setObjectName(QStringLiteral("quizPanel"));
    setAutoFillBackground(true);
    // As tall as its text needs, never more: the diagrams keep the rest.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    // Two pages shown one at a time. Not a QStackedWidget: it would not pass the wrapped labels'
    // height for the width on, and the panel would take more room than its text needs.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 6, 8, 6);

    auto* ask = new QWidget(this);
    auto* v = new QVBoxLayout(ask);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(4);
    m_header = wrapped(ask);
    m_prompt = wrapped(ask);
    QFont big = m_prompt->font();
    big.setBold(true);
    m_prompt->setFont(big);
    v->addWidget(m_prompt);
    auto* grid = new QGridLayout;
    grid->setSpacing(6);
    for (int i = 0; i < 4; ++i) {
        auto* b = new QPushButton(ask);
        b->setFocusPolicy(Qt::NoFocus);  // the keys 1-4 answer; the focus stays where it was
        connect(b, &QPushButton::clicked, this, [this, i] { m_quiz->answer(i); });
        grid->addWidget(b, i / 2, i % 2);
        m_choices[static_cast<std::size_t>(i)] = b;
    }
    v->addLayout(grid);
    auto* row = new QHBoxLayout;
    m_hint = new QPushButton(ask);
    m_next = new QPushButton(ask);
    m_end = new QPushButton(ask);
    for (QPushButton* b : {m_hint, m_next, m_end}) {
        b->setFocusPolicy(Qt::NoFocus);
        row->addWidget(b);
    }
    m_verdict = wrapped(ask);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    row->addWidget(m_verdict, 1);
    row->addWidget(m_header);
    m_header->setWordWrap(false);
    v->addLayout(row);
    m_explain = wrapped(ask);
    v->addWidget(m_explain);
    connect(m_hint, &QPushButton::clicked, m_quiz, &QuizController::hint);
    connect(m_next, &QPushButton::clicked, m_quiz, &QuizController::next);
    connect(m_end, &QPushButton::clicked, m_quiz, &QuizController::stop);
    outer->addWidget(ask);
    m_pages = {ask};

    auto* sum = new QWidget(this);
    auto* sv = new QVBoxLayout(sum);
    sv->setContentsMargins(0, 0, 0, 0);
    m_sumTitle = wrapped(sum);
    m_sumTitle->setFont(big);
    m_sumScore = wrapped(sum);
    m_sumMissedTitle = wrapped(sum);
    m_missed = new QListWidget(sum);
    m_missed->setWordWrap(true);
    const auto go = [this](QListWidgetItem* item) {
        if (item->data(Qt::UserRole).isValid())  // the step of a missed question, shown answered
            m_ctl->seek(item->data(Qt::UserRole).toULongLong());
    };
    connect(m_missed, &QListWidget::itemActivated, this, go);
    connect(m_missed, &QListWidget::itemClicked, this, go);
    sv->addWidget(m_sumTitle);
    sv->addWidget(m_sumScore);
    sv->addWidget(m_sumMissedTitle);
    sv->addWidget(m_missed, 1);
    auto* srow = new QHBoxLayout;
    m_nextRun = new QPushButton(sum);
    m_again = new QPushButton(sum);
    m_export = new QPushButton(sum);
    m_saveAttempt = new QPushButton(sum);
    m_sumEnd = new QPushButton(sum);
    for (QPushButton* b : {m_nextRun, m_again, m_saveAttempt, m_export, m_sumEnd}) {
        b->setFocusPolicy(Qt::NoFocus);
        srow->addWidget(b);
    }
    srow->addStretch(1);
    sv->addLayout(srow);
    connect(m_nextRun, &QPushButton::clicked, m_quiz, &QuizController::nextRun);
    connect(m_again, &QPushButton::clicked, m_quiz, &QuizController::restartRun);
    connect(m_export, &QPushButton::clicked, this, &QuizPanel::exportCsv);
    connect(m_saveAttempt, &QPushButton::clicked, this, &QuizPanel::saveAttempt);
    connect(m_sumEnd, &QPushButton::clicked, m_quiz, &QuizController::stop);
    outer->addWidget(sum);
    m_pages.push_back(sum);

    connect(m_quiz, &QuizController::changed, this, &QuizPanel::update);
    connect(m_quiz, &QuizController::activeChanged, this, &QuizPanel::update);
    retranslate();
}

QString QuizPanel::promptText() const { return m_prompt->text(); }
QString QuizPanel::verdictText() const { return m_verdict->text(); }
bool QuizPanel::showsSummary() const { return m_pages[1]->isVisibleTo(this); }

void QuizPanel::showPage(int index) {
    m_pages[static_cast<std::size_t>(1 - index)]->hide();
    m_pages[static_cast<std::size_t>(index)]->show();
}

void QuizPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange)  // the projector theme: the choices take the new size
        update();
    QWidget::changeEvent(event);
}

void QuizPanel::retranslate() {
    m_hint->setText(tr("Hint (H, costs ½ point)"));
    m_next->setText(tr("Next (Enter)"));
    m_end->setText(tr("End quiz (Q)"));
    m_again->setText(tr("Again"));
    m_export->setText(tr("Export scores as CSV…"));
    m_saveAttempt->setText(tr("Save for the teacher…"));
    m_sumEnd->setText(tr("End quiz (Q)"));
    m_sumMissedTitle->setText(tr("Questions missed (click one to go to its step):"));
    update();
}

void QuizPanel::update() {
    setVisible(m_quiz->isActive());
    if (!m_quiz->isActive())
        return;
    using P = QuizController::Phase;
    const P phase = m_quiz->phase();
    if (phase == P::Finished) {
        showSummary();
        return;
    }
    showPage(0);
    const auto& q = m_quiz->question();
    const bool asking = phase == P::Asking;
    m_hint->setEnabled(asking && !m_quiz->hinted());
    m_next->setEnabled(!asking);
    if (!q) {
        m_header->setText(tr("Quiz on %1").arg(scenarioTitle(m_ctl->scenario())));
        m_prompt->setText(tr("No question before the next step: press Enter to go on to the next question."));
        for (QPushButton* b : m_choices)
            b->hide();
        m_verdict->clear();
        m_explain->clear();
        m_explain->hide();
        return;
    }
    m_header->setText(tr("Question %1 · step %2 · %3").arg(m_quiz->score().asked() + (asking ? 1 : 0)).arg(q->step).arg(quizKindText(q->kind)));
    m_prompt->setText(quizPrompt(m_ctl->sim(), *q));
    for (int i = 0; i < 4; ++i) {
        QPushButton* b = m_choices[static_cast<std::size_t>(i)];
        const bool exists = i < static_cast<int>(q->choices.size());
        b->setVisible(exists);
        if (!exists)
            continue;
        const bool struck = m_quiz->hinted() &&
                            std::find(q->hintRemoves.begin(), q->hintRemoves.end(), i) != q->hintRemoves.end();
        b->setText(QStringLiteral("%1   %2").arg(i + 1).arg(quizChoiceText(*q, q->choices[static_cast<std::size_t>(i)])));
        QFont f = font();
        f.setStrikeOut(struck);
        b->setFont(f);
        b->setEnabled(asking && !struck);
        b->setStyleSheet(!asking && i == q->right ? kRightStyle : !asking && i == m_quiz->chosen() ? kWrongStyle : QString());
    }
    if (asking) {
        m_verdict->setText(m_quiz->hinted() ? tr("Hint: the choices struck out are wrong.") : QString());
        m_verdict->setPalette(QPalette());
        m_explain->clear();
    } else {
        const bool right = m_quiz->chosen() == q->right;
        m_verdict->setText(quizVerdict(*q, m_quiz->chosen()));
        // A palette, not a style sheet: a style sheet would stop the label following the
        // projector theme's larger font.
        QPalette pal = m_verdict->palette();
        pal.setColor(QPalette::WindowText, right ? QColor(QStringLiteral("#0F5A26")) : QColor(QStringLiteral("#9A1F18")));
        m_verdict->setPalette(pal);
        m_explain->setText(quizExplanation(*q));
    }
    m_explain->setVisible(!m_explain->text().isEmpty());
}

void QuizPanel::showSummary() {
    showPage(1);
    const QuizScore& s = m_quiz->score();
    const QString name = QString::fromStdString(m_ctl->scenario().name);
    const bool cut = !m_ctl->sim().isFinished() && s.asked() >= kMaxQuizQuestions;
    m_sumTitle->setText((cut ? tr("Quiz over after %1 questions: %2 (run %3 of %4)").arg(kMaxQuizQuestions)
                             : tr("Run finished: %1 (run %2 of %3)"))
                            .arg(scenarioTitle(m_ctl->scenario()))
                            .arg(m_quiz->runIndex() + 1)
                            .arg(m_quiz->runs().size()));
    m_sumScore->setText(tr("Right %1 · wrong %2 · hints %3 · %4 of %5 points · best streak %6 · best so far %7")
                            .arg(s.right())
                            .arg(s.wrong())
                            .arg(s.hints())
                            .arg(s.points(), 0, 'f', 1)
                            .arg(s.asked())
                            .arg(s.bestStreak())
                            .arg(QuizScores::best(name), 0, 'f', 1));
    m_missed->clear();
    for (const QuizController::Answered& a : m_quiz->answered()) {
        if (a.chosen == a.question.right)
            continue;
        auto* item = new QListWidgetItem(
            tr("Step %1 · %2: you chose %3; the answer was %4")
                .arg(a.question.step)
                .arg(quizKindText(a.question.kind),
                     quizChoiceText(a.question, a.question.choices[static_cast<std::size_t>(a.chosen)]),
                     quizChoiceText(a.question, a.question.choices[static_cast<std::size_t>(a.question.right)])),
            m_missed);
        item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(a.question.step));
    }
    if (m_missed->count() == 0)
        m_missed->addItem(tr("None: every answer was right."));
    // Tall enough for every row up to five, so no row is cut in half; more scroll.
    const int rows = std::min(5, m_missed->count());
    m_missed->setMaximumHeight(rows * std::max(1, m_missed->sizeHintForRow(0)) + 2 * m_missed->frameWidth());
    m_missed->setMinimumHeight(m_missed->maximumHeight());
    m_sumMissedTitle->setVisible(true);
    m_nextRun->setVisible(m_quiz->hasNextRun());
    if (m_quiz->hasNextRun())
        if (const auto next = builtinScenario(m_quiz->runs()[m_quiz->runIndex() + 1].toStdString()))
            m_nextRun->setText(tr("Next run: %1 (Enter)").arg(scenarioTitle(*next)));
}

void QuizPanel::exportCsv() {
    QSettings settings;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export quiz scores"),
                                                      settings.value(QStringLiteral("scenario/folder")).toString() +
                                                          QStringLiteral("/finwave-quiz-scores.csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!QuizScores::exportCsv(file, &error))
        QMessageBox::warning(this, tr("Cannot export scores"), tr("%1 could not be written: %2").arg(file, error));
}

// The attempt as a file the teacher collects: the student's name (remembered), then where.
void QuizPanel::saveAttempt() {
    QSettings settings;
    bool ok = false;
    const QString student = QInputDialog::getText(this, tr("Save for the teacher"), tr("Your name:"), QLineEdit::Normal,
                                                  settings.value(QStringLiteral("quiz/student")).toString(), &ok)
                                .trimmed();
    if (!ok || student.isEmpty())
        return;
    settings.setValue(QStringLiteral("quiz/student"), student);
    const QuizAttempt attempt = currentAttempt(*m_quiz, *m_ctl, student);
    const QString suggested = QStringLiteral("%1/%2-%3.json")
                                  .arg(settings.value(QStringLiteral("quiz/attempts")).toString(), student, attempt.scenario);
    const QString file = QFileDialog::getSaveFileName(this, tr("Save for the teacher"), suggested, tr("FinWave quiz attempts (*.json)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("quiz/attempts"), QFileInfo(file).absolutePath());
    if (const QString why = saveFile(file, attemptJson(attempt)); !why.isEmpty())
        QMessageBox::warning(this, tr("Save for the teacher"), why);
}

}  // namespace finwave::app
