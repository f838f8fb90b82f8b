#pragma once
// The client's ports towards one destination (server address and port): which are free, which
// hold a connection, which a TIME_WAIT, and the order connect() tries them in.

#include <cstdint>
#include <vector>

namespace finwave::lab {

class PortTable {
public:
    enum class Holder : std::uint8_t { Free, Busy, TimeWait };

    PortTable(int ports, std::uint32_t startOffset, std::uint64_t seed);

    // connect()'s choice, as __inet_hash_connect() makes it: from an offset kept per destination
    // (table_perturb), ports of the offset's parity first, then the other parity; the first that
    // can be taken wins (free, or a TIME_WAIT marked reusable), and the offset moves past it by
    // what was scanned or a small random step.
    // -1 when none can (EADDRNOTAVAIL).
    int take();
    void hold(int port, Holder h);      // Busy or TimeWait; a TIME_WAIT is not takeable until made so
    void makeTakeable(int port);        // a TIME_WAIT that tcp_tw_reuse may take over
    void release(int port);             // free again; events still pending about it go stale
    Holder holder(int port) const { return m_holder[static_cast<std::size_t>(port)]; }
    std::uint32_t generation(int port) const { return m_generation[static_cast<std::size_t>(port)]; }
    void bump(int port) { ++m_generation[static_cast<std::size_t>(port)]; }
    std::size_t bytes() const;

private:
    int scan(int parity, int fromIndex) const;  // next takeable port of `parity` from a half-index, wrapping

    int m_ports;
    std::uint32_t m_offset;
    std::uint64_t m_random;                    // xorshift64: the kernel's random step, seeded
    std::vector<std::uint64_t> m_takeable[2];  // bit i of parity p: port 2i + p can be taken
    std::vector<Holder> m_holder;
    std::vector<std::uint32_t> m_generation;   // events about a port carry it; a stale one is ignored
};

}  // namespace finwave::lab
