#pragma once
// The scenario editor: a non-modal window that edits a copy of a scenario field by field, checks
// every field as it is typed with the file reader's rules and messages, keeps every edit on an
// undo stack, and hands the edited scenario over on Apply. Fields it does not show are carried
// through unchanged: it edits a copy of the scenario it was given, never builds a new one.

#include "core/scenario/scenario_rules.h"

#include <QDialog>

#include <functional>
#include <vector>

class QAction;
class QBoxLayout;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;
class QUndoStack;
class QWidget;

namespace finwave::app {

class NumberField;

class ScenarioEditor : public QDialog {
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget* parent = nullptr);
    ~ScenarioEditor() override;

    // Starts editing a copy of `scenario`; the undo history starts afresh.
    void setScenario(const Scenario& scenario);
    const Scenario& draft() const { return m_draft; }
    QUndoStack* undoStack() const { return m_undo; }
    // No field holds a wrong value and the scenario is within the reader's budgets.
    bool canApply() const;
    // Edits not yet applied (the undo stack is not at its clean point).
    bool hasPendingChanges() const;
    // Asked before Apply hands the scenario over; false keeps the draft (the window asks whether
    // to save a run's unsaved drops first).
    void setApplyGuard(std::function<bool()> guard) { m_guard = std::move(guard); }
    // The projector theme's larger type (14 pt) or the light theme's (10 pt).
    void setProjector(bool on);
    // 0 General, 1 Endpoints, 2 Actions, 3 Network and faults, 4 Protocol.
    void showPage(int index);

public Q_SLOTS:
    // Replaces the draft by the blank template (core blankScenario(), title translated), undoably.
    void newScenario();
    // Emits applied(draft()) when canApply(); the undo stack's clean point moves here.
    bool apply();
    // Back to the scenario as last set or applied (undoable).
    void revert();

Q_SIGNALS:
    // The edited scenario, to be loaded as a Reset does (SimController::loadScenario).
    void applied(const finwave::Scenario& scenario);
    // Emitted before applied() when the draft began as a New scenario since the editor was given
    // one: it is another document, so it must not be saved over the file the window holds.
    void appliedAsNew();

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class DraftCommand;
    using Get = std::function<double(const Scenario&)>;
    using Set = std::function<void(Scenario&, double)>;

    // One change of the draft, on the undo stack. Edits with the same merge key made while one
    // field keeps the focus become one command (typing "250" is one step, not three).
    void edit(const QString& mergeKey, const QString& what, const std::function<void(Scenario&)>& change);
    void setDraft(const Scenario& s, bool keepTyped);
    void refresh(bool keepTyped);
    void validate();

    // Fields bound to the draft: each refreshes from it and edits it.
    NumberField* number(const QString& key, NumberRule rule, int unit, Get get, Set set, QWidget* parent);
    QCheckBox* check(const QString& key, std::function<bool(const Scenario&)> get,
                     std::function<void(Scenario&, bool)> set, QWidget* parent);
    QComboBox* choice(const QString& key, const QStringList& items, std::function<int(const Scenario&)> get,
                      std::function<void(Scenario&, int)> set, QWidget* parent);
    QLineEdit* text(const QString& key, std::function<std::string(const Scenario&)> get,
                    std::function<void(Scenario&, const std::string&)> set, QWidget* parent);
    QLabel* label(QWidget* buddy, const char* text, QWidget* parent);
    template <class W>
    W* texted(W* w, const char* source) {  // a widget whose text is retranslated
        m_texts.emplace_back(w, source);
        return w;
    }

    QWidget* buildGeneral();
    QWidget* buildEndpoints();
    QWidget* buildNetwork();
    QWidget* buildChannel(Direction dir, QWidget* parent);
    QWidget* buildActions();
    QWidget* buildFaults(QWidget* parent);
    QWidget* buildFaultForm(QWidget* box);
    QWidget* buildProtocol();
    void listButtons(QWidget* parent, QBoxLayout* into, bool actions);
    void refreshLists();
    void retranslate();

    Scenario m_draft;
    Scenario m_base;  // as last set or applied: Revert goes back to it
    int m_appliedIndex = 0;  // the undo stack's index at the last Apply (0 after setScenario())
    QUndoStack* m_undo;
    int m_burst = 0;  // a new number each time the focus moves: merging stops at a focus change
    int m_actionRow = -1, m_faultRow = -1;
    std::vector<AppAction> m_shownActions;  // what the lists show, to re-list only on a change
    std::vector<Fault> m_shownFaults;
    std::vector<std::function<void(bool keepTyped)>> m_refreshers;
    std::vector<NumberField*> m_numbers;
    std::vector<std::pair<QWidget*, const char*>> m_texts;  // retranslated on a language change
    struct SideNames {
        QWidget *a, *b;
        const char* label;
    };
    std::vector<SideNames> m_sideNames;  // the endpoint grid's cells, named "Endpoint B: ISS" for screen readers
    NumberField* m_rtoMin = nullptr;
    QTabWidget* m_tabs;
    QListWidget *m_actionList, *m_faultList;
    QWidget *m_actionForm, *m_faultForm;
    QLabel *m_budget, *m_status;
    QLabel* m_paramsNote;
    QPushButton *m_new, *m_undoButton, *m_redoButton, *m_revert, *m_apply, *m_close;
    std::vector<QPushButton*> m_listButtons;  // add, remove, up, down of actions, then of faults
    QAction *m_undoAction, *m_redoAction;
    bool m_projector = false;
    bool m_sized = false;
    std::function<bool()> m_guard;
};

}  // namespace finwave::app
