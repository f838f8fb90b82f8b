#include "app/quiz/quiz_attempt.h"

#include "app/quiz/quiz_controller.h"
#include "app/quiz/quiz_text.h"
#include "app/window/sim_controller.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr qint64 kMaxAttemptBytes = 1 << 20;
constexpr int kFormat = 1;

}  // namespace

QuizAttempt currentAttempt(const QuizController& quiz, const SimController& ctl, const QString& student, const QDateTime& when) {
    QuizAttempt a;
    a.student = student;
    a.scenario = QString::fromStdString(ctl.scenario().name);
    a.title = QString::fromStdString(ctl.scenario().title);
    a.when = when;
    a.seed = quiz.attemptSeed();
    const QuizScore& s = quiz.score();
    a.right = s.right();
    a.wrong = s.wrong();
    a.hints = s.hints();
    a.bestStreak = s.bestStreak();
    a.points = s.points();
    for (const auto& done : quiz.answered()) {
        const QuizQuestion& q = done.question;
        QuizAttemptAnswer x;
        x.step = q.step;
        x.kind = QString::fromUtf8(quizKindName(q.kind).data());  // the scenario file's names
        x.chosen = quizChoiceText(q, q.choices[static_cast<std::size_t>(done.chosen)]);
        x.right = quizChoiceText(q, q.choices[static_cast<std::size_t>(q.right)]);
        x.correct = done.chosen == q.right;
        x.hinted = done.hinted;
        a.answers << x;
    }
    return a;
}

QByteArray attemptJson(const QuizAttempt& a) {
    QJsonArray answers;
    for (const QuizAttemptAnswer& x : a.answers)
        answers.append(QJsonObject{{QStringLiteral("step"), static_cast<qint64>(x.step)},
                                   {QStringLiteral("kind"), x.kind},
                                   {QStringLiteral("chosen"), x.chosen},
                                   {QStringLiteral("right"), x.right},
                                   {QStringLiteral("correct"), x.correct},
                                   {QStringLiteral("hinted"), x.hinted}});
    const QJsonObject root{{QStringLiteral("finwave_quiz_attempt"), kFormat},
                           {QStringLiteral("student"), a.student},
                           {QStringLiteral("scenario"), a.scenario},
                           {QStringLiteral("title"), a.title},
                           {QStringLiteral("when"), a.when.toString(Qt::ISODate)},
                           {QStringLiteral("seed"), QString::number(a.seed)},  // 64 bits: a string, not a double
                           {QStringLiteral("right"), a.right},
                           {QStringLiteral("wrong"), a.wrong},
                           {QStringLiteral("hints"), a.hints},
                           {QStringLiteral("best_streak"), a.bestStreak},
                           {QStringLiteral("points"), a.points},
                           {QStringLiteral("answers"), answers}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QuizAttempt> readAttempt(const QString& path, QString* error) {
    const auto fail = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), why);
        return std::nullopt;
    };
    if (!QFileInfo(path).isFile())
        return fail(QCoreApplication::translate("QuizAttempt", "not a file"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    const QByteArray bytes = f.read(kMaxAttemptBytes + 1);
    if (bytes.size() > kMaxAttemptBytes)
        return fail(QCoreApplication::translate("QuizAttempt", "larger than 1 MiB: not a quiz attempt"));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    const QJsonObject o = doc.object();
    if (parse.error != QJsonParseError::NoError || o.value(QStringLiteral("finwave_quiz_attempt")).toInt() != kFormat)
        return fail(QCoreApplication::translate("QuizAttempt", "not a FinWave quiz attempt"));
    QuizAttempt a;
    a.student = o.value(QStringLiteral("student")).toString();
    a.scenario = o.value(QStringLiteral("scenario")).toString();
    a.title = o.value(QStringLiteral("title")).toString();
    a.when = QDateTime::fromString(o.value(QStringLiteral("when")).toString(), Qt::ISODate);
    a.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    a.right = o.value(QStringLiteral("right")).toInt();
    a.wrong = o.value(QStringLiteral("wrong")).toInt();
    a.hints = o.value(QStringLiteral("hints")).toInt();
    a.bestStreak = o.value(QStringLiteral("best_streak")).toInt();
    a.points = o.value(QStringLiteral("points")).toDouble();
    for (const QJsonValue& v : o.value(QStringLiteral("answers")).toArray()) {
        const QJsonObject x = v.toObject();
        a.answers << QuizAttemptAnswer{static_cast<quint64>(x.value(QStringLiteral("step")).toInteger()),
                                       x.value(QStringLiteral("kind")).toString(),
                                       x.value(QStringLiteral("chosen")).toString(),
                                       x.value(QStringLiteral("right")).toString(),
                                       x.value(QStringLiteral("correct")).toBool(),
                                       x.value(QStringLiteral("hinted")).toBool()};
    }
    if (a.student.isEmpty() || a.scenario.isEmpty())
        return fail(QCoreApplication::translate("QuizAttempt", "no student or scenario named"));
    return a;
}

QuizClassSummary summarizeAttempts(const QStringList& files) {
    QuizClassSummary out;
    QMap<QString, int> wrong;
    for (const QString& file : files) {
        QString why;
        if (auto a = readAttempt(file, &why)) {
            for (const QuizAttemptAnswer& x : a->answers)
                if (!x.correct)
                    ++wrong[QStringLiteral("%1 · step %2").arg(a->scenario).arg(x.step)];
            out.attempts << *a;
        } else {
            out.problems << why;
        }
    }
    for (auto it = wrong.cbegin(); it != wrong.cend(); ++it)
        out.hardest << qMakePair(it.key(), it.value());
    std::stable_sort(out.hardest.begin(), out.hardest.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    std::sort(out.attempts.begin(), out.attempts.end(), [](const QuizAttempt& x, const QuizAttempt& y) {
        return x.student != y.student ? x.student < y.student : x.when < y.when;
    });
    return out;
}

}  // namespace finwave::app
