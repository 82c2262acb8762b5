"""outcomes.py - the final states of a program, for check.py --outcomes.

A verdict says only whether some execution fails; an exhaustive search
that skips a Mazurkiewicz trace is caught by it only when the program's
assertions pin the skipped trace's outcome, which the generated programs
rarely do.  So in outcome mode a program prints its final state at the
end of main, one line `R name=value ...` per execution, and check.py
compares the set of lines weft's exhaustive run printed with the set
brute.py's semantics reaches: every final state some interleaving
reaches must be printed by an execution of a verified search (an
execution per trace: executions of one trace end in the same state), and
none it cannot reach may be.

What is printed is what cannot change once main gets there, so that the
line is the same whenever the other threads run after it:

  * main's locals (`main.f0`);
  * the locals of the threads that are surely finished: those main joins,
    and those a surely finished thread joins (`t1.r0`), copied by each
    such thread into a global array `oc_tN` at its end;
  * the atomics and plain variables every writer of which is main or a
    surely finished thread (`x0`, `g1`).

Only joins outside conditionals count (in an atomic section too: it runs
to its end).  An execution that ends early (exit(), a failed assertion,
a deadlock) prints nothing.  The line is printed by local code: an
atomic's value is read as a plain int, which weft does not make a step,
so the program is explored exactly as without the line; no access races,
since every variable printed was last written before a join main waited
for (or by main).

`spec(prog)` lists the printed items; `c_parts(prog)` gives what gen.py
adds to the C; `final_states(machine, prog)` is brute.py's side: the line
for every reachable state where main is at its end (its local code after
its last step has run, only its return is left).
"""

import collections

WRITES = {"store": 1, "cas": 1, "xchg": 1, "faa": 1, "set": 1, "pstore": 1}


def _top_level(body):
    """The statements of a body that surely run once it runs to its end:
    those outside if / while / repeat (an atomic section's body included)."""
    for s in body:
        yield s
        if s[0] == "atomic":
            yield from _top_level(s[1])


def _all(body):
    for s in body:
        yield s
        if s[0] == "if":
            yield from _all(s[2])
            yield from _all(s[3] if len(s) > 3 else [])
        elif s[0] == "while":
            yield from _all(s[2])
        elif s[0] == "repeat":
            yield from _all(s[3])
        elif s[0] == "atomic":
            yield from _all(s[1])


def finished(prog):
    """The created threads surely finished when main reaches its end:
    joined by main, or by a thread surely finished, outside conditionals."""
    threads = prog["threads"]
    done, todo = set(), [0]
    while todo:
        u = todo.pop()
        for s in _top_level(threads[u]["body"]):
            if s[0] == "join" and s[1] not in done and s[1] != 0:
                done.add(s[1])
                todo.append(s[1])
    return done


def spec(prog):
    """The items of the line, in order: (label, kind, where) with kind
    'local' (where = (thread, local name)), 'atomic' or 'plain' (where =
    the variable's name)."""
    threads = prog["threads"]
    done = finished(prog)
    writers = collections.defaultdict(set)
    for t, th in enumerate(threads):
        for s in _all(th["body"]):
            if s[0] in WRITES:
                writers[s[1]].add(t)
    ok = done | {0}
    items = [("main.%s" % n, "local", (0, n)) for n in threads[0].get("locals", [])]
    for t in sorted(done):
        items += [("%s.%s" % (threads[t]["name"], n), "local", (t, n))
                  for n in threads[t].get("locals", [])]
    for kind, names in (("atomic", prog["atomics"]), ("plain", prog.get("plains", {}))):
        items += [(n, kind, n) for n in names if writers[n] <= ok]
    return items


def c_parts(prog):
    """What the C of a program in outcome mode adds: the global copies of
    the finished threads' locals, {thread: lines at its end}, and main's
    printf line."""
    threads = prog["threads"]
    decls, ends = [], {}
    for t in sorted(finished(prog)):
        names = threads[t].get("locals", [])
        if names:
            decls.append("int oc_t%d[%d];" % (t, len(names)))
            ends[t] = ["\toc_t%d[%d] = %s;" % (t, i, n) for i, n in enumerate(names)]
    fmt, args = ["R"], []
    for label, kind, where in spec(prog):
        fmt.append("%s=%%d" % label)
        if kind == "local":
            t, n = where
            args.append(n if t == 0 else
                        "oc_t%d[%d]" % (t, threads[t]["locals"].index(n)))
        elif kind == "atomic":
            args.append("*(int *)&%s" % where)      # a plain read: no step
        else:
            args.append(where)
    # Flushed at once: with jobs=N, N worker processes print to one pipe,
    # and a buffer flushed when full could end in the middle of a line.
    printf = "\tprintf(\"%s\\n\"%s);\n\tfflush(stdout);" % (
        " ".join(fmt), "".join(", " + a for a in args))
    return decls, ends, printf


def final_states(m, prog):
    """brute.py's side: the lines printed by the executions of machine m
    (a brute.Machine of prog), one per reachable state where main stands
    at its last instruction (the return after its local code)."""
    items = spec(prog)
    compiled = m.prog
    code0 = compiled.threads[0].code
    last = len(code0) - 1
    index = []
    for label, kind, where in items:
        if kind == "local":
            t, n = where
            index.append((label, 0, t, compiled.threads[t].local_index[n]))
        elif kind == "atomic":
            index.append((label, 1, None, compiled.atomic_index[where]))
        else:
            index.append((label, 2, None, compiled.plain_index[where]))
    done = finished(prog)
    lines = set()
    seen = {m.init}
    stack = [m.init]
    while stack:
        state = stack.pop()
        main = state[0][0]
        if main[0] == 1 and main[1] == last:            # LIVE, at its end
            for t in done:
                assert state[0][t][0] == 2, "thread %d not finished" % t
            parts = ["R"]
            for label, part, t, i in index:
                v = state[0][t][2][i] if part == 0 else state[part][i]
                parts.append("%s=%d" % (label, v))
            lines.add(" ".join(parts))
        for tr in m.transitions(state):
            if tr.end is None and tr.state not in seen:
                seen.add(tr.state)
                stack.append(tr.state)
    return lines
