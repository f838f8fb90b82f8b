#pragma once
// Chart construction shared by the Charts panel and `finwave experiment`. Qt Charts is
// deprecated from Qt 6.10 on, so every use of it stays inside app/charts/.

#include "app/views/theme.h"
#include "core/sim/experiment.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <utility>
#include <vector>

class QChart;
class QValueAxis;

namespace finwave::app {

QChart* makeSweepChart(const SweepResult& result, const QString& scenarioName, const Theme& theme);
QChart* makePileupChart(const std::vector<std::pair<QString, PileupResult>>& series, double rate, const Theme& theme);
void styleChart(QChart* chart, const Theme& theme);
// About five ticks on round numbers (1, 2 or 5 times a power of ten) covering [lo, hi].
void niceTicks(QValueAxis* axis, double lo, double hi);

// The chart drawn as "png" or "svg" bytes, at `size`.
QByteArray renderChart(QChart* chart, const QString& ext, QSize size = QSize(1400, 800));
// PNG or SVG by extension, written atomically; empty string on success, else the reason.
QString saveChart(QChart* chart, const QString& path, QSize size = QSize(1400, 800));

}  // namespace finwave::app
