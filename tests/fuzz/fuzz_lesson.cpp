// libFuzzer target: the lesson reader. Nothing may crash or hang; a refusal says why on one line
// with a code; what it accepts writes back to text it reads again unchanged, and its built-in
// entries open (a file entry is not opened: that would read whatever the input names on disk).
#include "core/scenario/lesson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace finwave;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LessonResult r = parseLesson(text, "fuzz.lesson");
    if (!r) {
        if (r.error.message.empty() || r.error.code == ScenarioErrorCode::None)
            std::abort();
        if (r.error.oneLine().find_first_of("\r\n") != std::string::npos)
            std::abort();
        return 0;
    }
    if (r.lesson->entries.size() > kMaxLessonEntries)
        std::abort();
    const std::string written = writeLesson(*r.lesson);
    const LessonResult again = parseLesson(written, "again.lesson");
    if (!again || writeLesson(*again.lesson) != written)
        std::abort();
    for (const LessonEntry& e : r.lesson->entries) {
        if (e.builtin.empty())
            continue;
        const LessonScenario opened = openLessonEntry(e, "/nonexistent-lesson-dir");
        if (!opened.scenario && opened.error.oneLine().find_first_of("\r\n") != std::string::npos)
            std::abort();
    }
    return 0;
}
