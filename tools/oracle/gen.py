#!/usr/bin/env python3
"""gen.py - random small concurrent C programs for the differential oracle.

`gen.py SEED` prints the C program for SEED; `gen.py --json SEED` prints
its description (the data brute.py interprets); `gen.py --outcomes SEED`
the C that also prints its final state at the end of main (outcomes.py,
for check.py --outcomes).  The mapping SEED ->
program is deterministic: a candidate is drawn from random.Random("SEED:k")
for k = 0, 1, ... and the first whose enumeration fits under the cap is
taken.

A program is main plus 1..3 created threads.  Each is built from one to
three *motifs*: small idioms over shared objects (a counter, message
passing, a critical section, two locks, an rwlock, a semaphore, a
condition variable, a choice, an exit), each in a correct or a buggy
variant, so that roughly half the programs have a reachable bug and the
other half are correct for a non-trivial reason.  The motifs keep the
rules every program must keep (see README.md): no data race on plain
memory accessed by local computation (set, ["g", ...]; the section motifs'
plain variables are accessed by pload/pstore steps and may race), no
unlock of a lock not held, no relock, no unbounded loop.

Program description (JSON-able):
  {"seed": S, "atomics": {name: init}, "plains": {name: init},
   "mutexes": [...], "rwlocks": [...], "sems": {name: K}, "conds": [...],
   "threads": [{"name": "main", "locals": [...], "body": [stmt...]}, ...]}
Statements are lists (see brute.py for their meaning):
  ["load", x, dst]  ["store", x, e]  ["cas", x, exp_local, e, ok_dst]
  ["xchg", x, e, dst]  ["faa", x, e, dst]  ["choose", n, dst]  ["yield"]
  ["lock", m]  ["unlock", m]  ["trylock", m, ok_dst]
  ["rdlock", rw]  ["wrlock", rw]  ["rwunlock", rw]
  ["sem_wait", s]  ["sem_trywait", s, ok_dst]  ["sem_post", s]
  ["cond_wait", c, m]  ["cond_signal", c]  ["cond_broadcast", c]
  ["create", t]  ["join", t]  ["detach", t]  ["exit"]
  ["set", dst, e]  ["if", e, then, else]  ["while", e, body]
  ["repeat", counter, n, body]  ["break"]  ["assert", e]
  ["pload", g, dst]  ["pstore", g, e]      plain accesses that are steps
  ["atomic", body, form]                   an atomic section, form "begin"
                                           (__VERIFIER_atomic_begin/end) or
                                           "fn" (a __VERIFIER_atomic_ function)
Expressions: int | ["l", local] | ["g", plain] | [op, a, b] | ["!", a].

Atomic sections and pload/pstore come from a random stream of their own
(see add_sections): the main stream draws exactly what it drew before
they existed, so a seed's program is the one it always was, sometimes
with sections and their motifs added.

Nested creation comes from a third stream (see add_nesting), applied
before the sections to about a quarter of the programs: a thread main
created is created (and joined, detached or left) by another created
thread instead, or created threads create new small threads (empty, or
one load, store, fetch-add, yield, or lock and unlock), two different
creators each one in `nest_pair`, so that the order in which threads are
created differs between schedules.  ["create", t], ["join", t] and
["detach", t] may then stand in any thread; t is still a fixed index.
A seed whose nesting stream adds nothing (or whose nesting makes it too
big) has the program it had before nesting existed.
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import brute  # noqa: E402
import outcomes as oc  # noqa: E402

# Generator version: bump when the seed -> program mapping changes.
VERSION = 1

# Candidates whose enumeration exceeds this many executions are skipped.
EXEC_CAP = 20_000

# Visible operations allowed in one thread's code (loops counted once).
MAX_OPS_PER_THREAD = 7

# The atomic-section stream: its own version, so that bumping it changes
# only the sections added to the programs.
SECTION_VERSION = 1

# The nesting stream (created threads that create threads): its own
# version, the probability that a candidate gets nesting (about 45% of
# those that draw it get some and still fit: a quarter of all programs),
# the operations a thread may gain by it beyond MAX_OPS_PER_THREAD (a
# create and a join or detach per thread it creates), and the cap on a
# nested program's executions: nesting adds threads, and so interleavings,
# so it gets the cap under which brute.py still walks every execution
# (tests/detect/pthread/late_spawn_mutex_bug.c as a description has
# 186,048, late_spawn_order_bug.c 56 million: the oracle's other analyses
# follow the states, a few thousand, but the walk follows executions).
NEST_VERSION = 1
P_NEST = 0.55
NEST_OPS = 4
NEST_EXEC_CAP = brute.DEFAULT_CAP

# Probability that a candidate gets atomic sections, and the operations
# allowed inside the sections wrapped around existing code: mostly
# non-blocking ones; a wrap may include blocking ones with WRAP_BLOCKING.
P_SECTIONS = 0.4
WRAP_BLOCKING = 0.25
SECTION_NONBLOCKING = {"load", "store", "cas", "xchg", "faa", "set", "assert",
                       "choose", "unlock", "trylock", "sem_post",
                       "sem_trywait", "cond_signal", "cond_broadcast",
                       "rwunlock", "pload", "pstore", "if", "repeat",
                       "atomic", "break"}
SECTION_BLOCKING = {"lock", "join", "sem_wait", "cond_wait", "rdlock",
                    "wrlock", "while"}


def L(name):
    return ["l", name]


def G(name):
    return ["g", name]


def NOT(e):
    return ["!", e]


def AND(a, b):
    return ["&&", a, b]


def EQ(a, b):
    return ["==", a, b]


def NE(a, b):
    return ["!=", a, b]


class Builder:
    """Collects the objects and per-thread code of one program.

    Thread 0 is main; its motif code runs between the pthread_create calls
    and the joins.  `final` is main's code after the joins: assertions on
    result slots and atomics.  A motif that puts code in `final` reading a
    thread's slot records the thread in `must_join`, so it is joined."""

    def __init__(self, rng, ncreated):
        self.rng = rng
        self.n = ncreated + 1
        self.atomics, self.plains, self.sems = {}, {}, {}
        self.mutexes, self.rwlocks, self.conds = [], [], []
        self.bodies = [[] for _ in range(self.n)]
        self.locals = [[] for _ in range(self.n)]
        self.final = []
        self.must_join = set()
        self.leaked = set()     # (thread, mutex): locked and never unlocked

    # -- fresh names ---------------------------------------------------

    def atomic(self, init=0):
        name = "x%d" % len(self.atomics)
        self.atomics[name] = init
        return name

    def plain(self, init=0):
        name = "g%d" % len(self.plains)
        self.plains[name] = init
        return name

    def mutex(self):
        name = "m%d" % len(self.mutexes)
        self.mutexes.append(name)
        return name

    def rwlock(self):
        name = "rw%d" % len(self.rwlocks)
        self.rwlocks.append(name)
        return name

    def sem(self, k):
        name = "s%d" % len(self.sems)
        self.sems[name] = k
        return name

    def cond(self):
        name = "c%d" % len(self.conds)
        self.conds.append(name)
        return name

    def local(self, t, prefix="r"):
        name = "%s%d" % (prefix, len(self.locals[t]))
        self.locals[t].append(name)
        return name

    # -- code ----------------------------------------------------------

    def emit(self, t, *stmts):
        self.bodies[t].extend(list(s) for s in stmts)

    def publish(self, t, local):
        """Copies thread t's local into a fresh plain result slot that main
        may read after joining t.  Returns the slot's expression."""
        if t == 0:
            return L(local)
        slot = self.plain()
        self.emit(t, ["set", slot, L(local)])
        self.must_join.add(t)
        return G(slot)

    def chance(self, p):
        return self.rng.random() < p

    def participants(self, k, main_ok=True):
        """k distinct threads, created threads preferred over main."""
        pool = list(range(1, self.n))
        self.rng.shuffle(pool)
        if main_ok and (len(pool) < k or self.chance(0.25)):
            pool.insert(self.rng.randrange(len(pool) + 1), 0)
        return pool[:k]


