#!/usr/bin/env python3
"""brute.py - the oracle's reference semantics: an exhaustive interpreter.

This file is deliberately independent of weft: it knows nothing about
weft's scheduler, only the semantics a small pthread/C11 program has under
sequential consistency (see README.md, "Semantics").  A program description
(produced by gen.py, or written by hand for tools/oracle/cases) is compiled
to a tiny per-thread bytecode and executed step by step:

  * visible operations (atomics, locks, semaphores, condition variables,
    weft_choose, sched_yield, thread create/join/detach, exit, a thread's
    end, plain accesses written pload / pstore, entering and leaving an
    atomic section) are ONE indivisible step each (a condition wait is
    three);
  * local computation (assignments, branches, assertions) is invisible and
    runs eagerly right after the step that precedes it;
  * atomic sections (["atomic", body, form]: SV-COMP's
    __VERIFIER_atomic_begin/end or a __VERIFIER_atomic_ function) follow
    weft's rule: while the thread inside can move, no other thread moves;
    when it blocks inside, the others may run, but entering a section
    blocks while another thread is inside; sections nest;
  * a data race is two plain accesses (pload / pstore) of one variable by
    different threads, at least one a write, neither happening before the
    other in some execution (happens-before as weft documents it; see
    search_races).

Two independent analyses are run and cross-checked:

  1. search_bugs(): a memoised 0-1 BFS over (state, last thread) giving each
     reachable bug kind and the fewest preemptions needed to reach it;
  2. enumerate_executions(): a plain tree walk over every maximal execution,
     counting executions, distinct reads-from outcomes and (for programs of
     atomics only) Mazurkiewicz traces; it also records the bug kinds seen,
     which must equal those of (1);
  3. search_races(), for programs with plain steps: a 0-1 BFS over (state,
     happens-before clocks, last thread) for the fewest preemptions with
     which a data race happens.

Usage as a script: brute.py PROGRAM.json (a description, e.g. from
`gen.py --json SEED`, or a case from cases/); prints the analysis as JSON.
"""

import collections
import json
import sys

# Thread status.
NOT_CREATED, LIVE, FINISHED = 0, 1, 2

# Phases of a thread inside pthread_cond_wait (phase 0: not waiting).
WAITING, SIGNALLED, WOKEN = 1, 2, 3

# Ends of a transition.
END_EXIT = "exit"            # the process ended (exit() or main returned)
END_ASSERT = "assertion"     # an assert() failed

# Bug kinds.
ASSERTION, DEADLOCK, DATA_RACE = "assertion", "deadlock", "data-race"

# Executions counted before enumerate_executions() gives up.
DEFAULT_CAP = 200_000

# Operations that are steps, and those that are local computation.
VISIBLE_OPS = {
    "load", "store", "cas", "xchg", "faa", "choose", "yield",
    "lock", "unlock", "trylock", "rdlock", "wrlock", "rwunlock",
    "sem_wait", "sem_trywait", "sem_post",
    "cond_wait", "cond_signal", "cond_broadcast",
    "create", "join", "detach", "exit", "pload", "pstore",
    "complete", "complete_all", "cwait", "ctry", "cdone",
    "queue", "flush_work", "cancel_sync", "cancel", "flush_wq", "drain",
    "wev", "wevx", "wake",
}
LOCAL_OPS = {"set", "if", "while", "repeat", "break", "assert"}


class ProgramError(Exception):
    """The program description breaks a rule the generator promises to keep
    (unlocking a lock not held, joining a detached thread ...).  Raised
    instead of modelling it, so a generator bug can never hide as a
    'finding'."""


# ----------------------------------------------------------------------
# Expressions: ints, ["l", local], ["g", plain global], [op, a, b], ["!", a]
# ----------------------------------------------------------------------

_BINOPS = {
    "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b), "<=": lambda a, b: int(a <= b),
    ">": lambda a, b: int(a > b), ">=": lambda a, b: int(a >= b),
    "+": lambda a, b: a + b, "-": lambda a, b: a - b,
}


def compile_expr(e, local_index, plain_index):
    """Turns an expression into a function (locals, plains) -> int, so the
    interpreter never re-walks expression trees."""
    if isinstance(e, int):
        return lambda l, g: e
    op = e[0]
    if op == "l":
        i = local_index[e[1]]
        return lambda l, g: l[i]
    if op == "g":
        i = plain_index[e[1]]
        return lambda l, g: g[i]
    if op == "!":
        a = compile_expr(e[1], local_index, plain_index)
        return lambda l, g: int(not a(l, g))
    a = compile_expr(e[1], local_index, plain_index)
    b = compile_expr(e[2], local_index, plain_index)
    if op == "&&":
        return lambda l, g: int(bool(a(l, g)) and bool(b(l, g)))
    if op == "||":
        return lambda l, g: int(bool(a(l, g)) or bool(b(l, g)))
    f = _BINOPS[op]
    return lambda l, g: f(a(l, g), b(l, g))


# ----------------------------------------------------------------------
# Compilation of structured thread bodies to flat bytecode
# ----------------------------------------------------------------------

class ThreadCode:
    """One thread's bytecode.  Instructions are tuples whose first element
    is the opcode; jumps use absolute instruction indices."""

    def __init__(self, name, local_names):
        self.name = name
        self.local_names = list(local_names)
        self.local_index = {n: i for i, n in enumerate(self.local_names)}
        self.code = []


