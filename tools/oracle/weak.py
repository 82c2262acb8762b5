#!/usr/bin/env python3
"""weak.py - differential check of weft's C11 memory model (src/tsan/weak.c).

Generates small litmus programs: 2 or 3 threads of straight-line C11
atomics (loads, stores, fetch-adds, fences, each with a random memory
order) on 2 or 3 locations.  Enumerates, by brute force and apart from
weft's code, every outcome (the values the loads return) the model
documented in weak.c allows, and asks weft (exhaustive DFS, no bounds)
whether main's assertion that one outcome never happens can fail:

  false-verified  weft says verified, the outcome is reachable
  false-alarm     weft reports a bug, the outcome is unreachable
  weft-failed     no build, no JSON line, another verdict or kind

The outcome asserted against is, by the seed, one that only a load reading
an older store gives (if any), one the model allows, or one it forbids.

The model (weak.c's comment is the reference): every atomic operation and
seq_cst fence is a step of its thread and starts a new epoch of its clock.
A location keeps its stores in order, each with its thread, epoch, release
clock and, for a seq_cst one, its place among the seq_cst stores and
fences (the initial value counts as seq_cst).  Each thread notes, per
location, the newest store it read or wrote and the epoch at which it did.
A load reads the latest store, or, among a thread's first RUNS loads of
the location since its last new store, any store not older than: the
newest one any thread had noted at an epoch the loader's clock covers (or
its seq_cst-fence view, or for a seq_cst load the view of every seq_cst
fence so far), the last seq_cst store before the loader's last seq_cst
fence, and for a seq_cst load the last seq_cst store.  A release store's
release clock is the thread's clock; a relaxed one's joins the clock of
the thread's last release fence with its previous store's there if that
was the thread's own.  A fetch-add reads the latest store; its release
clock joins the one it read with its own.  An acquire load (or fetch-add)
joins the release clock of the store it read; a relaxed one saves it for
the thread's next acquire fence.  An acquire fence joins what was saved;
a release fence starts a new epoch and keeps the clock; a seq_cst fence
also joins the view of all seq_cst fences before it and adds its own.

Usage:
  weak.py --weft-cc build/bin/weft-cc --seeds 0-199 [--jobs 2] [--keep DIR]
          [--weft-options 'split=16 jobs=2'] [--stale-bound K]
  weak.py --weft-cc build/bin/weft-cc --fresh N
  weak.py --show SEED
Exit status: 0 no disagreement, 1 some, 2 usage error.
"""

import argparse
import itertools
import json
import multiprocessing
import os
import random
import shutil
import subprocess

import batch
import buildcache
import check as check_py
import sys
import tempfile

RUNS = 2
ORDERS = {"ld": ["rlx", "rlx", "acq", "sc"],
          "st": ["rlx", "rlx", "rel", "sc"],
          "faa": ["rlx", "acq", "rel", "acq_rel", "sc"],
          "fence": ["acq", "rel", "acq_rel", "sc", "sc"]}
C_ORDER = {"rlx": "memory_order_relaxed", "acq": "memory_order_acquire",
           "rel": "memory_order_release", "acq_rel": "memory_order_acq_rel",
           "sc": "memory_order_seq_cst"}


# ---- programs ---------------------------------------------------------------

def generate(seed):
    """A program: {"nloc": n, "threads": [[op, ...], ...], "nreg": k}."""
    rng = random.Random(seed * 7919 + 17)
    nthreads = rng.choice([2, 2, 3])
    nloc = rng.choice([2, 2, 3])
    nreg = 0
    value = [0] * nloc
    threads = []
    for _ in range(nthreads):
        ops = []
        for k in range(rng.randint(2, 4 if nthreads == 2 else 3)):
            # Stores first and loads after, mostly: the shapes (SB, MP,
            # IRIW, WRC) whose outcomes depend on what a load may see.
            kind = rng.choice(["st", "st", "st", "ld", "faa", "fence"]
                              if k == 0 else
                              ["ld", "ld", "ld", "st", "faa", "fence"])
            loc = rng.randrange(nloc)
            mo = rng.choice(ORDERS[kind])
            if kind == "st":
                value[loc] += 1
                ops.append(["st", loc, value[loc], mo])
            elif kind == "fence":
                ops.append(["fence", mo])
            else:
                ops.append([kind, loc, nreg, mo])
                nreg += 1
        threads.append(ops)
    if nreg == 0:
        threads[0].append(["ld", 0, 0, "rlx"])
        nreg = 1
    return {"seed": seed, "nloc": nloc, "nreg": nreg, "threads": threads}