# ----------------------------------------------------------------------
# Motifs.  Each takes the builder and a bug probability and appends code.
# ----------------------------------------------------------------------

def motif_counter(b, pbug):
    """Threads increment a shared counter; main checks the total.  Correct
    with fetch_add or a mutex; lost updates with load+store, a CAS loop of
    two tries under three-way contention, or a trylock that gives up."""
    k = 2 if b.n < 3 or b.chance(0.7) else 3
    parts = b.participants(k)
    buggy = b.chance(pbug)
    style = b.rng.choice(["loadstore", "cas", "trylock"] if buggy
                         else ["faa", "mutex", "mutex_plain", "cas"])
    x = b.atomic(0)
    m = b.mutex() if style in ("mutex", "mutex_plain", "trylock") else None
    g = b.plain(0) if style == "mutex_plain" else None
    for t in parts:
        increment(b, t, style, x, m, g)
    if g is not None:
        b.must_join.update(p for p in parts if p)
        b.final.append(["assert", EQ(G(g), k)])
    elif all(p == 0 for p in parts) or b.chance(0.8):
        b.must_join.update(p for p in parts if p)
        r = b.local(0, "f")
        b.final += [["load", x, r], ["assert", EQ(L(r), k)]]


def increment(b, t, style, x, m, g):
    """One thread's increment of counter x in the given style."""
    r = b.local(t)
    if style == "faa":
        b.emit(t, ["faa", x, 1, r])
    elif style == "loadstore":
        b.emit(t, ["load", x, r], ["store", x, ["+", L(r), 1]])
    elif style == "cas":
        ok, i = b.local(t, "ok"), b.local(t, "i")
        b.emit(t, ["load", x, r],
               ["repeat", i, 2, [["cas", x, r, ["+", L(r), 1], ok],
                                 ["if", L(ok), [["break"]], []]]])
    elif style == "mutex":
        b.emit(t, ["lock", m], ["load", x, r], ["store", x, ["+", L(r), 1]],
               ["unlock", m])
    elif style == "mutex_plain":
        b.emit(t, ["lock", m], ["set", g, ["+", G(g), 1]], ["unlock", m])
    elif style == "trylock":
        ok = b.local(t, "ok")
        b.emit(t, ["trylock", m, ok],
               ["if", L(ok), [["load", x, r], ["store", x, ["+", L(r), 1]],
                              ["unlock", m]], []])


def motif_message(b, pbug):
    """Message passing: a writer stores data then a flag; a reader that
    sees the flag must see the data.  Buggy: either side in the wrong
    order."""
    w, r = b.participants(2)
    data, flag = b.atomic(0), b.atomic(0)
    buggy = b.chance(pbug)
    bad_writer = buggy and b.chance(0.5)
    bad_reader = buggy and not bad_writer
    if b.chance(0.3):
        v = b.local(w, "v")
        write_data = [["choose", 2, v], ["store", data, ["+", L(v), 1]]]
    else:
        write_data = [["store", data, b.rng.choice([1, 2])]]
    write_flag = [["store", flag, 1]] if b.chance(0.6) else \
        [["xchg", flag, 1, b.local(w)]]
    b.emit(w, *(write_flag + write_data if bad_writer
                else write_data + write_flag))
    f, d = b.local(r, "f"), b.local(r, "d")
    reads = [["load", data, d], ["load", flag, f]] if bad_reader else \
        [["load", flag, f], ["load", data, d]]
    b.emit(r, *reads)
    check = NOT(AND(EQ(L(f), 1), EQ(L(d), 0)))
    if r != 0 and b.chance(0.4):
        fs, ds = b.publish(r, f), b.publish(r, d)
        b.final.append(["assert", NOT(AND(EQ(fs, 1), EQ(ds, 0)))])
    else:
        b.emit(r, ["assert", check])


def critical_section(b, t, inside):
    """The body of a critical section that checks it is alone."""
    v = b.local(t, "in")
    return [["xchg", inside, 1, v], ["assert", EQ(L(v), 0)],
            ["store", inside, 0]]


def motif_mutex(b, pbug):
    """Mutual exclusion checked with an 'inside' flag.  Correct: lock, or
    trylock and enter only on success.  Buggy: one thread enters whether
    or not its trylock succeeded, or does not lock at all."""
    parts = b.participants(2)
    m, inside = b.mutex(), b.atomic(0)
    bad = parts[-1] if b.chance(pbug) else None
    for t in parts:
        cs = critical_section(b, t, inside)
        ok = b.local(t, "ok")
        if t == bad and b.chance(0.5):
            b.emit(t, *cs)
        elif t == bad:
            b.emit(t, ["trylock", m, ok], *cs,
                   ["if", L(ok), [["unlock", m]], []])
        elif b.chance(0.3):
            b.emit(t, ["trylock", m, ok], ["if", L(ok), cs + [["unlock", m]], []])
        else:
            b.emit(t, ["lock", m], *cs, ["unlock", m])


def motif_lock_order(b, pbug):
    """Two threads take two mutexes.  Buggy: opposite orders (deadlock), or
    a thread that forgets to unlock.  Correct: same order, or the second
    lock taken with trylock and backed out of."""
    t1, t2 = b.participants(2)
    ma, mb = b.mutex(), b.mutex()
    x = b.atomic(0)
    r1 = b.local(t1)
    b.emit(t1, ["lock", ma], ["lock", mb], ["faa", x, 1, r1], ["unlock", mb],
           ["unlock", ma])
    r2, ok = b.local(t2), b.local(t2, "ok")
    roll = b.rng.random()
    if roll < pbug * 0.7:
        b.emit(t2, ["lock", mb], ["lock", ma], ["faa", x, 1, r2],
               ["unlock", ma], ["unlock", mb])
    elif roll < pbug:
        b.emit(t2, ["lock", ma], ["faa", x, 1, r2])   # never unlocks
        b.leaked.add((t2, ma))
    elif b.chance(0.5):
        b.emit(t2, ["lock", mb], ["trylock", ma, ok],
               ["if", L(ok), [["faa", x, 1, r2], ["unlock", ma]], []],
               ["unlock", mb])
    else:
        b.emit(t2, ["lock", ma], ["lock", mb], ["faa", x, 1, r2],
               ["unlock", mb], ["unlock", ma])


