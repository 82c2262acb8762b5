#!/usr/bin/env python3
"""check.py - differential soundness check of weft against brute.py.

For every seed: generate a program (gen.py), compute its ground truth by
exhaustive enumeration (brute.py), build it with weft-cc, run weft's
exhaustive DFS on it without bounds, and report every disagreement:

  false-verified  weft says verified, a bug is reachable (the worst)
  false-alarm     weft reports a bug of a kind that is unreachable, or
                  lists a data-race finding the oracle cannot reach
  lock-order      weft reports a lock-order cycle, and neither a deadlock nor
                  a state of threads waiting for each other's locks is reachable
  few-executions  verified with fewer executions than the program has
                  distinct reads-from outcomes (some outcome was skipped)
  count           verified, program of atomics only, fewer executions than
                  Mazurkiewicz traces (more is noted as `redundant`, a
                  loss of optimality, not a disagreement)
  skipped-outcome (--outcomes) verified, but a final state some interleaving
                  reaches was printed by no execution of weft's search
  impossible-outcome (--outcomes) weft printed a final state no
                  interleaving reaches
  bound           (--bound-checks) a bug reachable within K preemptions,
                  but weft at --preemption-bound=K reports none
  weft-failed     no build, a crash, no JSON line, an exit status that
                  does not match the verdict, an unknown verdict, or
                  verdict "pass" (exhaustive search did not finish)
  oracle          a fixed case whose ground truth is not the one its file
                  states (the oracle itself is wrong, or the case)
  oracle-error    the generator or the oracle raised (a bug in this tool)

Usage:
  check.py --weft-cc build/bin/weft-cc --seeds 0-299 [--jobs 2]
           [--keep DIR] [--bound-checks] [--outcomes]
  check.py --weft-cc ... --fresh N            N seeds from a random base
  check.py --weft-cc ... --seed-base B --count N
  check.py --weft-cc ... --cases              the fixed cases in cases/
  check.py --show SEED [--weft-cc ...]        one program, its ground truth
                                              and (if weft-cc exists) weft's
  check.py --write-cases                      regenerate cases/*.c

Exit status: 0 no disagreement, 1 some disagreement, 2 usage error.
"""

import argparse
import glob
import json
import multiprocessing
import os
import random
import shutil
import subprocess

import batch
import buildcache
import sys
import tempfile
import textwrap
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import brute  # noqa: E402
import gen    # noqa: E402
import gen_kernel  # noqa: E402
import outcomes  # noqa: E402

CASES_DIR = os.path.join(HERE, "cases")
DEADLOCK = brute.DEADLOCK
DATA_RACE = brute.DATA_RACE
BASE_OPTIONS = "format=json strategy=dfs fair-bound=unbounded"
RUN_TIMEOUT = 120          # seconds for one weft run, a little over time-limit
# weft's execution budget is this many times the oracle's number of
# maximal executions (plus a floor): an exhaustive search of a program
# needs at most about that many even without any reduction, so a search
# still going beyond it will not finish, and waiting for the time limit
# would only make the check slow.  --budget-factor 0 gives iterations=0.
BUDGET_FACTOR = 20
BUDGET_FLOOR = 20_000
CATEGORIES = ["false-verified", "false-alarm", "lock-order", "few-executions",
              "count", "skipped-outcome", "impossible-outcome", "bound", "weft-failed", "oracle", "oracle-error"]
# Observations that are no disagreement: more executions than traces is a
# loss of optimality (weft's reduction is exact except for steps whose
# access depends on the state, such as compare-exchange), never of
# soundness.
NOTES = ["redundant"]
VERDICT_ORDER = ["verified", "bug", "pass"]


# ----------------------------------------------------------------------
# Work items: a generated seed or a fixed case
# ----------------------------------------------------------------------

class Item:
    """One program to check: its name, description, C source and, for a
    fixed case, the ground truth it is expected to have."""

    def __init__(self, name, prog, source, expect=None):
        self.name, self.prog, self.source, self.expect = name, prog, source, expect


