#pragma once
// The window's captures: File → Open capture… (list, choose, read with a progress bar that can
// cancel, reconstruct, replay) and File → Export capture… (the run as pcapng or pcap at A or B).
// The protocol work is core's (core/capture); this is only dialogs and words.

#include "core/capture/reconstruct.h"
#include "core/capture/teardown.h"

#include <QString>

class QWidget;

namespace finwave::app {

class SimController;

QString inferredText(capture::Inferred why);
QString teardownText(const capture::Teardown& t);

// Opens `path` into `ctl`; `connection` 0 asks when there are several. Returns an empty string on
// success, else the one-line reason naming the file (and packet) that the caller shows.
QString openCapture(QWidget* parent, SimController* ctl, const QString& path, int connection = 0);
// A capture's connection, read and reconstructed already, into `ctl` with its title and teardown.
void loadCaptureRun(SimController* ctl, const capture::Reconstruction& run, const QString& path, int connection);
void openCaptureDialog(QWidget* parent, SimController* ctl);
void exportCaptureDialog(QWidget* parent, SimController* ctl);

}  // namespace finwave::app
