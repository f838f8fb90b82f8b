#include "app/quiz/quiz_scores.h"
#include "app/io/save_file.h"

#include <QSettings>

namespace finwave::app {

namespace {
const QString kGroup = QStringLiteral("quiz/history");

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A leading
// =, +, - or @ is prefixed with ' so a spreadsheet does not run a scenario name as a formula.
QByteArray field(const QString& text) {
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n')) ||
        t.contains(QLatin1Char('\r'))) {
        t.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t.toUtf8();
}
}  // namespace

void QuizScores::save(const QString& scenario, const QuizScore& score, const QDateTime& when) {
    QList<QuizRunRecord> all = history();
    all.push_back({scenario, when, score.right(), score.wrong(), score.hints(), score.bestStreak(), score.points()});
    while (all.size() > kMaxRuns)
        all.pop_front();
    QSettings s;
    s.beginWriteArray(kGroup, static_cast<int>(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        s.setArrayIndex(i);
        const QuizRunRecord& r = all[i];
        s.setValue(QStringLiteral("scenario"), r.scenario);
        s.setValue(QStringLiteral("when"), r.when.toString(Qt::ISODate));
        s.setValue(QStringLiteral("right"), r.right);
        s.setValue(QStringLiteral("wrong"), r.wrong);
        s.setValue(QStringLiteral("hints"), r.hints);
        s.setValue(QStringLiteral("best_streak"), r.bestStreak);
        s.setValue(QStringLiteral("points"), r.points);
    }
    s.endArray();
}

QList<QuizRunRecord> QuizScores::history() {
    QSettings s;
    QList<QuizRunRecord> out;
    const int n = std::min(s.beginReadArray(kGroup), kMaxRuns);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        QuizRunRecord r;
        r.scenario = s.value(QStringLiteral("scenario")).toString();
        r.when = QDateTime::fromString(s.value(QStringLiteral("when")).toString(), Qt::ISODate);
        r.right = s.value(QStringLiteral("right")).toInt();
        r.wrong = s.value(QStringLiteral("wrong")).toInt();
        r.hints = s.value(QStringLiteral("hints")).toInt();
        r.bestStreak = s.value(QStringLiteral("best_streak")).toInt();
        r.points = s.value(QStringLiteral("points")).toDouble();
        out.push_back(r);
    }
    s.endArray();
    return out;
}

void QuizScores::clear() { QSettings().remove(kGroup); }

double QuizScores::best(const QString& scenario) {
    double best = 0;
    for (const QuizRunRecord& r : history())
        if (r.scenario == scenario)
            best = std::max(best, r.points);
    return best;
}

int QuizScores::runs(const QString& scenario) {
    int n = 0;
    for (const QuizRunRecord& r : history())
        n += r.scenario == scenario;
    return n;
}

QByteArray QuizScores::csv(const QList<QuizRunRecord>& runs) {
    // Column names are a file format, not UI text: they stay English.
    QByteArray out = "scenario,finished,right,wrong,hints,points,best_streak\r\n";
    for (const QuizRunRecord& r : runs) {
        out += field(r.scenario) + ',' + r.when.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(r.right) + ',' +
               QByteArray::number(r.wrong) + ',' + QByteArray::number(r.hints) + ',' + QByteArray::number(r.points, 'f', 1) +
               ',' + QByteArray::number(r.bestStreak) + "\r\n";
    }
    return out;
}

bool QuizScores::exportCsv(const QString& path, QString* error) {
    const QString why = saveFile(path, csv(history()));  // the old file kept on a failed write
    if (!why.isEmpty() && error)
        *error = why;
    return why.isEmpty();
}

}  // namespace finwave::app
