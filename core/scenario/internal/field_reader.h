#pragma once
// Inside the core: the reader of one JSON object of a scenario file, which remembers its JSON path
// so that every error names its field ("actions[2].bytes") and checks each value's type and range
// (core/scenario/scenario_rules.h). Used by scenario_fields.cpp.

#include "core/protocol/names.h"
#include "core/scenario/internal/scenario_fields.h"
#include "core/scenario/scenario_rules.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <sstream>
#include <string>
#include <string_view>

namespace finwave::fields {

using nlohmann::json;
using Code = ScenarioErrorCode;

[[noreturn]] inline void fail(Code code, std::string field, std::string message) {
    ScenarioError e;
    e.code = code;
    e.field = std::move(field);
    e.message = std::move(message);
    throw ScenarioFailure{std::move(e)};
}

inline std::string typeName(const json& v) {
    switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "'" + printable(v.get_ref<const std::string&>()) + "'";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::null: return "null";
    default: return "a number";
    }
}

// Reads one object, remembering the JSON path so every error names its field.
class Reader {
public:
    Reader(const json& j, std::string path) : m_j(j), m_path(std::move(path)) {}

    void checkKeys(std::initializer_list<std::string_view> allowed) const {
        if (!m_j.is_object())
            fail(Code::NotAnObject, m_path, "must be an object");
        std::string list;
        for (auto a : allowed)
            list += (list.empty() ? "" : ", ") + std::string(a);
        for (const auto& [key, value] : m_j.items()) {
            bool ok = false;
            for (auto a : allowed)
                ok = ok || a == key;
            if (!ok) {
                ScenarioError e;
                e.code = Code::UnknownField;
                e.field = printable(join(key));
                e.expected = list;
                e.message = "unknown field (expected one of: " + list + ")";
                throw ScenarioFailure{std::move(e)};
            }
        }
    }
    bool has(std::string_view key) const { return m_j.contains(key); }
    Reader child(std::string_view key) const { return Reader(m_j.at(std::string(key)), join(key)); }
    const json& raw() const { return m_j; }

    double number(std::string_view key, NumberRule rule, double fallback) const {
        if (!has(key))
            return fallback;
        const json& v = m_j.at(std::string(key));
        if (!v.is_number())
            throw ScenarioFailure{notANumber(join(key))};
        const double d = v.get<double>();
        if (auto e = checkNumber(join(key), d, rule))
            throw ScenarioFailure{std::move(*e)};
        return d;
    }
    // A count or a step: a number in range with no fraction (2.5 was read as 2).
    std::uint64_t whole(std::string_view key, NumberRule rule, double fallback) const {
        const double d = number(key, rule, fallback);
        if (d != std::floor(d)) {
            std::ostringstream s;
            s << "must be a whole number between " << rule.low << " and " << rule.high;
            ScenarioError e;
            e.code = Code::NotWhole;
            e.field = join(key);
            e.message = s.str();
            e.low = rule.low;
            e.high = rule.high;
            throw ScenarioFailure{std::move(e)};
        }
        return static_cast<std::uint64_t>(d);
    }
    Micros millis(std::string_view key, NumberRule rule, Micros fallback) const {
        return microsFromMillis(number(key, rule, static_cast<double>(fallback) / 1000.0));
    }
    bool boolean(std::string_view key, bool fallback) const {
        if (!has(key))
            return fallback;
        const json& v = m_j.at(std::string(key));
        if (!v.is_boolean())
            fail(Code::NotABoolean, join(key), "must be true or false");
        return v.get<bool>();
    }
    std::string text(std::string_view key, std::string fallback) const {
        if (!has(key))
            return fallback;
        const json& v = m_j.at(std::string(key));
        if (!v.is_string())
            fail(Code::NotAString, join(key), "must be a string");
        return v.get<std::string>();
    }
    template <class E>
    E choice(std::string_view key, std::span<const Named<E>> options, E fallback) const {
        if (!has(key))
            return fallback;
        const std::string v = text(key, "");
        if (const auto found = fromName(options, v))
            return *found;
        ScenarioError e;
        e.code = Code::NotOneOf;
        e.field = join(key);
        e.value = printable(v);
        e.expected = nameList(options);
        e.message = "'" + e.value + "' is not one of: " + e.expected;
        throw ScenarioFailure{std::move(e)};
    }
    std::string join(std::string_view key) const { return m_path.empty() ? std::string(key) : m_path + "." + std::string(key); }

private:
    const json& m_j;
    std::string m_path;
};

}  // namespace finwave::fields
