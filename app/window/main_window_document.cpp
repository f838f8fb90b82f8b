// The run as a document: saving what was done to it, the unsaved mark, asking before changes are
// lost, and lessons (an ordered list of scenarios paged with Page Down / Page Up).
#include "app/window/main_window.h"
#include "app/window/step_caption_bar.h"
#include "app/io/save_file.h"

#include "app/editor/scenario_editor.h"
#include "app/text/scenario_error_text.h"
#include "app/window/sim_controller.h"
#include "app/quiz/quiz_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/lesson.h"
#include "core/scenario/scenario_io.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace finwave::app {

bool MainWindow::isModified() const { return m_ctl->sim().hasLiveInteractions() || m_docChanged; }

bool MainWindow::saveRunTo(const QString& file, QString* error) {
    const std::string text = writeScenario(m_ctl->sim().recordedRun());
    // Nothing is written that the reader would refuse on opening it again.
    if (const ScenarioResult check = parseScenario(text, file.toStdString()); !check) {
        if (error)
            *error = tr("%1 was not written: %2").arg(file, scenarioErrorText(check.error));
        return false;
    }
    // A failed write (a full disk too) is reported and the old file kept (app/io/save_file.h).
    if (const QString why = saveFile(file, QByteArray(text.data(), static_cast<qsizetype>(text.size()))); !why.isEmpty()) {
        if (error)
            *error = tr("The file was not written: %1").arg(why);
        return false;
    }
    m_ctl->commitRecording();
    m_currentFile = file;
    m_docChanged = false;
    QSettings().setValue(QStringLiteral("scenario/folder"), QFileInfo(file).absolutePath());
    rememberRecent(file);
    markCurrentScenario();
    updateTitle();
    return true;
}

bool MainWindow::saveRun() {
    // A built-in, a shipped file or a lesson's page (which carries the lesson's notes and title)
    // is not overwritten: it asks for a name.
    if (m_currentFile.isEmpty() || m_currentFile.startsWith(QLatin1Char(':')) || !QFileInfo(m_currentFile).isWritable() ||
        m_lesson)
        return saveRunAs();
    return saveRunOrWarn(m_currentFile);
}

bool MainWindow::saveRunOrWarn(const QString& file) {
    QString error;
    if (saveRunTo(file, &error))
        return true;
    QMessageBox::warning(this, tr("Cannot save scenario"), error);
    return false;
}

bool MainWindow::saveRunAs() {
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("scenario/folder"),
                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Save run as scenario"),
        folder + QLatin1Char('/') + QString::fromStdString(m_ctl->scenario().name) + QStringLiteral(".json"),
        tr("FinWave scenarios (*.json)"));
    return !file.isEmpty() && saveRunOrWarn(file);
}

bool MainWindow::maybeKeepChanges() {
    if (!isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("This run has drops, changes or notes that are not saved."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them as a scenario first?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save: return saveRun();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

void MainWindow::resetRun() {
    // Reset applies the editor's edits, if it holds valid ones; a refusal to lose unsaved work
    // leaves the run as it is.
    if (m_editor && m_editor->hasPendingChanges() && m_editor->canApply()) {
        m_editor->apply();
        return;
    }
    if (m_ctl->sim().hasLiveInteractions() && !maybeKeepChanges())
        return;
    m_ctl->reset();
}

void MainWindow::endLesson() {
    m_lesson.reset();
    m_lessonIndex = -1;
    if (m_caption)
        m_caption->setLessonPage({}, {}, 0, 0);
    m_nextPage->setEnabled(false);
    m_prevPage->setEnabled(false);
}

void MainWindow::markCurrentScenario() {
    const QString current = QString::fromStdString(m_ctl->scenario().name);
    for (QAction* a : m_scenarioActions)
        a->setChecked(m_currentFile.isEmpty() && a->data().toString() == current);
}

// --- Lessons ----------------------------------------------------------------------------------

int MainWindow::lessonSize() const { return m_lesson ? static_cast<int>(m_lesson->entries.size()) : 0; }

QString MainWindow::lessonPlace() const {
    if (!m_lesson || m_lessonIndex < 0 || m_lessonIndex >= lessonSize())
        return {};
    const LessonEntry& e = m_lesson->entries[static_cast<std::size_t>(m_lessonIndex)];
    const QString label = QString::fromStdString(e.builtin.empty() ? QFileInfo(QString::fromStdString(e.file)).completeBaseName().toStdString() : e.builtin);
    return tr("%1 / %2: %3").arg(m_lessonIndex + 1).arg(lessonSize()).arg(label);
}

bool MainWindow::openLesson(const QString& file, QString* error, bool quiet) {
    // A lesson shipped in the program's resources is read through Qt, a file from disk by core.
    LessonResult r;
    if (file.startsWith(QLatin1Char(':'))) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            r.error.file = file.toStdString();
            r.error.code = ScenarioErrorCode::CannotOpen;
        } else {
            r = parseLesson(f.read(static_cast<qint64>(kMaxScenarioFileBytes) + 1).toStdString(), file.toStdString());
        }
    } else {
        r = readLessonFile(file.toStdString());
    }
    if (!r) {
        const QString msg = scenarioErrorText(r.error);
        if (error)
            *error = msg;
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open lesson"),
                                 tr("The lesson was not opened; the current scenario stays.\n\n%1").arg(msg));
        return false;
    }
    // Entries whose scenario file is missing or broken are named, and the rest open.
    const std::string dir = QFileInfo(file).absolutePath().toStdString();
    QStringList missing;
    Lesson lesson = *r.lesson;
    std::vector<LessonEntry> usable;
    for (const LessonEntry& e : lesson.entries) {
        const LessonScenario s = finwave::openLessonEntry(e, dir);
        if (s.scenario)
            usable.push_back(e);
        else
            missing << scenarioErrorText(s.error);
    }
    if (usable.empty()) {
        const QString msg = tr("%1: none of its scenarios could be opened.\n%2").arg(file, missing.join(QLatin1Char('\n')));
        if (error)
            *error = msg;
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open lesson"), msg);
        return false;
    }
    if (!missing.isEmpty()) {
        const QString msg = tr("These scenarios of the lesson could not be opened and are left out:\n%1")
                                .arg(missing.join(QLatin1Char('\n')));
        if (error)
            *error = msg;
        if (!quiet)
            QMessageBox::warning(this, tr("Lesson opened without some scenarios"), msg);
    }
    lesson.entries = std::move(usable);
    endLesson();
    m_lesson = std::make_unique<Lesson>(std::move(lesson));
    m_lessonFile = file;
    m_lessonDir = QString::fromStdString(dir);
    QSettings settings;
    settings.setValue(QStringLiteral("lesson/last"), file);
    // Keeps its place: the page it was left on.
    const int saved = settings.value(QStringLiteral("lesson/place/") + QString::fromLatin1(file.toUtf8().toHex())).toInt();
    openLessonEntry(std::clamp(saved, 0, lessonSize() - 1));
    return true;
}