class Compiled:
    """A program description resolved to indices, ready to interpret."""

    def __init__(self, prog):
        self.prog = prog
        self.atomic_names = list(prog["atomics"])
        self.atomic_index = {n: i for i, n in enumerate(self.atomic_names)}
        self.plain_names = list(prog.get("plains", {}))
        self.plain_index = {n: i for i, n in enumerate(self.plain_names)}
        self.mutex_index = {n: i for i, n in enumerate(prog.get("mutexes", []))}
        self.rwlock_index = {n: i for i, n in enumerate(prog.get("rwlocks", []))}
        self.sem_names = list(prog.get("sems", {}))
        self.sem_index = {n: i for i, n in enumerate(self.sem_names)}
        self.cond_index = {n: i for i, n in enumerate(prog.get("conds", []))}
        self.completion_names = list(prog.get("completions", {}))
        self.completion_index = {n: i for i, n in
                                 enumerate(self.completion_names)}
        self.work_names = list(prog.get("works", {}))
        self.work_index = {n: i for i, n in enumerate(self.work_names)}
        self.waitq_names = list(prog.get("waitqs", []))
        self.waitq_index = {n: i for i, n in enumerate(self.waitq_names)}
        self._check_plains(prog)
        self.threads = [self._compile_thread(i, t)
                        for i, t in enumerate(prog["threads"])]
        # The ordered workqueue's worker: a thread of its own after the
        # program's, live from the start, that the test's end does not
        # wait for (wait_all).
        self.worker = None
        if self.work_names:
            self.worker = len(self.threads)
            self.threads.append(self._compile_worker(prog["works"]))

    def _check_plains(self, prog):
        """A plain variable is accessed either by steps (pload / pstore:
        it may race, and the race rule watches it) or by local computation
        (set, ["g", ...] in expressions: never racing, a promise the
        generator keeps), never both: a race on a variable of the second
        kind would be invisible here."""
        stepped, local = set(), set()

        def exprs(x):
            if isinstance(x, list):
                if len(x) == 2 and x[0] == "g" and isinstance(x[1], str):
                    local.add(x[1])
                else:
                    for y in x:
                        exprs(y)

        for s in walk_statements(prog):
            if s[0] in ("pload", "pstore"):
                stepped.add(s[1])
            elif s[0] == "set" and s[1] in self.plain_index:
                local.add(s[1])
            if s[0] not in ("if", "while", "repeat", "atomic"):
                exprs(s[1:])
            elif s[0] in ("if", "while"):
                exprs(s[1])
        both = stepped & local
        if both:
            raise ProgramError("plain %s accessed both by pload/pstore and by "
                               "local computation" % sorted(both)[0])

    def initial_state(self):
        """Only main exists; every object has its initial value."""
        p = self.prog
        threads = [(NOT_CREATED, 0, tuple(0 for _ in tc.local_names), 0, 0)
                   for tc in self.threads]
        state = (
            tuple(threads),
            tuple(p["atomics"][n] for n in self.atomic_names),
            tuple(p.get("plains", {})[n] for n in self.plain_names),
            tuple(-1 for _ in self.mutex_index),      # mutex owner
            tuple(-1 for _ in self.rwlock_index),     # rwlock writer
            tuple(0 for _ in self.rwlock_index),      # rwlock reader mask
            tuple(p.get("sems", {})[n] for n in self.sem_names),
            -1,                                       # section owner
            0,                                        # its nesting depth
            tuple(p.get("completions", {})[n]         # completion counts
                  for n in self.completion_names),
            (tuple(), -1,                             # the workqueue
             tuple(0 for _ in self.work_names), tuple(0 for _ in self.work_names),
             tuple(False for _ in self.work_names)),
            tuple(() for _ in self.waitq_names),      # exclusive waiters
        )
        state = _start_thread(self, state, 0)
        if self.worker is not None:
            state = _start_thread(self, state, self.worker)
        return state

    # -- compilation ---------------------------------------------------

    def _compile_thread(self, tid, t):
        tc = ThreadCode(t["name"], t.get("locals", []))
        self._emit_block(tc, t["body"], loop_exit=None)
        # A kernel-style test (gen_kernel.py) is a function the harness
        # calls: its return ends the test once every thread has ended
        # (wait_all), where a C main's return ends the process.
        if tid:
            tc.code.append(("finish",))
        else:
            tc.code.append(("wait_all",) if self.prog.get("main_waits")
                           else ("exit",))
        return tc

    def _compile_worker(self, works):
        """The worker's code: wq_take (jumps to the body of the work it
        takes, whose locals start at 0), each work's body followed by
        wq_done and a jump back.  Its locals are all the works' locals,
        each work's body compiled with its own names."""
        names = [(w, n) for w in self.work_names for n in works[w].get("locals", [])]
        tc = ThreadCode("worker", ["%s.%s" % wn for wn in names])
        starts, resets = {}, {}
        tc.code.append(None)
        for wi, w in enumerate(self.work_names):
            own = ThreadCode(w, [])
            own.code = tc.code
            own.local_index = {n: tc.local_index["%s.%s" % (w, n)]
                               for n in works[w].get("locals", [])}
            resets[wi] = tuple(own.local_index.values())
            starts[wi] = len(tc.code)
            self._emit_block(own, works[w]["body"], loop_exit=None)
            tc.code.append(("wq_done", wi))
            tc.code.append(("jmp", 0))
        tc.code[0] = ("wq_take", starts, resets)
        return tc

    def _expr(self, tc, e):
        return compile_expr(e, tc.local_index, self.plain_index)

    def _emit_block(self, tc, stmts, loop_exit):
        for s in stmts:
            self._emit_stmt(tc, s, loop_exit)

    def _emit_stmt(self, tc, s, loop_exit):
        """Appends the bytecode of statement s.  Structured control flow
        becomes jz/jmp; `loop_exit` collects the jumps a `break` needs
        patched to the end of the innermost loop."""
        op, code = s[0], tc.code
        if op == "if":
            jz = len(code)
            code.append(None)
            self._emit_block(tc, s[2], loop_exit)
            jmp = len(code)
            code.append(None)
            code[jz] = ("jz", self._expr(tc, s[1]), len(code))
            self._emit_block(tc, s[3] if len(s) > 3 else [], loop_exit)
            code[jmp] = ("jmp", len(code))
        elif op == "while":
            top = len(code)
            code.append(None)
            exits = []
            self._emit_block(tc, s[2], exits)
            code.append(("jmp", top))
            code[top] = ("jz", self._expr(tc, s[1]), len(code))
            self._patch(code, exits)
        elif op == "repeat":            # ["repeat", counter, n, body]
            i = tc.local_index[s[1]]
            code.append(("set_local", i, lambda l, g: 0))
            top = len(code)
            code.append(None)
            exits = []
            self._emit_block(tc, s[3], exits)
            code.append(("set_local", i, lambda l, g, i=i: l[i] + 1))
            code.append(("jmp", top))
            n = s[2]
            code[top] = ("jz", lambda l, g, i=i, n=n: int(l[i] < n), len(code))
            self._patch(code, exits)
        elif op == "atomic":            # ["atomic", body, form]
            # Entry and exit are steps; a break may not leave the section
            # (the body starts with no enclosing loop).
            code.append(("abegin",))
            self._emit_block(tc, s[1], None)
            code.append(("aend",))
        elif op == "break":
            if loop_exit is None:
                raise ProgramError("break outside a loop (or out of an "
                                   "atomic section)")
            loop_exit.append(len(code))
            code.append(None)
        elif op == "set":
            f = self._expr(tc, s[2])
            if s[1] in tc.local_index:
                code.append(("set_local", tc.local_index[s[1]], f))
            else:
                code.append(("set_plain", self.plain_index[s[1]], f))
        elif op == "assert":
            code.append(("assert", self._expr(tc, s[1])))
        elif op in VISIBLE_OPS:
            code.append(self._visible(tc, s))
        else:
            raise ProgramError("unknown statement %r" % (s,))

    @staticmethod
    def _patch(code, exits):
        for at in exits:
            code[at] = ("jmp", len(code))

    def _visible(self, tc, s):
        """Resolves a visible operation's names to indices."""
        op, L, A = s[0], tc.local_index, self.atomic_index
        if op == "load":
            return (op, A[s[1]], L[s[2]])
        if op == "store":                # var, value[, "relaxed"]
            return (op, A[s[1]], self._expr(tc, s[2]),
                    len(s) > 3 and s[3] == "relaxed")
        if op == "cas":                  # var, expected local, desired, ok
            return (op, A[s[1]], L[s[2]], self._expr(tc, s[3]), L[s[4]])
        if op in ("xchg", "faa"):
            return (op, A[s[1]], self._expr(tc, s[2]), L[s[3]])
        if op == "choose":
            return (op, s[1], L[s[2]])
        if op == "pload":                # plain, local
            return (op, self.plain_index[s[1]], L[s[2]])
        if op == "pstore":               # plain, value
            return (op, self.plain_index[s[1]], self._expr(tc, s[2]))
        if op in ("lock", "unlock"):
            return (op, self.mutex_index[s[1]])
        if op == "trylock":
            return (op, self.mutex_index[s[1]], L[s[2]])
        if op in ("rdlock", "wrlock", "rwunlock"):
            return (op, self.rwlock_index[s[1]])
        if op in ("sem_wait", "sem_post"):
            return (op, self.sem_index[s[1]])
        if op == "sem_trywait":
            return (op, self.sem_index[s[1]], L[s[2]])
        if op == "cond_wait":
            return (op, self.cond_index[s[1]], self.mutex_index[s[2]])
        if op in ("cond_signal", "cond_broadcast"):
            return (op, self.cond_index[s[1]])
        if op in ("create", "join", "detach"):
            return (op, s[1])
        if op in ("complete", "complete_all", "cwait"):
            return (op, self.completion_index[s[1]])
        if op in ("ctry", "cdone"):      # completion, local
            return (op, self.completion_index[s[1]], L[s[2]])
        if op in ("queue", "cancel_sync", "cancel"):   # work[, result local]
            return (op, self.work_index[s[1]],
                    L[s[2]] if len(s) > 2 else None)
        if op == "flush_work":
            return (op, self.work_index[s[1]])
        if op == "wev":                  # queue, atomic, value
            return (op, self.waitq_index[s[1]], A[s[2]], s[3])
        if op == "wevx":                 # queue, atomic
            return (op, self.waitq_index[s[1]], A[s[2]])
        if op == "wake":                 # queue[, "all"]
            return (op, self.waitq_index[s[1]], len(s) > 2 and s[2] == "all")
        return (op,)                     # yield, exit


