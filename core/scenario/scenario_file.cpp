// Reading scenario files: JSON with a version field and every parameter (nlohmann-json). Budgets
// first (file size, nesting, list length, value count, duplicate keys: json_scan.h), then the
// parser, then each field with its range (scenario_fields.cpp), then the work budgets
// (scenario_budgets.cpp).
#include "core/scenario/internal/json_scan.h"
#include "core/scenario/internal/scenario_fields.h"

#include <nlohmann/json.hpp>

#include <functional>

#include <cerrno>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace finwave {

using nlohmann::json;
using Code = ScenarioErrorCode;

namespace {
// Line and column (1-based) of a byte offset.
void locate(std::string_view text, std::size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 3, column 11: syntax
// error while parsing value - unexpected ','; ...": keep the description after the location.
std::string describe(const std::string& what) {
    std::size_t from = what.find("] ");
    from = from == std::string::npos ? 0 : from + 2;
    if (const auto colon = what.find(": ", from); colon != std::string::npos && what.compare(from, 11, "parse error") == 0)
        from = colon + 2;
    return printable(std::string_view(what).substr(from), 160);
}

ScenarioResult invalidJson(ScenarioResult result, const std::string& what) {
    result.error.code = Code::InvalidJson;
    result.error.expected = describe(what);
    result.error.message = "not valid JSON: " + result.error.expected;
    return result;
}
}  // namespace

ScenarioError parseJsonDocument(std::string_view text, std::string_view fileName,
                                const std::function<void(const nlohmann::json&)>& readFields) {
    ScenarioResult result;
    result.error.file = std::string(fileName);
    ScenarioError& error = result.error;
    if (text.size() > kMaxScenarioFileBytes) {
        error.code = Code::FileTooLarge;
        error.limit = kMaxScenarioFileBytes;
        error.actual = text.size();
        error.message = "is larger than " + std::to_string(kMaxScenarioFileBytes) + " bytes, the limit for a scenario file";
        return error;
    }
    if (const auto issue = scanJsonBudgets(text, {kMaxScenarioNesting, kMaxListEntries, kMaxJsonValues})) {
        error.code = issue->code;
        error.field = printable(issue->field);
        locate(text, issue->offset, error.line, error.column);
        if (issue->code == Code::NestedTooDeep) {
            error.limit = kMaxScenarioNesting;
            error.message = "nests deeper than " + std::to_string(kMaxScenarioNesting) + " levels, the limit for a scenario file";
        } else if (issue->code == Code::ListTooLong) {
            error.limit = kMaxListEntries;
            error.message = "has more than " + std::to_string(kMaxListEntries) + " entries, the limit for a list";
        } else if (issue->code == Code::TooManyValues) {
            error.limit = kMaxJsonValues;
            error.message = "is past " + std::to_string(kMaxJsonValues) + " values, the limit for a scenario file";
        } else {
            int line = 0, column = 0;
            locate(text, issue->firstOffset, line, column);
            error.limit = static_cast<std::uint64_t>(line);  // where the key first appears
            error.actual = static_cast<std::uint64_t>(column);
            error.message = "appears twice in one object (first at line " + std::to_string(line) + ", column " +
                            std::to_string(column) + ")";
        }
        return error;
    }
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        locate(text, e.byte > 0 ? e.byte - 1 : 0, error.line, error.column);
        return invalidJson(std::move(result), e.what()).error;
    } catch (const json::exception& e) {
        // For instance a number too large for a double (found by the fuzzer): out_of_range.
        return invalidJson(std::move(result), e.what()).error;
    }
    try {
        readFields(root);
    } catch (ScenarioFailure& f) {
        f.e.file = error.file;
        error = std::move(f.e);
        // A missing field is not in the text: point at the object that lacks it.
        for (std::string path = error.field; !path.empty();) {
            if (const auto at = findJsonField(text, path)) {
                locate(text, *at, error.line, error.column);
                break;
            }
            const auto cut = path.find_last_of(".[");
            path.resize(cut == std::string::npos ? 0 : cut);
        }
    } catch (const json::exception& e) {
        return invalidJson(std::move(result), e.what()).error;
    }
    return error;
}

ScenarioResult parseScenario(std::string_view text, std::string_view fileName) {
    ScenarioResult result;
    std::optional<Scenario> read;
    result.error = parseJsonDocument(text, fileName, [&](const json& root) { read = readScenarioFields(root); });
    if (result.error.code == Code::None)
        result.scenario = std::move(read);
    return result;
}

const json& boundedList(const json& parent, const char* key, const std::string& field, std::size_t limit) {
    const json& v = parent.at(key);
    ScenarioError e;
    e.field = field;
    if (!v.is_array()) {
        e.code = Code::NotAList;
        e.message = "must be a list";
        throw ScenarioFailure{std::move(e)};
    }
    if (v.size() > limit) {
        e.code = Code::ListTooLong;
        e.limit = limit;
        e.actual = v.size();
        e.message = "has " + std::to_string(v.size()) + " entries; the limit is " + std::to_string(limit);
        throw ScenarioFailure{std::move(e)};
    }
    return v;
}

namespace {
// A FIFO is opened without waiting for a writer (POSIX open(2) O_NONBLOCK; std::ifstream would
// block in open() until one came, forever for a FIFO nobody writes), then read blocking: with no
// writer the first read is the end of the file, so the reader says the file is empty. A pipe with
// a writer (`--scenario /dev/stdin` in a shell pipeline) reads as before.
int openForReading(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}
}  // namespace

std::optional<std::string> readBoundedFile(const std::string& path, ScenarioError& error) {
    error.file = path;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error.code = Code::CannotRead;
        error.message = "cannot be read (is it a folder?)";
        return std::nullopt;
    }
    const int fd = openForReading(path);
    if (fd < 0) {
        error.code = Code::CannotOpen;
        error.message = "cannot be opened for reading";
        return std::nullopt;
    }
    // One byte more than the limit tells a file at the limit from a larger one, a pipe or /dev/zero.
    std::string text(kMaxScenarioFileBytes + 1, '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            error.code = Code::CannotRead;
            error.message = "cannot be read (is it a folder?)";
            return std::nullopt;
        }
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(got);
    return text;
}

ScenarioResult readScenarioFile(const std::string& path) {
    ScenarioResult r;
    const auto text = readBoundedFile(path, r.error);
    return text ? parseScenario(*text, path) : r;
}

}  // namespace finwave