def emit_c(prog, outcome):
    out = ["#include <assert.h>", "#include <pthread.h>",
           "#include <stdatomic.h>", ""]
    out.append("static atomic_int %s;" % ", ".join(
        "x%d" % i for i in range(prog["nloc"])))
    out.append("static int %s;" % ", ".join(
        "r%d" % i for i in range(prog["nreg"])))
    for t, ops in enumerate(prog["threads"]):
        out += ["", "static void *t%d(void *arg)" % t, "{", "\t(void)arg;"]
        for op in ops:
            if op[0] == "st":
                out.append("\tatomic_store_explicit(&x%d, %d, %s);" %
                           (op[1], op[2], C_ORDER[op[3]]))
            elif op[0] == "ld":
                out.append("\tr%d = atomic_load_explicit(&x%d, %s);" %
                           (op[2], op[1], C_ORDER[op[3]]))
            elif op[0] == "faa":
                out.append("\tr%d = atomic_fetch_add_explicit(&x%d, 10, %s);"
                           % (op[2], op[1], C_ORDER[op[3]]))
            else:
                out.append("\tatomic_thread_fence(%s);" % C_ORDER[op[1]])
        out += ["\treturn NULL;", "}"]
    n = len(prog["threads"])
    out += ["", "int main(void)", "{", "\tpthread_t th[%d];" % n, "",
            "\tfor (int i = 0; i < %d; i++)" % n,
            "\t\tpthread_create(&th[i], NULL, (void *(*)(void *))"
            "(i == 0 ? t0 : %s), NULL);" % (
                "t1" if n == 2 else "i == 1 ? t1 : t2"),
            "\tfor (int i = 0; i < %d; i++)" % n,
            "\t\tpthread_join(th[i], NULL);",
            "\tassert(!(%s));" % " && ".join(
                "r%d == %d" % (i, v) for i, v in enumerate(outcome)),
            "\treturn 0;", "}"]
    return "\n".join(out) + "\n"


# ---- the model ----------------------------------------------------------------