# ----------------------------------------------------------------------
# The state machine
# ----------------------------------------------------------------------
#
# state = (threads, atomics, plains, mutex_owner, rw_writer, rw_readers,
#          sem_counts, section_owner, section_depth, completion_counts);
#          every part a tuple or an int, so states hash and compare.  A
#          completion's count is COMPLETE_ALL after complete_all.
# thread = (status, pc, locals, cond_phase, spurious_used).

class Transition:
    """One step of one thread: the state after it, the atomic/choose event
    it performed (or None), how it ended the execution (None, END_EXIT or
    END_ASSERT) and whether it is a spurious wakeup (weak: possible but
    never guaranteed)."""
    __slots__ = ("tid", "state", "event", "end", "weak")

    def __init__(self, tid, state, event=None, end=None, weak=False):
        self.tid, self.state, self.event = tid, state, event
        self.end, self.weak = end, weak


def _put(tup, i, v):
    return tup[:i] + (v,) + tup[i + 1:]


def _run_local(prog, tid, thread, plains):
    """Runs thread tid's local computation from its pc up to its next
    visible instruction.  Returns (thread, plains, failed_assert)."""
    status, pc, locs, phase, spur = thread
    code = prog.threads[tid].code
    locs_l = None
    plains_l = None
    while True:
        ins = code[pc]
        op = ins[0]
        if op == "jmp":
            pc = ins[1]
        elif op == "jz":
            cur_l = locs_l if locs_l is not None else locs
            cur_g = plains_l if plains_l is not None else plains
            pc = pc + 1 if ins[1](cur_l, cur_g) else ins[2]
        elif op == "set_local" or op == "set_plain":
            if locs_l is None:
                locs_l = list(locs)
            if plains_l is None:
                plains_l = list(plains)
            v = ins[2](locs_l, plains_l)
            (locs_l if op == "set_local" else plains_l)[ins[1]] = v
            pc += 1
        elif op == "assert":
            cur_l = locs_l if locs_l is not None else locs
            cur_g = plains_l if plains_l is not None else plains
            if not ins[1](cur_l, cur_g):
                return None, None, True
            pc += 1
        else:
            break
    if locs_l is not None:
        locs = tuple(locs_l)
    if plains_l is not None:
        plains = tuple(plains_l)
    return (status, pc, locs, phase, spur), plains, False


def _advance(prog, state, tid, thread, extra=None):
    """Finishes a step of thread tid: moves past the visible instruction,
    runs the local code after it and builds the new state.  `extra` maps
    a state component index (never 0 or 2, which this function builds)
    to its new value: the step's own effect on shared objects.
    Returns (new_state, end)."""
    status, pc, locs, _, spur = thread
    th, plains, failed = _run_local(prog, tid, (status, pc + 1, locs, 0, spur),
                                    state[2])
    if failed:
        return None, END_ASSERT
    parts = list(state)
    if extra:
        for k, v in extra.items():
            parts[k] = v
    parts[0] = _put(parts[0], tid, th)
    parts[2] = plains
    return tuple(parts), None


def _start_thread(prog, state, tid):
    """Makes thread tid live at its first instruction; its local prologue
    runs now (it may not contain an assertion that can fail)."""
    th = (LIVE, 0, state[0][tid][2], 0, 0)
    th, plains, failed = _run_local(prog, tid, th, state[2])
    if failed:
        raise ProgramError("thread %d fails an assertion before its first step"
                           % tid)
    return (_put(state[0], tid, th), state[1], plains) + state[3:]


def _set_local(thread, i, v):
    locs = thread[2]
    return thread[:2] + (_put(locs, i, v),) + thread[3:]


def thread_transitions(prog, state, tid):
    """Every transition thread tid can take in `state` (empty if it is
    blocked, finished or not created)."""
    th = state[0][tid]
    if th[0] != LIVE:
        return []
    ins = prog.threads[tid].code[th[1]]
    handler = _HANDLERS[ins[0]]
    return handler(prog, state, tid, th, ins)


def _simple(prog, state, tid, th, event=None, extra=None):
    new, end = _advance(prog, state, tid, th, extra)
    return [Transition(tid, new, event, end)]


def _h_load(prog, state, tid, th, ins):
    v = state[1][ins[1]]
    return _simple(prog, state, tid, _set_local(th, ins[2], v), ("r", ins[1]))


def _h_store(prog, state, tid, th, ins):
    v = ins[2](th[2], state[2])
    return _simple(prog, state, tid, th, ("w", ins[1]),
                   {1: _put(state[1], ins[1], v)})


def _h_cas(prog, state, tid, th, ins):
    var, exp_i, desired, ok_i = ins[1:]
    cur = state[1][var]
    if cur == th[2][exp_i]:
        new_val = desired(th[2], state[2])
        th = _set_local(th, ok_i, 1)
        return _simple(prog, state, tid, th, ("rw", var),
                       {1: _put(state[1], var, new_val)})
    th = _set_local(_set_local(th, exp_i, cur), ok_i, 0)
    return _simple(prog, state, tid, th, ("r", var))


def _h_rmw(prog, state, tid, th, ins):
    var, operand, dst = ins[1:]
    old = state[1][var]
    arg = operand(th[2], state[2])
    new_val = arg if ins[0] == "xchg" else old + arg
    return _simple(prog, state, tid, _set_local(th, dst, old), ("rw", var),
                   {1: _put(state[1], var, new_val)})


def _h_choose(prog, state, tid, th, ins):
    out = []
    for v in range(ins[1]):
        out += _simple(prog, state, tid, _set_local(th, ins[2], v), ("c", v))
    return out


def _h_nop(prog, state, tid, th, ins):
    return _simple(prog, state, tid, th)


def _h_pload(prog, state, tid, th, ins):
    """A plain read as a step of its own (no reads-from event: plain
    accesses of race-free programs are ordered by synchronisation)."""
    return _simple(prog, state, tid, _set_local(th, ins[2], state[2][ins[1]]))


def _h_pstore(prog, state, tid, th, ins):
    v = ins[2](th[2], state[2])
    state = state[:2] + (_put(state[2], ins[1], v),) + state[3:]
    return _simple(prog, state, tid, th)


def _h_abegin(prog, state, tid, th, ins):
    """Entering an atomic section: blocks while another thread is inside;
    the thread inside enters again (sections nest)."""
    owner, depth = state[7], state[8]
    if owner == -1:
        return _simple(prog, state, tid, th, extra={7: tid, 8: 1})
    if owner == tid:
        return _simple(prog, state, tid, th, extra={8: depth + 1})
    return []


def _h_aend(prog, state, tid, th, ins):
    owner, depth = state[7], state[8]
    if owner != tid:
        raise ProgramError("thread %d leaves an atomic section it is not in"
                           % tid)
    if depth > 1:
        return _simple(prog, state, tid, th, extra={8: depth - 1})
    return _simple(prog, state, tid, th, extra={7: -1, 8: 0})


def _h_lock(prog, state, tid, th, ins):
    owner = state[3][ins[1]]
    if owner == tid:
        raise ProgramError("thread %d relocks a mutex it holds" % tid)
    if owner != -1:
        return []
    return _simple(prog, state, tid, th, extra={3: _put(state[3], ins[1], tid)})


def _h_unlock(prog, state, tid, th, ins):
    if state[3][ins[1]] != tid:
        raise ProgramError("thread %d unlocks a mutex it does not hold" % tid)
    return _simple(prog, state, tid, th, extra={3: _put(state[3], ins[1], -1)})


def _h_trylock(prog, state, tid, th, ins):
    owner = state[3][ins[1]]
    if owner == tid:
        raise ProgramError("thread %d trylocks a mutex it holds" % tid)
    if owner != -1:
        return _simple(prog, state, tid, _set_local(th, ins[2], 0))
    return _simple(prog, state, tid, _set_local(th, ins[2], 1),
                   extra={3: _put(state[3], ins[1], tid)})


def _check_not_holding_rw(state, tid, rw):
    if state[4][rw] == tid or state[5][rw] >> tid & 1:
        raise ProgramError("thread %d relocks an rwlock it holds" % tid)


def _h_rdlock(prog, state, tid, th, ins):
    rw = ins[1]
    _check_not_holding_rw(state, tid, rw)
    if state[4][rw] != -1:
        return []
    return _simple(prog, state, tid, th,
                   extra={5: _put(state[5], rw, state[5][rw] | 1 << tid)})