void MainWindow::openLessonEntry(int index) {
    if (!m_lesson || index < 0 || index >= lessonSize())
        return;
    const LessonScenario s = finwave::openLessonEntry(m_lesson->entries[static_cast<std::size_t>(index)], m_lessonDir.toStdString());
    if (!s.scenario)
        return;
    m_lessonIndex = index;
    const LessonEntry& e = m_lesson->entries[static_cast<std::size_t>(index)];
    m_currentFile = e.file.empty() ? QString() : QDir(m_lessonDir).filePath(QString::fromStdString(e.file));
    m_docChanged = false;
    m_ctl->loadScenario(*s.scenario);
    markCurrentScenario();
    QSettings().setValue(QStringLiteral("lesson/place/") + QString::fromLatin1(m_lessonFile.toUtf8().toHex()), index);
    m_nextPage->setEnabled(index + 1 < lessonSize());
    m_prevPage->setEnabled(index > 0);
    m_caption->setLessonPage(QString::fromStdString(m_lesson->title), QString::fromStdString(m_lesson->notes), index + 1,
                             lessonSize());
    updateTitle();
    updateCaption();
}

bool MainWindow::moveInLesson(int delta) {
    const int next = m_lessonIndex + delta;
    if (!m_lesson || next < 0 || next >= lessonSize())
        return false;
    openLessonEntry(next);
    return true;
}

void MainWindow::openLessonDialog() {
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(this, tr("Open lesson"),
                                                      settings.value(QStringLiteral("scenario/folder")).toString(),
                                                      tr("FinWave lessons (*.json);;All files (*)"));
    if (!file.isEmpty())
        openLesson(file);
}

// The example lesson in the language the window speaks.
QString MainWindow::exampleLessonFile() {
    return tr("Why TIME_WAIT exists") != QLatin1String("Why TIME_WAIT exists")
               ? QStringLiteral(":/lessons/why-time-wait.zh_CN.json")
               : QStringLiteral(":/lessons/why-time-wait.en.json");
}

// --- Opening a scenario ---------------------------------------------------------------------

bool MainWindow::openScenario(const QString& nameOrFile, QString* error, bool quiet) {
    std::optional<Scenario> s = builtinScenario(nameOrFile.toStdString());
    QString file;
    if (!s) {
        const ScenarioResult r = readScenarioFile(nameOrFile.toStdString());
        if (!r) {
            const QString msg = scenarioErrorText(r.error);
            if (error)
                *error = msg;
            if (!quiet)
                QMessageBox::warning(this, tr("Cannot open scenario"),
                                     tr("The scenario was not loaded; the current one stays.\n\n%1").arg(msg));
            return false;
        }
        s = r.scenario;
        file = nameOrFile;
    }
    m_currentFile = file;
    m_docChanged = false;
    endLesson();  // another scenario opened by hand leaves the lesson
    m_ctl->loadScenario(*s);  // a quiz on goes on with the new scenario (and its settings, if any)
    markCurrentScenario();
    if (s->quiz && !m_quiz->isActive())
        m_quiz->start();  // a teacher's file opens as the quiz it holds
    QSettings settings;
    settings.setValue(QStringLiteral("scenario/last"), nameOrFile);
    if (!file.isEmpty())
        rememberRecent(file);
    return true;
}

// The file first in File > Recent (eight at most), opened or saved.
void MainWindow::rememberRecent(const QString& file) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("scenario/recent")).toStringList();
    recent.removeAll(file);
    recent.prepend(file);
    settings.setValue(QStringLiteral("scenario/recent"), recent.mid(0, 8));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("scenario/recent")).toStringList();
    for (const QString& f : recent)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] {
            if (maybeKeepChanges())
                openScenario(f);
        })->setToolTip(f);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openScenarioDialog() {
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(this, tr("Open scenario"),
                                                      settings.value(QStringLiteral("scenario/folder")).toString(),
                                                      tr("FinWave scenarios (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("scenario/folder"), QFileInfo(file).absolutePath());
    openScenario(file);
}

}  // namespace finwave::app
