#pragma once
// Small helpers shared by the scenario editor's pages.

#include "core/protocol/scenario.h"

class QScrollArea;
class QWidget;

namespace finwave::app {

// `content` in a frameless scroll area that resizes it: a page scrolls rather than clip on a
// 1280×720 projector or in the projector theme's large type.
QScrollArea* scrolled(QWidget* content);
EndpointSetup& endpointOf(Scenario& s, Side side);
const EndpointSetup& endpointOf(const Scenario& s, Side side);

}  // namespace finwave::app