def _h_wrlock(prog, state, tid, th, ins):
    rw = ins[1]
    _check_not_holding_rw(state, tid, rw)
    if state[4][rw] != -1 or state[5][rw]:
        return []
    return _simple(prog, state, tid, th, extra={4: _put(state[4], rw, tid)})


def _h_rwunlock(prog, state, tid, th, ins):
    rw = ins[1]
    if state[4][rw] == tid:
        return _simple(prog, state, tid, th, extra={4: _put(state[4], rw, -1)})
    if state[5][rw] >> tid & 1:
        return _simple(prog, state, tid, th,
                       extra={5: _put(state[5], rw, state[5][rw] & ~(1 << tid))})
    raise ProgramError("thread %d unlocks an rwlock it does not hold" % tid)


def _h_sem_wait(prog, state, tid, th, ins):
    n = state[6][ins[1]]
    if n == 0:
        return []
    return _simple(prog, state, tid, th, extra={6: _put(state[6], ins[1], n - 1)})


def _h_sem_trywait(prog, state, tid, th, ins):
    n = state[6][ins[1]]
    if n == 0:
        return _simple(prog, state, tid, _set_local(th, ins[2], 0))
    return _simple(prog, state, tid, _set_local(th, ins[2], 1),
                   extra={6: _put(state[6], ins[1], n - 1)})


def _h_sem_post(prog, state, tid, th, ins):
    n = state[6][ins[1]]
    return _simple(prog, state, tid, th, extra={6: _put(state[6], ins[1], n + 1)})


def _h_cond_wait(prog, state, tid, th, ins):
    """The three steps of pthread_cond_wait, selected by the thread's
    phase: release + wait, wake (signalled, or spuriously once per
    thread), re-acquire."""
    m = ins[2]
    phase = th[3]
    if phase == 0:
        if state[3][m] != tid:
            raise ProgramError("thread %d waits without holding the mutex" % tid)
        th = th[:3] + (WAITING, th[4])
        return [Transition(tid, (_put(state[0], tid, th), state[1], state[2],
                                 _put(state[3], m, -1)) + state[4:])]
    if phase == WAITING:
        if th[4]:
            return []
        th = th[:3] + (WOKEN, 1)
        return [Transition(tid, (_put(state[0], tid, th),) + state[1:],
                           weak=True)]
    if phase == SIGNALLED:
        th = th[:3] + (WOKEN, th[4])
        return [Transition(tid, (_put(state[0], tid, th),) + state[1:])]
    if state[3][m] != -1:                # WOKEN: re-acquire the mutex
        return []
    return _simple(prog, state, tid, th, extra={3: _put(state[3], m, tid)})


def _waiters(prog, state, cond):
    """Threads waiting on cond that have not been signalled yet."""
    out = []
    for u, th in enumerate(state[0]):
        if th[0] == LIVE and th[3] == WAITING:
            ins = prog.threads[u].code[th[1]]
            if ins[1] == cond:
                out.append(u)
    return out


def _h_cond_signal(prog, state, tid, th, ins):
    waiters = _waiters(prog, state, ins[1])
    if ins[0] == "cond_broadcast" and waiters:
        waiters = [tuple(waiters)]
    else:
        waiters = [(u,) for u in waiters]
    if not waiters:
        return _simple(prog, state, tid, th)
    out = []
    for group in waiters:
        threads = state[0]
        for u in group:
            threads = _put(threads, u, threads[u][:3] + (SIGNALLED, threads[u][4]))
        out += _simple(prog, (threads,) + state[1:], tid, th)
    return out


# A completion's count after complete_all: every wait passes from then on.
COMPLETE_ALL = -1


def _h_complete(prog, state, tid, th, ins):
    """complete() adds one to the count, complete_all() makes every wait
    pass (the kernel's UINT_MAX, which waits then leave as it is)."""
    c, n = ins[1], state[9][ins[1]]
    if ins[0] == "complete_all":
        n = COMPLETE_ALL
    elif n != COMPLETE_ALL:
        n += 1
    return _simple(prog, state, tid, th, extra={9: _put(state[9], c, n)})


def _take(state, c):
    """The completion counts after a wait that passed on completion c."""
    n = state[9][c]
    return _put(state[9], c, n if n == COMPLETE_ALL else n - 1)


def _h_cwait(prog, state, tid, th, ins):
    """wait_for_completion: blocks while the count is 0, then takes one."""
    if state[9][ins[1]] == 0:
        return []
    return _simple(prog, state, tid, th, extra={9: _take(state, ins[1])})


def _h_ctry(prog, state, tid, th, ins):
    """try_wait_for_completion: takes one if there is one (1), else 0."""
    if state[9][ins[1]] == 0:
        return _simple(prog, state, tid, _set_local(th, ins[2], 0))
    return _simple(prog, state, tid, _set_local(th, ins[2], 1),
                   extra={9: _take(state, ins[1])})


def _h_cdone(prog, state, tid, th, ins):
    """completion_done: whether a wait would pass now, taking nothing."""
    return _simple(prog, state, tid,
                   _set_local(th, ins[2], int(state[9][ins[1]] != 0)))


# A wait queue's sleeper (gen_kernel.py's "wev"): the thread's phase
# (thread[3]) is ("ev", queue) while it sleeps on the queue.
def _h_wev(prog, state, tid, th, ins):
    """wait_event(q, atomic_read(&var) == val) in one step: the condition
    true, it returns; false, it sleeps until a wake_up of q, then checks
    again.  The kernel's prepare_to_wait before the check makes a wake-up
    between the check and the sleep keep it awake, so the check and the
    sleep are as one step."""
    if th[3] != 0:                       # asleep until a wake_up
        return []
    if state[1][ins[2]] == ins[3]:
        return _simple(prog, state, tid, th)
    return _block(state, tid, th, ("ev", ins[1]))


def _h_wake(prog, state, tid, th, ins):
    """wake_up(q): every sleeper of wait_event on q checks its condition
    again, and the first exclusive waiter on q's list (wake_up_all:
    every one) leaves the list (the kernel's autoremove_wake_function),
    counted whether it sleeps already or has yet to check."""
    q = ins[1]
    mark, asleep = ("ev", q), ("xs", q)
    lst = state[11][q]
    woken = set(lst if ins[2] else lst[:1])
    threads = tuple(t[:3] + (0,) + t[4:] if t[3] == mark else
                    t[:3] + (("xp", q),) + t[4:] if u in woken and t[3] == asleep
                    else t for u, t in enumerate(state[0]))
    rest = tuple(u for u in lst if u not in woken)
    return _simple(prog, (threads,) + state[1:], tid, th,
                   extra={11: _put(state[11], q, rest)})


# An exclusive waiter ("wevx": wait_event_exclusive(q, atomic_add_unless(
# &x, -1, 0)), whose condition takes one unit of x) goes through phases:
# 0 its first check, before it is on the list; ("xp", q) prepare: join
# the list's tail; ("xq", q) check again, on the list or taken off it by
# a wake-up since; ("xs", q) asleep on the list until a wake-up picks it.
def _h_wevx(prog, state, tid, th, ins):
    q, var = ins[1], ins[2]
    phase, lists = th[3], state[11]
    if phase == ("xs", q):
        return []
    if phase == ("xp", q):
        return _block(state, tid, th, ("xq", q),
                      {11: _put(lists, q, lists[q] + (tid,))})
    v = state[1][var]
    if v != 0:                           # taken: leave the list (finish_wait)
        return _simple(prog, state, tid, th, extra={
            1: _put(state[1], var, v - 1),
            11: _put(lists, q, tuple(u for u in lists[q] if u != tid))})
    if phase == 0:
        nxt = ("xp", q)
    else:
        nxt = ("xs", q) if tid in lists[q] else ("xp", q)
    return _block(state, tid, th, nxt)


def _h_wait_all(prog, state, tid, th, ins):
    """The end of a kernel-style test's function: the test ends once
    every other thread created has ended."""
    if any(u != tid and u != prog.worker and t[0] == LIVE
           for u, t in enumerate(state[0])):
        return []
    return [Transition(tid, None, end=END_EXIT)]


