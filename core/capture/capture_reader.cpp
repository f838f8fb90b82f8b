#include "core/capture/capture_reader.h"

#include "core/capture/internal/packet_decode.h"
#include "core/protocol/segment.h"

#include <pcap/pcap.h>

#include <arpa/inet.h>

#include <filesystem>
#include <map>
#include <memory>
#include <utility>

namespace finwave::capture {

std::string Address::text() const {
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buf, sizeof buf);
    return buf;
}

std::string Endpoint::text() const {
    return (address.v6 ? "[" + address.text() + "]" : address.text()) + ":" + std::to_string(port);
}

namespace {
constexpr std::uint64_t kProgressEvery = 4096;
constexpr std::int64_t kLastSecond = 9'000'000'000;  // year 2255

struct PcapCloser {
    void operator()(pcap_t* p) const { pcap_close(p); }
};

std::string packetError(const std::string& name, std::uint64_t packet, const std::string& what) {
    return name + ": packet " + std::to_string(packet) + ": " + what;
}

// Connections by their 4-tuple. A SYN (without ACK) on a tuple whose connection has ended starts a
// new connection there (the port pair reused, RFC 9293 §3.6.1).
class ConnectionTable {
public:
    explicit ConnectionTable(std::size_t limit) : m_limit(limit) {}
    // The connection's index (1-based), or 0 when the table is full.
    int assign(const WireSegment& s) {
        auto key = s.from < s.to ? std::make_pair(s.from, s.to) : std::make_pair(s.to, s.from);
        auto it = m_byTuple.find(key);
        const bool freshSyn = (s.flags & flag::Syn) && !(s.flags & flag::Ack);
        if (it != m_byTuple.end() && freshSyn) {
            const ListEnding e = m_list[static_cast<std::size_t>(it->second - 1)].ending;
            if (e == ListEnding::BothFins || e == ListEnding::Reset)
                it = m_byTuple.end(), m_byTuple.erase(key);
        }
        if (it == m_byTuple.end()) {
            if (m_list.size() >= m_limit)
                return 0;
            ConnectionSummary c;
            c.index = static_cast<int>(m_list.size() + 1);
            c.first = s.from;
            c.second = s.to;
            c.firstNs = s.tNs;
            c.firstPacket = s.packet;
            m_list.push_back(c);
            it = m_byTuple.emplace(key, c.index).first;
        }
        ConnectionSummary& c = m_list[static_cast<std::size_t>(it->second - 1)];
        ++c.packets;
        c.lastNs = s.tNs;
        c.sawSyn = c.sawSyn || (s.flags & flag::Syn);
        if (s.flags & flag::Rst)
            c.ending = ListEnding::Reset;
        else if ((s.flags & flag::Fin) && c.ending != ListEnding::Reset) {
            auto& fins = m_fins[it->second];
            (s.from == c.first ? fins.first : fins.second) = true;
            c.ending = fins.first && fins.second ? ListEnding::BothFins : ListEnding::OneFin;
        }
        return it->second;
    }
    std::vector<ConnectionSummary> take() { return std::move(m_list); }

private:
    std::size_t m_limit;
    std::map<std::pair<Endpoint, Endpoint>, int> m_byTuple;
    std::map<int, std::pair<bool, bool>> m_fins;
    std::vector<ConnectionSummary> m_list;
};

// One pass over the file; `keep` (when > 0) collects that connection's segments.
ReadResult scan(std::FILE* file, const std::string& name, int keep, const CaptureLimits& limits,
                const Progress& progress) {
    ReadResult result;
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    std::unique_ptr<pcap_t, PcapCloser> pcap(
        pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, errbuf));
    if (!pcap) {
        std::fclose(file);
        result.error = name + ": not a pcap or pcapng capture (" + errbuf + ")";
        return result;
    }
    const int dlt = pcap_datalink(pcap.get());
    if (!isSupportedLinkType(dlt)) {
        const char* dltName = pcap_datalink_val_to_name(dlt);
        result.error = name + ": link type " + (dltName ? dltName : std::to_string(dlt)) +
                       " is not one FinWave reads (Ethernet, Linux cooked, raw IP, BSD loopback)";
        return result;
    }
    ConnectionTable table(limits.maxConnections);
    std::uint64_t tcpPackets = 0;
    for (std::uint64_t number = 1;; ++number) {
        pcap_pkthdr* header = nullptr;
        const u_char* data = nullptr;
        const int rc = pcap_next_ex(pcap.get(), &header, &data);
        if (rc == PCAP_ERROR_BREAK)
            break;
        if (rc != 1) {
            result.error = packetError(name, number, std::string("cannot be read (") + pcap_geterr(pcap.get()) + ")");
            return result;
        }
        result.packets = number;
        if (progress && number % kProgressEvery == 0 && !progress(static_cast<std::uint64_t>(std::ftell(pcap_file(pcap.get()))))) {
            result.cancelled = true;
            return result;
        }
        WireSegment s;
        s.packet = number;
        // Nanoseconds since 1970 fit in 64 bits until 2262; a time outside that is a broken file.
        if (header->ts.tv_sec < 0 || header->ts.tv_sec > kLastSecond || header->ts.tv_usec < 0) {
            result.error = packetError(name, number, "its timestamp is out of range");
            return result;
        }
        s.tNs = static_cast<std::int64_t>(header->ts.tv_sec) * 1'000'000'000 + header->ts.tv_usec;
        switch (decodeFrame(dlt, data, header->caplen, s)) {
        case DecodeStatus::NotTcp:
            continue;
        case DecodeStatus::CutHeader:
            result.error = packetError(name, number, "the capture's snapshot length (" +
                                                         std::to_string(pcap_snapshot(pcap.get())) +
                                                         " bytes) cut the TCP header");
            return result;
        case DecodeStatus::BadHeader:
            result.error = packetError(name, number, "the IP or TCP header lengths are impossible");
            return result;
        case DecodeStatus::Tcp:
            break;
        }
        ++tcpPackets;
        const int index = table.assign(s);
        if (index == 0) {
            result.error = packetError(name, number, "more than " + std::to_string(limits.maxConnections) +
                                                         " TCP connections; FinWave stops here");
            return result;
        }
        if (index == keep) {
            if (result.segments.size() >= limits.maxSegments) {
                result.error = packetError(name, number, "connection " + std::to_string(keep) + " has more than " +
                                                             std::to_string(limits.maxSegments) + " segments");
                return result;
            }
            result.segments.push_back(s);
        }
    }
    if (tcpPackets == 0) {
        result.error = name + ": no TCP segment in " + std::to_string(result.packets) + " packets";
        return result;
    }
    result.connections = table.take();
    if (keep > 0 && result.segments.empty())
        result.error = name + ": no connection " + std::to_string(keep) + " (the capture has " +
                       std::to_string(result.connections.size()) + ")";
    return result;
}