def join(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return tuple(max(x, y) for x, y in zip(a, b))


def outcomes(prog, weak=True, bound=-1):
    """Every tuple of register values the model allows (weak=False: only
    loads of the latest store, the sequentially consistent outcomes;
    bound >= 0: at most that many loads of an older store, --stale-bound)."""
    nt = len(prog["threads"])
    found = set()

    def tick(st, t):
        vc = list(st["vc"][t])
        vc[t] += 1
        st["vc"][t] = tuple(vc)

    def saw(st, loc, t, idx):
        """t read or wrote store idx: its observation, with its epoch."""
        if idx <= st["seen"][loc][t]:
            return
        st["seen"][loc][t] = idx
        obs = [o for o in st["obs"][loc][t] if o[0] != st["vc"][t][t]]
        st["obs"][loc][t] = tuple(obs) + ((st["vc"][t][t], idx),)

    def must_see(st, loc, t, sc):
        """The newest store t must not read below: one seen by any
        thread at an epoch t's clock (or fence view, or for a seq_cst
        load every seq_cst fence's) covers, the last seq_cst store
        before t's last seq_cst fence, the last seq_cst store for a
        seq_cst load."""
        floor = st["seen"][loc][t]
        for u in range(nt):
            if u == t:
                continue
            k = st["vc"][t][u]
            if st["fv"][t] is not None:
                k = max(k, st["fv"][t][u])
            if sc and st["G"] is not None:
                k = max(k, st["G"][u])
            for clk, idx in st["obs"][loc][u]:
                if clk <= k:
                    floor = max(floor, idx)
        h = st["hist"][loc]
        base = st["nst"][loc] - len(h)
        for i in range(len(h) - 1, -1, -1):
            if h[i]["sc"] and (sc or h[i]["seq"] < st["fseq"][t]):
                floor = max(floor, base + i)
                break
        return floor - base

    def took(st, loc, i, t, acquire):
        h = st["hist"][loc]
        saw(st, loc, t, st["nst"][loc] - len(h) + i)
        rel = h[i]["rel"]
        if rel is None:
            return
        if acquire:
            st["vc"][t] = join(st["vc"][t], rel)
        else:
            st["acq"][t] = join(st["acq"][t], rel)

    def append(st, loc, v, t, rel, sc):
        seq = 0
        if sc:
            st["seq"] += 1
            seq = st["seq"]
        st["hist"][loc] = st["hist"][loc] + [
            {"v": v, "tid": t, "clk": st["vc"][t][t], "rel": rel, "sc": sc,
             "seq": seq}]
        saw(st, loc, t, st["nst"][loc])
        st["nst"][loc] += 1

    def copy(st):
        return {"pc": list(st["pc"]), "vc": list(st["vc"]),
                "acq": list(st["acq"]), "frel": list(st["frel"]),
                "fv": list(st["fv"]), "G": st["G"],
                "hist": list(st["hist"]), "nst": list(st["nst"]),
                "seen": [list(s) for s in st["seen"]],
                "obs": [list(s) for s in st["obs"]],
                "fseq": list(st["fseq"]), "seq": st["seq"],
                "at": [list(s) for s in st["at"]],
                "runs": [list(s) for s in st["runs"]],
                "regs": list(st["regs"]), "stale": st["stale"]}

    def step(st, t):
        """The states thread t's next op can lead to."""
        op = prog["threads"][t][st["pc"][t]]
        st["pc"][t] += 1
        kind = op[0]
        if kind == "fence":
            mo = op[1]
            if mo == "sc":
                tick(st, t)
            if mo in ("acq", "acq_rel", "sc") and st["acq"][t] is not None:
                st["vc"][t] = join(st["vc"][t], st["acq"][t])
            if mo in ("rel", "acq_rel", "sc"):
                if mo != "sc":
                    tick(st, t)
                st["frel"][t] = st["vc"][t]
            if mo == "sc":
                st["seq"] += 1
                st["fseq"][t] = st["seq"]
                st["fv"][t] = join(st["fv"][t], st["G"])
                st["G"] = join(st["G"], join(st["vc"][t], st["fv"][t]))
            return [st]
        loc = op[1]
        mo = op[3]
        tick(st, t)
        h = st["hist"][loc]
        if kind == "st":
            if mo in ("rel", "sc"):
                rel = st["vc"][t]
            else:
                rel = join(st["frel"][t],
                           h[-1]["rel"] if h[-1]["tid"] == t else None)
            append(st, loc, op[2], t, rel, mo == "sc")
            return [st]
        acquire = mo in ("acq", "acq_rel", "sc")
        if kind == "faa":
            old = h[-1]["v"]
            took(st, loc, len(h) - 1, t, acquire)
            own = None
            if mo in ("rel", "acq_rel", "sc"):
                own = st["vc"][t]
            elif st["frel"][t] is not None:
                own = st["frel"][t]
            rel = join(h[-1]["rel"], own) if own is not None else h[-1]["rel"]
            append(st, loc, old + 10, t, rel, mo == "sc")
            st["regs"][op[2]] = old
            return [st]
        # a load
        if st["at"][loc][t] != st["nst"][loc]:
            st["at"][loc][t] = st["nst"][loc]
            st["runs"][loc][t] = 0
        cands = [len(h) - 1]
        stale_ok = st["runs"][loc][t] < RUNS
        st["runs"][loc][t] += 1
        if weak and stale_ok and (bound < 0 or st["stale"] < bound):
            lo = min(max(must_see(st, loc, t, mo == "sc"), 0), len(h) - 1)
            cands = list(range(lo, len(h)))
        nexts = []
        for i in cands:
            s2 = copy(st)
            if i != len(h) - 1:
                s2["stale"] += 1
            took(s2, loc, i, t, acquire)
            s2["regs"][op[2]] = h[i]["v"]
            nexts.append(s2)
        return nexts

    def walk(st):
        moved = False
        for t in range(nt):
            if st["pc"][t] < len(prog["threads"][t]):
                moved = True
                for s2 in step(copy(st), t):
                    walk(s2)
        if not moved:
            found.add(tuple(st["regs"]))

    nl = prog["nloc"]
    init = {"pc": [0] * nt, "vc": [tuple([0] * nt)] * nt,
            "acq": [None] * nt, "frel": [None] * nt, "fv": [None] * nt,
            "G": None,
            "hist": [[{"v": 0, "tid": -1, "clk": 0, "rel": None,
                       "sc": True, "seq": 0}] for _ in range(nl)],
            "obs": [[()] * nt for _ in range(nl)],
            "fseq": [0] * nt, "seq": 0,
            "nst": [1] * nl,
            "seen": [[-1] * nt for _ in range(nl)],
            "at": [[-1] * nt for _ in range(nl)],
            "runs": [[0] * nt for _ in range(nl)],
            "regs": [0] * prog["nreg"], "stale": 0}
    walk(init)
    return found


def pick_outcome(prog, rng, bound=-1):
    """The outcome to assert against, and whether the model reaches it."""
    allowed = outcomes(prog, bound=bound)
    sc = outcomes(prog, weak=False)
    weak_only = sorted(allowed - sc)
    domain = [set() for _ in range(prog["nreg"])]
    for o in allowed:
        for i, v in enumerate(o):
            domain[i].add(v)
    forbidden = [o for o in itertools.product(*[sorted(d) for d in domain])
                 if o not in allowed]
    r = rng.random()
    if weak_only and r < 0.45:
        return rng.choice(weak_only), True, allowed, sc
    if forbidden and r < 0.8:
        return rng.choice(forbidden), False, allowed, sc
    return rng.choice(sorted(allowed)), True, allowed, sc


# ---- running weft -------------------------------------------------------------

def prepare(seed, bound):
    """(program, outcome, reachable, C source, the outcome's class)."""
    prog = generate(seed)
    rng = random.Random(seed)
    outcome, reachable, allowed, sc = pick_outcome(prog, rng, bound)
    cls = "weak-only" if outcome not in sc and reachable else \
        "reachable" if reachable else "unreachable"
    return prog, outcome, reachable, emit_c(prog, outcome), cls


def check(seed, weft_cc, keep, extra, bound, cache=None, prepared=None,
          prebuilt=None):
    """(disagreement or None, the outcome's class)."""
    _prog, outcome, reachable, text, cls = prepared or prepare(seed, bound)
    if bound >= 0:
        extra = ("stale-bound=%d " % bound) + extra
    return run_weft(seed, weft_cc, keep, extra, text, outcome,
                    reachable, cache, prebuilt), cls


def run_weft(seed, weft_cc, keep, extra, text, outcome, reachable,
             cache=None, prebuilt=None):
    d = keep or tempfile.mkdtemp(prefix="weftweak")
    src = os.path.join(d, "weak%d.c" % seed)
    exe = os.path.join(d, "weak%d" % seed)
    args = []
    # A program of a batch (never with --keep) needs no file of its own.
    if not prebuilt:
        with open(src, "w") as f:
            f.write(text)
    what = "weak%d (%s %s)" % (seed, "reachable" if reachable else
                               "unreachable", list(outcome))
    if prebuilt:
        # Its batch's binary (batch.py), which the caller removes.
        exe, args = prebuilt[0], [str(prebuilt[1])]
    elif not buildcache.fetch(cache, text, [weft_cc], exe):
        b = subprocess.run([weft_cc, "-o", exe, src], capture_output=True,
                           text=True)
        if b.returncode:
            return "%s: weft-failed: build: %s" % (what,
                                                   b.stderr.strip()[:300])
        buildcache.store(cache, text, [weft_cc], exe)
    env = dict(os.environ)
    env["WEFT_OPTIONS"] = ("format=json strategy=dfs "
                           "preemption-bound=unbounded fair-bound=unbounded "
                           "iterations=200000 time-limit=60 " + extra)
    r = subprocess.run([exe] + args, capture_output=True, text=True,
                       env=env)
    line = next((l for l in r.stdout.splitlines() if l.startswith("{")),
                None)
    if not keep:
        if not prebuilt:
            os.unlink(src)
            os.unlink(exe)
        os.rmdir(d)
    if not line:
        return "%s: weft-failed: no JSON line (exit %d): %s" % (
            what, r.returncode, r.stderr.strip()[:300])
    v = json.loads(line)
    if v["verdict"] == "verified" and reachable:
        return "%s: false-verified: %d executions" % (what, v["executions"])
    if v["verdict"] == "bug" and not reachable:
        return "%s: false-alarm: %s" % (what, v["kind"])
    if v["verdict"] not in ("verified", "bug") or \
            (v["verdict"] == "bug" and v["kind"] != "assertion"):
        return "%s: weft-failed: %s %s" % (what, v["verdict"], v["kind"])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weft-cc")
    ap.add_argument("--seeds", default="0-199",
                    help="seeds: 0-199 or 5,7,9 or a mix")
    ap.add_argument("--fresh", type=int,
                    help="N seeds from a random base (printed)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep")
    ap.add_argument("--cache", help="reuse the programs built by earlier "
                    "runs with the same DIR (buildcache.py)")
    ap.add_argument("--show", type=int)
    ap.add_argument("--stale-bound", type=int, default=-1,
                    help="the model and weft both at --stale-bound=K")
    ap.add_argument("--weft-options", default="",
                    help="more WEFT_OPTIONS, e.g. 'split=16 jobs=2'")
    a = ap.parse_args()
    if a.show is not None:
        prog = generate(a.show)
        outcome, reachable, allowed, sc = pick_outcome(
            prog, random.Random(a.show))
        print(emit_c(prog, outcome), end="")
        print("// outcomes allowed: %s" % sorted(allowed))
        print("// sequentially consistent: %s" % sorted(sc))
        print("// asserted against: %s (%s)" % (
            list(outcome), "reachable" if reachable else "unreachable"))
        return 0
    if not a.weft_cc:
        ap.error("--weft-cc is needed")
    if a.fresh:
        base = random.SystemRandom().randrange(10**6, 10**9)
        print("weak.py: fresh seeds %d-%d (rerun one with --show SEED)" %
              (base, base + a.fresh - 1), flush=True)
        seeds = range(base, base + a.fresh)
    else:
        seeds = check_py.parse_seeds(a.seeds)  # '0-199', '5,7' or a mix
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
    with multiprocessing.Pool(a.jobs) as pool:
        # The programs first, then their builds several to a binary
        # (batch.py), then the runs; a program kept for inspection
        # (--keep), or one whose batch did not build, is built alone.
        prepared = pool.starmap(prepare, [(s, a.stale_bound) for s in seeds])
        built = {}
        bdir = tempfile.mkdtemp(prefix="weftweak-batch")
        try:
            if not a.keep and len(prepared) > 1:
                built = batch.build(pool, [a.weft_cc], bdir,
                                    [p[3] for p in prepared], a.cache)
            res = pool.starmap(check, [
                (s, a.weft_cc, a.keep, a.weft_options, a.stale_bound,
                 a.cache, p, built.get(p[3]))
                for s, p in zip(seeds, prepared)])
        finally:
            shutil.rmtree(bdir, ignore_errors=True)
    bad = [r for r, _ in res if r]
    for r in bad:
        print(r)
    count = {c: sum(1 for _, k in res if k == c)
             for c in ("weak-only", "reachable", "unreachable")}
    print("weak.py: %d programs (outcome reachable only by reading an older "
          "store: %d, reachable: %d, unreachable: %d), %d disagreements" % (
              len(res), count["weak-only"], count["reachable"],
              count["unreachable"], len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