# ----------------------------------------------------------------------
# The ordered workqueue (gen_kernel.py's works): state[10] = (queue,
# running, queued, resolved, canceling): the works waiting in order, the
# one the worker runs (-1: none), per work how often a queue_work took
# it (queued) and how many of those queueings ran or were cancelled
# (resolved), and whether a cancel_work_sync holds it (a queue_work then
# fails, as the kernel's canceler keeps the pending bit).  A work is
# pending while it is in the queue.
# ----------------------------------------------------------------------

def _wq(state, queue=None, running=None, queued=None, resolved=None,
        canceling=None):
    q, r, qd, rs, cn = state[10]
    return {10: (q if queue is None else queue, r if running is None else running,
                 qd if queued is None else queued,
                 rs if resolved is None else resolved,
                 cn if canceling is None else canceling)}


def _result(th, i, v):
    return th if i is None else _set_local(th, i, v)


def _h_queue(prog, state, tid, th, ins):
    """queue_work: false if the work is pending (or being cancelled)."""
    w = ins[1]
    q, _, queued, _, canceling = state[10]
    if w in q or canceling[w]:
        return _simple(prog, state, tid, _result(th, ins[2], 0))
    return _simple(prog, state, tid, _result(th, ins[2], 1),
                   extra=_wq(state, queue=q + (w,),
                             queued=_put(queued, w, queued[w] + 1)))


def _h_wq_take(prog, state, tid, th, ins):
    """The worker takes the first work (its pending bit clears) and
    runs its body from the start, its locals at 0."""
    q = state[10][0]
    if not q:
        return []
    w = q[0]
    locs = th[2]
    for i in ins[2][w]:
        locs = _put(locs, i, 0)
    th = (th[0], ins[1][w] - 1, locs) + th[3:]
    return _simple(prog, state, tid, th, extra=_wq(state, queue=q[1:], running=w))


def _h_wq_done(prog, state, tid, th, ins):
    w = ins[1]
    resolved = state[10][3]
    return _simple(prog, state, tid, th, extra=_wq(
        state, running=-1, resolved=_put(resolved, w, resolved[w] + 1)))


def _block(state, tid, th, phase, extra=None):
    """The first step of a wait that blocks: the call, after which the
    thread waits in `phase` at the same instruction."""
    th = th[:3] + (phase, th[4])
    parts = list(state)
    for k, v in (extra or {}).items():
        parts[k] = v
    parts[0] = _put(parts[0], tid, th)
    return [Transition(tid, tuple(parts))]


def _h_flush_work(prog, state, tid, th, ins):
    """flush_work: waits until every queueing of the work made before the
    call has run (or was cancelled); a work queued again later is not
    waited for.  A call with nothing to wait for is one step; else the
    call is a step and the return another, once the wait is over."""
    w = ins[1]
    if th[3] == 0:
        target = state[10][2][w]
        if state[10][3][w] >= target:
            return _simple(prog, state, tid, th)
        return _block(state, tid, th, ("F", target))
    if state[10][3][w] < th[3][1]:
        return []
    return _simple(prog, state, tid, th)


def _h_cancel(prog, state, tid, th, ins):
    """cancel_work: takes the work off the queue if it is pending; the
    result says whether it was.  cancel_work_sync also waits for a run in
    progress, during which queue_work fails."""
    w = ins[1]
    q, running, queued, resolved, canceling = state[10]
    if th[3] != 0:                       # cancel_work_sync waiting
        if resolved[w] < th[3][1]:
            return []
        return _simple(prog, state, tid, th,
                       extra=_wq(state, canceling=_put(canceling, w, False)))
    was = int(w in q)
    q = tuple(x for x in q if x != w)
    resolved = _put(resolved, w, resolved[w] + was)
    th = _result(th, ins[2], was)
    if ins[0] == "cancel_sync" and running == w:
        return _block(state, tid, th, ("C", queued[w]), {10: (
            q, running, queued, resolved, _put(canceling, w, True))})
    return _simple(prog, state, tid, th,
                   extra={10: (q, running, queued, resolved, canceling)})


def _h_flush_wq(prog, state, tid, th, ins):
    """flush_workqueue: waits until every work queued before the call
    has run (or was cancelled)."""
    if th[3] == 0:
        target = state[10][2]
        if all(r >= t for r, t in zip(state[10][3], target)):
            return _simple(prog, state, tid, th)
        return _block(state, tid, th, ("W", target))
    if any(r < t for r, t in zip(state[10][3], th[3][1])):
        return []
    return _simple(prog, state, tid, th)


def _h_drain(prog, state, tid, th, ins):
    """destroy_workqueue: drains the queue (works a work queues while it
    drains included) and frees it: one step, once nothing is queued and
    nothing runs."""
    if state[10][0] or state[10][1] != -1:
        return []
    return _simple(prog, state, tid, th)


def _h_create(prog, state, tid, th, ins):
    child = ins[1]
    if state[0][child][0] != NOT_CREATED:
        raise ProgramError("thread %d created twice" % child)
    state = _start_thread(prog, state, child)
    return _simple(prog, state, tid, th)


def _h_join(prog, state, tid, th, ins):
    target = state[0][ins[1]]
    if target[0] == NOT_CREATED:
        raise ProgramError("join of a thread never created")
    if target[0] != FINISHED:
        return []
    return _simple(prog, state, tid, th)


def _h_exit(prog, state, tid, th, ins):
    return [Transition(tid, None, end=END_EXIT)]


def _h_finish(prog, state, tid, th, ins):
    th = (FINISHED,) + th[1:]
    state = (_put(state[0], tid, th),) + state[1:]
    if state[7] == tid:                  # a thread ending inside a section
        state = state[:7] + (-1, 0) + state[9:]
    return [Transition(tid, state)]


_HANDLERS = {
    "load": _h_load, "store": _h_store, "cas": _h_cas,
    "xchg": _h_rmw, "faa": _h_rmw, "choose": _h_choose, "yield": _h_nop,
    "lock": _h_lock, "unlock": _h_unlock, "trylock": _h_trylock,
    "rdlock": _h_rdlock, "wrlock": _h_wrlock, "rwunlock": _h_rwunlock,
    "sem_wait": _h_sem_wait, "sem_trywait": _h_sem_trywait,
    "sem_post": _h_sem_post,
    "cond_wait": _h_cond_wait, "cond_signal": _h_cond_signal,
    "cond_broadcast": _h_cond_signal,
    "create": _h_create, "join": _h_join, "detach": _h_nop,
    "exit": _h_exit, "finish": _h_finish,
    "pload": _h_pload, "pstore": _h_pstore,
    "abegin": _h_abegin, "aend": _h_aend,
    "complete": _h_complete, "complete_all": _h_complete,
    "cwait": _h_cwait, "ctry": _h_ctry, "cdone": _h_cdone,
    "wait_all": _h_wait_all,
    "queue": _h_queue, "wq_take": _h_wq_take, "wq_done": _h_wq_done,
    "flush_work": _h_flush_work, "cancel_sync": _h_cancel, "cancel": _h_cancel,
    "flush_wq": _h_flush_wq, "drain": _h_drain,
    "wev": _h_wev, "wevx": _h_wevx, "wake": _h_wake,
}


class Machine:
    """A compiled program plus a cache of each state's transitions, shared
    by all the analyses (they explore the same state graph)."""

    def __init__(self, prog):
        self.prog = prog if isinstance(prog, Compiled) else Compiled(prog)
        self.init = self.prog.initial_state()
        self._cache = {}
        self._dead = set()

    def transitions(self, state):
        """The transitions from state, spurious wakeups included.  While a
        thread inside an atomic section can move (a spurious wakeup
        counts), only its transitions are offered; when it is blocked,
        the others run (and none of them can enter a section)."""
        out = self._cache.get(state)
        if out is None:
            out = []
            for tid in range(len(state[0])):
                out += thread_transitions(self.prog, state, tid)
            # Nothing but (at most) spurious wakeups can move: a deadlock,
            # since a spurious wakeup may happen but is never guaranteed.
            # Decided before the section's restriction, which may leave
            # only a spurious wakeup of the thread inside.
            if not any(not t.weak for t in out):
                self._dead.add(state)
            owner = state[7]
            if owner >= 0:
                mine = [t for t in out if t.tid == owner]
                if mine:
                    out = mine
            self._cache[state] = out
        return out

    def is_deadlock(self, state):
        """Whether state (whose transitions were computed) is a deadlock."""
        return state in self._dead



