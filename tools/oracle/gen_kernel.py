#!/usr/bin/env python3
"""gen_kernel.py - random small kernel-style programs for the oracle.

The pthread programs of gen.py check weft's explorer through its POSIX
models; the kernel models (src/linux: struct mutex and spinlock_t,
struct semaphore, completions, atomic_t with the kernel's orders) have
dependence rules and orders of their own, which those programs never
reach.  This generator draws programs of the same description language
(brute.py interprets them), from gen.py's motifs that have kernel
counterparts and from motifs of its own, and emits them as a kernel
test: a WEFT_TEST whose threads are weft_spawn'ed and joined, built with
`weft-cc --kernel=linux`.

`gen_kernel.py SEED` prints the C for SEED, `--json SEED` its
description.  A seed's program is drawn from its own random stream
("weft-oracle-kernel:..."), so gen.py's seeds are not changed by it.

The mapping (what differs from gen.py's C):

  * atomics are atomic_t: load is atomic_read (an acquire in weft, as
    its dependencies order it in the kernel), store atomic_set_release,
    or atomic_set for a store the description marks "relaxed" (it
    orders nothing: brute.py's happens-before does not release there);
    cas is atomic_try_cmpxchg (C11's contract: the expected value is
    updated on failure) or atomic_cmpxchg, xchg atomic_xchg and faa
    atomic_fetch_add, all fully ordered;
  * a mutex is a struct mutex, or a spinlock_t when no thread can sleep
    while holding it (spin_locks): a sleep under a spinlock is
    misuse in weft, a rule brute.py does not model;
  * a semaphore is a struct semaphore (down, up, down_trylock);
  * completions (DECLARE_COMPLETION): complete, complete_all,
    wait_for_completion, try_wait_for_completion, completion_done;
  * wait queues (DECLARE_WAIT_QUEUE_HEAD): wait_event on an atomic_t's
    value ("wev"), wake_up or wake_up_all ("wake"); a wait never sleeps
    holding a lock (weft would report the lock's edge to the queue, a
    lockdep-style finding brute.py does not model);
  * the test's function returns only once every thread it started has
    ended (the description's "main_waits": brute.py's wait_all), where a
    C main's return ends the process;
  * no condition variables, rwlocks, exit(), detach or atomic sections
    (they have no kernel counterpart here, or a different semantics:
    an rw_semaphore reader waits behind a queued writer).
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
from gen import AND, EQ, G, L, NOT  # noqa: E402,F401

# Bump when the seed -> program mapping changes.
VERSION = 3


class KBuilder(gen.Builder):
    """gen.Builder plus completions and the works of one ordered
    workqueue (each a body of its own, run by the queue's worker)."""

    def __init__(self, rng, ncreated):
        super().__init__(rng, ncreated)
        self.completions = {}
        self.works = {}
        self.waitqs = []
        # main's own code after every creation (assemble): set by a
        # motif whose bug needs the other threads waiting before main
        # posts or wakes.
        self.main_last = False

    def waitq(self):
        self.waitqs.append("q%d" % len(self.waitqs))
        return self.waitqs[-1]

    def completion(self):
        name = "c%d" % len(self.completions)
        self.completions[name] = 0
        return name

    def work(self):
        name = "w%d" % len(self.works)
        self.works[name] = {"locals": [], "body": []}
        return name

    def wlocal(self, w, prefix="r"):
        locs = self.works[w]["locals"]
        locs.append("%s%d" % (prefix, len(locs)))
        return locs[-1]

    def wemit(self, w, *stmts):
        self.works[w]["body"].extend(list(s) for s in stmts)


# ----------------------------------------------------------------------
# Motifs of the kernel flavour (gen.py's that carry over, and these)
# ----------------------------------------------------------------------

def motif_completion(b, pbug):
    """A value handed over through a completion: the producer writes a
    plain variable and completes, the consumer waits and reads it.
    Buggy: complete before the write (a race and a stale read), a
    consumer that does not wait for its try_wait's success, or two
    waiters for one complete() (one sleeps for ever).  Correct variants:
    complete_all for two waiters, a try_wait that backs off."""
    k = 3 if b.n >= 3 and b.chance(0.4) else 2
    parts = b.participants(k)
    prod, conss = parts[0], parts[1:]
    c, g = b.completion(), b.plain(0)
    buggy = b.chance(pbug)
    bug = b.rng.choice(["early", "try", "one"] if len(conss) > 1
                       else ["early", "try"]) if buggy else None
    wake = "complete_all" if len(conss) > 1 and bug != "one" else "complete"
    if bug == "early":
        b.emit(prod, [wake, c], ["pstore", g, 1])
    else:
        b.emit(prod, ["pstore", g, 1], [wake, c])
    for i, t in enumerate(conss):
        r = b.local(t)
        if bug == "try" and i == 0:
            ok = b.local(t, "ok")
            b.emit(t, ["ctry", c, ok], ["pload", g, r])
            b.emit(t, ["if", L(ok), [["assert", EQ(L(r), 1)]], []])
        elif bug is None and b.chance(0.3):
            ok = b.local(t, "ok")
            b.emit(t, ["ctry", c, ok],
                   ["if", L(ok), [["pload", g, r], ["assert", EQ(L(r), 1)]], []])
        else:
            b.emit(t, ["cwait", c], ["pload", g, r], ["assert", EQ(L(r), 1)])


def motif_done_poll(b, pbug):
    """completion_done as a flag: a reader that sees it done may read
    the data the completer wrote before.  Buggy: the data written after
    complete()."""
    w, r = b.participants(2)
    c, g = b.completion(), b.plain(0)
    if b.chance(pbug):
        b.emit(w, ["complete", c], ["pstore", g, 1])
    else:
        b.emit(w, ["pstore", g, 1], ["complete", c])
    d, v = b.local(r, "d"), b.local(r)
    b.emit(r, ["cdone", c, d],
           ["if", L(d), [["pload", g, v], ["assert", EQ(L(v), 1)]], []])


def motif_flag_publish(b, pbug):
    """Plain data published by an atomic flag.  Correct: the flag set
    with atomic_set_release or atomic_xchg (fully ordered).  Buggy: with
    atomic_set, which orders nothing (a data race, though every value
    read is right), or the flag set before the data."""
    w, r = b.participants(2)
    flag, g = b.atomic(0), b.plain(0)
    roll = b.rng.random()
    if roll < pbug * 0.6:
        b.emit(w, ["pstore", g, 1], ["store", flag, 1, "relaxed"])
    elif roll < pbug:
        b.emit(w, ["store", flag, 1], ["pstore", g, 1])
    elif b.chance(0.3):
        b.emit(w, ["pstore", g, 1], ["xchg", flag, 1, b.local(w)])
    else:
        b.emit(w, ["pstore", g, 1], ["store", flag, 1])
    f, v = b.local(r, "f"), b.local(r)
    b.emit(r, ["load", flag, f],
           ["if", L(f), [["pload", g, v], ["assert", EQ(L(v), 1)]], []])


def motif_locked_plain(b, pbug):
    """A plain counter under a lock (a spinlock when nothing sleeps
    under it).  Buggy: one thread skips the lock (a data race and a
    lost update)."""
    parts = b.participants(2)
    m, g = b.mutex(), b.plain(0)
    bad = parts[-1] if b.chance(pbug) else None
    for t in parts:
        r = b.local(t)
        inc = [["pload", g, r], ["pstore", g, ["+", L(r), 1]]]
        b.emit(t, *(inc if t == bad else [["lock", m]] + inc + [["unlock", m]]))
    b.must_join.update(p for p in parts if p)
    f = b.local(0, "f")
    b.final += [["lock", m], ["pload", g, f], ["unlock", m],
                ["assert", EQ(L(f), 2)]]


def motif_work_result(b, pbug):
    """A work writes a result; the thread that queued it reads it after
    flush_work (or after cancel_work_sync found it had run).  Buggy: the
    read without a flush, or after a cancel_work that does not wait for a
    run in progress."""
    w, g, x = b.work(), b.plain(0), b.atomic(0)
    b.wemit(w, ["pstore", g, 1], ["faa", x, 1, b.wlocal(w)])
    t = b.participants(1)[0]
    ok, v, n = b.local(t, "ok"), b.local(t), b.local(t, "n")
    b.emit(t, ["queue", w, ok])
    roll = b.rng.random()
    if roll < pbug * 0.5:
        b.emit(t, ["load", x, n], ["pload", g, v],
               ["if", L(n), [["assert", EQ(L(v), 1)]], []])
    elif roll < pbug:
        b.emit(t, ["cancel", w, b.local(t, "was")], ["load", x, n], ["pload", g, v],
               ["if", L(n), [["assert", EQ(L(v), 1)]], []])
    elif b.chance(0.3):
        c = b.local(t, "was")
        b.emit(t, ["cancel_sync", w, c], ["load", x, n],
               ["if", L(n), [["pload", g, v], ["assert", EQ(L(v), 1)]], []])
    else:
        b.emit(t, ["flush_work", w] if b.chance(0.7) else ["flush_wq"],
               ["pload", g, v], ["assert", EQ(L(v), 1)])


def motif_flush_under_lock(b, pbug):
    """The seeds' deadlock: a thread waits for a work (flush_work,
    flush_workqueue, cancel_work_sync) while holding the mutex the work
    takes.  Correct: the wait after the unlock, or a work that only
    trylocks."""
    w, m, x = b.work(), b.mutex(), b.atomic(0)
    t = b.participants(1)[0]
    buggy = b.chance(pbug)
    if not buggy and b.chance(0.4):
        ok = b.wlocal(w, "ok")
        b.wemit(w, ["trylock", m, ok],
                ["if", L(ok), [["faa", x, 1, b.wlocal(w)], ["unlock", m]], []])
        buggy_shape = True
    else:
        b.wemit(w, ["lock", m], ["faa", x, 1, b.wlocal(w)], ["unlock", m])
        buggy_shape = buggy
    wait = b.rng.choice([["flush_work", w], ["flush_wq"],
                         ["cancel_sync", w, b.local(t, "was")]])
    b.emit(t, ["queue", w, b.local(t, "ok")])
    if buggy_shape:
        b.emit(t, ["lock", m], ["faa", x, 1, b.local(t)], wait, ["unlock", m])
    else:
        b.emit(t, ["lock", m], ["faa", x, 1, b.local(t)], ["unlock", m], wait)


def motif_requeue(b, pbug):
    """Two threads queue one work: a queue_work that finds it pending
    fails, and every one that succeeds is one run.  Buggy: assuming both
    succeed (two runs)."""
    w, x = b.work(), b.atomic(0)
    b.wemit(w, ["faa", x, 1, b.wlocal(w)])
    parts = b.participants(2)
    oks = []
    for t in parts:
        ok = b.local(t, "ok")
        b.emit(t, ["queue", w, ok])
        oks.append(b.publish(t, ok))
    b.must_join.update(p for p in parts if p)
    r = b.local(0, "f")
    want = 2 if b.chance(pbug) else ["+", oks[0], oks[1]]
    b.final += [["flush_work", w], ["load", x, r], ["assert", EQ(L(r), want)]]


def motif_flush_in_work(b, pbug):
    """A work that flushes another work of its own ordered queue: if that
    one is queued after it, it waits behind the flusher for ever.
    Correct: the other queued first, by the same thread."""
    w1, w2, x = b.work(), b.work(), b.atomic(0)
    b.wemit(w1, ["flush_work", w2], ["faa", x, 1, b.wlocal(w1)])
    b.wemit(w2, ["faa", x, 1, b.wlocal(w2)])
    if b.chance(pbug):
        t = b.participants(1)[0]
        b.emit(t, ["queue", w1, b.local(t, "ok")], ["queue", w2, b.local(t, "ok")])
    else:
        t = b.participants(1)[0]
        b.emit(t, ["queue", w2, b.local(t, "ok")], ["queue", w1, b.local(t, "ok")])


def motif_waitq_flag(b, pbug):
    """A value handed over through a flag and a wait queue: the producer
    writes a plain variable, sets the flag (atomic_set_release or
    atomic_xchg) and wakes the queue; one or two waiters wait_event on
    the flag and read the value.  Buggy: the wake-up before the flag is
    set (lost: a waiter that checked before sleeps for ever), no
    wake-up, or the value written after the flag (a race and a stale
    read)."""
    k = 3 if b.n >= 3 and b.chance(0.3) else 2
    # main, when it takes part, produces: a wait in main's body may come
    # before the producer is created, a deadlock in every execution.
    parts = sorted(b.participants(k))
    prod, waiters = parts[0], parts[1:]
    b.main_last |= prod == 0 and b.chance(0.5)
    q, flag, g = b.waitq(), b.atomic(0), b.plain(0)
    bug = b.rng.choice(["early", "none", "late_data"]) if b.chance(pbug) else None
    setf = (["xchg", flag, 1, b.local(prod)] if b.chance(0.3)
            else ["store", flag, 1])
    if bug == "early":
        b.emit(prod, ["pstore", g, 1], ["wake", q], setf)
    elif bug == "none":
        b.emit(prod, ["pstore", g, 1], setf)
    elif bug == "late_data":
        b.emit(prod, setf, ["pstore", g, 1], ["wake", q])
    else:
        b.emit(prod, ["pstore", g, 1], setf,
               ["wake", q, "all"] if b.chance(0.3) else ["wake", q])
    for t in waiters:
        r = b.local(t)
        b.emit(t, ["wev", q, flag, 1], ["pload", g, r], ["assert", EQ(L(r), 1)])


def motif_waitq_count(b, pbug):
    """A waiter for two increments of a counter, each followed by a
    wake_up.  Buggy: one incrementer does not wake the queue (the waiter
    may sleep through the last increment), or wakes it before its
    increment."""
    if b.n < 3:
        return motif_waitq_flag(b, pbug)
    parts = sorted(b.participants(3))
    waiter, incs = parts[-1], parts[:-1]
    q, x = b.waitq(), b.atomic(0)
    bad = b.rng.choice(incs) if b.chance(pbug) else None
    early = b.chance(0.5)
    for t in incs:
        r = b.local(t)
        if t == bad and early:
            b.emit(t, ["wake", q], ["faa", x, 1, r])
        elif t == bad:
            b.emit(t, ["faa", x, 1, r])
        else:
            b.emit(t, ["faa", x, 1, r], ["wake", q])
    v = b.local(waiter)
    b.emit(waiter, ["wev", q, x, 2], ["load", x, v], ["assert", EQ(L(v), 2)])


def motif_waitq_excl(b, pbug):
    """Units of a resource handed to exclusive waiters: each waits with
    wait_event_idle_exclusive(q, atomic_add_unless(&x, -1, 0)), taking
    one unit, and a wake_up wakes only the first exclusive waiter.
    Correct: a wake_up per unit posted (or wake_up_all after posting
    several).  Buggy: two units posted with one wake_up (the second
    waiter sleeps on with a unit left), or a wake-up before its unit."""
    # main, when it produces, runs its code after every creation: a
    # waiter created after the units were posted never sleeps, so the
    # buggy forms would be correct there.
    k = 3 if b.n >= 3 else 2
    parts = sorted(b.participants(k))
    prod, waiters = parts[0], parts[1:]
    b.main_last |= prod == 0
    q, x = b.waitq(), b.atomic(0)
    n = len(waiters)
    bug = b.rng.choice(["one_wake", "early"] if n > 1 else ["early"]) \
        if b.chance(pbug) else None
    if bug == "one_wake":
        b.emit(prod, ["faa", x, n, b.local(prod)], ["wake", q])
    elif bug == "early":
        b.emit(prod, ["wake", q], ["faa", x, 1, b.local(prod)])
        for _ in range(n - 1):
            b.emit(prod, ["faa", x, 1, b.local(prod)], ["wake", q])
    elif n > 1 and b.chance(0.4):
        b.emit(prod, ["faa", x, n, b.local(prod)], ["wake", q, "all"])
    else:
        for _ in range(n):
            b.emit(prod, ["faa", x, 1, b.local(prod)], ["wake", q])
    for t in waiters:
        b.emit(t, ["wevx", q, x])


KERNEL_MOTIFS = [
    (gen.motif_counter, 3), (gen.motif_message, 2), (gen.motif_mutex, 2),
    (gen.motif_lock_order, 2), (gen.motif_sem_mutex, 2),
    (gen.motif_sem_signal, 2), (gen.motif_choose, 1),
    (gen.motif_cas_flag, 2), (gen.motif_litmus, 2), (gen.motif_noise, 1),
    (motif_completion, 4), (motif_done_poll, 2), (motif_flag_publish, 3),
    (motif_locked_plain, 2), (motif_work_result, 3),
    (motif_flush_under_lock, 3), (motif_requeue, 2), (motif_flush_in_work, 1),
    (motif_waitq_flag, 3), (motif_waitq_count, 2), (motif_waitq_excl, 3),
]


# ----------------------------------------------------------------------
# Programs
# ----------------------------------------------------------------------

def assemble(b):
    """main's body: create the threads, run main's own code, join them
    all (mostly; a thread left unjoined still ends before the test does),
    check."""
    rng = b.rng
    created = list(range(1, b.n))
    split = rng.randint(1, len(created)) if rng.random() < 0.85 else 0
    if b.main_last:
        split = len(created)
    body = [["create", t] for t in created[:split]] + b.bodies[0]
    body += [["create", t] for t in created[split:]]
    # With works, every thread is joined before the queue is destroyed
    # (a queue_work after destroy_workqueue is a use after free).
    joins = [["join", t] for t in created
             if t in b.must_join or b.works or rng.random() >= 0.1]
    rng.shuffle(joins)
    return body + joins + b.final + ([["drain"]] if b.works else [])


def candidate(seed, attempt):
    """One candidate for (seed, attempt), or None when a motif left a
    lock held at a thread's end (misuse in the kernel models, a plain
    deadlock in brute.py)."""
    rng = random.Random("weft-oracle-kernel:%d:%d:%d" % (VERSION, seed, attempt))
    b = KBuilder(rng, ncreated=rng.choice([1, 1, 2, 2, 2, 3]))
    motifs, weights = zip(*KERNEL_MOTIFS)
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        rng.choices(motifs, weights)[0](b, 0.5)
    if b.leaked:
        return None
    for t in range(1, b.n):
        if not b.bodies[t]:
            b.emit(t, ["yield"] if rng.random() < 0.5
                   else ["load", b.atomic(0), b.local(t)])
    threads = [{"name": "main", "locals": b.locals[0], "body": assemble(b)}]
    for t in range(1, b.n):
        threads.append({"name": "t%d" % t, "locals": b.locals[t],
                        "body": b.bodies[t]})
    prog = {"seed": seed, "attempt": attempt, "flavour": "linux",
            "main_waits": True, "atomics": b.atomics, "plains": b.plains,
            "mutexes": b.mutexes, "rwlocks": [], "sems": b.sems, "conds": [],
            "completions": b.completions, "works": b.works,
            "waitqs": b.waitqs, "threads": threads}
    wanted = [m for m in b.mutexes if rng.random() < 0.5]
    prog["spinlocks"] = sorted(spin_locks(prog, wanted))
    return prog


def generate(seed, cap=gen.EXEC_CAP):
    """The program for `seed`: the first candidate small enough."""
    for attempt in range(1000):
        prog = candidate(seed, attempt)
        if prog and gen.fits(prog, cap, gen.MAX_OPS_PER_THREAD):
            return prog
    raise RuntimeError("no kernel candidate for seed %d fits the cap" % seed)


# Operations that may sleep: never under a spinlock.
SLEEPING = {"sem_wait", "cwait", "join", "create", "yield", "flush_work",
            "cancel_sync", "flush_wq", "drain", "wev", "wevx"}


def spin_locks(prog, wanted):
    """The largest part of the mutexes `wanted` that can be spinlocks
    together: no thread may sleep while holding one, and a lock of a
    mutex that stays a struct mutex is a sleep.  A fixpoint from all of
    them (dropping one can only add sleeps), over each thread's code
    with the set of mutexes it may hold (the union over the branches of
    an `if`, a loop walked twice)."""
    eligible = set(wanted)

    def walk(stmts, held, bad):
        for s in stmts:
            op = s[0]
            if op == "if":
                held = walk(s[2], set(held), bad) | \
                    walk(s[3] if len(s) > 3 else [], set(held), bad)
            elif op in ("while", "repeat"):
                body = s[2] if op == "while" else s[3]
                for _ in range(2):
                    held = held | walk(body, set(held), bad)
            elif op in ("lock", "trylock"):
                if op == "lock" and s[1] not in eligible:
                    bad |= held
                held = held | {s[1]}
            elif op == "unlock":
                held = held - {s[1]}
            elif op in SLEEPING:
                bad |= held
        return held

    while True:
        bad = set()
        for th in list(prog["threads"]) + list(prog.get("works", {}).values()):
            walk(th["body"], set(), bad)
        if not bad & eligible:
            return eligible
        eligible -= bad


# ----------------------------------------------------------------------
# C emission
# ----------------------------------------------------------------------

C_HEADER = """\
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
"""


def c_stmt(s, ind, out, ctx):
    """Appends the C lines for statement s (kernel spellings)."""
    p = "\t" * ind
    op = s[0]
    spin = s[1] in ctx["spinlocks"] if len(s) > 1 and isinstance(s[1], str) else False
    e = gen.c_expr

    def cas():
        var, exp, new, ok = s[1], s[2], e(s[3]), s[4]
        if ctx["rng"].random() < 0.5:
            return "%s = atomic_try_cmpxchg(&%s, &%s, %s);" % (ok, var, exp, new)
        return ("{ int o_ = atomic_cmpxchg(&%s, %s, %s); %s = o_ == %s; %s = o_; }"
                % (var, exp, new, ok, exp, exp))

    simple = {
        "load": lambda: "%s = atomic_read(&%s);" % (s[2], s[1]),
        "store": lambda: ("atomic_set(&%s, %s);" if len(s) > 3 and s[3] == "relaxed"
                          else "atomic_set_release(&%s, %s);") % (s[1], e(s[2])),
        "cas": cas,
        "xchg": lambda: "%s = atomic_xchg(&%s, %s);" % (s[3], s[1], e(s[2])),
        "faa": lambda: "%s = atomic_fetch_add(%s, &%s);" % (s[3], e(s[2]), s[1]),
        "choose": lambda: "%s = weft_choose(%d);" % (s[2], s[1]),
        "pload": lambda: "plain_load(%s, %s);" % (s[2], s[1]),
        "pstore": lambda: "plain_store(%s, %s);" % (s[1], e(s[2])),
        "yield": lambda: "weft_yield();",
        "lock": lambda: ("spin_lock(&%s);" if spin else "mutex_lock(&%s);") % s[1],
        "unlock": lambda: ("spin_unlock(&%s);" if spin else "mutex_unlock(&%s);") % s[1],
        "trylock": lambda: ("%s = spin_trylock(&%s);" if spin
                            else "%s = mutex_trylock(&%s);") % (s[2], s[1]),
        "sem_wait": lambda: "down(&%s);" % s[1],
        "sem_trywait": lambda: "%s = down_trylock(&%s) == 0;" % (s[2], s[1]),
        "sem_post": lambda: "up(&%s);" % s[1],
        "complete": lambda: "complete(&%s);" % s[1],
        "complete_all": lambda: "complete_all(&%s);" % s[1],
        "cwait": lambda: "wait_for_completion(&%s);" % s[1],
        "ctry": lambda: "%s = try_wait_for_completion(&%s);" % (s[2], s[1]),
        "cdone": lambda: "%s = completion_done(&%s);" % (s[2], s[1]),
        "queue": lambda: ("%s = " % s[2] if len(s) > 2 else "") +
        "queue_work(wq, &%s);" % s[1],
        "flush_work": lambda: "flush_work(&%s);" % s[1],
        "cancel_sync": lambda: ("%s = " % s[2] if len(s) > 2 else "") +
        "cancel_work_sync(&%s);" % s[1],
        "cancel": lambda: ("%s = " % s[2] if len(s) > 2 else "") +
        "cancel_work(&%s);" % s[1],
        "flush_wq": lambda: "flush_workqueue(wq);",
        "wev": lambda: "wait_event(%s, atomic_read(&%s) == %d);" % (s[1], s[2], s[3]),
        "wevx": lambda: "wait_event_idle_exclusive(%s, atomic_add_unless(&%s, -1, 0));"
        % (s[1], s[2]),
        "wake": lambda: ("wake_up_all(&%s);" if len(s) > 2 and s[2] == "all"
                         else "wake_up(&%s);") % s[1],
        "drain": lambda: "destroy_workqueue(wq);",
        "create": lambda: "th[%d] = weft_spawn(t%d, NULL);" % (s[1], s[1]),
        "join": lambda: "weft_join(th[%d]);" % s[1],
        "set": lambda: "%s = %s;" % (s[1], e(s[2])),
        "break": lambda: "break;",
        "assert": lambda: "weft_assert(%s);" % e(s[1]),
    }
    if op in simple:
        out.append(p + simple[op]())
    elif not gen.c_control(s, ind, out, lambda x, i: c_stmt(x, i, out, ctx)):
        raise ValueError("no kernel form for statement %r" % (s,))


def emit_c(prog):
    """The kernel C of a description made by this generator."""
    ctx = {"spinlocks": set(prog.get("spinlocks", [])),
           "rng": random.Random("weft-oracle-kernel-c:%s" % prog.get("seed"))}
    out = []
    if "seed" in prog:
        out.append("/* weft oracle kernel program: seed %s (generator v%d) */"
                   % (prog["seed"], VERSION))
    out += [C_HEADER.rstrip("\n"), ""] + gen.PLAIN_MACROS
    for name, v in prog["atomics"].items():
        out.append("static atomic_t %s = ATOMIC_INIT(%d);" % (name, v))
    for name, v in prog.get("plains", {}).items():
        out.append("static int %s = %d;" % (name, v))
    for name in prog.get("mutexes", []):
        out.append(("static DEFINE_SPINLOCK(%s);" if name in ctx["spinlocks"]
                    else "static DEFINE_MUTEX(%s);") % name)
    for name in prog.get("sems", {}):
        out.append("static struct semaphore %s;" % name)
    for name, v in prog.get("completions", {}).items():
        if v:
            raise ValueError("a completion starts at 0")
        out.append("static DECLARE_COMPLETION(%s);" % name)
    for name in prog.get("waitqs", []):
        out.append("static DECLARE_WAIT_QUEUE_HEAD(%s);" % name)
    out.append("static weft_thread_t th[%d];" % len(prog["threads"]))
    works = prog.get("works", {})
    if works:
        out.append("static struct workqueue_struct *wq;")
    for name in works:
        out.append("static struct work_struct %s;" % name)
    for name, w in works.items():
        out += function(w, "static void %s_fn(struct work_struct *work)" % name,
                        ["\t(void)work;"], ctx)
    for t in gen.definition_order(prog):
        out += function(prog["threads"][t], "static void t%d(void *arg)" % t,
                        ["\t(void)arg;"], ctx)
    setup = ["\tsema_init(&%s, %d);" % (n, k)
             for n, k in prog.get("sems", {}).items()]
    if works:
        setup.append('\twq = alloc_ordered_workqueue("oracle_wq", 0);')
        setup += ["\tINIT_WORK(&%s, %s_fn);" % (n, n) for n in works]
    out += function(prog["threads"][0], "WEFT_TEST(oracle)", setup, ctx)
    return "\n".join(out) + "\n"


def function(th, head, prologue, ctx):
    body = []
    for s in th["body"]:
        c_stmt(s, 1, body, ctx)
    return [""] + [head, "{"] + gen.c_locals(th.get("locals", [])) + \
        prologue + body + ["}"]


def main(argv):
    args = argv[1:]
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    if len(args) != 1 or not args[0].lstrip("-").isdigit():
        print("usage: gen_kernel.py [--json] SEED", file=sys.stderr)
        return 2
    prog = generate(int(args[0]))
    if as_json:
        print(json.dumps(prog, indent=1))
    else:
        sys.stdout.write(emit_c(prog))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
