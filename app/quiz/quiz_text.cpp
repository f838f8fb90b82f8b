#include "app/quiz/quiz_text.h"

#include "app/text/reason_text.h"
#include "core/teaching/quiz_score.h"

#include <QCoreApplication>

namespace finwave::app {

// The shipped quizzes' titles and descriptions (resources/quizzes/*.json), for lupdate:
// scenarioTitle() and scenarioDescription() translate them in the "Scenario" context.
[[maybe_unused]] static const char* const kShippedQuizTexts[] = {
    QT_TRANSLATE_NOOP("Scenario", "Quiz: closing states"),
    QT_TRANSLATE_NOOP("Scenario", "Predict each step of three closes: the normal four-segment close, then a simultaneous "
                                  "close (CLOSING), then a half-close."),
    QT_TRANSLATE_NOOP("Scenario", "Quiz: when things go wrong"),
    QT_TRANSLATE_NOOP("Scenario", "Predict each step when a FIN is lost, when the last ACK is lost, and when a close ends "
                                  "in RST (SO_LINGER 0, unread data)."),
};

namespace {
QString name(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<int>(s.size())); }
}  // namespace

QString quizKindText(QuizKind kind) {
    switch (kind) {
    case QuizKind::State: return QCoreApplication::translate("Quiz", "next state");
    case QuizKind::Segment: return QCoreApplication::translate("Quiz", "next segment");
    case QuizKind::Timer: return QCoreApplication::translate("Quiz", "next timer");
    case QuizKind::Arrival: return QCoreApplication::translate("Quiz", "fate of a segment");
    case QuizKind::Call: return QCoreApplication::translate("Quiz", "what a call returns");
    }
    return {};
}

// The event that comes next, as the question names it: "B's application calls close()", "A's FIN
// arrives at B", "A's RTX timer fires".
QString quizCauseText(const Simulator& sim, const QuizCause& c) {
    const QString side = name(sideName(c.side));
    switch (c.kind) {
    case QuizCause::Kind::None: return {};
    case QuizCause::Kind::Call:
        return QCoreApplication::translate("Quiz", "%1's application calls %2()").arg(side, name(socketCallName(c.call)));
    case QuizCause::Kind::Arrival:
        return QCoreApplication::translate("Quiz", "%1 arrives at %2").arg(segmentLabel(sim, c.segment), side);
    case QuizCause::Kind::TimerFires:
        return QCoreApplication::translate("Quiz", "%1's %2 timer fires").arg(side, name(timerName(c.timer)));
    case QuizCause::Kind::Output:
        return QCoreApplication::translate("Quiz", "the data %1's application wrote leaves").arg(side);
    }
    return {};
}

QString quizPrompt(const Simulator& sim, const QuizQuestion& q) {
    const QString side = name(sideName(q.side));
    const QString cause = quizCauseText(sim, q.cause);
    switch (q.kind) {
    case QuizKind::State:
        if (!cause.isEmpty())
            return QCoreApplication::translate("Quiz", "%1 is in %2. Next: %3. Which state does %1 enter?")
                .arg(side, name(stateName(q.from)), cause);
        return QCoreApplication::translate("Quiz", "%1 is in %2. Which state does %1 enter next?").arg(side, name(stateName(q.from)));
    case QuizKind::Segment:
        if (!cause.isEmpty())
            return QCoreApplication::translate("Quiz", "%1 is in %2. Next: %3. Which segment does %1 send?")
                .arg(side, name(stateName(sim.state(q.side))), cause);
        return QCoreApplication::translate("Quiz", "%1 is in %2. Which segment does %1 send next?").arg(side, name(stateName(sim.state(q.side))));
    case QuizKind::Timer:
        return QCoreApplication::translate("Quiz", "No segment arrives before a timer fires. Which timer fires next, and when?");
    case QuizKind::Arrival:
        return QCoreApplication::translate("Quiz", "%1 reaches %2 in %3. What does %2 do with it?")
            .arg(segmentLabel(sim, q.arriving), side, name(stateName(sim.state(q.side))));
    case QuizKind::Call:
        if (!cause.isEmpty())
            return QCoreApplication::translate("Quiz", "%1 is in %2, its application in %3(). Next: %4. What does %3() return?")
                .arg(side, name(stateName(sim.state(q.side))), name(socketCallName(q.call)), cause);
        return QCoreApplication::translate("Quiz", "%1 is in %2, its application in %3(). What does %3() return next?")
            .arg(side, name(stateName(sim.state(q.side))), name(socketCallName(q.call)));
    }
    return {};
}

QString quizChoiceText(const QuizQuestion& q, const QuizChoice& c) {
    switch (q.kind) {
    case QuizKind::State: return name(stateName(c.state));
    case QuizKind::Segment: {
        QString out = QString::fromStdString(flagsText(c.flags)).replace(QLatin1Char(','), QStringLiteral(", "));
        out += QStringLiteral(" seq=%1").arg(c.seq);
        if (c.flags & flag::Ack)
            out += QStringLiteral(" ack=%1").arg(c.ack);
        if (c.len > 0)
            out += QStringLiteral(" len=%1").arg(c.len);
        return out;
    }
    case QuizKind::Timer:
        return QCoreApplication::translate("Quiz", "%1's %2 timer, at t = %3")
            .arg(name(sideName(c.side)), name(timerName(c.timer)), formatTime(q.askedAt + c.after));
    case QuizKind::Arrival:
        switch (c.outcome) {
        case ArrivalOutcome::Accepted: return QCoreApplication::translate("Quiz", "accepted, nothing sent back");
        case ArrivalOutcome::Acked: return QCoreApplication::translate("Quiz", "answered with an ACK");
        case ArrivalOutcome::Ignored: return QCoreApplication::translate("Quiz", "ignored: dropped, nothing sent back");
        case ArrivalOutcome::Reset: return QCoreApplication::translate("Quiz", "answered with RST");
        }
        break;
    case QuizKind::Call: {
        const QString call = name(socketCallName(q.call));
        if (c.error != SocketError::None)
            return QStringLiteral("%1() = -1 %2").arg(call, name(socketErrorName(c.error)));
        if (q.call == SocketCall::Read && c.value == 0)
            return QCoreApplication::translate("Quiz", "%1() = 0 (end of stream)").arg(call);
        return QStringLiteral("%1() = %2").arg(call).arg(c.value);
    }
    }
    return {};
}

QString quizVerdict(const QuizQuestion& q, int chosen) {
    const QString right =
        QStringLiteral("%1. %2").arg(q.right + 1).arg(quizChoiceText(q, q.choices[static_cast<std::size_t>(q.right)]));
    if (chosen == q.right)
        return QCoreApplication::translate("Quiz", "Right: %1").arg(right);
    return QCoreApplication::translate("Quiz", "Wrong. The answer is %1").arg(right);
}

QString quizExplanation(const QuizQuestion& q) {
    QString section = name(q.section);
    if (!q.rowId.empty())
        section = QCoreApplication::translate("Quiz", "%1, row %2").arg(section, name(q.rowId));
    return QStringLiteral("%1 (%2)").arg(reasonSentence(q.reason), section);
}

QString quizScoreLine(const QuizScore& s) {
    return QCoreApplication::translate("Quiz", "Quiz: right %1 · wrong %2 · hints %3 · points %4 · streak %5")
        .arg(s.right())
        .arg(s.wrong())
        .arg(s.hints())
        .arg(s.points(), 0, 'f', 1)
        .arg(s.streak());
}

}  // namespace finwave::app
