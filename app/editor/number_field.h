#pragma once
// One number of a scenario typed into a line edit and checked as it is typed with the file
// reader's own rule (core/scenario/scenario_rules.h): a wrong value gets a red frame and the reader's
// message, translated, under the field.

#include "core/scenario/scenario_rules.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace finwave::app {

class NumberField : public QWidget {
    Q_OBJECT
public:
    // How the file holds the number: milliseconds (to microseconds, rounded), a whole number
    // (the reader truncates a fraction), or a real number (loss).
    enum class Unit { Millis, Integer, Real };
    NumberField(const QString& key, NumberRule rule, Unit unit, QWidget* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    QLabel* messageLabel() const { return m_message; }
    // The JSON path of the field ("channel.ab.loss", "actions[2].bytes"): named in its errors.
    QString key() const { return m_key; }
    void setKey(const QString& key);

    // Shows `value` (in the file's unit) unless the text already means it. With keepInvalid a
    // wrong text the user is still typing stays.
    void showValue(double value, bool keepInvalid = false);
    bool isValid() const { return !m_error && !m_other; }
    bool textIsValid() const { return !m_error; }
    // The typed value as the reader would store it: whole for Integer, to the microsecond for Millis.
    double value() const { return m_value; }
    // An error about this field found across fields (rto_min_ms above rto_max_ms), or none.
    void setCrossError(const std::optional<ScenarioError>& error);
    QString message() const;

Q_SIGNALS:
    void edited(double value);   // a valid value was typed that differs from the shown one
    void validityChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onText();
    void showState();
    double normalized(double v) const;
    QString format(double v) const;

    QLineEdit* m_edit;
    QLabel* m_message;
    QString m_key;
    NumberRule m_rule;
    Unit m_unit;
    double m_value = 0;
    double m_shown = 0;
    std::optional<ScenarioError> m_error, m_other;
};

}  // namespace finwave::app
