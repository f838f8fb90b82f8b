#pragma once
// A lesson: an ordered list of scenarios with a title and notes, as a small JSON file that names
// scenario files or built-ins. A teacher prepares it the evening before and pages through it in
// class.

#include "core/protocol/scenario.h"
#include "core/scenario/scenario_io.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace finwave {

struct LessonEntry {
    std::string builtin;                 // a built-in's name, or
    std::string file;                    // a scenario file, relative to the lesson's folder
    std::string title;                   // shown instead of the scenario's own, if set
    std::vector<Annotation> notes;       // added to the scenario's own notes
};

struct Lesson {
    std::string title;
    std::string notes;                   // what the lesson is about, for the teacher
    std::vector<LessonEntry> entries;
};

inline constexpr std::size_t kMaxLessonEntries = 200;

struct LessonResult {
    std::optional<Lesson> lesson;
    ScenarioError error;  // file, line, column and field, as for a scenario file
    explicit operator bool() const { return lesson.has_value(); }
};

LessonResult parseLesson(std::string_view json, std::string_view fileName);
LessonResult readLessonFile(const std::string& path);
// Whether a JSON text is meant as a lesson: its top object has the key "lesson" (a scenario file
// may not have it). Only looks; whether the lesson is valid is parseLesson's to say.
bool isLessonText(std::string_view json);
std::string writeLesson(const Lesson& lesson);

// One entry opened: its scenario with the entry's notes (and title) applied, or why it could not
// be opened (a missing or broken scenario file); `lessonDir` is the folder relative names start from.
struct LessonScenario {
    std::string label;                   // the built-in's name or the file's name
    std::optional<Scenario> scenario;
    ScenarioError error;
};
LessonScenario openLessonEntry(const LessonEntry& entry, const std::string& lessonDir);

}  // namespace finwave