# ----------------------------------------------------------------------
# Analysis 1: reachable bugs and their minimum preemptions
# ----------------------------------------------------------------------

def search_bugs(m):
    """0-1 BFS over (state, last thread).  A step by thread M right after
    a step by L != M costs one preemption when L could still move in that
    state (a spurious wakeup counts as a move).  Returns {kind: min
    preemptions} for every reachable bug kind."""
    best = {}
    start = (m.init, -1)
    dist = {start: 0}
    queue = collections.deque([(0, m.init, -1)])
    while queue:
        d, state, last = queue.popleft()
        if dist[(state, last)] < d:
            continue
        trans = m.transitions(state)
        if m.is_deadlock(state):
            best[DEADLOCK] = min(best.get(DEADLOCK, d), d)
            continue
        last_can_move = any(t.tid == last for t in trans)
        for t in trans:
            cost = d + (1 if last_can_move and t.tid != last else 0)
            if t.end == END_ASSERT:
                best[ASSERTION] = min(best.get(ASSERTION, cost), cost)
                continue
            if t.end == END_EXIT:
                continue
            node = (t.state, t.tid)
            if cost < dist.get(node, cost + 1):
                dist[node] = cost
                if cost == d:
                    queue.appendleft((cost, t.state, t.tid))
                else:
                    queue.append((cost, t.state, t.tid))
    return best


def _lock_waits(prog, state, tid):
    """The threads thread tid waits for, when it is blocked acquiring a
    mutex or rwlock (empty otherwise)."""
    th = state[0][tid]
    if th[0] != LIVE:
        return ()
    ins = prog.threads[tid].code[th[1]]
    if ins[0] == "lock":
        owner = state[3][ins[1]]
        return (owner,) if owner not in (-1, tid) else ()
    if ins[0] in ("rdlock", "wrlock"):
        rw = ins[1]
        holders = [state[4][rw]] if state[4][rw] != -1 else []
        if ins[0] == "wrlock":
            holders += [u for u in range(len(state[0])) if state[5][rw] >> u & 1]
        return tuple(u for u in holders if u != tid)
    return ()


def lock_cycle_reachable(m):
    """Whether some reachable state has threads blocked acquiring locks in
    a cycle (each waits for a lock the next one holds).  Such a state is a
    deadlock of those threads even if the process can still end (main
    returns past them): what a lock-order report warns about."""
    prog = m.prog
    for state in list(m._cache):
        waits = {t: _lock_waits(prog, state, t) for t in range(len(state[0]))}
        for start in waits:
            seen, frontier = set(), list(waits[start])
            while frontier:
                u = frontier.pop()
                if u == start:
                    return True
                if u in seen:
                    continue
                seen.add(u)
                frontier += waits.get(u, ())
    return False


def count_executions(m, cap=None):
    """Number of maximal executions (memoised path count); stops counting
    once it exceeds `cap` (returns cap + 1 then)."""
    memo = {}

    def paths(state):
        n = memo.get(state)
        if n is not None:
            return n
        trans = m.transitions(state)
        if m.is_deadlock(state):
            n = 1
        else:
            n = 0
            for t in trans:
                n += 1 if t.end else paths(t.state)
                if cap is not None and n > cap:
                    break
        if cap is not None and n > cap:
            n = cap + 1
        memo[state] = n
        return n

    return paths(m.init)


# ----------------------------------------------------------------------
# Analysis 2: the same counts by memoised dynamic programming
# ----------------------------------------------------------------------

class Counts:
    """Execution count, bug kinds, reads-from outcomes and traces."""

    def __init__(self, executions, bug_kinds, rf_outcomes, traces):
        self.executions, self.bug_kinds = executions, bug_kinds
        self.rf_outcomes, self.traces = rf_outcomes, traces


def count_by_suffixes(m, want_traces):
    """Computes what enumerate_executions() computes, without walking
    every execution: the outcomes reachable from a node (state, last
    write of each variable, events per thread so far) depend only on the
    node, so each node's set of outcome *suffixes* is computed once.  A
    reads-from suffix is a frozenset of (read id, source) items; a trace
    suffix adds, per variable, the ids of the writes still to come (a
    trace of atomics is fully given by reads-from plus each variable's
    write order).  Used for programs too big to enumerate and, on the
    others, as an independent check of the enumeration."""
    nvars = len(m.init[1])
    memo = {}
    empty_co = tuple(() for _ in range(nvars))
    leaf = (1, frozenset(), {frozenset()}, {(frozenset(), empty_co)})

    def node(state, last_write, counter):
        key = (state, last_write, counter)
        got = memo.get(key)
        if got is not None:
            return got
        trans = m.transitions(state)
        if m.is_deadlock(state):
            got = (1, frozenset([DEADLOCK]), leaf[2], leaf[3])
            memo[key] = got
            return got
        execs, kinds, rfs, traces = 0, set(), set(), set()
        for t in trans:
            lw, ctr, items, wrote = _event_effect(t, last_write, counter)
            if t.end:
                sub = leaf
                if t.end == END_ASSERT:
                    kinds.add(ASSERTION)
            else:
                sub = node(t.state, lw, ctr)
                kinds |= sub[1]
            execs += sub[0]
            rfs.update(items | x for x in sub[2])
            if want_traces:
                for rf, co in sub[3]:
                    if wrote is not None:
                        var, eid = wrote
                        co = co[:var] + (((eid,) + co[var]),) + co[var + 1:]
                    traces.add((items | rf, co))
        got = (execs, frozenset(kinds), rfs, traces)
        memo[key] = got
        return got

    execs, kinds, rfs, traces = node(m.init, ("init",) * nvars,
                                     (0,) * len(m.init[0]))
    return Counts(execs, set(kinds), len(rfs),
                  len(traces) if want_traces else None)


def _event_effect(t, last_write, counter):
    """The event of transition t seen from a node: the next node's
    last_write and counter, the reads-from items it adds, and the
    (variable, id) of the write it performs, if any."""
    ev = t.event
    if ev is None:
        return last_write, counter, frozenset(), None
    kind, obj = ev
    eid = (t.tid, counter[t.tid])
    counter = counter[:t.tid] + (counter[t.tid] + 1,) + counter[t.tid + 1:]
    if kind == "c":
        return last_write, counter, frozenset([(eid, ("c", obj))]), None
    items = frozenset([(eid, last_write[obj])]) if kind != "w" else frozenset()
    if kind == "r":
        return last_write, counter, items, None
    return _put(last_write, obj, eid), counter, items, (obj, eid)


# ----------------------------------------------------------------------
# Analysis 3: full enumeration of maximal executions
# ----------------------------------------------------------------------

class Enumeration:
    """What the tree walk found."""

    def __init__(self):
        self.executions = 0
        self.bug_kinds = set()
        self.rf_outcomes = set()
        self.traces = set()


def trace_key(events):
    """Canonical key of a Mazurkiewicz trace whose events are atomic
    operations (dependent when on the same variable and one is a write)
    and choices (independent of everything).  Per variable: the writes in
    order, with the set of reads between consecutive writes (reads commute
    with each other).  Program order is in the event ids."""
    per_var = {}
    choices = []
    for eid, kind, obj in events:
        if kind == "c":
            choices.append((eid, obj))
            continue
        segs = per_var.setdefault(obj, [[]])
        if kind == "r":
            segs[-1].append(eid)
        else:
            segs.append((eid, kind))
            segs.append([])
    key = []
    for var in sorted(per_var):
        segs = per_var[var]
        key.append((var, tuple(frozenset(s) if isinstance(s, list) else s
                               for s in segs)))
    return tuple(key), frozenset(choices)