def seed_item(seed, kernel=False):
    """The generated program for a seed (with `kernel`, gen_kernel.py's
    kernel-style program for it)."""
    if kernel:
        prog = gen_kernel.generate(seed)
        return Item("kernel seed %d" % seed, prog, gen_kernel.emit_c(prog))
    prog = gen.generate(seed)
    return Item("seed %d" % seed, prog, gen.emit_c(prog))


def cc_command(weft_cc, prog):
    """How a program is compiled: a kernel-style one against weft's
    kernel header tree."""
    if prog.get("flavour") == "linux":
        return [weft_cc, "--kernel=linux", "-O1"]
    return [weft_cc, "-O1"]


def load_case(path):
    """A fixed case: NAME.json holds the description and the expected
    ground truth; NAME.c is its C, emitted from the description (kept in
    the tree so it can be read and compiled by hand)."""
    with open(path) as f:
        case = json.load(f)
    name = os.path.splitext(os.path.basename(path))[0]
    return name, case


def case_source(name, case):
    """A case's C: its description as a comment, then the program."""
    text = textwrap.fill("%s: %s" % (name, case["description"]), 72,
                         initial_indent=" * ", subsequent_indent=" * ")
    header = "/* weft oracle case (generated from %s.json by check.py --write-cases)\n" \
        " *\n%s */\n" % (name, text)
    return header + gen.emit_c(case["program"])


def case_item(path):
    """A fixed case, after checking its .c file is the one its description
    emits."""
    name, case = load_case(path)
    c_path = os.path.splitext(path)[0] + ".c"
    source = case_source(name, case)
    with open(c_path) as f:
        if f.read() != source:
            raise ValueError("%s is stale; run check.py --write-cases" % c_path)
    return Item("case " + name, case["program"], source, case["expect"])


def write_cases():
    """--write-cases: emit every case's C from its description."""
    for path in sorted(glob.glob(os.path.join(CASES_DIR, "*.json"))):
        name, case = load_case(path)
        with open(os.path.splitext(path)[0] + ".c", "w") as f:
            f.write(case_source(name, case))
        print("wrote", os.path.splitext(path)[0] + ".c")


# ----------------------------------------------------------------------
# Running weft
# ----------------------------------------------------------------------

