#include "app/quiz/quiz_results_dialog.h"

#include "app/quiz/quiz_attempt.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace finwave::app {

QDialog* classResultsDialog(QWidget* parent, const QuizClassSummary& s) {
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("classResults"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QCoreApplication::translate("ClassResults", "Class results"));
    auto* layout = new QVBoxLayout(dialog);
    double total = 0;
    for (const QuizAttempt& a : s.attempts)
        total += a.points;
    auto* head = new QLabel(dialog);
    head->setWordWrap(true);
    head->setText(s.attempts.isEmpty() ? QCoreApplication::translate("ClassResults", "No attempt could be read.")
                                       : QCoreApplication::translate("ClassResults", "%1 attempts · mean %2 points").arg(s.attempts.size()).arg(total / s.attempts.size(), 0, 'f', 1));
    layout->addWidget(head);
    auto* table = new QTableWidget(static_cast<int>(s.attempts.size()), 7, dialog);
    table->setObjectName(QStringLiteral("attempts"));
    table->setHorizontalHeaderLabels({QCoreApplication::translate("ClassResults", "Student"), QCoreApplication::translate("ClassResults", "Scenario"), QCoreApplication::translate("ClassResults", "When"), QCoreApplication::translate("ClassResults", "Points"), QCoreApplication::translate("ClassResults", "Right"), QCoreApplication::translate("ClassResults", "Wrong"), QCoreApplication::translate("ClassResults", "Hints")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAccessibleName(QCoreApplication::translate("ClassResults", "Attempts"));
    for (int r = 0; r < s.attempts.size(); ++r) {
        const QuizAttempt& a = s.attempts[r];
        const QStringList cells = {a.student, a.title.isEmpty() ? a.scenario : a.title, QLocale().toString(a.when, QLocale::ShortFormat),
                                   QString::number(a.points, 'f', 1), QString::number(a.right), QString::number(a.wrong),
                                   QString::number(a.hints)};
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table, 1);
    QStringList hardest;
    for (int i = 0; i < std::min<qsizetype>(5, s.hardest.size()); ++i)
        hardest << QCoreApplication::translate("ClassResults", "%1: %2 wrong").arg(s.hardest[i].first).arg(s.hardest[i].second);
    auto* hard = new QLabel(hardest.isEmpty() ? QCoreApplication::translate("ClassResults", "Every question was answered right.") : QCoreApplication::translate("ClassResults", "Most often wrong: %1").arg(hardest.join(QStringLiteral("; "))), dialog);
    hard->setObjectName(QStringLiteral("hardest"));
    hard->setWordWrap(true);
    layout->addWidget(hard);
    if (!s.problems.isEmpty()) {
        auto* problems = new QLabel(QCoreApplication::translate("ClassResults", "Not read: %1").arg(s.problems.join(QStringLiteral("; "))), dialog);
        problems->setObjectName(QStringLiteral("problems"));
        problems->setWordWrap(true);
        layout->addWidget(problems);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    // As wide as its columns want, within nine tenths of the window it opens over.
    const QSize want = table->sizeHint().expandedTo(QSize(table->horizontalHeader()->length() + 60, 0));
    const QSize room = parent ? parent->size() * 9 / 10 : want;
    dialog->resize(std::min(want.width(), room.width()), std::min(want.height() + 160, room.height()));
    return dialog;
}

void showClassResults(QWidget* parent) {
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(parent, QCoreApplication::translate("ClassResults", "Class results"), settings.value(QStringLiteral("quiz/attempts")).toString(),
                                                            QCoreApplication::translate("ClassResults", "FinWave quiz attempts (*.json);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("quiz/attempts"), QFileInfo(files.front()).absolutePath());
    classResultsDialog(parent, summarizeAttempts(files))->show();
}

}  // namespace finwave::app