def enumerate_executions(m, want_traces):
    """Walks every maximal execution.  Events get ids (thread, n) where n
    counts the thread's own atomic/choose events, so the same id names the
    same program event across executions.  A read's source is the id of
    the last write to its variable, or 'init'."""
    res = Enumeration()
    nthreads = len(m.init[0])
    last_write = ["init"] * len(m.init[1])
    counter = [0] * nthreads
    rf = []          # ((tid, n), source) for reads, ((tid, n), ('c', v))
    events = []      # ((tid, n), kind, var-or-value) for the trace key

    def leaf(kind):
        res.executions += 1
        if kind:
            res.bug_kinds.add(kind)
        res.rf_outcomes.add(frozenset(rf))
        if want_traces:
            res.traces.add(trace_key(events))

    def walk(state):
        trans = m.transitions(state)
        if m.is_deadlock(state):
            leaf(DEADLOCK)
            return
        for t in trans:
            undo = _apply_event(t, last_write, counter, rf, events)
            if t.end:
                leaf(ASSERTION if t.end == END_ASSERT else None)
            else:
                walk(t.state)
            _undo_event(t, undo, last_write, counter, rf, events)

    walk(m.init)
    return res


def _apply_event(t, last_write, counter, rf, events):
    """Records transition t's event in the walk's accumulators; returns
    what _undo_event needs."""
    ev = t.event
    if ev is None:
        return None
    kind, obj = ev
    eid = (t.tid, counter[t.tid])
    counter[t.tid] += 1
    if kind == "c":
        rf.append((eid, ("c", obj)))
    elif kind in ("r", "rw"):
        rf.append((eid, last_write[obj]))
    prev = last_write[obj] if kind != "c" else None
    if kind in ("w", "rw"):
        last_write[obj] = eid
    events.append((eid, kind, obj))
    return prev


def _undo_event(t, prev, last_write, counter, rf, events):
    ev = t.event
    if ev is None:
        return
    kind, obj = ev
    counter[t.tid] -= 1
    if kind in ("c", "r", "rw"):
        rf.pop()
    if kind in ("w", "rw"):
        last_write[obj] = prev
    events.pop()


# ----------------------------------------------------------------------
# Analysis 4: data races (happens-before over every execution)
# ----------------------------------------------------------------------
#
# Only for programs with plain steps (pload / pstore).  A data race is two
# plain accesses of one variable by different threads, at least one a
# write, with neither happening before the other, in some execution (so
# the rule is weft's, and ThreadSanitizer's: an execution's order is not
# enough, a synchronisation must order them).  Happens-before is the
# model weft documents (src/sched/clock.c):
#
#   * atomics, all sequentially consistent here, follow ThreadSanitizer: a
#     load (or a failed compare-exchange, or a read-modify-write leaving
#     the value as it is) acquires the variable's release clock; a store
#     replaces the release clock with the thread's clock; a
#     read-modify-write that changes the value acquires and adds to it;
#   * every other object keeps the full order: each operation on it joins
#     its release clock (a write also the reads since the last write); a
#     write replaces the release clock, a read adds to the reads.  Mutex
#     lock / unlock / successful trylock, rwlock wrlock / a writer's
#     unlock, semaphore wait / post / successful trywait, condition wait
#     (each of its steps; the first also writes the mutex), signal and
#     broadcast, and entering / leaving an atomic section (the outermost
#     only) are writes; a failed trylock or trywait, rdlock and a
#     reader's unlock are reads;
#   * a created thread starts with its creator's clock; joining a thread
#     acquires its clock at its end.
#
# Clocks: every thread's own entry starts at 1 and advances after every
# step that releases, so an access made after a release is not covered
# by it.  A plain variable keeps its last write (thread, own clock entry)
# and each thread's last read (FastTrack).  The search is a 0-1 BFS over
# (state, clocks, last thread), like search_bugs, for the fewest
# preemptions that reach a race (at the step of its second access).

class HBIndex:
    """Dense numbers for the synchronisation objects."""

    def __init__(self, prog):
        self.atomic = 0
        self.mutex = len(prog.atomic_names)
        self.rwlock = self.mutex + len(prog.mutex_index)
        self.sem = self.rwlock + len(prog.rwlock_index)
        self.cond = self.sem + len(prog.sem_names)
        self.thread = self.cond + len(prog.cond_index)
        self.section = self.thread + len(prog.threads)
        self.completion = self.section + 1
        self.work = self.completion + len(prog.completion_names)
        self.waitq = self.work + len(prog.work_names)
        self.count = self.waitq + len(prog.waitq_names)


def _join(a, b):
    return tuple(x if x >= y else y for x, y in zip(a, b))


def _hb_initial(prog, idx):
    n = len(prog.threads)
    zero = tuple(0 for _ in range(n))
    vcs = tuple(tuple(1 if i == t else 0 for i in range(n)) for t in range(n))
    objs = tuple((zero, zero) for _ in range(idx.count))
    nplain = len(prog.plain_names)
    return (vcs, objs, tuple(None for _ in range(nplain)),
            tuple(zero for _ in range(nplain)))