def motif_rwlock(b, pbug):
    """A writer moves x from 0 through 1 to 2 under the write lock; readers
    under the read lock never see the intermediate 1.  Buggy: the writer
    takes only the read lock, or a reader takes no lock."""
    k = 3 if b.n >= 3 and b.chance(0.4) else 2
    parts = b.participants(k)
    rw, x = b.rwlock(), b.atomic(0)
    buggy = b.chance(pbug)
    bad_writer = buggy and b.chance(0.5)
    w = parts[0]
    b.emit(w, ["rdlock" if bad_writer else "wrlock", rw], ["store", x, 1],
           ["store", x, 2], ["rwunlock", rw])
    for i, t in enumerate(parts[1:]):
        r = b.local(t)
        if buggy and not bad_writer and i == 0:
            b.emit(t, ["load", x, r])
        else:
            b.emit(t, ["rdlock", rw], ["load", x, r], ["rwunlock", rw])
        b.emit(t, ["assert", NE(L(r), 1)])


def motif_sem_mutex(b, pbug):
    """A binary semaphore as a lock.  Buggy: initial count 2, or one extra
    sem_post that lets two threads in.  Some threads use sem_trywait and
    enter only on success."""
    parts = b.participants(2)
    roll = b.rng.random()
    s = b.sem(2 if roll < pbug * 0.4 else 1)
    inside = b.atomic(0)
    if pbug * 0.4 <= roll < pbug:
        extra = b.rng.choice(range(b.n))
        b.emit(extra, ["sem_post", s])
    for t in parts:
        cs = critical_section(b, t, inside)
        if b.chance(0.3):
            ok = b.local(t, "ok")
            b.emit(t, ["sem_trywait", s, ok],
                   ["if", L(ok), cs + [["sem_post", s]], []])
        else:
            b.emit(t, ["sem_wait", s], *cs, ["sem_post", s])


def motif_sem_signal(b, pbug):
    """A semaphore from 0 hands over a value.  Buggy: posting before the
    store (assertion), or a post that only happens on one branch of a
    choice, or two consumers for one post (deadlock when joined)."""
    prod, cons = b.participants(2)
    s, x = b.sem(0), b.atomic(0)
    roll = b.rng.random()
    if roll < pbug * 0.4:
        b.emit(prod, ["sem_post", s], ["store", x, 1])
    elif roll < pbug * 0.7:
        v = b.local(prod, "v")
        b.emit(prod, ["store", x, 1], ["choose", 2, v],
               ["if", L(v), [["sem_post", s]], []])
        if cons:
            b.must_join.add(cons)
    else:
        b.emit(prod, ["store", x, 1], ["sem_post", s])
    r = b.local(cons)
    b.emit(cons, ["sem_wait", s], ["load", x, r], ["assert", EQ(L(r), 1)])
    if roll >= pbug and b.chance(0.3):
        ok = b.local(prod, "ok")
        b.emit(prod, ["sem_trywait", s, ok],
               ["if", L(ok), [["sem_post", s]], []])


def motif_cond(b, pbug):
    """A flag handed over with a condition variable.  Correct: wait in a
    `while` loop under the mutex, set the flag under the mutex.  Buggy:
    `if` instead of `while` (a spurious wakeup passes it), a signal
    without setting the flag, an atomic flag set and signalled outside the
    mutex (lost wakeup), or two waiters and one signal."""
    m, c = b.mutex(), b.cond()
    data = b.atomic(0)
    roll = b.rng.random() / max(pbug, 1e-9)
    bug = None
    if roll < 1:
        bug = b.rng.choice(["if", "noflag", "lost", "two"] if b.n >= 3
                           else ["if", "noflag", "lost"])
    atomic_flag = bug == "lost" or (bug is None and b.chance(0.25))
    flag = b.atomic(0) if atomic_flag else b.plain(0)
    nwait = 2 if bug == "two" or (b.n >= 3 and b.chance(0.2)) else 1
    parts = b.participants(nwait + 1, main_ok=False if b.n > nwait + 1 else True)
    sig, waiters = parts[0], parts[1:]
    for w in waiters:
        cond_waiter(b, w, m, c, flag, atomic_flag, data, loop=bug != "if")
        if w and (bug in ("two", "noflag") or b.chance(0.6)):
            b.must_join.add(w)
    broadcast = nwait > 1 and bug != "two" or b.chance(0.2)
    wake = ["cond_broadcast" if broadcast else "cond_signal", c]
    b.emit(sig, ["store", data, 1])
    if bug == "lost":
        b.emit(sig, ["store", flag, 1], wake)
    elif bug == "noflag":
        b.emit(sig, ["lock", m], wake, ["unlock", m])
    else:
        set_flag = ["store", flag, 1] if atomic_flag else ["set", flag, 1]
        if b.chance(0.3):
            b.emit(sig, ["lock", m], set_flag, ["unlock", m], wake)
        else:
            b.emit(sig, ["lock", m], set_flag, wake, ["unlock", m])


def cond_waiter(b, t, m, c, flag, atomic_flag, data, loop):
    """lock; while (!flag) wait; read data; unlock; assert data seen."""
    r = b.local(t)
    if atomic_flag:
        f = b.local(t, "f")
        wait = [["cond_wait", c, m], ["load", flag, f]]
        b.emit(t, ["lock", m], ["load", flag, f],
               ["while" if loop else "if", NOT(L(f)), wait] + ([] if loop else [[]]))
    else:
        b.emit(t, ["lock", m],
               ["while" if loop else "if", NOT(G(flag)), [["cond_wait", c, m]]]
               + ([] if loop else [[]]))
    b.emit(t, ["load", data, r], ["unlock", m], ["assert", EQ(L(r), 1)])


def motif_choose(b, pbug):
    """A chosen value is stored; someone checks it.  Buggy when the check
    excludes a value that can be chosen (possibly only in some orders)."""
    t, u = b.participants(2)
    n = b.rng.choice([2, 3])
    x = b.atomic(0)
    v = b.local(t, "v")
    if b.chance(0.5):
        b.emit(t, ["choose", n, v], ["store", x, ["+", L(v), 1]])
    else:
        b.emit(t, ["choose", n, v],
               ["if", EQ(L(v), 0), [["store", x, 1]], [["faa", x, L(v), b.local(t)]]])
    r = b.local(u)
    limit = n - 1 if b.chance(pbug) else n
    b.emit(u, ["load", x, r], ["assert", ["<=", L(r), limit]])


