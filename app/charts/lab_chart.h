#pragma once
// The server lab's chart, shared by its window and `finwave lab --chart`. Qt Charts stays inside
// app/charts/ (it is deprecated from Qt 6.10 on).

#include "app/views/theme.h"
#include "core/lab/lab.h"

class QChart;

namespace finwave::app {

// Over simulated time: sockets in TIME_WAIT on each side and the client's ports in use (left
// axis), connections made, connect() failures and refusals per second (right axis).
QChart* makeLabChart(const lab::LabResult& result, const QString& title, const Theme& theme);

}  // namespace finwave::app
