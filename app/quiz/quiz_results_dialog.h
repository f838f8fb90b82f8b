#pragma once
// Simulation → Class results…: several students' quiz attempt files side by side (quiz_attempt.h).

class QDialog;
class QWidget;

namespace finwave::app {

struct QuizClassSummary;

// Asks for attempt files, then shows them: one row per attempt, the steps most got wrong, and
// the files that could not be read.
void showClassResults(QWidget* parent);
// The dialog for attempts already read (tests, and the above once it has them).
QDialog* classResultsDialog(QWidget* parent, const QuizClassSummary& summary);

}  // namespace finwave::app