def motif_cas_flag(b, pbug):
    """Threads race to claim a flag with compare-exchange; only the
    winner writes the owner slot.  Buggy: the claim uses load then store
    (two threads can both win)."""
    parts = b.participants(2)
    flag, winners = b.atomic(0), b.atomic(0)
    buggy = b.chance(pbug)
    for t in parts:
        ok, e = b.local(t, "ok"), b.local(t, "e")
        w = b.local(t)
        if buggy and t == parts[0]:
            b.emit(t, ["load", flag, e], ["set", ok, EQ(L(e), 0)],
                   ["if", L(ok), [["store", flag, 1]], []])
        else:
            b.emit(t, ["set", e, 0], ["cas", flag, e, 1, ok])
        b.emit(t, ["if", L(ok), [["faa", winners, 1, w],
                                  ["assert", EQ(L(w), 0)]], []])


# Litmus shapes: (writes per thread, reads per thread, outcome forbidden
# under sequential consistency).  Writes are (variable, value); reads
# name a variable; the forbidden outcome lists one value per read, in
# thread order.
LITMUS = {
    # one writer, N readers of the same variable
    "1w2r": ([[("x", 1)], [], []], [[], ["x"], ["x"]], None),
    "1w3r": ([[("x", 1)], [], [], []], [[], ["x"], ["x"], ["x"]], None),
    # store buffering: both loads cannot miss both stores
    "sb": ([[("x", 1)], [("y", 1)]], [["y"], ["x"]], [0, 0]),
    # coherence of two reads of one variable
    "corr": ([[("x", 1)], []], [[], ["x", "x"]], [1, 0]),
    # independent reads of independent writes
    "iriw": ([[("x", 1)], [("y", 1)], [], []],
             [[], [], ["x", "y"], ["y", "x"]], [1, 0, 1, 0]),
    # two writers, two readers
    "2w2r": ([[("x", 1)], [("x", 2)], [], []], [[], [], ["x"], ["x"]], None),
}


def motif_litmus(b, pbug):
    """A litmus test over atomics whose reads are published to main, which
    asserts that one combination of read values never happens.  Correct
    when that combination is the one sequential consistency forbids;
    otherwise a combination of the values that can be read, usually
    reachable only in a few interleavings: exactly the executions an
    unsound reduction skips."""
    names = [n for n, shape in LITMUS.items() if len(shape[0]) <= b.n]
    writes, reads, forbidden = LITMUS[b.rng.choice(names)]
    parts = b.participants(len(writes))
    var = {v: b.atomic(0) for v in "xy"}
    values = {"x": {0}, "y": {0}}
    for t, ws in zip(parts, writes):
        for v, val in ws:
            b.emit(t, ["store", var[v], val])
            values[v].add(val)
    slots, order = [], []
    for t, rs in zip(parts, reads):
        for v in rs:
            r = b.local(t)
            b.emit(t, ["load", var[v], r])
            order.append(v)
            slots.append((t, r))
    if forbidden is None or b.chance(pbug):
        forbidden = [b.rng.choice(sorted(values[v])) for v in order]
    exprs = [b.publish(t, r) for t, r in slots]
    cond = EQ(exprs[0], forbidden[0])
    for e, val in zip(exprs[1:], forbidden[1:]):
        cond = AND(cond, EQ(e, val))
    b.final.append(["assert", NOT(cond)])


def motif_noise(b, pbug):
    """Operations that matter only to the explorer: yields, stray loads
    and stores, a bounded trylock retry loop."""
    t = b.rng.randrange(b.n)
    kind = b.rng.choice(["yield", "load", "store", "retry"])
    if kind == "yield":
        b.emit(t, ["yield"])
    elif kind == "load" and b.atomics:
        b.emit(t, ["load", b.rng.choice(sorted(b.atomics)), b.local(t)])
    elif kind == "store" or not b.atomics:
        b.emit(t, ["store", b.atomic(0), b.rng.choice([1, 2])])
    else:
        free = [m for m in b.mutexes if (t, m) not in b.leaked]
        m = b.rng.choice(free) if free and b.chance(0.7) else b.mutex()
        ok, i = b.local(t, "ok"), b.local(t, "i")
        b.emit(t, ["repeat", i, 2, [["trylock", m, ok],
                                    ["if", L(ok), [["unlock", m], ["break"]],
                                     [["yield"]]]]])


MOTIFS = [
    (motif_counter, 3), (motif_message, 3), (motif_mutex, 2),
    (motif_lock_order, 2), (motif_rwlock, 2), (motif_sem_mutex, 2),
    (motif_sem_signal, 2), (motif_cond, 3), (motif_choose, 2),
    (motif_cas_flag, 2), (motif_litmus, 3), (motif_noise, 1),
]


# ----------------------------------------------------------------------
# Assembling main
# ----------------------------------------------------------------------

def assemble(b):
    """Builds main's body: create the threads (detaching some), run
    main's own motif code, join (all, or all but a few that nobody
    waits for), check, and sometimes end early with exit(0)."""
    rng = b.rng
    created = list(range(1, b.n))
    # Main's own code runs after at least one creation, mostly: before
    # every creation it could not race with anything.
    split = rng.randint(1, len(created)) if rng.random() < 0.85 else 0
    body = []
    for t in created[:split]:
        body.append(["create", t])
    body += b.bodies[0]
    for t in created[split:]:
        body.append(["create", t])
    unjoined = set()
    for t in created:
        if t not in b.must_join and rng.random() < 0.15:
            unjoined.add(t)
            if rng.random() < 0.5:
                body.insert(body.index(["create", t]) + 1, ["detach", t])
    joins = [["join", t] for t in created if t not in unjoined]
    rng.shuffle(joins)
    body += joins + b.final
    add_exit(b, body)
    return body


def add_exit(b, main_body):
    """Occasionally ends the process early: exit(0) in a created thread
    (unconditionally at its end or on a chosen branch), or in main before
    its joins."""
    rng = b.rng
    roll = rng.random()
    if roll < 0.06 and b.n > 1:
        t = rng.randrange(1, b.n)
        if rng.random() < 0.5:
            b.bodies[t].append(["exit"])
        else:
            v = b.local(t, "v")
            b.bodies[t] += [["choose", 2, v], ["if", L(v), [["exit"]], []]]
    elif roll < 0.09:
        first_join = next((i for i, s in enumerate(main_body)
                           if s[0] == "join"), len(main_body))
        main_body.insert(first_join, ["exit"])


# ----------------------------------------------------------------------
# Nested creation (a random stream of its own, drawn after main's and
# before the sections')
# ----------------------------------------------------------------------

def body_end(body):
    """Where new code may go last in a created thread's body: before a
    final exit (unconditional, or on a chosen branch after its choice)."""
    hi = len(body)
    if hi and (body[-1] == ["exit"] or
               (body[-1][0] == "if" and body[-1][2] == [["exit"]])):
        hi -= 2 if body[-1][0] == "if" else 1
    return hi


