#pragma once

#include <QWidget>

#include <cstddef>
#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QTextBrowser;

namespace finwave {
struct Segment;
struct SegmentRecords;
struct TraceRecord;
}  // namespace finwave

namespace finwave::app {

class SimController;

// One segment's every header field, as Wireshark's packet details list them: who sent it and
// when, what became of it, the flags bit by bit, sequence and acknowledgment numbers (relative,
// or absolute with the toggle), the window, the lengths, the options, which copy it is, why it
// was sent with its RFC section, and for a capture its packet in the file or why it is inferred.
// Shown for the segment of a clicked arrow or a chosen log row, in simulated runs and captures.
class PacketDetails : public QWidget {
    Q_OBJECT
public:
    explicit PacketDetails(SimController* controller, QWidget* parent = nullptr);

    // The segment of trace record `record` (its Send, Arrive or Drop); other records are ignored.
    void showRecord(std::size_t record);
    std::optional<std::size_t> shownRecord() const { return m_record; }
    void setAbsolute(bool absolute);
    // What is shown, one line per field ("Field: value", a part indented by two spaces).
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        int depth = 0;  // 1: a part of the row above (a flag bit, an option); -1: the heading
        QString field, value;
    };
    void refresh();
    void add(const QString& field, const QString& value, int depth = 0);
    void addFlight(const SegmentRecords& life);
    void addOptions(const TraceRecord& record);
    QString windowText(const Segment& s) const;
    void render();

    SimController* m_ctl;
    QLabel* m_hint;
    QCheckBox* m_absolute;
    QTextBrowser* m_view;
    std::vector<Row> m_rows;
    std::optional<std::size_t> m_record;
};

}  // namespace finwave::app