def _hb_step(prog, idx, state, t, hb):
    """Thread t.tid's step from `state` under clocks hb: (new clocks,
    whether the step's plain access races)."""
    tid = t.tid
    th = state[0][tid]
    ins = prog.threads[tid].code[th[1]]
    op = ins[0]
    vcs, objs, pw, pr = hb
    vc = list(vcs[tid])
    new_objs = {}
    released = False

    def obj(o):
        return new_objs.get(o) or objs[o]

    def full(o, write):
        """An operation on an object that keeps the full order: acquire."""
        svc, rvc = obj(o)
        for i, x in enumerate(svc):
            if x > vc[i]:
                vc[i] = x
        if write:
            for i, x in enumerate(rvc):
                if x > vc[i]:
                    vc[i] = x

    def full_release(o, write):
        nonlocal released
        svc, rvc = obj(o)
        if write:
            new_objs[o] = (tuple(vc), tuple(0 for _ in rvc))
        else:
            new_objs[o] = (svc, _join(rvc, vc))
        released = True

    def acquire(o):
        for i, x in enumerate(obj(o)[0]):
            if x > vc[i]:
                vc[i] = x

    def release(o, replace):
        nonlocal released
        svc, rvc = obj(o)
        new_objs[o] = (tuple(vc) if replace else _join(svc, vc), rvc)
        released = True

    def object_op(o, write):
        full(o, write)
        full_release(o, write)

    raced = False
    after = t.state
    vcs_l = None
    if op == "load":
        acquire(idx.atomic + ins[1])
    elif op == "store":
        if ins[3]:                      # a relaxed store orders nothing
            pass
        else:
            release(idx.atomic + ins[1], True)
    elif op in ("cas", "xchg", "faa"):
        x = idx.atomic + ins[1]
        acquire(x)
        if op == "cas":
            changed = t.event[0] == "rw"
        else:
            changed = after is not None and after[1][ins[1]] != state[1][ins[1]]
        if changed:
            release(x, False)
    elif op in ("lock", "unlock"):
        object_op(idx.mutex + ins[1], True)
    elif op == "trylock":
        object_op(idx.mutex + ins[1],
                  after is not None and after[3][ins[1]] == tid)
    elif op in ("rdlock", "wrlock"):
        object_op(idx.rwlock + ins[1], op == "wrlock")
    elif op == "rwunlock":
        object_op(idx.rwlock + ins[1], state[4][ins[1]] == tid)
    elif op in ("sem_wait", "sem_post"):
        object_op(idx.sem + ins[1], True)
    elif op == "sem_trywait":
        object_op(idx.sem + ins[1],
                  after is not None and after[6][ins[1]] < state[6][ins[1]])
    elif op in ("cond_signal", "cond_broadcast"):
        object_op(idx.cond + ins[1], True)
    elif op == "cond_wait":
        c, m = idx.cond + ins[1], idx.mutex + ins[2]
        phase = th[3]
        if phase == 0:                  # release the mutex, start waiting
            full(c, True)
            full(m, True)
            full_release(c, True)
            full_release(m, True)
        elif phase in (WAITING, SIGNALLED):     # wake up
            object_op(c, True)
        else:                           # re-acquire the mutex
            object_op(m, True)
    elif op == "create":
        child = ins[1]
        vcs_l = list(vcs)
        vcs_l[child] = _join(vcs[child], tuple(vc))
        released = True
    elif op == "join":
        acquire(idx.thread + ins[1])
    elif op == "finish":
        release(idx.thread + tid, True)
    elif op in ("complete", "complete_all", "cwait"):
        object_op(idx.completion + ins[1], True)
    elif op == "wev":
        # The queue's lock (prepare_to_wait) and the condition's
        # atomic_read, an acquire in weft, whether it holds or not.
        object_op(idx.waitq + ins[1], False)
        acquire(idx.atomic + ins[2])
    elif op == "wevx":
        # Joining or leaving the list writes the queue; a check is
        # atomic_add_unless, fully ordered when it takes a unit.
        q = idx.waitq + ins[1]
        took = after is not None and after[1][ins[2]] != state[1][ins[2]]
        if th[3] == ("xp", ins[1]):
            object_op(q, True)
        else:
            acquire(idx.atomic + ins[2])
            if took and tid in state[11][ins[1]]:
                object_op(q, True)
            if took:
                release(idx.atomic + ins[2], False)
    elif op == "wake":
        object_op(idx.waitq + ins[1], True)
    elif op == "ctry":
        object_op(idx.completion + ins[1],
                  after is not None and after[9][ins[1]] != state[9][ins[1]])
    elif op == "cdone":
        object_op(idx.completion + ins[1], False)
    elif op in ("queue", "cancel", "cancel_sync") and th[3] == 0:
        # A queueing (or a cancel) that took the work writes it, one that
        # found it pending reads it.
        q = after[10][0] if after is not None else state[10][0]
        changed = after is not None and (q != state[10][0] or
                                         after[10][4] != state[10][4])
        object_op(idx.work + ins[1], changed)
    elif op in ("wq_take", "wq_done"):
        w = state[10][0][0] if op == "wq_take" else ins[1]
        object_op(idx.work + w, True)
    elif op in ("flush_work", "cancel_sync", "flush_wq", "drain"):
        # The return of a wait (or of a call that had nothing to wait
        # for): ordered after the runs it waited for.
        if after is not None and after[0][tid][3] == 0:
            works = [ins[1]] if op in ("flush_work", "cancel_sync") \
                else range(len(prog.work_names))
            for w in works:
                object_op(idx.work + w, False)
    elif op == "abegin":
        if state[7] == -1:
            object_op(idx.section, True)
    elif op == "aend":
        if state[8] == 1:
            object_op(idx.section, True)
    elif op in ("pload", "pstore"):
        v, e = ins[1], vc[tid]
        w = pw[v]
        if w is not None and w[0] != tid and vc[w[0]] < w[1]:
            raced = True
        if op == "pload":
            reads = list(pr[v])
            reads[tid] = e
            pr = pr[:v] + (tuple(reads),) + pr[v + 1:]
        else:
            if any(u != tid and r and vc[u] < r for u, r in enumerate(pr[v])):
                raced = True
            pw = pw[:v] + ((tid, e),) + pw[v + 1:]
            pr = pr[:v] + (tuple(0 for _ in pr[v]),) + pr[v + 1:]
    if released:
        vc[tid] += 1
    if vcs_l is None:
        vcs_l = list(vcs)
    vcs_l[tid] = tuple(vc)
    if new_objs:
        objs_l = list(objs)
        for o, v in new_objs.items():
            objs_l[o] = v
        objs = tuple(objs_l)
    return (tuple(vcs_l), objs, pw, pr), raced


def has_plain_steps(prog):
    return any(s[0] in ("pload", "pstore") for s in walk_statements(prog))


def search_races(m):
    """The fewest preemptions with which a data race happens (at its
    second access), or None when no execution has one."""
    prog = m.prog
    idx = HBIndex(prog)
    best = None
    start = (m.init, _hb_initial(prog, idx), -1)
    dist = {start: 0}
    queue = collections.deque([(0,) + start])
    while queue:
        d, state, hb, last = queue.popleft()
        if dist[(state, hb, last)] < d or (best is not None and d >= best):
            continue
        trans = m.transitions(state)
        if m.is_deadlock(state):
            continue
        last_can_move = any(t.tid == last for t in trans)
        for t in trans:
            cost = d + (1 if last_can_move and t.tid != last else 0)
            if best is not None and cost >= best:
                continue
            hb2, raced = _hb_step(prog, idx, state, t, hb)
            if raced:
                best = cost
                continue
            if t.end:
                continue
            node = (t.state, hb2, t.tid)
            if cost < dist.get(node, cost + 1):
                dist[node] = cost
                if cost == d:
                    queue.appendleft((cost,) + node)
                else:
                    queue.append((cost,) + node)
    return best


# ----------------------------------------------------------------------
# The whole analysis
# ----------------------------------------------------------------------

def trace_eligible(prog):
    """Mazurkiewicz traces are counted only for programs whose every
    scheduling-relevant operation is an atomic, a choice, a yield or the
    creation/join of a thread that is joined."""
    created, joined = set(), set()
    banned = {"lock", "unlock", "trylock", "rdlock", "wrlock", "rwunlock",
              "sem_wait", "sem_trywait", "sem_post", "cond_wait",
              "cond_signal", "cond_broadcast", "exit", "detach", "atomic",
              "complete", "complete_all", "cwait", "ctry", "cdone",
              "queue", "flush_work", "cancel_sync", "cancel", "flush_wq",
              "drain", "wev", "wevx", "wake"}
    ok = True
    for s in walk_statements(prog):
        if s[0] in banned:
            ok = False
        elif s[0] == "create":
            created.add(s[1])
        elif s[0] == "join":
            joined.add(s[1])
    return ok and created == joined


def walk_statements(prog):
    """Every statement of every thread and work, nested ones included."""
    stack = [s for t in prog["threads"] for s in t["body"]]
    stack += [s for w in prog.get("works", {}).values() for s in w["body"]]
    while stack:
        s = stack.pop()
        yield s
        if s[0] == "if":
            stack += s[2] + (s[3] if len(s) > 3 else [])
        elif s[0] == "while":
            stack += s[2]
        elif s[0] == "repeat":
            stack += s[3]
        elif s[0] == "atomic":
            stack += s[1]


def analyse(prog, cap=DEFAULT_CAP):
    """Ground truth for one program description: bug kinds with minimum
    preemptions, execution / reads-from / trace counts.  The counts come
    from count_by_suffixes(); when the program has at most `cap` maximal
    executions, the full enumeration recomputes them all, and the bug
    kinds of all three analyses must agree ("enumerated" says whether it
    ran).  Data races come from search_races() alone."""
    m = Machine(prog)
    bugs = search_bugs(m)
    want_traces = trace_eligible(prog)
    dp = count_by_suffixes(m, want_traces)
    assert dp.bug_kinds == set(bugs), \
        "bug search %s and suffix counts %s disagree" % (sorted(bugs),
                                                         sorted(dp.bug_kinds))
    enumerated = dp.executions <= cap
    if has_plain_steps(prog):
        race = search_races(m)
        if race is not None:
            bugs[DATA_RACE] = race
    if enumerated:
        en = enumerate_executions(m, want_traces)
        got = (en.executions, en.bug_kinds, len(en.rf_outcomes),
               len(en.traces) if want_traces else None)
        want = (dp.executions, dp.bug_kinds, dp.rf_outcomes, dp.traces)
        assert got == want, "enumeration %r and suffix counts %r disagree" % (
            got, want)
    return {
        "bugs": dict(sorted(bugs.items())),
        "lock_cycle": lock_cycle_reachable(m),
        "executions": dp.executions,
        "rf_outcomes": dp.rf_outcomes,
        "traces": dp.traces,
        "states": len(m._cache),
        "enumerated": enumerated,
    }


def main(argv):
    if len(argv) != 2:
        print("usage: brute.py PROGRAM.json", file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        prog = json.load(f)
    if "program" in prog:            # a fixed case from cases/
        prog = prog["program"]
    print(json.dumps(analyse(prog)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
