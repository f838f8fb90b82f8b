#include "core/scenario/internal/json_scan.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace finwave {

namespace {
// One step of a path: a key inside an object or an index inside a list. Keys are views into the
// text, so the walk copies no string however long the keys are (a fuzzer found that copying a
// path per value is quadratic).
struct Step {
    std::string_view key;
    std::size_t index = 0;
    bool isKey = false;
    bool operator==(const Step& o) const { return isKey == o.isKey && (isKey ? key == o.key : index == o.index); }
};

struct Frame {
    bool object = false;
    Step inParent;             // how the parent reaches this container
    std::size_t entries = 0;   // commas seen in a list
    bool expectKey = true;     // in an object: the next string is a key
    std::string_view key;      // in an object: the current member
    std::size_t keyOffset = 0;
    std::unordered_map<std::string_view, std::size_t> keys;  // in an object: each key's first offset
    std::deque<std::string> decoded;  // keys written with escapes, decoded (the map's views point here)
};
// A deque, so a frame never moves while it is open: its `keys` hold views into its `decoded`
// strings. (In a vector a reallocation copied the frames, std::deque's move
// not being noexcept, and left those views pointing into freed strings: fuzz_lesson found it.)
using FrameStack = std::deque<Frame>;

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::optional<std::uint32_t> hex4(std::string_view s, std::size_t at) {
    if (at + 4 > s.size())
        return std::nullopt;
    std::uint32_t v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
        const char c = s[k];
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return std::nullopt;
        v = v * 16 + static_cast<std::uint32_t>(d);
    }
    return v;
}

// A key as the parser will read it (RFC 8259 §7 escapes, surrogate pairs joined), so "\u0066aults"
// is seen to repeat "faults". A malformed escape is kept as written: the parser refuses it.
std::string decodeKey(std::string_view body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 >= body.size()) {
            out += body[i];
            continue;
        }
        const char e = body[++i];
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            auto cp = hex4(body, i + 1);
            if (!cp) {
                out += "\\u";
                break;
            }
            i += 4;
            if (*cp >= 0xD800 && *cp < 0xDC00 && i + 2 < body.size() && body[i + 1] == '\\' && body[i + 2] == 'u')
                if (const auto low = hex4(body, i + 3); low && *low >= 0xDC00 && *low < 0xE000) {
                    cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
                    i += 6;
                }
            appendUtf8(out, *cp);
            break;
        }
        default: out += e;  // \" \\ \/
        }
    }
    return out;
}

Step here(const Frame& f) { return f.object ? Step{f.key, 0, true} : Step{{}, f.entries, false}; }

std::string pathText(const FrameStack& stack, const Step* last) {
    std::string out;
    const auto add = [&out](const Step& s) {
        if (s.isKey)
            out += (out.empty() ? "" : ".") + printable(s.key);
        else
            out += "[" + std::to_string(s.index) + "]";
    };
    for (std::size_t i = 1; i < stack.size(); ++i)
        add(stack[i].inParent);
    if (last)
        add(*last);
    return out;
}

bool isDelimiter(char c) {
    return c == ',' || c == ']' || c == '}' || c == ':' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Told where every value starts: the frames it is in, its own step and its offset (its key's
// inside an object). Returning true stops the walk.
class Visitor {
public:
    virtual ~Visitor() = default;
    virtual bool value(const FrameStack& stack, const Step& step, std::size_t offset) = 0;
};

// Walks the text once, iteratively (no recursion, at most budgets.depth frames).
std::optional<JsonScanIssue> walk(std::string_view text, const JsonBudgets& budgets, Visitor* visitor) {
    FrameStack stack;
    std::size_t values = 0;
    // A value starts at `at`; nullopt to go on, an issue (or a stop) otherwise.
    const auto value = [&](std::size_t at, bool& stop) -> std::optional<JsonScanIssue> {
        ++values;
        const Step step = stack.empty() ? Step{} : here(stack.back());
        const std::size_t offset = !stack.empty() && stack.back().object ? stack.back().keyOffset : at;
        if (visitor && !stack.empty() && visitor->value(stack, step, offset)) {
            stop = true;
            return std::nullopt;
        }
        if (values > budgets.values)
            return JsonScanIssue{ScenarioErrorCode::TooManyValues, pathText(stack, stack.empty() ? nullptr : &step), at, 0};
        return std::nullopt;
    };
    std::size_t i = 0;
    const std::size_t n = text.size();
    bool stop = false;
    while (i < n && !stop) {
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
                f.key = body;
                f.keyOffset = i;
                std::string_view name = body;
                if (body.find('\\') != std::string_view::npos)
                    name = f.decoded.emplace_back(decodeKey(body));
                const auto [it, fresh] = f.keys.emplace(name, i);
                if (!fresh) {
                    const Step step = here(f);
                    return JsonScanIssue{ScenarioErrorCode::DuplicateField, pathText(stack, &step), i, it->second};
                }
            } else if (auto issue = value(i, stop)) {
                return issue;
            }
            i = j + 1;
        } else if (c == '{' || c == '[') {
            if (auto issue = value(i, stop))
                return issue;
            if (stop)
                break;
            const Step step = stack.empty() ? Step{} : here(stack.back());
            if (static_cast<int>(stack.size()) >= budgets.depth)
                return JsonScanIssue{ScenarioErrorCode::NestedTooDeep, pathText(stack, &step), i, 0};
            Frame f;
            f.object = c == '{';
            f.inParent = step;
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
                    return JsonScanIssue{ScenarioErrorCode::ListTooLong, pathText(stack, nullptr), i, 0};
                }
            }
            ++i;
        } else {  // a number or a literal
            if (auto issue = value(i, stop))
                return issue;
            while (i < n && !isDelimiter(text[i]))
                ++i;
        }
    }
    return std::nullopt;
}

// "actions[2].bytes" as steps: key "actions", index 2, key "bytes".
std::vector<Step> steps(std::string_view path) {
    std::vector<Step> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
        } else if (path[i] == '[') {
            std::size_t index = 0, j = i + 1;
            for (; j < path.size() && path[j] >= '0' && path[j] <= '9'; ++j)
                index = index * 10 + static_cast<std::size_t>(path[j] - '0');
            out.push_back(Step{{}, index, false});
            i = j + 1;
        } else {
            const std::size_t end = path.find_first_of(".[", i);
            out.push_back(Step{path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i), 0, true});
            i = end == std::string_view::npos ? path.size() : end;
        }
    }
    return out;
}

class FieldFinder : public Visitor {
public:
    explicit FieldFinder(std::string_view path) : m_target(steps(path)) {}
    bool value(const FrameStack& stack, const Step& step, std::size_t offset) override {
        if (stack.size() != m_target.size() || !(step == m_target.back()))
            return false;
        for (std::size_t i = 1; i < stack.size(); ++i)
            if (!(stack[i].inParent == m_target[i - 1]))
                return false;
        found = offset;
        return true;
    }
    std::optional<std::size_t> found;

private:
    std::vector<Step> m_target;
};
}  // namespace

std::optional<JsonScanIssue> scanJsonBudgets(std::string_view text, const JsonBudgets& budgets) {
    return walk(text, budgets, nullptr);
}

std::optional<std::size_t> findJsonField(std::string_view text, std::string_view path) {
    if (path.empty())
        return std::nullopt;
    FieldFinder finder(path);
    constexpr std::size_t kAny = static_cast<std::size_t>(-1);
    walk(text, JsonBudgets{kMaxScenarioNesting, kAny, kAny}, &finder);
    return finder.found;
}

}  // namespace finwave
