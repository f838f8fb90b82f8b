#pragma once
// Help → User guide: a page per task (step a close, drop a segment, make a scenario, prepare a
// lesson, run a quiz, open a capture, export), in the window's language, from the program's
// resources (resources/guide/<language>/), so it needs no network and no browser.

#include <QString>

class QWidget;

namespace finwave::app {

// The guide's first page for a language ("en", "zh_CN"); English for any other.
QString userGuideIndex(const QString& language);
// Opens the guide (one window, raised if already open).
void showUserGuide(QWidget* parent);

}  // namespace finwave::app