def build(cc, workdir, stem, source, cache=None):
    """Writes and compiles the program with the command cc (cc_command)
    or takes it from the cache; returns (binary, error)."""
    c_path = os.path.join(workdir, stem + ".c")
    binary = os.path.join(workdir, stem)
    with open(c_path, "w") as f:
        f.write(source)
    if buildcache.fetch(cache, source, cc, binary):
        return binary, None
    try:
        p = subprocess.run(cc + [c_path, "-o", binary],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
    except OSError as e:
        return None, "weft-cc could not run: %s" % e
    if p.returncode != 0:
        lines = p.stdout.strip().splitlines() or ["status %d" % p.returncode]
        first_error = next((l for l in lines if "error" in l), lines[-1])
        return None, "weft-cc failed: " + first_error
    buildcache.store(cache, source, cc, binary)
    return binary, None


def weft_options(bound, truth, opts):
    """WEFT_OPTIONS for one run: DFS, no fairness bound, the given
    preemption bound, and a budget derived from the ground truth."""
    factor = opts["budget_factor"]
    iterations = 0 if factor == 0 else max(BUDGET_FLOOR, factor * truth["executions"])
    return "%s preemption-bound=%s iterations=%d time-limit=%g %s" % (
        BASE_OPTIONS, bound, iterations, opts["time_limit"],
        opts.get("weft_options") or "")


def run_weft(binary, options, args=(), show_output=False):
    """Runs the program under weft with WEFT_OPTIONS=options (and args: a
    batch's index, batch.py); returns (result dict, error).  With
    show_output, every execution prints (WEFT_SHOW_OUTPUT=1: on stderr,
    under format=json) and the result's "printed" is the set of final
    state lines (`R ...`, outcomes.py) they printed."""
    env = dict(os.environ)
    env["WEFT_OPTIONS"] = options
    env.pop("WEFT_SHOW_OUTPUT", None)
    if show_output:
        env["WEFT_SHOW_OUTPUT"] = "1"
    try:
        p = subprocess.run([binary] + list(args), env=env,
                           stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True,
                           timeout=RUN_TIMEOUT, cwd=os.path.dirname(binary))
    except subprocess.TimeoutExpired:
        return None, "no answer within %d s" % RUN_TIMEOUT
    except OSError as e:
        return None, "could not run the program: %s" % e
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    if not lines:
        tail = (p.stderr.strip().splitlines() or ["(nothing on stderr)"])[-1]
        return None, "exit status %d, no JSON line: %s" % (p.returncode, tail)
    try:
        res = json.loads(lines[-1])
    except ValueError:
        return None, "unparsable JSON line: %s" % lines[-1][:200]
    if show_output:
        res["printed"] = {l.rstrip() for l in p.stderr.splitlines()
                          if l == "R" or l.startswith("R ")}
    verdict = res.get("verdict")
    expected_status = {"verified": 0, "pass": 0, "bug": 1}.get(verdict)
    if expected_status is None:
        return res, "unknown verdict %r" % verdict
    if p.returncode != expected_status:
        return res, "exit status %d with verdict %s" % (p.returncode, verdict)
    return res, None


# ----------------------------------------------------------------------
# Comparison
# ----------------------------------------------------------------------

def describe_bugs(bugs):
    """'assertion (min 1 preemption), deadlock (min 0 preemptions)'."""
    if not bugs:
        return "no bug"
    return ", ".join("%s (min %d preemption%s)" % (k, n, "" if n == 1 else "s")
                     for k, n in sorted(bugs.items()))


def one_line(text, limit=120):
    """A message from weft squeezed onto one line of a report."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def kind_reachable(kind, bugs, lock_cycle=False):
    """Whether weft's bug kind is one the oracle can reach.  weft's
    `lock-order` (a cycle in the lock graph, reported even from executions
    that did not hang) stands for a deadlock, so it agrees with a reachable
    deadlock, or with a reachable state where threads wait for each
    other's locks in a cycle while the process can still end past them."""
    if kind == "lock-order":
        return DEADLOCK in bugs or lock_cycle
    return kind in bugs


def alarm_category(kind):
    """A lock-order report without a reachable deadlock gets a category of
    its own: lockdep-style reports of inverted orders that cannot deadlock
    (serialised by create/join) are weft's design, while an edge made by a
    trylock is not; either way it needs a human, but it is not a claim
    that a deadlock happens."""
    return "lock-order" if kind == "lock-order" else "false-alarm"


def race_findings(truth, res, what="weft"):
    """A data race among weft's findings (which need not be the verdict's
    kind: a search goes on after a race to its consequences) that the
    oracle cannot reach is a false alarm too."""
    if DATA_RACE in truth["bugs"] or res.get("kind") == DATA_RACE:
        return []
    for f in res.get("findings") or []:
        if isinstance(f, dict) and f.get("kind") == DATA_RACE:
            return [("false-alarm", "%s: finding data-race: %s; oracle: %s"
                     % (what, one_line(f.get("message")), describe_bugs(truth["bugs"])))]
    return []


def compare(truth, res):
    """Disagreements between the oracle's truth and weft's unbounded run,
    as (category, reason) pairs."""
    out = race_findings(truth, res)
    bugs = truth["bugs"]
    verdict, kind, execs = res.get("verdict"), res.get("kind"), res.get("executions")
    if verdict == "verified":
        if bugs:
            out.append(("false-verified", "weft verified (%s executions), oracle: %s"
                        % (execs, describe_bugs(bugs))))
        elif not isinstance(execs, int):
            out.append(("weft-failed", "verified without an executions count"))
        else:
            if execs < truth["rf_outcomes"]:
                out.append(("few-executions",
                            "weft verified with %d executions < %d reads-from outcomes"
                            % (execs, truth["rf_outcomes"])))
            if truth["traces"] is not None and execs < truth["traces"]:
                out.append(("count", "weft verified with %d executions, %d Mazurkiewicz traces"
                            % (execs, truth["traces"])))
            elif truth["traces"] is not None and execs > truth["traces"]:
                out.append(("redundant", "weft verified with %d executions, %d Mazurkiewicz traces"
                            % (execs, truth["traces"])))
    elif verdict == "bug":
        if not kind_reachable(kind, bugs, truth.get("lock_cycle")):
            out.append((alarm_category(kind), "weft: bug (%s): %s; oracle: %s"
                        % (kind, one_line(res.get("message")), describe_bugs(bugs))))
    elif verdict == "pass":
        out.append(("weft-failed", "verdict pass: exhaustive search did not finish "
                    "(%s executions; the oracle has %d maximal executions)"
                    % (execs, truth["executions"])))
    return out


def compare_outcomes(truth, res):
    """--outcomes: a verified exhaustive search runs an execution of every
    trace, and executions of one trace end in one state, so weft's printed
    final states must be exactly those the oracle reaches."""
    if res.get("verdict") != "verified":
        return []
    want, got = set(truth["outcomes"]), res.get("printed", set())
    out = []
    missing, extra = sorted(want - got), sorted(got - want)
    if missing:
        out.append(("skipped-outcome", "weft verified (%s executions) and printed "
                    "%d of the %d final states; never: %s"
                    % (res.get("executions"), len(want & got), len(want),
                       " | ".join(missing[:3]) + (" ..." if len(missing) > 3 else ""))))
    if extra:
        out.append(("impossible-outcome", "weft printed %d final state(s) no "
                    "interleaving reaches: %s"
                    % (len(extra), " | ".join(extra[:3]) + (" ..." if len(extra) > 3 else ""))))
    return out


def compare_bounded(truth, k, res):
    """With --preemption-bound=k weft must find a bug the oracle reaches
    within k preemptions (and never one of an unreachable kind)."""
    bugs = truth["bugs"]
    within = {kind: n for kind, n in bugs.items() if n <= k}
    verdict, kind = res.get("verdict"), res.get("kind")
    if within and verdict != "bug":
        return [("bound", "preemption-bound=%d: weft %s, oracle: %s"
                 % (k, verdict, describe_bugs(within)))]
    if verdict == "bug" and not kind_reachable(kind, bugs, truth.get("lock_cycle")):
        return [(alarm_category(kind), "preemption-bound=%d: weft: bug (%s); oracle: %s"
                 % (k, kind, describe_bugs(bugs)))]
    return race_findings(truth, res, "preemption-bound=%d" % k)


def compare_expected(truth, expect):
    """A fixed case's ground truth must be what its file says: this checks
    the oracle itself on cases whose answer is known by hand."""
    out = []
    for key, want in sorted(expect.items()):
        got = truth.get(key)
        if key == "bugs":
            got = sorted(truth["bugs"])
        elif key == "min_preemptions":
            got = truth["bugs"]
        if got != want:
            out.append(("oracle", "expected %s = %r, oracle computed %r"
                        % (key, want, got)))
    return out


# ----------------------------------------------------------------------
# One item, start to end (runs in a worker process)
# ----------------------------------------------------------------------

def run_source(item, opts):
    """The C that is built: the item's own, or with --outcomes the same
    program printing its final state (outcomes.py)."""
    if opts.get("outcomes"):
        return gen.emit_c(item.prog, outcomes=True)
    return item.source


def check_item(task):
    """Generates (or loads), analyses, builds and runs one program.
    Returns a result record; never raises (an exception becomes a
    disagreement of its own so the run goes on)."""
    kind, key, opts, item, prebuilt = task
    rec = {"name": "%s %s" % (kind, key), "truth": None, "weft": None,
           "disagreements": []}
    try:
        if item is None:
            item = seed_item(key, opts.get("kernel")) if kind == "seed" \
                else case_item(key)
        rec["name"] = item.name
        rec["truth"] = brute.analyse(item.prog)
        if opts.get("outcomes"):
            rec["truth"]["outcomes"] = sorted(outcomes.final_states(
                brute.Machine(item.prog), item.prog))
        if item.expect is not None:
            rec["disagreements"] += compare_expected(rec["truth"], item.expect)
        if opts["weft_cc"]:
            run_item(item, rec, opts, prebuilt)
    except Exception as e:  # noqa: BLE001 - reported, not swallowed
        rec["disagreements"].append(("oracle-error", "%s: %s" % (type(e).__name__, e)))
    return rec


def run_item(item, rec, opts, prebuilt=None):
    """Builds item with weft-cc (unless prebuilt holds its batch's binary
    and its index there), runs weft unbounded (and with bounds 0, 1, 2 for
    --bound-checks) and records weft's answer and the disagreements in
    rec."""
    truth = rec["truth"]
    stem = item.name.replace(" ", "_")
    if opts["keep"]:
        with open(os.path.join(opts["workdir"], stem + ".json"), "w") as f:
            json.dump(item.prog, f, indent=1)
    args = ()
    if prebuilt:
        binary, args = prebuilt[0], (str(prebuilt[1]),)
    else:
        binary, err = build(cc_command(opts["weft_cc"], item.prog),
                            opts["workdir"], stem, run_source(item, opts),
                            opts.get("cache"))
        if err:
            rec["disagreements"].append(("weft-failed", err))
            return
    res, err = run_weft(binary, weft_options("unbounded", truth, opts), args,
                        show_output=opts.get("outcomes"))
    rec["weft"] = res
    if err:
        rec["disagreements"].append(("weft-failed", err))
    else:
        found = compare(truth, res)
        if opts.get("outcomes") and res.get("verdict") == "verified":
            found += compare_outcomes(truth, res)
            rec["outcomes_compared"] = len(truth["outcomes"])
        rec["notes"] = [d for d in found if d[0] in NOTES]
        rec["disagreements"] += [d for d in found if d[0] not in NOTES]
    if res and not opts["keep"]:
        res.pop("printed", None)        # large; only --show prints it
    if opts["bound_checks"]:
        for k in (0, 1, 2):
            res_k, err = run_weft(binary, weft_options(k, truth, opts), args)
            if err:
                rec["disagreements"].append(("weft-failed", "bound %d: %s" % (k, err)))
            else:
                rec["disagreements"] += compare_bounded(truth, k, res_k)
    if not opts["keep"] and not prebuilt:
        for path in (binary, binary + ".c"):
            if os.path.exists(path):
                os.unlink(path)


# ----------------------------------------------------------------------
# Reporting
# ----------------------------------------------------------------------

def summarise(records, seconds):
    """The final line: programs, disagreements, weft's verdicts, the
    oracle's view and the count per category."""
    n_dis = sum(1 for r in records if r["disagreements"])
    verdicts = {}
    for r in records:
        v = (r["weft"] or {}).get("verdict", "none")
        verdicts[v] = verdicts.get(v, 0) + 1
    buggy = sum(1 for r in records if r["truth"] and r["truth"]["bugs"])
    cats = {}
    for r in records:
        for c in sorted({c for c, _ in r["disagreements"]}):
            cats[c] = cats.get(c, 0) + 1
    order = sorted(verdicts, key=lambda v: (VERDICT_ORDER + [v]).index(v))
    parts = ["weft: " + " / ".join("%s %d" % (v, verdicts[v]) for v in order),
             "oracle: buggy %d / correct %d" % (buggy, len(records) - buggy)]
    if cats:
        parts.append(", ".join("%s %d" % (c, cats[c]) for c in sorted(
            cats, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else 99)))
    compared = [r for r in records if r.get("outcomes_compared") is not None]
    if compared:
        parts.append("outcomes: %d verified programs compared, %d final states"
                     % (len(compared), sum(r["outcomes_compared"] for r in compared)))
    notes = sum(1 for r in records if r.get("notes"))
    if notes:
        parts.append("notes: redundant %d (more executions than traces)" % notes)
    return "oracle: %d programs, %d disagreements (%s) in %.1f s" % (
        len(records), n_dis, "; ".join(parts), seconds)


def print_record(rec):
    """One line per disagreement, as soon as the item is done."""
    for cat, reason in rec["disagreements"]:
        print("%s: %s: %s" % (rec["name"], cat, one_line(reason, 400)), flush=True)
    for cat, reason in rec.get("notes", []):
        print("%s: note: %s: %s" % (rec["name"], cat, one_line(reason, 400)), flush=True)


# ----------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------

def parse_seeds(text):
    """'0-299', '5,7,9' or a mix: '0-9,42'."""
    seeds = []
    for part in text.split(","):
        if "-" in part.strip("-"):
            lo, hi = part.split("-", 1)
            seeds += range(int(lo), int(hi) + 1)
        else:
            seeds.append(int(part))
    return seeds


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="check.py", description="Differential soundness check of weft.")
    ap.add_argument("--weft-cc", help="path to weft-cc (default: build/bin/weft-cc)")
    seeds = ap.add_mutually_exclusive_group()
    seeds.add_argument("--seeds", help="seeds: 0-299 or 1,2,5 or a mix")
    seeds.add_argument("--fresh", type=int, metavar="N",
                       help="N seeds from a random base (printed first)")
    seeds.add_argument("--count", type=int, metavar="N",
                       help="N seeds from --seed-base")
    seeds.add_argument("--show", type=int, metavar="SEED", help="explain one seed")
    seeds.add_argument("--write-cases", action="store_true",
                       help="regenerate cases/*.c from cases/*.json")
    ap.add_argument("--cases", action="store_true",
                    help="the fixed cases in cases/ (with or without seeds)")
    ap.add_argument("--seed-base", type=int, default=0)
    ap.add_argument("--weft-options", default="",
                    help="more WEFT_OPTIONS words for every run (e.g. "
                         "'jobs=2 split=16' to check the divided search)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", metavar="DIR", help="build in DIR and keep everything")
    ap.add_argument("--cache", metavar="DIR",
                    help="reuse the programs built by earlier runs with the "
                    "same DIR (tools/oracle/buildcache.py)")
    ap.add_argument("--bound-checks", action="store_true",
                    help="also run with preemption bounds 0, 1 and 2")
    ap.add_argument("--outcomes", action="store_true",
                    help="also compare the final states weft's executions "
                    "print with those every interleaving reaches "
                    "(outcomes.py)")
    ap.add_argument("--time-limit", type=float, default=60,
                    help="weft's time-limit option per run (default 60)")
    ap.add_argument("--budget-factor", type=int, default=BUDGET_FACTOR,
                    help="weft's iterations = this x the oracle's executions "
                    "(at least %d); 0: iterations=0, no budget" % BUDGET_FLOOR)
    ap.add_argument("--oracle-only", action="store_true",
                    help="compute the ground truth only, do not run weft")
    ap.add_argument("--kernel", action="store_true",
                    help="the seeds' kernel-style programs (gen_kernel.py: "
                    "weft's Linux models) instead of their pthread ones")
    args = ap.parse_args(argv)
    if not (args.seeds or args.fresh or args.count or args.cases
            or args.show is not None or args.write_cases):
        ap.error("say what to check: --seeds, --fresh, --count, --cases or --show")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    if args.kernel and args.outcomes:
        ap.error("--outcomes has no kernel form yet (gen_kernel.py prints nothing)")
    return args


