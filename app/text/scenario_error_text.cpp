#include "app/text/scenario_error_text.h"

#include "core/scenario/scenario_io.h"

#include <QCoreApplication>

namespace finwave::app {

namespace {
QString s(const std::string& text) { return QString::fromStdString(text); }
QString n(std::uint64_t v) { return QString::number(v); }

QString reason(const ScenarioError& e) {
    using C = ScenarioErrorCode;
    switch (e.code) {
    case C::None: break;
    case C::CannotOpen: return QCoreApplication::translate("ScenarioError", "cannot be opened for reading");
    case C::CannotRead: return QCoreApplication::translate("ScenarioError", "cannot be read (is it a folder?)");
    case C::FileTooLarge: return QCoreApplication::translate("ScenarioError", "is larger than %1 bytes, the limit for a scenario file").arg(n(e.limit));
    case C::NestedTooDeep: return QCoreApplication::translate("ScenarioError", "nests deeper than %1 levels, the limit for a scenario file").arg(n(e.limit));
    case C::ListTooLong: return QCoreApplication::translate("ScenarioError", "has more than %1 entries, the limit for a list").arg(n(e.limit));
    case C::TooManyValues: return QCoreApplication::translate("ScenarioError", "is past %1 values, the limit for a scenario file").arg(n(e.limit));
    case C::InvalidJson: return QCoreApplication::translate("ScenarioError", "not valid JSON: %1").arg(s(e.expected));
    case C::DuplicateField: return QCoreApplication::translate("ScenarioError", "appears twice in one object (first at line %1, column %2)")
            .arg(n(e.limit), n(e.actual));
    case C::UnknownField: return QCoreApplication::translate("ScenarioError", "unknown field (expected one of: %1)").arg(s(e.expected));
    case C::MissingField:
        if (e.field == "version")
            return QCoreApplication::translate("ScenarioError", "is missing (this program reads versions 1 and 2)");
        if (e.field.ends_with(".side"))
            return QCoreApplication::translate("ScenarioError", "is missing (A or B)");
        return QCoreApplication::translate("ScenarioError", "is missing");
    case C::NotAnObject: return QCoreApplication::translate("ScenarioError", "must be an object");
    case C::NotAList: return QCoreApplication::translate("ScenarioError", "must be a list");
    case C::NotAFlagList: return QCoreApplication::translate("ScenarioError", "must be a list of flags such as [\"FIN\", \"ACK\"]");
    case C::NotANumber: return QCoreApplication::translate("ScenarioError", "must be a number");
    case C::NotABoolean: return QCoreApplication::translate("ScenarioError", "must be true or false");
    case C::NotAString: return QCoreApplication::translate("ScenarioError", "must be a string");
    case C::OutOfRange: return QCoreApplication::translate("ScenarioError", "must be between %1 and %2").arg(e.low).arg(e.high);
    case C::NotWhole:
        return QCoreApplication::translate("ScenarioError", "must be a whole number between %1 and %2").arg(e.low).arg(e.high);
    case C::NotOneOf: return QCoreApplication::translate("ScenarioError", "'%1' is not one of: %2").arg(s(e.value), s(e.expected));
    case C::NotAFlag: return QCoreApplication::translate("ScenarioError", "%1 is not a flag (%2)").arg(s(e.value), s(e.expected));
    case C::UnsupportedVersion: return QCoreApplication::translate("ScenarioError", "version %1 is not supported (this program reads versions 1 and 2)").arg(s(e.value));
    case C::RtoMinAboveMax: return QCoreApplication::translate("ScenarioError", "must not exceed rto_max_ms");
    case C::TooManyActions:
    case C::TooManyFaults: return QCoreApplication::translate("ScenarioError", "has %1 entries; the limit is %2").arg(n(e.actual), n(e.limit));
    case C::TooManyBytes:
        return QCoreApplication::translate("ScenarioError", "%1 would send %2 bytes in all; the limit is %3 per endpoint").arg(s(e.value), n(e.actual), n(e.limit));
    case C::TooManySegments:
        return QCoreApplication::translate("ScenarioError", "the sends would cut %1 data segments at MSS %2; the limit is %3 per run")
            .arg(n(e.actual), s(e.value), n(e.limit));
    }
    return s(e.message);
}
}  // namespace

QString scenarioErrorReason(const ScenarioError& e) { return reason(e); }

QString scenarioErrorText(const ScenarioError& e) {
    QString out = e.file.empty() ? QCoreApplication::translate("ScenarioError", "<scenario>") : s(printable(e.file, 4096));
    if (e.line > 0)
        out += QStringLiteral(":%1:%2").arg(e.line).arg(e.column);
    out += QStringLiteral(": ");
    if (!e.field.empty())
        out += QCoreApplication::translate("ScenarioError", "field '%1': ").arg(s(printable(e.field, 200)));
    return out + reason(e);
}

}  // namespace finwave::app
