#include "core/json_scan.h"

#include <functional>
#include <unordered_map>
#include <vector>

namespace finwave {

namespace {
struct Frame {
    bool object = false;
    std::string path;
    std::size_t entries = 0;   // commas seen in a list
    bool expectKey = true;     // in an object: the next string is a key
    std::string key;           // in an object: the current member
    std::size_t keyOffset = 0;
    std::unordered_map<std::string, std::size_t> keys;  // in an object: each key's first offset
};

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

bool isDelimiter(char c) {
    return c == ',' || c == ']' || c == '}' || c == ':' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Walks the text once, iteratively (no recursion, at most maxDepth frames). onValue(path, offset)
// is told where every value starts; returning true stops the walk.
using OnValue = std::function<bool(const std::string& path, std::size_t offset)>;

std::optional<JsonScanIssue> walk(std::string_view text, const JsonBudgets& budgets, const OnValue& onValue) {
    std::vector<Frame> stack;
    std::size_t values = 0;
    const auto value = [&](std::size_t at) -> std::pair<std::string, std::size_t> {
        ++values;
        if (stack.empty())
            return {std::string(), at};
        const Frame& f = stack.back();
        if (f.object)
            return {join(f.path, f.key), f.keyOffset};
        return {f.path + "[" + std::to_string(f.entries) + "]", at};
    };
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':') {
            ++i;
        } else if (c == '"') {
            std::size_t j = i + 1;
            while (j < n && text[j] != '"')
                j += text[j] == '\\' ? 2 : 1;
            if (j >= n)
                return std::nullopt;  // unterminated: the parser says so
            const std::string_view body = text.substr(i + 1, j - i - 1);
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame& f = stack.back();
                f.expectKey = false;
                f.key = std::string(body);
                f.keyOffset = i;
                const auto [it, fresh] = f.keys.emplace(f.key, i);
                if (!fresh)
                    return JsonScanIssue{ScenarioErrorCode::DuplicateField, join(f.path, f.key), i, it->second};
            } else {
                const auto [path, at] = value(i);
                if (onValue && onValue(path, at))
                    return std::nullopt;
                if (values > budgets.values)
                    return JsonScanIssue{ScenarioErrorCode::TooManyValues, path, i, 0};
            }
            i = j + 1;
        } else if (c == '{' || c == '[') {
            auto [path, at] = value(i);
            if (onValue && onValue(path, at))
                return std::nullopt;
            if (values > budgets.values)
                return JsonScanIssue{ScenarioErrorCode::TooManyValues, std::move(path), i, 0};
            if (static_cast<int>(stack.size()) >= budgets.depth)
                return JsonScanIssue{ScenarioErrorCode::NestedTooDeep, std::move(path), i, 0};
            Frame f;
            f.object = c == '{';
            f.path = std::move(path);
            stack.push_back(std::move(f));
            ++i;
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
            ++i;
        } else if (c == ',') {
            if (!stack.empty()) {
                Frame& f = stack.back();
                if (f.object) {
                    f.expectKey = true;
                } else if (++f.entries >= budgets.listEntries) {
                    return JsonScanIssue{ScenarioErrorCode::ListTooLong, f.path, i, 0};
                }
            }
            ++i;
        } else {  // a number or a literal
            const auto [path, at] = value(i);
            if (onValue && onValue(path, at))
                return std::nullopt;
            if (values > budgets.values)
                return JsonScanIssue{ScenarioErrorCode::TooManyValues, path, i, 0};
            while (i < n && !isDelimiter(text[i]))
                ++i;
        }
    }
    return std::nullopt;
}
}  // namespace

std::optional<JsonScanIssue> scanJsonBudgets(std::string_view text, const JsonBudgets& budgets) {
    return walk(text, budgets, {});
}

std::optional<std::size_t> findJsonField(std::string_view text, std::string_view path) {
    std::optional<std::size_t> found;
    constexpr std::size_t kAny = static_cast<std::size_t>(-1);
    walk(text, JsonBudgets{kMaxScenarioNesting, kAny, kAny}, [&](const std::string& p, std::size_t at) {
        if (p != path)
            return false;
        found = at;
        return true;
    });
    return found;
}

}  // namespace finwave