def resolve_weft_cc(args, required):
    """The absolute path of weft-cc, or None when weft is not to be run
    (--oracle-only, or --show without a weft-cc)."""
    if args.oracle_only:
        return None
    path = args.weft_cc or os.path.join(ROOT, "build", "bin", "weft-cc")
    if not os.access(path, os.X_OK):
        if required:
            print("check.py: %s is not an executable weft-cc "
                  "(run make all, or pass --weft-cc)" % path, file=sys.stderr)
            sys.exit(2)
        return None
    return os.path.abspath(path)


def show(args):
    """--show SEED: the program, its ground truth, weft's answer."""
    item = seed_item(args.show, args.kernel)
    print(gen.emit_c(item.prog, outcomes=True) if args.outcomes else item.source)
    truth = brute.analyse(item.prog)
    print("/* oracle: %s" % describe_bugs(truth["bugs"]))
    print("   %(executions)d maximal executions, %(rf_outcomes)d reads-from "
          "outcomes, Mazurkiewicz traces: %(traces)s, %(states)d states */" % truth)
    if args.outcomes:
        finals = sorted(outcomes.final_states(brute.Machine(item.prog), item.prog))
        print("/* oracle: %d final states:\n%s */" % (len(finals), "\n".join(
            "   " + l for l in finals)))
    weft_cc = resolve_weft_cc(args, required=False)
    if not weft_cc:
        return 0
    workdir = args.keep or tempfile.mkdtemp(prefix="weft-oracle-")
    os.makedirs(workdir, exist_ok=True)
    rec = check_item(("seed", args.show, run_opts(args, weft_cc, workdir,
                                                   keep=True), None, None))
    print("/* weft: %s */" % json.dumps({k: v for k, v in (rec["weft"] or {}).items()
                                         if k not in ("trace", "findings", "printed")}))
    if args.outcomes and rec["weft"] and "printed" in rec["weft"]:
        printed = sorted(rec["weft"]["printed"])
        print("/* weft printed %d final states:\n%s */" % (len(printed), "\n".join(
            "   " + l for l in printed)))
    print("/* built in %s */" % workdir)
    print_record(rec)
    return 1 if rec["disagreements"] else 0