class Nesting:
    """A candidate's threads as nesting finds them once main is
    assembled: who creates each thread (main at first) and which threads
    main joins.  A thread main joins before its final checks (`must_join`)
    may move only to a creator main joins, which joins it: main's checks
    still happen after the thread's work."""

    def __init__(self, b, main_body):
        self.b, self.main = b, main_body
        self.parent = {t: 0 for t in range(1, b.n)}
        self.must = set(b.must_join)

    def main_joins(self, t):
        return ["join", t] in self.main

    def place(self, u, t, must_join=False):
        """Thread u creates t at a random point of its code (mostly at its
        start or its end), then joins it right after, later or at its end,
        detaches it, or leaves it.  Main creates a thread after one of its
        creations and joins it before its other joins."""
        rng = self.b.rng
        body = self.main if u == 0 else self.b.bodies[u]
        style = "join" if must_join else rng.choices(
            ["join", "detach", "leave"], [6, 2, 1])[0]
        if u == 0:
            creates = [i for i, s in enumerate(body) if s[0] == "create"]
            at = rng.choice(creates) + 1
            body.insert(at, ["create", t])
            if style == "detach":
                body.insert(at + 1, ["detach", t])
            elif style == "join":
                to = next((i for i, s in enumerate(body)
                           if s[0] in ("join", "exit")), len(body))
                body.insert(to, ["join", t])
            return
        hi = body_end(body)
        at = rng.choice([0, hi, rng.randint(0, hi)])
        body.insert(at, ["create", t])
        self.parent[t] = u
        if style == "detach":
            body.insert(at + 1, ["detach", t])
        elif style == "join":
            late = rng.choice(["next", "end", "any"])
            to = at + 1 if late == "next" else hi + 1 if late == "end" \
                else rng.randint(at + 1, hi + 1)
            body.insert(to, ["join", t])


def nest_move(nx):
    """A thread main created is created by another one main created (and
    joined, detached or left by it); main no longer touches it."""
    b = nx.b
    mains = [t for t, p in sorted(nx.parent.items()) if p == 0]
    pairs = [(t, u) for t in mains for u in mains if u != t and
             (t not in nx.must or nx.main_joins(u))]
    if not pairs:
        return False
    t, u = b.rng.choice(pairs)
    must = t in nx.must
    if must:
        nx.must.add(u)
    nx.main[:] = [s for s in nx.main
                  if not (s[0] in ("create", "detach", "join") and s[1] == t)]
    nx.place(u, t, must_join=must)
    return True


def nest_pair(nx):
    """Two created threads each create a new thread (nest_spawn twice,
    under different creators): the shape of the two programs
    tests/detect/pthread/late_spawn_*_bug.c, which dfs verified while it
    named threads by the order of their creation."""
    b = nx.b
    creators = sorted(nx.parent)
    if len(creators) < 2:
        return False
    u1, u2 = b.rng.sample(creators, 2)
    done = nest_spawn(nx, u1) and nest_spawn(nx, u2)
    if b.chance(0.5):
        nest_spawn(nx, 0)       # a bystander main creates among its own
    return done


def nest_spawn(nx, u=None):
    """A new thread, created by a created thread: empty (it only changes
    which threads exist, and in what order they are created), or one
    step: a yield, a load of an atomic, a store or fetch-add (the
    program's own atomics are sometimes touched: assertions on them may
    then fail), or a lock and unlock of a mutex."""
    b = nx.b
    creators = sorted(nx.parent)
    if not creators:
        return False
    # A thread that creates none yet is preferred: two creators whose
    # creations race make the order of creation differ between schedules.
    idle = [t for t in creators if t not in nx.parent.values()]
    if u is None:
        u = b.rng.choice(idle if idle and b.chance(0.75) else creators)
    c = b.n
    b.n += 1
    b.bodies.append([])
    b.locals.append([])
    kind = b.rng.choices(["empty", "yield", "load", "store", "faa", "lock"],
                         [3, 1, 5, 1, 3, 2])[0]
    olds = sorted(b.atomics)
    free = [m for m in b.mutexes if not any(mm == m for _, mm in b.leaked)]
    if kind == "yield":
        b.emit(c, ["yield"])
    elif kind == "load" and olds:
        b.emit(c, ["load", b.rng.choice(olds), b.local(c)])
    elif kind == "store" or (kind == "load" and not olds):
        b.emit(c, ["store", b.atomic(0), 1])
    elif kind == "faa":
        x = b.rng.choice(olds) if olds and b.chance(0.5) else b.atomic(0)
        b.emit(c, ["faa", x, 1, b.local(c)])
    elif kind == "lock" and free:
        m = b.rng.choice(free)
        b.emit(c, ["lock", m], ["unlock", m])
    nx.parent[c] = u
    nx.place(u, c)
    if u == 0:
        del nx.parent[c]        # not a creator later: main's are enough
    return True


def add_nesting(b, main_body, rng):
    """Makes some created threads creators, drawing from rng only: a
    thread main created moves under another (nest_move), or a created
    thread creates a new one (nest_spawn); with two, the creations of
    different threads race, so the order threads are created in differs
    between schedules."""
    b.rng = rng
    if rng.random() >= P_NEST or b.n < 2:
        return False
    nx = Nesting(b, main_body)
    done = False
    for _ in range(rng.choice([1, 2, 2])):
        step = rng.choices([nest_move, nest_spawn, nest_pair], [2, 2, 2])[0]
        done = step(nx) or done
    return done


# ----------------------------------------------------------------------
# Atomic sections (a random stream of their own, drawn after main's)
# ----------------------------------------------------------------------

class Sections:
    """Where a candidate's threads can take more code once main is
    assembled: the bodies (main's is its assembled body), the range of
    each body new code may go into, and the threads main joins."""

    def __init__(self, b, main_body):
        self.b = b
        self.bodies = [main_body] + b.bodies[1:]
        self.joined = {s[1] for s in main_body if s[0] == "join"}
        self.main_exits = any(s[0] == "exit" for s in main_body)
        self.finals = []

    def form(self):
        return self.b.rng.choice(["begin", "fn"])

    def section(self, body):
        return ["atomic", body, self.form()]

    def insert_range(self, t):
        """Indices where new code may go in thread t's body: in main after
        the first creation and before the first join or exit; in a
        created thread anywhere before a final exit."""
        body = self.bodies[t]
        if t == 0:
            lo = next(i for i, s in enumerate(body) if s[0] == "create") + 1
            hi = next((i for i in range(lo, len(body))
                       if body[i][0] in ("join", "exit")), len(body))
            return lo, hi
        return 0, body_end(body)

    def put(self, t, stmts):
        lo, hi = self.insert_range(t)
        at = self.b.rng.randint(lo, hi)
        self.bodies[t][at:at] = stmts

    def checkable(self, parts):
        """Whether main can check the threads' work after joining them."""
        return all(t == 0 or t in self.joined for t in parts)

    def final(self, *stmts):
        self.finals += stmts


