#pragma once
// Shared by the export tests: a run with both scenes built, and readers of what was written.
#include "app/export/diagram_exporter.h"
#include "app/reason_text.h"
#include "app/sim_controller.h"
#include "app/views/sequence_items.h"
#include "app/views/sequence_scene.h"
#include "app/views/sequence_view.h"
#include "app/views/state_graph_scene.h"
#include "app/views/state_graph_view.h"
#include "core/builtin_scenarios.h"
#include "tests/support/long_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>
#include <QImage>
#include <QTemporaryDir>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

namespace finwave::testing {
using namespace finwave::app;

struct Views {
    explicit Views(std::string_view name, quint64 step = 1'000'000) {
        ctl.loadScenario(*builtinScenario(name));
        ctl.seek(step);
    }
    SimController ctl;
    SequenceScene seq{&ctl};
    StateGraphScene states{&ctl};
};

inline QByteArray read(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size();
}


struct BulkViews {
    explicit BulkViews(int segments) {
        ctl.loadScenario(finwave::testing::longRun(segments));
        ctl.seek(1'000'000);
    }
    SimController ctl;
    SequenceScene seq{&ctl};
    StateGraphScene states{&ctl};
};

// Columns of the image that hold something other than the background, as runs [from, to).
inline std::vector<std::pair<int, int>> inkedRuns(const QImage& image, QRgb background) {
    std::vector<std::pair<int, int>> runs;
    int start = -1;
    for (int x = 0; x < image.width(); ++x) {
        bool ink = false;
        for (int y = 0; y < image.height() && !ink; y += 3)
            ink = image.pixel(x, y) != background;
        if (ink && start < 0)
            start = x;
        if (!ink && start >= 0) {
            runs.emplace_back(start, x);
            start = -1;
        }
    }
    if (start >= 0)
        runs.emplace_back(start, image.width());
    return runs;
}

inline QString svgText(const QByteArray& svg, bool* wellFormed) {
    QXmlStreamReader xml(svg);
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            text += xml.text().toString() + QLatin1Char('\n');
    }
    *wellFormed = !xml.hasError();
    return text;
}
}  // namespace finwave::testing
