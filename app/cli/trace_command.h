#pragma once

namespace finwave::app {

// `finwave trace`: runs a scenario to the end and prints its trace (text or jsonl). No display.
int runTrace(int argc, char** argv);

}  // namespace finwave::app