def section_counter(sx, pbug):
    """The lost-update shape: threads increment a counter (an atomic or a
    plain variable), each inside an atomic section or with a separate
    load and store outside one; main checks the total.  Buggy: one
    increment outside while another is in a section (or also outside);
    correct: every increment in a section (a fetch-add outside is atomic
    too).  A section may read the counter back and assert its own store
    is still there: nothing else runs inside it."""
    b = sx.b
    k = 2 if b.n < 3 or b.chance(0.7) else 3
    parts = b.participants(k)
    plain = b.chance(0.35)
    x = b.plain(0) if plain else b.atomic(0)
    load, store = ("pload", "pstore") if plain else ("load", "store")
    buggy = b.chance(pbug)
    outside = set()
    if buggy:
        outside.add(parts[-1])
        if k > 2 and b.chance(0.3):
            outside.add(parts[0])
    for t in parts:
        r = b.local(t)
        inc = [[load, x, r], [store, x, ["+", L(r), 1]]]
        if t in outside:
            sx.put(t, inc)
        elif not plain and not buggy and t != parts[0] and b.chance(0.3):
            sx.put(t, [["faa", x, 1, r]])
        else:
            if b.chance(0.3):
                r2 = b.local(t)
                inc += [[load, x, r2], ["assert", EQ(L(r2), ["+", L(r), 1])]]
            sx.put(t, [sx.section(inc)])
    if sx.checkable(parts) and (not sx.main_exits or b.chance(0.5)):
        f = b.local(0, "f")
        sx.final([load, x, f], ["assert", EQ(L(f), k)])


def section_publish(sx, pbug):
    """Plain data written and read in atomic sections: a writer sets two
    plain variables in one section, a reader reads both in another and
    asserts it saw both or neither.  Buggy: the writer or the reader
    works outside a section (a data race, and a torn read), or a third
    access outside any section (a data race only)."""
    b = sx.b
    k = 3 if b.n >= 3 and b.chance(0.3) else 2
    parts = b.participants(k)
    w, rs = parts[0], parts[1:]
    a, c = b.plain(0), b.plain(0)
    bug = b.rng.choice(["writer", "reader", "stray", "stray"]) \
        if b.chance(pbug) else None
    writes = [["pstore", a, 1], ["pstore", c, 1]]
    sx.put(w, writes if bug == "writer" else [sx.section(writes)])
    for i, t in enumerate(rs):
        ra, rc = b.local(t), b.local(t)
        reads = [["pload", a, ra], ["pload", c, rc]]
        check = ["assert", EQ(L(ra), L(rc))]
        if bug == "reader" and i == 0:
            sx.put(t, reads + [check])
        elif b.chance(0.5):
            sx.put(t, [sx.section(reads + [check])])
        else:
            sx.put(t, [sx.section(reads), check])
    if bug == "stray":
        t = b.rng.randrange(b.n)
        sx.put(t, [["pload", b.rng.choice([a, c]), b.local(t)]])


def section_lock(sx, pbug):
    """A mutex taken inside an atomic section (the thread inside may block
    there, and the others run, but none enters a section).  Buggy: the
    other thread enters a section while holding the mutex: deadlock."""
    b = sx.b
    t1, t2 = b.participants(2)
    m, x = b.mutex(), b.atomic(0)
    r1, r2 = b.local(t1), b.local(t2)
    sx.put(t1, [sx.section([["lock", m], ["faa", x, 1, r1], ["unlock", m]])])
    inner = [["faa", x, 1, r2]]
    if b.chance(pbug):
        inner = [sx.section(inner)]
    sx.put(t2, [["lock", m]] + inner + [["unlock", m]])
    if sx.checkable([t1, t2]) and b.chance(0.5):
        f = b.local(0, "f")
        sx.final(["load", x, f], ["assert", EQ(L(f), 2)])


def wrappable(s, allowed):
    if s[0] not in allowed:
        return False
    if s[0] == "if":
        return all(wrappable(x, allowed) for x in s[2] + s[3])
    if s[0] == "while":
        return all(wrappable(x, allowed) for x in s[2])
    if s[0] == "repeat":
        return all(wrappable(x, allowed) for x in s[3])
    if s[0] == "atomic":
        return all(wrappable(x, allowed) for x in s[1])
    return True


def section_wrap(sx, pbug):
    """An atomic section around a run of a thread's existing statements:
    loads, stores, read-modify-writes, asserts, unlocks (and, sometimes,
    blocking ones: lock, join, sem_wait, a condition wait), possibly
    around another section (sections nest)."""
    b = sx.b
    allowed = set(SECTION_NONBLOCKING)
    if b.chance(WRAP_BLOCKING):
        allowed |= SECTION_BLOCKING
    runs = []
    for t, body in enumerate(sx.bodies):
        i = 0
        while i < len(body):
            j = i
            while j < len(body) and wrappable(body[j], allowed):
                j += 1
            if j > i:
                runs.append((t, i, j))
            i = j + 1
    if not runs:
        return
    t, i, j = b.rng.choice(runs)
    lo = b.rng.randrange(i, j)
    hi = b.rng.randint(lo + 1, j)
    body = sx.bodies[t]
    body[lo:hi] = [sx.section(body[lo:hi])]


SECTION_MOTIFS = [
    (section_counter, 3), (section_publish, 2), (section_lock, 1),
    (section_wrap, 3),
]


def add_sections(b, main_body, rng):
    """Adds atomic sections to an assembled candidate, drawing from rng
    only: section motifs put their code at random places in the threads
    (main's checks go at its end), or a section wraps existing code."""
    b.rng = rng
    if rng.random() >= P_SECTIONS:
        return False
    sx = Sections(b, main_body)
    motifs, weights = zip(*SECTION_MOTIFS)
    for _ in range(rng.choice([1, 1, 1, 2])):
        rng.choices(motifs, weights)[0](sx, 0.5)
    main_body += sx.finals
    return True


def candidate(seed, attempt, sections=False, nesting=False):
    """One candidate program for (seed, attempt); with `nesting` or
    `sections`, the same program with nested creation or atomic sections
    added from their own streams (None if a stream asked for adds
    nothing)."""
    rng = random.Random("weft-oracle:%d:%d:%d" % (VERSION, seed, attempt))
    b = Builder(rng, ncreated=rng.choice([1, 1, 2, 2, 2, 3]))
    nmotifs = rng.choice([1, 1, 2, 2, 2, 3])
    pbug = 0.5
    motifs, weights = zip(*MOTIFS)
    for _ in range(nmotifs):
        rng.choices(motifs, weights)[0](b, pbug)
    for t in range(1, b.n):
        if not b.bodies[t]:
            b.emit(t, ["yield"] if rng.random() < 0.5
                   else ["load", b.atomic(0), b.local(t)])
    main_body = assemble(b)
    if nesting:
        nrng = random.Random("weft-oracle-nesting:%d:%d:%d:%d" % (
            VERSION, NEST_VERSION, seed, attempt))
        if not add_nesting(b, main_body, nrng):
            return None
    if sections:
        srng = random.Random("weft-oracle-sections:%d:%d:%d:%d" % (
            VERSION, SECTION_VERSION, seed, attempt))
        if not add_sections(b, main_body, srng):
            return None
    threads = [{"name": "main", "locals": b.locals[0], "body": main_body}]
    for t in range(1, b.n):
        threads.append({"name": "t%d" % t, "locals": b.locals[t],
                        "body": b.bodies[t]})
    return {"seed": seed, "attempt": attempt, "atomics": b.atomics,
            "plains": b.plains, "mutexes": b.mutexes, "rwlocks": b.rwlocks,
            "sems": b.sems, "conds": b.conds, "threads": threads}


