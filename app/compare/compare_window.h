#pragma once
// Simulation → Compare: two runs side by side on one time axis, stepping together, their events
// paired by core/compare with the first difference marked and the time shift of each pair.

#include "app/views/theme.h"
#include "core/compare/compare.h"
#include "core/protocol/scenario.h"

#include <QDialog>

#include <memory>
#include <vector>

class QComboBox;
class QPushButton;
class QTimer;
class QLabel;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace finwave::app {

class SequenceView;
class StateGraphView;
class SimController;

class CompareWindow : public QDialog {
    Q_OBJECT
public:
    // `current` is the window's run: what the user made of it (drops, sliders) is its first run.
    CompareWindow(const Scenario& current, const Scenario& loaded, QWidget* parent = nullptr);
    ~CompareWindow() override;

    enum class Second { OtherProfile, WithoutUserChanges, Capture, Builtin };
    void compareWith(Second kind, const QString& builtin = {});
    // The second run is a capture's connection (1-based; 0 asks when it has several), its first
    // pair put on the first run's row. Returns the reason it could not, or an empty string.
    QString compareWithCapture(const QString& path, int connection = 0);
    QString compareWithScenarioFile(const QString& path);  // the reason it could not, or empty
    void togglePlay();  // Space: both runs played together, a moment a second
    bool isPlaying() const;
    void playTick();    // the play timer's: the next moment, stopping at the end
    void stepForward();   // to the next moment either run has an event at
    void stepBack();
    void toStart();
    void toFirstDifference();
    const compare::Comparison& comparison() const { return m_comparison; }
    double shownSeconds() const;
    void setTheme(const Theme& theme);  // the main window's: the presenter layout's sizes too
    // Both runs as shown now, side by side with the summary under them, into a PNG, SVG or PDF
    // (its extension); the reason it failed, or an empty string.
    QString exportTo(const QString& path);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void load(const Scenario& first, const Scenario& second);
    void pairRuns(bool fromFirstPair);  // both controllers and m_runA, m_runB are loaded
    void chooseCapture();
    void chooseExport();
    void chooseScenarioFile();
    void showMoment(std::size_t moment);
    void fillLines();
    void fillProfiles();
    void retranslate();

    Scenario m_current, m_loaded;
    SimController *m_ctlA, *m_ctlB;
    SequenceView *m_viewA, *m_viewB;
    StateGraphView *m_graphA, *m_graphB;
    QTabWidget *m_sidesA, *m_sidesB;  // each run's sequence diagram or state graph, switched together
    QLabel *m_titleA, *m_titleB, *m_summary, *m_secondLabel;
    QComboBox* m_second;
    QPushButton *m_export, *m_playButton;
    QTimer* m_play;
    QTreeWidget* m_lines;
    QTabWidget* m_tabs;
    QTableWidget* m_profiles;  // rfc against linux: the differences that matter for closing
    std::shared_ptr<Simulator> m_runA, m_runB;  // both runs to their end, for the pairing
    compare::Comparison m_comparison;
    std::vector<Micros> m_stepTimesA, m_stepTimesB;  // when each step happens
    std::vector<Micros> m_moments;                   // every moment either run has an event at (shared clock)
    std::size_t m_moment = 0;
};

}  // namespace finwave::app