def run_opts(args, weft_cc, workdir, keep):
    """What every worker needs to know about this run."""
    return {"weft_cc": weft_cc, "workdir": workdir, "keep": keep,
            "bound_checks": args.bound_checks, "time_limit": args.time_limit,
            "budget_factor": args.budget_factor,
            "weft_options": args.weft_options, "cache": args.cache,
            "outcomes": args.outcomes, "kernel": args.kernel}


def tasks_for(args):
    """The fixed cases (with --cases), then the seeds asked for."""
    tasks = []
    if args.cases:
        tasks += [("case", p) for p in sorted(glob.glob(os.path.join(CASES_DIR, "*.json")))]
    seeds = []
    if args.seeds:
        seeds = parse_seeds(args.seeds)
    elif args.fresh:
        base = random.SystemRandom().randrange(10**6, 10**9)
        print("oracle: fresh seeds %d-%d (rerun one with --show SEED)"
              % (base, base + args.fresh - 1), flush=True)
        seeds = range(base, base + args.fresh)
    elif args.count:
        seeds = range(args.seed_base, args.seed_base + args.count)
    return tasks + [("seed", s) for s in seeds]


def made_item(kind, key):
    """A task's program, or None if it cannot be made (check_item then
    makes it again and reports why)."""
    try:
        return seed_item(key) if kind == "seed" else case_item(key)
    except Exception:  # noqa: BLE001 - check_item reports it
        return None


