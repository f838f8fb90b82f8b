#pragma once
// File → Export…'s dialog: what to draw and how (the view, the format, the size, the theme and
// language, a caption, the scope), with a preview of the window's run, every choice remembered.

#include "app/export/diagram_exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace finwave::app {

class SimController;

class ExportChoicesDialog : public QDialog {
    Q_OBJECT
public:
    ExportChoicesDialog(QWidget* parent, SimController* controller);

    ExportOptions options() const;
    bool completeRun() const;       // the complete run, or up to the current step
    QString extension() const;      // "png", "svg" or "pdf", as chosen
    QString formatName() const;     // "PNG", ...
    void remember() const;          // the choices, for next time

private:
    void buildControls();
    void enableWhatApplies();
    void refreshPreview();

    SimController* m_ctl;
    QComboBox *m_view, *m_format, *m_size, *m_theme, *m_language, *m_scope;
    QSpinBox* m_scale;
    QCheckBox *m_transparent, *m_caption;
    QLabel* m_preview;
};

}  // namespace finwave::app
