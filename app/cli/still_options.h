#pragma once
// The command line's export options as the still exporter's (view, format, scale, fit), shared by
// `finwave export` and `finwave export --compare`.

#include "app/export/diagram_exporter.h"
#include "core/options/command_line.h"

namespace finwave::app {

inline ExportOptions stillExportOptions(const options::ExportOptions& o) {
    ExportOptions e;
    e.view = o.view;
    e.format = o.format;
    e.scale = o.scale.value_or(1.0);
    if (o.fit)
        e.fit = QSize(o.fit->first, o.fit->second);
    e.transparent = o.transparent;
    return e;
}

}  // namespace finwave::app