def with_batches(pool, kinds_keys, opts):
    """The tasks, each with its program (made here for its batch) and its
    place in a batch built by the pool (batch.py); a program kept for
    inspection (--keep), or one whose batch did not build, is built alone
    by check_item."""
    # Kernel-style programs are built one by one: batch.py renames the
    # names of gen.py's C, not those a kernel macro (DEFINE_MUTEX) defines.
    if not (opts["weft_cc"] and not opts["keep"] and len(kinds_keys) > 1) \
            or opts.get("kernel"):
        return [(kind, key, opts, None, None) for kind, key in kinds_keys]
    items = [made_item(*kk) for kk in kinds_keys]
    built = batch.build(pool, [opts["weft_cc"], "-O1"], opts["workdir"],
                        [run_source(i, opts) for i in items if i],
                        opts.get("cache"))
    return [(kind, key, opts, item, item and built.get(run_source(item, opts)))
            for (kind, key), item in zip(kinds_keys, items)]


def main(argv):
    args = parse_args(argv)
    if args.write_cases:
        write_cases()
        return 0
    if args.show is not None:
        return show(args)
    weft_cc = resolve_weft_cc(args, required=not args.oracle_only)
    workdir = args.keep or tempfile.mkdtemp(prefix="weft-oracle-")
    os.makedirs(workdir, exist_ok=True)
    opts = run_opts(args, weft_cc, workdir, keep=bool(args.keep))
    start = time.time()
    records = []
    try:
        with multiprocessing.Pool(args.jobs) as pool:
            tasks = with_batches(pool, tasks_for(args), opts)
            for rec in pool.imap(check_item, tasks):
                print_record(rec)
                records.append(rec)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(summarise(records, time.time() - start))
    return 1 if any(r["disagreements"] for r in records) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