def visible_ops(stmts):
    """Visible operations in a statement list (a loop body counted once)."""
    n = 0
    for s in stmts:
        if s[0] in brute.VISIBLE_OPS:
            n += 1
        elif s[0] == "if":
            n += visible_ops(s[2]) + visible_ops(s[3])
        elif s[0] == "while":
            n += visible_ops(s[2])
        elif s[0] == "repeat":
            n += visible_ops(s[3])
        elif s[0] == "atomic":
            n += visible_ops(s[1])
    return n


def fits(prog, cap, max_ops):
    if any(visible_ops(t["body"]) > max_ops for t in prog["threads"][1:]):
        return False
    return brute.count_executions(brute.Machine(prog), cap) <= cap


def generate(seed, cap=EXEC_CAP, sections=True, nesting=True):
    """The program for `seed`: the first candidate small enough, then the
    first of its variants that its nesting and section streams add to and
    that is still small enough: with nested creation and sections, with
    nested creation, with sections, as it is (a creation and a join or
    detach of nesting not counted as operations, NEST_OPS more allowed;
    sections' entries and exits not counted, two more allowed).  Which
    candidate is taken never depends on the nesting or the sections, so
    a seed whose nesting stream adds nothing has its old program."""
    ncap = max(cap, NEST_EXEC_CAP)
    for attempt in range(1000):
        prog = candidate(seed, attempt)
        if not fits(prog, cap, MAX_OPS_PER_THREAD):
            continue
        nested = nesting and candidate(seed, attempt, nesting=True)
        if nested:
            both = sections and candidate(seed, attempt, sections=True,
                                          nesting=True)
            if both and fits(both, ncap, MAX_OPS_PER_THREAD + NEST_OPS + 2):
                return both
            if fits(nested, ncap, MAX_OPS_PER_THREAD + NEST_OPS):
                return nested
        if sections:
            with_sections = candidate(seed, attempt, sections=True)
            if with_sections and fits(with_sections, cap,
                                      MAX_OPS_PER_THREAD + 2):
                return with_sections
        return prog
    raise RuntimeError("no candidate for seed %d fits the cap" % seed)


# ----------------------------------------------------------------------
# C emission
# ----------------------------------------------------------------------

C_HEADER = """\
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>
"""


# pload / pstore: one plain access each, made where the program makes it
# and kept even when its value is unused (the oracle models each as a
# step of its own), yet a plain access, instrumented as one.
PLAIN_MACROS = [
    "#define plain_barrier() __asm__ volatile(\"\" : : : \"memory\")",
    "#define plain_load(dst, var) do { plain_barrier(); (dst) = (var); "
    "__asm__ volatile(\"\" : : \"r\"(dst) : \"memory\"); } while (0)",
    "#define plain_store(var, val) do { plain_barrier(); (var) = (val); "
    "plain_barrier(); } while (0)",
]


def c_expr(e):
    if isinstance(e, int):
        return str(e)
    if e[0] in ("l", "g"):
        return e[1]
    if e[0] == "!":
        return "!(%s)" % c_expr(e[1])
    return "(%s %s %s)" % (c_expr(e[1]), e[0], c_expr(e[2]))


class Emit:
    """What emitting one program's code collects besides the lines: the
    __VERIFIER_atomic_ functions its sections became (each defined before
    the code calling it, inner sections' before outer ones') and whether
    it calls __VERIFIER_atomic_begin/end."""

    def __init__(self):
        self.functions = []
        self.begin_end = False
        self.plain_steps = False
        self.thread, self.locals = None, []


def c_section(s, ind, out, ctx):
    """An atomic section: its body between __VERIFIER_atomic_begin() and
    __VERIFIER_atomic_end(), or a __VERIFIER_atomic_ function called with
    pointers to the thread's locals the body uses (copied in and out:
    nothing else can see them)."""
    p = "\t" * ind
    form = s[2] if len(s) > 2 else "begin"
    if form == "begin":
        ctx.begin_end = True
        out.append(p + "__VERIFIER_atomic_begin();")
        for x in s[1]:
            c_stmt(x, ind, out, ctx)
        out.append(p + "__VERIFIER_atomic_end();")
        return
    if form != "fn":
        raise ValueError("unknown atomic section form %r" % (form,))
    used = set()

    def names(x):
        if isinstance(x, list):
            for y in x:
                names(y)
        elif isinstance(x, str) and x in ctx.locals:
            used.add(x)

    names(s[1])
    params = [n for n in ctx.locals if n in used]
    body = []
    for x in s[1]:
        c_stmt(x, 1, body, ctx)
    fname = "__VERIFIER_atomic_%s_%d" % (ctx.thread, len(ctx.functions))
    fn = ["void %s(%s)" % (fname, ", ".join("int *p_%s" % n for n in params)
                           or "void"), "{"]
    if params:
        fn.append("\tint %s;" % ", ".join("%s = *p_%s" % (n, n) for n in params))
    fn += body
    fn += ["\t*p_%s = %s;" % (n, n) for n in params]
    fn.append("}")
    ctx.functions.append(fn)
    out.append(p + "%s(%s);" % (fname, ", ".join("&" + n for n in params)))


