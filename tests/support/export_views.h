#pragma once
// The scenes an export test draws from: a built-in scenario, or a long run of N segments.
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "core/scenario/builtin_scenarios.h"
#include "support/long_run.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QXmlStreamReader>

#include <string_view>

namespace finwave::testing {

struct Views {
    explicit Views(std::string_view name, quint64 step = 1'000'000) {
        ctl.loadScenario(*builtinScenario(name));
        ctl.seek(step);
    }
    app::SimController ctl;
    app::SequenceScene seq{&ctl};
    app::StateGraphScene states{&ctl};
};

struct BulkViews {
    explicit BulkViews(int segments) {
        ctl.loadScenario(longRun(segments));
        ctl.seek(1'000'000);
    }
    app::SimController ctl;
    app::SequenceScene seq{&ctl};
    app::StateGraphScene states{&ctl};
};

inline QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The text of an SVG, one line per text run; wellFormed says whether it parsed as XML.
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
