// Making a quiz question from the next event: run it, read its records, step back.
#include "core/teaching/quiz.h"

#include "core/protocol/transitions.h"

#include <algorithm>
#include <array>

namespace finwave {

std::string_view arrivalOutcomeName(ArrivalOutcome o) {
    switch (o) {
    case ArrivalOutcome::Accepted: return "accepted";
    case ArrivalOutcome::Acked: return "acked";
    case ArrivalOutcome::Ignored: return "ignored";
    case ArrivalOutcome::Reset: return "rst";
    }
    return "accepted";
}

namespace {

using S = TcpState;

bool isIgnoredNote(const TraceRecord& r) {
    if (r.kind != EventKind::Note)
        return false;
    switch (r.reason) {
    case Reason::IgnoredUnacceptable:
    case Reason::IgnoredRstOutOfWindow:
    case Reason::IgnoredRstRfc1337:
    case Reason::IgnoredRstNoTcb:
    case Reason::IgnoredText:
    case Reason::IgnoredOldAck: return true;
    default: return false;
    }
}

const TraceRecord* first(std::span<const TraceRecord> records, auto pred) {
    for (const TraceRecord& r : records)
        if (pred(r))
            return &r;
    return nullptr;
}

// The wrong answer a student most often gives for a change of state (docs/quiz.md): FIN_WAIT_2
// when FIN and ACK arrive together (FIN_WAIT_1 goes straight to TIME_WAIT, RFC 9293 Figure 5
// note 2), TIME_WAIT for the side that closes second, LAST_ACK for a FIN received in ESTABLISHED.
std::optional<S> trapFor(S from, S to) {
    if (from == S::FinWait1 && to == S::TimeWait) return S::FinWait2;
    if (from == S::FinWait1 && to == S::Closing) return S::CloseWait;
    if (from == S::FinWait1) return S::TimeWait;
    if (from == S::Established && to == S::CloseWait) return S::LastAck;
    if (from == S::Established && to == S::FinWait1) return S::FinWait2;
    if (from == S::CloseWait || from == S::LastAck) return S::TimeWait;
    if (from == S::Closing) return S::FinWait2;
    if (from == S::FinWait2) return S::Closing;
    if (from == S::SynSent || from == S::Listen) return S::Established;
    if (from == S::SynReceived) return S::SynSent;
    if (from == S::Closed) return S::SynReceived;
    return std::nullopt;
}

// Places the right answer among the wrong ones at a position that depends on the step only, so
// it is not always first and the same question always looks the same.
void place(QuizQuestion& q, const QuizChoice& right, std::vector<QuizChoice> wrong) {
    if (wrong.size() > 3)
        wrong.resize(3);
    const int n = static_cast<int>(wrong.size()) + 1;
    q.right = static_cast<int>(q.step % static_cast<std::uint64_t>(n));
    q.choices = wrong;
    q.choices.insert(q.choices.begin() + q.right, right);
    // The hint keeps the right answer and the most plausible wrong one (the first listed).
    for (int i = 0, w = 0; i < n; ++i) {
        if (i == q.right)
            continue;
        if (w++ > 0 || n == 2)
            q.hintRemoves.push_back(i);
    }
}

void addDistinct(std::vector<QuizChoice>& wrong, const QuizChoice& right, const QuizChoice& c) {
    if (c == right || std::find(wrong.begin(), wrong.end(), c) != wrong.end())
        return;
    wrong.push_back(c);
}

void explain(QuizQuestion& q, const TraceRecord& r) {
    q.reason = r.reason;
    if (const Transition* t = transitionOf(r)) {
        q.section = t->section;
        q.rowId = t->id;
    } else {
        q.section = rfcSection(r.reason);
    }
}

std::optional<QuizQuestion> stateQuestion(std::uint64_t step, const TraceRecord& r) {
    QuizQuestion q;
    q.kind = QuizKind::State;
    q.step = step;
    q.side = r.side;
    q.from = r.from;
    QuizChoice right;
    right.side = r.side;
    right.state = r.to;
    std::vector<QuizChoice> wrong;
    const auto add = [&](S s) {
        QuizChoice c = right;
        c.state = s;
        addDistinct(wrong, right, c);
    };
    if (const auto trap = trapFor(r.from, r.to); trap && *trap != r.from)
        add(*trap);
    for (S s : reachableFrom(r.from))  // the choices are what the table allows, and the trap
        add(s);
    explain(q, r);
    place(q, right, std::move(wrong));
    return q;
}

std::optional<QuizQuestion> segmentQuestion(const Simulator& after, std::uint64_t step, const TraceRecord& r) {
    QuizQuestion q;
    q.kind = QuizKind::Segment;
    q.step = step;
    q.side = r.side;
    QuizChoice right;
    right.side = r.side;
    right.flags = r.seg.flags;
    right.seq = after.relativeSeq(r.seg);
    right.ack = after.relativeAck(r.seg);
    right.len = r.seg.len;
    std::vector<QuizChoice> wrong;
    const auto withFlags = [&](std::uint8_t f) {
        if (f == 0)
            return;
        QuizChoice c = right;
        c.flags = f;
        c.ack = (f & flag::Ack) ? right.ack : 0;
        if ((f & flag::Ack) && !(right.flags & flag::Ack))
            return;  // it would differ in two fields (the flag and an ack that was not there)
        addDistinct(wrong, right, c);
    };
    const auto withSeq = [&](std::uint32_t s) {
        QuizChoice c = right;
        c.seq = s;
        addDistinct(wrong, right, c);
    };
    const auto withAck = [&](std::uint32_t a) {
        if (!(right.flags & flag::Ack))
            return;
        QuizChoice c = right;
        c.ack = a;
        addDistinct(wrong, right, c);
    };
    const std::uint8_t f = right.flags;
    withFlags(static_cast<std::uint8_t>(f ^ flag::Fin));  // FIN or not: the classic question
    withSeq(right.seq + 1);                               // counting the FIN before it is sent
    withAck(right.ack + 1);
    if (right.seq > 0)
        withSeq(right.seq - 1);
    if (right.ack > 0)
        withAck(right.ack - 1);
    withFlags(static_cast<std::uint8_t>(f ^ flag::Rst));
    withSeq(right.seq + 2);
    explain(q, r);
    place(q, right, std::move(wrong));
    return q;
}

std::optional<QuizQuestion> timerQuestion(std::uint64_t step, std::span<const TraceRecord> records,
                                          const TraceRecord& fire, Micros nowBefore,
                                          const std::array<std::vector<TimerView>, 2>& running) {
    QuizQuestion q;
    q.kind = QuizKind::Timer;
    q.step = step;
    q.side = fire.side;
    QuizChoice right;
    right.side = fire.side;
    right.timer = fire.timer;
    right.after = fire.t - nowBefore;
    std::vector<QuizChoice> wrong;
    // The other timers that run now (they fire later), then this one at other times.
    for (int s = 0; s < 2; ++s)
        for (const TimerView& t : running[static_cast<std::size_t>(s)]) {
            QuizChoice c = right;
            c.side = s == 0 ? Side::A : Side::B;
            c.timer = t.kind;
            c.after = t.deadline - nowBefore;
            if (c.side != right.side || c.timer != right.timer)
                addDistinct(wrong, right, c);
        }
    // Then this timer with half, twice and four times the duration it was started with.
    Micros started = nowBefore;
    for (const TimerView& t : running[fire.side == Side::A ? 0 : 1])
        if (t.kind == fire.timer)
            started = t.started;
    const Micros duration = fire.t - started;
    for (Micros other : {duration * 2, duration / 2, duration * 4}) {
        QuizChoice c = right;
        c.after = started + other - nowBefore;
        if (c.after > 0)
            addDistinct(wrong, right, c);
    }
    const TraceRecord* state = first(records, [](const TraceRecord& r) { return r.kind == EventKind::State; });
    explain(q, state ? *state : fire);
    if (!state)
        q.reason = fire.reason;
    place(q, right, std::move(wrong));
    return q;
}

std::optional<QuizQuestion> arrivalQuestion(std::uint64_t step, std::span<const TraceRecord> records,
                                            const TraceRecord& arrive) {
    QuizQuestion q;
    q.kind = QuizKind::Arrival;
    q.step = step;
    q.side = arrive.side;
    q.arriving = arrive.seg;
    const ArrivalOutcome outcome = classifyArrival(records, arrive.side);
    // Always the four outcomes in one order, so the keys 1-4 keep their meaning.
    for (ArrivalOutcome o : {ArrivalOutcome::Accepted, ArrivalOutcome::Acked, ArrivalOutcome::Ignored, ArrivalOutcome::Reset}) {
        QuizChoice c;
        c.side = arrive.side;
        c.outcome = o;
        if (o == outcome)
            q.right = static_cast<int>(q.choices.size());
        q.choices.push_back(c);
    }
    const int keep = static_cast<int>(step % 3);  // which wrong outcome the hint leaves
    for (int i = 0, w = 0; i < 4; ++i)
        if (i != q.right && w++ != keep)
            q.hintRemoves.push_back(i);
    const TraceRecord* why = first(records, [&](const TraceRecord& r) {
        return (r.kind == EventKind::Send && r.side == arrive.side) || isIgnoredNote(r) ||
               (r.kind == EventKind::Note && r.side == arrive.side);
    });
    explain(q, why ? *why : arrive);
    return q;
}

}  // namespace

ArrivalOutcome classifyArrival(std::span<const TraceRecord> records, Side receiver) {
    bool ack = false, ignored = false;
    for (const TraceRecord& r : records) {
        if (r.kind == EventKind::Send && r.side == receiver) {
            if (r.seg.has(flag::Rst))
                return ArrivalOutcome::Reset;
            ack = ack || r.seg.has(flag::Ack);
        }
        ignored = ignored || (isIgnoredNote(r) && r.side == receiver);
    }
    if (ack)
        return ArrivalOutcome::Acked;
    return ignored ? ArrivalOutcome::Ignored : ArrivalOutcome::Accepted;
}

// A call's return worth asking: an error, or a read's 0 at the end of the stream (what an
// application must handle); connect, write and read only (close returns 0 whatever happens).
bool askableReturn(const TraceRecord& r) {
    if (r.kind != EventKind::Return)
        return false;
    const bool kind = r.call == SocketCall::Read || r.call == SocketCall::Write || r.call == SocketCall::Connect;
    return kind && (r.error != SocketError::None || (r.call == SocketCall::Read && returnValue(r) == 0));
}

// What the call returns, among the other returns the same call can give (Linux socket API,
// docs/protocol.md "What the application sees").
std::optional<QuizQuestion> callQuestion(std::uint64_t step, const TraceRecord& r) {
    QuizQuestion q;
    q.kind = QuizKind::Call;
    q.step = step;
    q.side = r.side;
    q.call = r.call;
    QuizChoice right;
    right.side = r.side;
    right.error = r.error;
    right.value = returnValue(r);
    const auto failed = [&](SocketError e) {
        QuizChoice c = right;
        c.error = e;
        c.value = -1;
        return c;
    };
    const auto gave = [&](long long v) {
        QuizChoice c = right;
        c.error = SocketError::None;
        c.value = v;
        return c;
    };
    std::vector<QuizChoice> wrong;
    switch (r.call) {
    case SocketCall::Read:
        for (const QuizChoice& c : {gave(0), failed(SocketError::Econnreset), gave(1000), failed(SocketError::Etimedout)})
            addDistinct(wrong, right, c);
        break;
    case SocketCall::Write:
        for (const QuizChoice& c : {failed(SocketError::Epipe), failed(SocketError::Econnreset), gave(r.bytes ? r.bytes : 1000),
                                    failed(SocketError::Etimedout)})
            addDistinct(wrong, right, c);
        break;
    default:
        for (const QuizChoice& c : {gave(0), failed(SocketError::Econnrefused), failed(SocketError::Etimedout),
                                    failed(SocketError::Eaddrnotavail)})
            addDistinct(wrong, right, c);
        break;
    }
    explain(q, r);
    place(q, right, std::move(wrong));
    return q;
}

namespace {
// The call an application record makes (its reason says which).
SocketCall callOf(Reason r) {
    switch (r) {
    case Reason::AppListen: return SocketCall::Listen;
    case Reason::AppConnect: case Reason::AppConnectRefused: return SocketCall::Connect;
    case Reason::AppSend: case Reason::AppSendRefused: return SocketCall::Write;
    case Reason::AppRead: return SocketCall::Read;
    case Reason::AppShutdownWrite: return SocketCall::Shutdown;
    case Reason::AppClose: case Reason::AppCloseRefused: case Reason::AppAbort: case Reason::AppLingerZeroClose:
        return SocketCall::Close;
    default: return SocketCall::None;
    }
}

QuizCause causeOf(const TraceRecord& head, QuizKind kind) {
    QuizCause c;
    c.side = head.side;
    if (head.kind == EventKind::App && callOf(head.reason) != SocketCall::None) {
        c.kind = QuizCause::Kind::Call;
        c.call = callOf(head.reason);
    } else if (head.kind == EventKind::Arrive && kind != QuizKind::Arrival) {
        c.kind = QuizCause::Kind::Arrival;
        c.segment = head.seg;
    } else if (head.kind == EventKind::TimerFire && kind != QuizKind::Timer) {
        c.kind = QuizCause::Kind::TimerFires;
        c.timer = head.timer;
    } else if (head.kind == EventKind::Send) {
        c.kind = QuizCause::Kind::Output;
    }
    return c;
}
}  // namespace

std::optional<QuizQuestion> nextQuestion(Simulator& sim, const QuizSettings& settings) {
    const std::uint64_t step = sim.stepIndex() + 1;
    if (!settings.asksAt(step) || sim.isFinished())
        return std::nullopt;
    const Micros nowBefore = sim.now();
    const std::array<std::vector<TimerView>, 2> running{sim.tcb(Side::A).timers, sim.tcb(Side::B).timers};
    const std::size_t old = sim.trace().size();
    if (!sim.step())
        return std::nullopt;
    // Copied: stepping back truncates the trace these records live in.
    const std::vector<TraceRecord> records(sim.trace().records().begin() + static_cast<std::ptrdiff_t>(old),
                                           sim.trace().records().end());
    std::optional<QuizQuestion> q;
    const auto tryKind = [&](QuizKind k, auto make) {
        if (!q && settings.asks(k))
            q = make();
    };
    if (!records.empty()) {
        const TraceRecord& head = records.front();
        const TraceRecord* state = first(records, [](const TraceRecord& r) { return r.kind == EventKind::State; });
        const TraceRecord* send = first(records, [](const TraceRecord& r) { return r.kind == EventKind::Send; });
        const bool arrival = head.kind == EventKind::Arrive;
        const bool timer = head.kind == EventKind::TimerFire;
        // A segment sent on arrival is asked as a segment when it carries a FIN or data; a plain
        // ACK or RST in answer is asked as the arrival's outcome.
        const bool richSend = send && (send->seg.has(flag::Fin) || send->seg.len > 0) && !send->seg.has(flag::Rst);
        // What the application is told (ECONNRESET, EPIPE, 0 at the end of the stream) comes
        // before the state change that causes it: it is what a programmer must handle.
        if (const TraceRecord* ret = first(records, askableReturn))
            tryKind(QuizKind::Call, [&] { return callQuestion(step, *ret); });
        if (state)
            tryKind(QuizKind::State, [&] { return stateQuestion(step, *state); });
        if (timer)
            tryKind(QuizKind::Timer, [&] { return timerQuestion(step, records, head, nowBefore, running); });
        if (arrival && richSend)
            tryKind(QuizKind::Segment, [&] { return segmentQuestion(sim, step, *send); });
        if (arrival)
            tryKind(QuizKind::Arrival, [&] { return arrivalQuestion(step, records, head); });
        if (send && (!arrival || richSend))
            tryKind(QuizKind::Segment, [&] { return segmentQuestion(sim, step, *send); });
    }
    if (q && !records.empty())
        q->cause = causeOf(records.front(), q->kind);
    sim.stepBack();
    if (q)
        q->askedAt = nowBefore;
    if (q && q->choices.size() < 2)
        return std::nullopt;
    return q;
}

}  // namespace finwave