ReadResult openAndScan(const std::string& path, int keep, const CaptureLimits& limits, const Progress& progress) {
    // A capture is read twice (the list of connections, then the one chosen), so it must be a file:
    // a pipe's second pass found nothing ("not a capture"), and a FIFO nobody writes to blocked
    // fopen() forever. Asked before opening, so nothing waits.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        ReadResult r;
        r.error = path + (std::filesystem::is_directory(status) ? ": is a folder, not a capture"
                                                                : ": is not a regular file (a pipe or a device); a capture is read twice, so save it to a file first");
        return r;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        ReadResult r;
        r.error = path + ": cannot be opened";
        return r;
    }
    return scan(f, path, keep, limits, progress);
}
}  // namespace

ReadResult listConnections(std::FILE* file, const std::string& name, const CaptureLimits& limits,
                           const Progress& progress) {
    return scan(file, name, 0, limits, progress);
}
ReadResult readConnection(std::FILE* file, const std::string& name, int index, const CaptureLimits& limits,
                          const Progress& progress) {
    return scan(file, name, index, limits, progress);
}
ReadResult listConnections(const std::string& path, const CaptureLimits& limits, const Progress& progress) {
    return openAndScan(path, 0, limits, progress);
}
ReadResult readConnection(const std::string& path, int index, const CaptureLimits& limits, const Progress& progress) {
    return openAndScan(path, index, limits, progress);
}

}  // namespace finwave::capture
