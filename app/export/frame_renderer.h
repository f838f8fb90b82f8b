#pragma once
// The frames of an animated export, drawn with the views' own scenes (SequenceScene and
// StateGraphScene through the export's layout, diagram_layout.h): the run the window holds is
// copied, stepped and its display clock set for each planned frame, exactly as the window's Play
// moves it, and the scenes render into an image. No second renderer.

#include "app/export/animation_plan.h"
#include "app/export/diagram_exporter.h"

#include <QImage>
#include <QString>

#include <memory>

class QPainter;

namespace finwave::app {

class SimController;
class SequenceScene;
class StateGraphScene;

class FrameRenderer {
public:
    // Copies `source`'s run (its drops, slider moves and notes, or its capture) at `options`'
    // steps. GUI thread; the language the labels are written in is the one installed now.
    FrameRenderer(const SimController& source, const ExportOptions& options);
    ~FrameRenderer();
    FrameRenderer(const FrameRenderer&) = delete;
    FrameRenderer& operator=(const FrameRenderer&) = delete;

    QString problem() const { return m_problem; }  // the run is too large to draw (empty: fine)
    DiagramView view() const { return m_options.view; }
    quint64 fromStep() const { return m_from; }
    quint64 toStep() const { return m_to; }        // clamped to the run's last step
    // The run's time and round trip at each step from fromStep() to toStep().
    const std::vector<StepTiming>& timings() const { return m_timings; }
    AnimationPlan plan() const;

    // The whole frame: the diagram laid out for the run's last step, drawn as the run stands at the
    // frame's step and moment, and the step's sentence under it.
    QImage render(const PlannedFrame& frame);
    // The run at `step`, its clock at the step's own time (for a handout's page or an HTML step).
    void seek(quint64 step);
    // The diagram as the run stands now, in the frame's layout, as large as fits `target` and
    // centred in it (a handout's page).
    void paintDiagram(QPainter& painter, const QRectF& target);

    SimController& controller() { return *m_ctl; }
    SequenceScene& sequence() { return *m_seq; }
    StateGraphScene& states() { return *m_states; }

private:
    struct Private;
    std::unique_ptr<SimController> m_ctl;
    std::unique_ptr<SequenceScene> m_seq;
    std::unique_ptr<StateGraphScene> m_states;
    std::unique_ptr<Private> d;
    ExportOptions m_options;
    QString m_problem;
    quint64 m_from = 0, m_to = 0;
    std::vector<StepTiming> m_timings;
};

}  // namespace finwave::app
