#pragma once
// A quiz attempt as a file a teacher collects: the student's name, the scenario, when, the seed
// that ordered the choices, the score and each answer (JSON, one file per attempt), and the
// summary of several such files (the class's results).

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace finwave::app {

class QuizController;
class SimController;

struct QuizAttemptAnswer {
    quint64 step = 0;
    QString kind;      // "state", "segment", "timer", "arrival", "call"
    QString chosen, right;
    bool correct = false, hinted = false;
};

struct QuizAttempt {
    QString student, scenario, title;
    QDateTime when;
    quint64 seed = 0;
    int right = 0, wrong = 0, hints = 0, bestStreak = 0;
    double points = 0;
    QList<QuizAttemptAnswer> answers;
};

// The attempt the quiz holds now (its answers so far).
QuizAttempt currentAttempt(const QuizController& quiz, const SimController& ctl, const QString& student,
                           const QDateTime& when = QDateTime::currentDateTime());
QByteArray attemptJson(const QuizAttempt& a);
// Reads one attempt file (at most 1 MiB); nullopt with the one-line reason in *error.
std::optional<QuizAttempt> readAttempt(const QString& path, QString* error);

// Several attempts side by side: one row each, and for each step asked how many got it wrong.
struct QuizClassSummary {
    QList<QuizAttempt> attempts;
    QStringList problems;                 // files that could not be read, one line each
    QList<QPair<QString, int>> hardest;   // "scenario · step N" -> wrong answers, most first
};
QuizClassSummary summarizeAttempts(const QStringList& files);

}  // namespace finwave::app
