#include "core/lab/internal/port_table.h"

#include <algorithm>
#include <bit>

namespace finwave::lab {

PortTable::PortTable(int ports, std::uint32_t startOffset, std::uint64_t seed)
    : m_ports(ports), m_offset(startOffset % static_cast<std::uint32_t>(ports)), m_random(seed | 1),
      m_holder(static_cast<std::size_t>(ports), Holder::Free), m_generation(static_cast<std::size_t>(ports), 0) {
    for (int p = 0; p < 2; ++p) {
        const int count = (ports - p + 1) / 2;
        m_takeable[p].assign(static_cast<std::size_t>((count + 63) / 64), 0);
        for (int i = 0; i < count; ++i)
            m_takeable[p][static_cast<std::size_t>(i / 64)] |= std::uint64_t{1} << (i % 64);
    }
}

// A word at a time: with 28 232 ports and all but a few taken the scan is 221 words, not 14 116
// ports (the kernel walks the ports one by one, but it has no simulated second to fit in).
int PortTable::scan(int parity, int fromIndex) const {
    const std::vector<std::uint64_t>& bits = m_takeable[parity];
    const int count = (m_ports - parity + 1) / 2;
    if (count <= 0)
        return -1;
    fromIndex %= count;
    const auto firstFrom = [&](int from, int to) -> int {  // [from, to)
        for (int i = from; i < to;) {
            const std::size_t w = static_cast<std::size_t>(i / 64);
            std::uint64_t word = bits[w] >> (i % 64);
            if (word != 0) {
                const int found = i + std::countr_zero(word);
                return found < to ? found : -1;
            }
            i = (i / 64 + 1) * 64;
        }
        return -1;
    };
    int found = firstFrom(fromIndex, count);
    if (found < 0)
        found = firstFrom(0, fromIndex);
    return found;
}

int PortTable::take() {
    // offset &= ~1: the even offsets from the port range's low end first, then the odd ones.
    for (int p : {0, 1}) {
        const int start = static_cast<int>(m_offset / 2);
        const int half = scan(p, start);
        if (half < 0)
            continue;
        const int port = half * 2 + p;
        // table_perturb moves past the port by the distance scanned, or by a random 0..14 when
        // that is more (Linux 5.18 on: "i = max_t(int, i, get_random_u32_below(8) * 2)").
        const int count = (m_ports - p + 1) / 2;
        const int scanned = 2 * ((half - start % count + count) % count);
        m_random ^= m_random << 13;
        m_random ^= m_random >> 7;
        m_random ^= m_random << 17;
        const int jump = std::max(scanned, static_cast<int>(m_random % 8) * 2) + 2;
        m_offset = static_cast<std::uint32_t>((m_offset / 2 * 2 + static_cast<std::uint32_t>(jump)) % static_cast<std::uint32_t>(m_ports));
        m_takeable[p][static_cast<std::size_t>(half / 64)] &= ~(std::uint64_t{1} << (half % 64));
        return port;
    }
    return -1;
}

void PortTable::hold(int port, Holder h) {
    const int p = port % 2, half = port / 2;
    m_takeable[p][static_cast<std::size_t>(half / 64)] &= ~(std::uint64_t{1} << (half % 64));
    m_holder[static_cast<std::size_t>(port)] = h;
}

void PortTable::makeTakeable(int port) {
    const int p = port % 2, half = port / 2;
    m_takeable[p][static_cast<std::size_t>(half / 64)] |= std::uint64_t{1} << (half % 64);
}

void PortTable::release(int port) {
    makeTakeable(port);
    m_holder[static_cast<std::size_t>(port)] = Holder::Free;
    bump(port);
}

std::size_t PortTable::bytes() const {
    return (m_takeable[0].capacity() + m_takeable[1].capacity()) * 8 + m_holder.capacity() +
           m_generation.capacity() * 4;
}

}  // namespace finwave::lab
