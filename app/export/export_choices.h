#pragma once
// File → Export…'s dialog: what to draw and how (the view, the format, the size, the theme and
// language, a caption, the scope), with a preview of the window's run, every choice remembered.
// For the run as it moves (GIF, MP4, HTML page, handout): the steps, and for GIF and MP4 the frame
// size, frames a second, speed and the animation's length, with one of its frames as the preview.

#include "app/export/diagram_exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace finwave::app {

class SimController;

class ExportChoicesDialog : public QDialog {
    Q_OBJECT
public:
    ExportChoicesDialog(QWidget* parent, SimController* controller);

    ExportOptions options() const;
    bool completeRun() const;       // the complete run, or up to the current step
    QString extension() const;      // "png", "svg", "pdf", "gif", "mp4" or "html", as chosen
    QString formatName() const;     // "PNG", ...
    void remember() const;          // the choices, for next time

private:
    void buildControls();
    void enableWhatApplies();
    void refreshPreview();
    void buildMovingControls();
    void refreshLength();       // the animation's length, and whether a GIF is too long
    bool isMoving() const;      // GIF, MP4, HTML page or handout

    SimController* m_ctl;
    QComboBox *m_view, *m_format, *m_size, *m_theme, *m_language, *m_scope;
    QSpinBox* m_scale;
    QCheckBox *m_transparent, *m_caption;
    QLabel* m_preview;
    // The run as it moves.
    QSpinBox *m_fromStep, *m_toStep, *m_fps;
    QComboBox* m_frameSize;
    QDoubleSpinBox* m_speed;
    QCheckBox *m_allowLong, *m_bothLanguages;
    QLabel* m_length;
    QWidget *m_stepsRow = nullptr, *m_rateRow = nullptr;
    QPushButton* m_ok = nullptr;
};

}  // namespace finwave::app
