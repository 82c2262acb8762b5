#!/usr/bin/env python3
"""Checks that a program built in a batch (batch.py) is explored as the
same program built alone: the same verdict, bug kind, executions, pruned
and redundant executions, steps and limit for every run the oracles make
of it (check.py: unbounded and at preemption bounds 0, 1 and 2; weak.py:
its one run).  The sample takes, from check.py's seeds 0-299, the first
PER programs of every batch kind (batch.kind: SV-COMP hooks, detach,
cancel), and weak.py's seeds 0 to WEAK-1.

    batch_check.py --weft-cc build/bin/weft-cc [--per 3] [--weak 16] [--jobs 2]

Exit status 0 when every run agrees, 1 otherwise (each difference printed).
"""

import argparse
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import batch  # noqa: E402
import brute  # noqa: E402
import check  # noqa: E402
import weak  # noqa: E402

FIELDS = ("verdict", "kind", "executions", "pruned", "redundant",
          "total_steps", "limited")
WEAK_OPTIONS = ("format=json strategy=dfs preemption-bound=unbounded "
                "fair-bound=unbounded iterations=200000 time-limit=60")


def sample(per):
    """check.py's seeds and their sources: the first `per` of every batch
    kind."""
    taken, picked = {}, []
    for s in range(300):
        src = check.seed_item(s).source
        k = batch.kind(src)
        if taken.get(k, 0) < per:
            taken[k] = taken.get(k, 0) + 1
            picked.append((s, src))
    return picked


def runs(task):
    """The oracle's runs of one program, as tuples of FIELDS."""
    what, key, binary, args, opts = task
    out = []
    if what == "check":
        item = check.seed_item(key)
        truth = brute.analyse(item.prog)
        options = [check.weft_options(b, truth, opts)
                   for b in ("unbounded", 0, 1, 2)]
    else:
        options = [WEAK_OPTIONS]
    for o in options:
        res, err = check.run_weft(binary, o, args)
        out.append(tuple(res.get(f) for f in FIELDS) if res else err)
    return out


def build_alone(task):
    """Builds one program by itself, with the oracle's command for it."""
    command, workdir, name, source = task
    src, exe = os.path.join(workdir, name + ".c"), os.path.join(workdir, name)
    with open(src, "w") as f:
        f.write(source)
    subprocess.run(command + [src, "-o", exe], check=True)
    return exe


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weft-cc", required=True)
    ap.add_argument("--per", type=int, default=3)
    ap.add_argument("--weak", type=int, default=16)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    wd = tempfile.mkdtemp(prefix="weft-batch-check-")
    opts = {"time_limit": 60, "budget_factor": 4}
    progs = [("check", s, src) for s, src in sample(a.per)]
    progs += [("weak", s, weak.prepare(s, -1)[3]) for s in range(a.weak)]
    try:
        with multiprocessing.Pool(a.jobs) as pool:
            # The commands check.py and weak.py build with.
            cmds = {"check": [a.weft_cc, "-O1"], "weak": [a.weft_cc]}
            built = {}
            for what, cmd in cmds.items():
                built.update(batch.build(
                    pool, cmd, wd, [p[2] for p in progs if p[0] == what]))
            alone = pool.map(build_alone, [
                (cmds[what], wd, "%s%d" % (what, key), src)
                for what, key, src in progs])
            tasks_b, tasks_a = [], []
            for (what, key, src), exe in zip(progs, alone):
                if src not in built:
                    print("%s %d: its batch did not build" % (what, key))
                    return 1
                b_exe, idx = built[src]
                tasks_b.append((what, key, b_exe, [str(idx)], opts))
                tasks_a.append((what, key, exe, [], opts))
            in_batch = pool.map(runs, tasks_b)
            by_itself = pool.map(runs, tasks_a)
    finally:
        shutil.rmtree(wd, ignore_errors=True)
    bad = 0
    for (what, key, _src), x, y in zip(progs, in_batch, by_itself):
        if x != y:
            bad += 1
            print("%s %d: in a batch %s, alone %s" % (what, key, x, y))
    print("batch_check: %d programs (%d kinds), %d differ"
          % (len(progs), len({batch.kind(p[2]) for p in progs}), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