def c_stmt(s, ind, out, ctx):
    """Appends the C lines for statement s, indented by `ind` tabs."""
    p = "\t" * ind
    op = s[0]
    simple = {
        "load": lambda: "%s = atomic_load(&%s);" % (s[2], s[1]),
        "store": lambda: "atomic_store(&%s, %s);" % (s[1], c_expr(s[2])),
        "cas": lambda: "%s = atomic_compare_exchange_strong(&%s, &%s, %s);"
        % (s[4], s[1], s[2], c_expr(s[3])),
        "xchg": lambda: "%s = atomic_exchange(&%s, %s);" % (s[3], s[1], c_expr(s[2])),
        "faa": lambda: "%s = atomic_fetch_add(&%s, %s);" % (s[3], s[1], c_expr(s[2])),
        "choose": lambda: "%s = weft_choose(%d);" % (s[2], s[1]),
        "pload": lambda: "plain_load(%s, %s);" % (s[2], s[1]),
        "pstore": lambda: "plain_store(%s, %s);" % (s[1], c_expr(s[2])),
        "yield": lambda: "sched_yield();",
        "lock": lambda: "pthread_mutex_lock(&%s);" % s[1],
        "unlock": lambda: "pthread_mutex_unlock(&%s);" % s[1],
        "trylock": lambda: "%s = pthread_mutex_trylock(&%s) == 0;" % (s[2], s[1]),
        "rdlock": lambda: "pthread_rwlock_rdlock(&%s);" % s[1],
        "wrlock": lambda: "pthread_rwlock_wrlock(&%s);" % s[1],
        "rwunlock": lambda: "pthread_rwlock_unlock(&%s);" % s[1],
        "sem_wait": lambda: "sem_wait(&%s);" % s[1],
        "sem_trywait": lambda: "%s = sem_trywait(&%s) == 0;" % (s[2], s[1]),
        "sem_post": lambda: "sem_post(&%s);" % s[1],
        "cond_wait": lambda: "pthread_cond_wait(&%s, &%s);" % (s[1], s[2]),
        "cond_signal": lambda: "pthread_cond_signal(&%s);" % s[1],
        "cond_broadcast": lambda: "pthread_cond_broadcast(&%s);" % s[1],
        "create": lambda: "pthread_create(&th[%d], NULL, t%d, NULL);" % (s[1], s[1]),
        "join": lambda: "pthread_join(th[%d], NULL);" % s[1],
        "detach": lambda: "pthread_detach(th[%d]);" % s[1],
        "exit": lambda: "exit(0);",
        "set": lambda: "%s = %s;" % (s[1], c_expr(s[2])),
        "break": lambda: "break;",
        "assert": lambda: "assert(%s);" % c_expr(s[1]),
    }
    if op in ("pload", "pstore"):
        ctx.plain_steps = True
    if op in simple:
        out.append(p + simple[op]())
    elif op == "atomic":
        c_section(s, ind, out, ctx)
    elif not c_control(s, ind, out, lambda x, i: c_stmt(x, i, out, ctx)):
        raise ValueError("unknown statement %r" % (s,))


def c_control(s, ind, out, stmt):
    """Appends the C of a structured statement (if, while, repeat), each
    statement of its bodies by stmt(x, indent); False if s is none (also
    gen_kernel.py's)."""
    p = "\t" * ind
    op = s[0]
    if op == "if":
        out.append(p + "if (%s) {" % c_expr(s[1]))
        for x in s[2]:
            stmt(x, ind + 1)
        if len(s) > 3 and s[3]:
            out.append(p + "} else {")
            for x in s[3]:
                stmt(x, ind + 1)
        out.append(p + "}")
    elif op == "while":
        out.append(p + "while (%s) {" % c_expr(s[1]))
        for x in s[2]:
            stmt(x, ind + 1)
        out.append(p + "}")
    elif op == "repeat":
        out.append(p + "for (%s = 0; %s < %d; %s++) {" % (s[1], s[1], s[2], s[1]))
        for x in s[3]:
            stmt(x, ind + 1)
        out.append(p + "}")
    else:
        return False
    return True


def c_locals(names):
    if not names:
        return []
    return ["\tint %s;" % ", ".join("%s = 0" % n for n in names)]


def emit_c(prog, outcomes=False):
    """The C source of a program description; with `outcomes`, one that
    also prints its final state at the end of main (outcomes.py: the
    program is explored as without it)."""
    out = [C_HEADER.rstrip("\n"), ""]
    decls, ends, printf = [], {}, None
    if outcomes:
        decls, ends, printf = oc.c_parts(prog)
        out[0] = out[0].replace("#include <stdlib.h>",
                                "#include <stdio.h>\n#include <stdlib.h>")
    if "seed" in prog:
        out.insert(0, "/* weft oracle program: seed %s (generator v%d) */"
                   % (prog["seed"], VERSION))
    for name, v in prog["atomics"].items():
        out.append("atomic_int %s = %d;" % (name, v))
    for name, v in prog.get("plains", {}).items():
        out.append("int %s = %d;" % (name, v))
    for name in prog.get("mutexes", []):
        out.append("pthread_mutex_t %s = PTHREAD_MUTEX_INITIALIZER;" % name)
    for name in prog.get("rwlocks", []):
        out.append("pthread_rwlock_t %s = PTHREAD_RWLOCK_INITIALIZER;" % name)
    for name in prog.get("conds", []):
        out.append("pthread_cond_t %s = PTHREAD_COND_INITIALIZER;" % name)
    for name in prog.get("sems", {}):
        out.append("sem_t %s;" % name)
    out.append("pthread_t th[%d];" % len(prog["threads"]))
    out += decls
    ctx = Emit()
    code = []
    for t in definition_order(prog):
        th = prog["threads"][t]
        code += thread_c(ctx, th, ["static void *t%d(void *arg)" % t],
                         ["\t(void)arg;"], ends.get(t, []) + ["\treturn NULL;"])
    main = prog["threads"][0]
    code += thread_c(ctx, main, ["int main(void)"],
                     ["\tsem_init(&%s, 0, %d);" % (name, k)
                      for name, k in prog.get("sems", {}).items()],
                     ([printf] if printf else []) + ["\treturn 0;"])
    if ctx.begin_end:
        out += ["extern void __VERIFIER_atomic_begin(void);",
                "extern void __VERIFIER_atomic_end(void);"]
    if ctx.plain_steps:
        out += PLAIN_MACROS
    out += code + [""]
    return "\n".join(out)


def definition_order(prog):
    """The created threads in the order their functions are defined: by
    number, except that a thread comes after those it creates (so the C
    needs no prototypes; a program without nesting keeps 1, 2, ...)."""
    creates = [[s[1] for s in brute.walk_statements({"threads": [th]})
                if s[0] == "create"] for th in prog["threads"]]
    order, seen = [], set()

    def visit(t):
        if t in seen:
            return
        seen.add(t)
        for c in sorted(creates[t]):
            visit(c)
        order.append(t)

    for t in range(1, len(prog["threads"])):
        visit(t)
    return order


def thread_c(ctx, th, head, prologue, epilogue):
    """A thread's function, preceded by the __VERIFIER_atomic_ functions
    its sections became."""
    ctx.thread, ctx.locals = th["name"], th.get("locals", [])
    first = len(ctx.functions)
    body = []
    for s in th["body"]:
        c_stmt(s, 1, body, ctx)
    out = []
    for fn in ctx.functions[first:]:
        out += [""] + fn
    out += [""] + head + ["{"] + c_locals(ctx.locals) + prologue + body
    return out + epilogue + ["}"]


def main(argv):
    args = argv[1:]
    as_json = "--json" in args
    with_outcomes = "--outcomes" in args
    args = [a for a in args if a not in ("--json", "--outcomes")]
    if len(args) != 1 or not args[0].lstrip("-").isdigit():
        print("usage: gen.py [--json | --outcomes] SEED", file=sys.stderr)
        return 2
    prog = generate(int(args[0]))
    if as_json:
        print(json.dumps(prog, indent=1))
    else:
        sys.stdout.write(emit_c(prog, outcomes=with_outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
