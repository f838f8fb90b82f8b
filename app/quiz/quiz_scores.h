#pragma once

#include "core/teaching/quiz_score.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace finwave::app {

// One finished quiz run as kept across sessions.
struct QuizRunRecord {
    QString scenario;
    QDateTime when;
    int right = 0, wrong = 0, hints = 0, bestStreak = 0;
    double points = 0;
};

// Quiz scores per scenario, kept in QSettings ("quiz/history", newest last, at most kMaxRuns),
// and their export as CSV.
class QuizScores {
public:
    static constexpr int kMaxRuns = 1000;

    static void save(const QString& scenario, const QuizScore& score, const QDateTime& when = QDateTime::currentDateTime());
    static QList<QuizRunRecord> history();
    static void clear();
    // The best points so far for one scenario (0 if never quizzed) and how many runs it had.
    static double best(const QString& scenario);
    static int runs(const QString& scenario);
    // The history as CSV (RFC 4180 quoting), header first.
    static QByteArray csv(const QList<QuizRunRecord>& runs);
    // Written atomically (QSaveFile); false with the reason in *error.
    static bool exportCsv(const QString& path, QString* error);
};

}  // namespace finwave::app
