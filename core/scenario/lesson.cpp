// Reading and writing lesson files with the scenario reader's budgets and error style.
#include "core/scenario/lesson.h"

#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/internal/json_scan.h"
#include "core/scenario/internal/scenario_fields.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace finwave {

using nlohmann::json;
using Code = ScenarioErrorCode;

namespace {

[[noreturn]] void fail(Code code, std::string field, std::string message, std::string expected = {}) {
    ScenarioError e;
    e.code = code;
    e.field = std::move(field);
    e.message = std::move(message);
    e.expected = std::move(expected);
    throw ScenarioFailure{std::move(e)};
}

void checkKeys(const json& j, const std::string& path, std::initializer_list<std::string_view> allowed) {
    if (!j.is_object())
        fail(Code::NotAnObject, path, "must be an object");
    std::string list;
    for (auto a : allowed)
        list += (list.empty() ? "" : ", ") + std::string(a);
    for (const auto& [key, value] : j.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            fail(Code::UnknownField, printable(path.empty() ? key : path + "." + key),
                 "unknown field (expected one of: " + list + ")", list);
}

std::string text(const json& j, const std::string& path, const char* key) {
    if (!j.contains(key))
        return {};
    const json& v = j.at(key);
    if (!v.is_string())
        fail(Code::NotAString, path.empty() ? key : path + "." + key, "must be a string");
    return v.get<std::string>();
}

const json& list(const json& j, const char* key, const std::string& field, std::size_t limit) {
    return boundedList(j, key, field, limit);
}

Annotation readNote(const json& j, const std::string& path) {
    checkKeys(j, path, {"step", "text"});
    if (!j.contains("step"))
        fail(Code::MissingField, path + ".step", "is missing");
    const json& step = j.at("step");
    if (!step.is_number())
        fail(Code::NotANumber, path + ".step", "must be a number");
    const double d = step.get<double>();
    if (!std::isfinite(d) || d < 0 || d > 1e9) {
        ScenarioError e;
        e.code = Code::OutOfRange;
        e.field = path + ".step";
        e.message = "must be between 0 and 1e+09";
        e.low = 0;
        e.high = 1e9;
        throw ScenarioFailure{std::move(e)};
    }
    if (d != std::floor(d)) {  // a step is a whole number (2.5 was read as 2)
        ScenarioError e;
        e.code = Code::NotWhole;
        e.field = path + ".step";
        e.message = "must be a whole number between 0 and 1e+09";
        e.low = 0;
        e.high = 1e9;
        throw ScenarioFailure{std::move(e)};
    }
    Annotation a{static_cast<std::uint64_t>(d), text(j, path, "text")};
    if (a.text.size() > kMaxAnnotationBytes)
        fail(Code::OutOfRange, path + ".text", "is longer than " + std::to_string(kMaxAnnotationBytes) + " bytes");
    return a;
}

LessonEntry readEntry(const json& j, const std::string& path) {
    checkKeys(j, path, {"builtin", "file", "title", "notes"});
    LessonEntry e;
    e.builtin = text(j, path, "builtin");
    e.file = text(j, path, "file");
    if (e.builtin.empty() == e.file.empty())
        fail(Code::MissingField, path + (j.contains("builtin") ? ".file" : ".builtin"),
             "names one scenario: either \"builtin\" or \"file\"", "builtin, file");
    if (!e.builtin.empty() && !builtinScenario(e.builtin)) {
        ScenarioError err;
        err.code = Code::NotOneOf;
        err.field = path + ".builtin";
        err.value = printable(e.builtin);
        for (auto n : builtinScenarioNames())
            err.expected += (err.expected.empty() ? "" : ", ") + std::string(n);
        err.message = "'" + err.value + "' is not one of: " + err.expected;
        throw ScenarioFailure{std::move(err)};
    }
    e.title = text(j, path, "title");
    if (j.contains("notes")) {
        const json& notes = list(j, "notes", path + ".notes", kMaxAnnotations);
        for (std::size_t i = 0; i < notes.size(); ++i)
            e.notes.push_back(readNote(notes[i], path + ".notes[" + std::to_string(i) + "]"));
    }
    return e;
}

Lesson readLessonFields(const json& root) {
    checkKeys(root, "", {"lesson", "title", "notes", "scenarios"});
    if (!root.contains("lesson"))
        fail(Code::MissingField, "lesson", "is missing (the lesson format's version: 1)");
    if (!root.at("lesson").is_number() || root.at("lesson").get<double>() != 1) {
        ScenarioError e;
        e.code = Code::UnsupportedVersion;
        e.field = "lesson";
        e.value = printable(root.at("lesson").dump());
        e.message = "version " + e.value + " is not supported (this program reads lesson version 1)";
        throw ScenarioFailure{std::move(e)};
    }
    Lesson l;
    l.title = text(root, "", "title");
    l.notes = text(root, "", "notes");
    if (!root.contains("scenarios"))
        fail(Code::MissingField, "scenarios", "is missing (the list of scenarios)");
    const json& entries = list(root, "scenarios", "scenarios", kMaxLessonEntries);
    for (std::size_t i = 0; i < entries.size(); ++i)
        l.entries.push_back(readEntry(entries[i], "scenarios[" + std::to_string(i) + "]"));
    return l;
}

}  // namespace

LessonResult parseLesson(std::string_view text, std::string_view fileName) {
    LessonResult result;
    std::optional<Lesson> read;
    result.error = parseJsonDocument(text, fileName, [&](const json& root) { read = readLessonFields(root); });
    if (result.error.code == Code::None)
        result.lesson = std::move(read);
    return result;
}

LessonResult readLessonFile(const std::string& path) {
    LessonResult r;
    const auto text = readBoundedFile(path, r.error);
    return text ? parseLesson(*text, path) : r;
}

bool isLessonText(std::string_view text) { return findJsonField(text, "lesson").has_value(); }

std::string writeLesson(const Lesson& l) {
    nlohmann::ordered_json j;
    j["lesson"] = 1;
    j["title"] = l.title;
    j["notes"] = l.notes;
    j["scenarios"] = nlohmann::ordered_json::array();
    for (const LessonEntry& e : l.entries) {
        nlohmann::ordered_json entry;
        if (!e.builtin.empty())
            entry["builtin"] = e.builtin;
        else
            entry["file"] = e.file;
        if (!e.title.empty())
            entry["title"] = e.title;
        if (!e.notes.empty()) {
            entry["notes"] = nlohmann::ordered_json::array();
            for (const Annotation& a : e.notes)
                entry["notes"].push_back({{"step", a.step}, {"text", a.text}});
        }
        j["scenarios"].push_back(entry);
    }
    return j.dump(2) + "\n";
}

LessonScenario openLessonEntry(const LessonEntry& entry, const std::string& lessonDir) {
    LessonScenario out;
    if (!entry.builtin.empty()) {
        out.label = entry.builtin;
        out.scenario = builtinScenario(entry.builtin);
    } else {
        namespace fs = std::filesystem;
        const fs::path path = fs::path(entry.file).is_absolute() ? fs::path(entry.file) : fs::path(lessonDir) / entry.file;
        out.label = fs::path(entry.file).filename().string();
        ScenarioResult r = readScenarioFile(path.string());
        if (!r) {
            out.error = r.error;
            return out;
        }
        out.scenario = std::move(r.scenario);
    }
    if (!entry.title.empty())
        out.scenario->title = entry.title;
    for (const Annotation& a : entry.notes) {
        auto& notes = out.scenario->annotations;
        const auto at = std::find_if(notes.begin(), notes.end(), [&](const Annotation& n) { return n.step >= a.step; });
        if (at != notes.end() && at->step == a.step)
            at->text = a.text;
        else
            notes.insert(at, a);
    }
    return out;
}

}  // namespace finwave
