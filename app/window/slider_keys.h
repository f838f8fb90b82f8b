#pragma once

class QAbstractSlider;

namespace finwave::app {

// Makes `slider` reachable with Tab (a click still leaves the focus where it was, so the arrow
// keys keep stepping the run after a drag) and, while it has the focus, lets it keep the arrow,
// Page and Home/End keys that are otherwise the window's shortcuts for stepping: a focused
// control owns its keys, as in any dialog.
void reachableByKeyboard(QAbstractSlider* slider);

}  // namespace finwave::app
