#pragma once

#include <QWidget>

#include <array>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace finwave::app {

class QuizController;
class SimController;

// The quiz strip over the diagrams: the question and its choices (keys 1-4), the hint (H), the
// reveal with the rule and its RFC section, next (Enter); at the end of a run the summary with
// the questions missed (click one to go to its step) and the CSV export of the scores.
class QuizPanel : public QWidget {
    Q_OBJECT
public:
    QuizPanel(QuizController* quiz, SimController* controller, QWidget* parent = nullptr);

    // For tests and screenshots.
    QString promptText() const;
    QString verdictText() const;
    QPushButton* choiceButton(int i) const { return m_choices[static_cast<std::size_t>(i)]; }
    QListWidget* missedList() const { return m_missed; }
    bool showsSummary() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void update();
    void showSummary();
    void showPage(int index);
    void exportCsv();
    void saveAttempt();

    QuizController* m_quiz;
    SimController* m_ctl;
    std::vector<QWidget*> m_pages;  // the question, the summary
    QLabel *m_header, *m_prompt, *m_verdict, *m_explain;
    std::array<QPushButton*, 4> m_choices{};
    QPushButton *m_hint, *m_next, *m_end;
    QLabel *m_sumTitle, *m_sumScore, *m_sumMissedTitle;
    QListWidget* m_missed;
    QPushButton *m_nextRun, *m_again, *m_export, *m_sumEnd;
    QPushButton* m_saveAttempt = nullptr;
};

}  // namespace finwave::app
