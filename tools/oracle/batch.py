"""Many oracle programs built into one binary.

A build by weft-cc costs about 0.2 s of processor time on a machine where
starting a process is slow: the compiler's and the linker's start, the
system headers parsed again for every program, the link.  The oracles of
`make test` build about 530 small programs, so that was most of their time.
Here the programs of a batch become one translation unit: the headers once,
then each program with its file-scope names (globals, functions, main)
renamed to names of its own by macros, then a main that runs the program
its first argument names.  Under weft each run of the binary explores that
program's main alone, as it would the program built by itself: the other
programs' code is never called and their globals are never touched.

The renaming is textual, for the generators' own output (gen.py and
weak.py): every file-scope declaration starts at column 0, and an extern
declaration (the same in every program) is kept once, at the top.  A
batch that does not build is built again program by program by its
caller, so an error is still reported against the program that has it.

Whether a batched program behaves as the program built alone is checked
by tests/cli/oracle_batch.sh (the same verdicts and counts for a sample of
seeds)."""

import hashlib
import os
import re
import subprocess
import sys

import buildcache

# Programs per binary: large enough that the start-up of the compiler and
# of the linker is shared, small enough that the batches of one run keep
# every job busy and a failing batch costs little to rebuild one by one.
SIZE = 32

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def names(source):
    """The file-scope names a program defines: a function's is the name
    before its parameter list; a variable declaration may declare several
    (`static int r0, r1;`), each the last name before its initialiser or
    array bounds."""
    found = []
    for line in source.splitlines():
        if not line or not (line[0].isalpha() or line[0] == "_"):
            continue
        if line.startswith("extern "):
            continue
        head = line.split("=", 1)[0]
        if "(" in head:
            # A function definition or prototype: the name before "(".
            before = head.split("(", 1)[0]
            idents = _IDENT.findall(before)
            if idents:
                found.append(idents[-1])
            continue
        decl = line.rstrip().rstrip(";")
        parts = _split_top(decl)
        for part in parts:
            part = part.split("=", 1)[0].split("[", 1)[0]
            idents = _IDENT.findall(part)
            if idents:
                found.append(idents[-1])
    seen = set()
    return [n for n in found if not (n in seen or seen.add(n))]


def _split_top(decl):
    """decl split at the commas outside parentheses and braces."""
    parts, depth, cur = [], 0, ""
    for ch in decl:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def renamed(name, k):
    """Program k's name for name.  weft recognises an SV-COMP atomic
    function by its prefix, which stays in front."""
    pre = "__VERIFIER_atomic_"
    if name.startswith(pre):
        return "%so%d_%s" % (pre, k, name[len(pre):])
    return "o%d_%s" % (k, name)


def combine(sources):
    """One translation unit running sources[k] for the argument k."""
    includes, externs, bodies = [], [], []
    for k, src in enumerate(sources):
        lines = src.splitlines()
        # The includes and the extern declarations (the same in every
        # program) once, at the top: then no name is declared twice
        # unless names() missed one, which the build's
        # -Werror=redundant-decls turns into an error (two programs'
        # tentative definitions `static int r0;` would otherwise silently
        # be one object).
        own = [l for l in lines
               if not l.startswith("#include") and not l.startswith("extern ")]
        for l in lines:
            if l.startswith("#include") and l not in includes:
                includes.append(l)
            if l.startswith("extern ") and l not in externs:
                externs.append(l)
        defined = [l.split()[1].split("(")[0] for l in own
                   if l.startswith("#define ")]
        ns = names("\n".join(own))
        if "main" not in ns:
            raise ValueError("program %d has no main" % k)
        bodies.append("/* ---- program %d ---- */" % k)
        bodies += ["#define %s %s" % (n, renamed(n, k)) for n in ns]
        bodies += own
        bodies += ["#undef %s" % n for n in ns + defined]
    table = ", ".join("o%d_main" % k for k in range(len(sources)))
    tail = [
        "/* ---- the batch's main: the program its argument names ---- */",
        "static int (*const weft_batch_mains[])(void) = { %s };" % table,
        "int main(int argc, char **argv)",
        "{",
        "\tint k = 0;",
        "\tif (argc != 2)",
        "\t\treturn 2;",
        "\tfor (const char *p = argv[1]; *p; p++)",
        "\t\tk = k * 10 + (*p - '0');",
        "\treturn weft_batch_mains[k]();",
        "}",
    ]
    return "\n".join(includes + externs + [""] + bodies + [""] + tail) + "\n"


def _build_one(task):
    """(weft-cc command, directory, sources, cache) -> (binary or None,
    the build's error)."""
    command, workdir, sources, cache = task
    text = combine(sources)
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    exe = os.path.join(workdir, "batch_" + key)
    src = exe + ".c"
    with open(src, "w") as f:
        f.write(text)
    p = subprocess.run(command + ["-Werror=redundant-decls", src, "-o", exe],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    os.unlink(src)
    if p.returncode != 0:
        return None, p.stdout.strip()[-300:]
    buildcache.store_batch(cache, sources, command, text, exe)
    return exe, None


_IMPORTS = (re.compile(r"\b(pthread_detach|thrd_detach)\s*\("),
            re.compile(r"\bpthread_cancel\s*\("))


def kind(source):
    """What of a program decides how weft-cc builds it or how weft runs
    it, beyond its code: programs are batched only with programs of the
    same kind.  weft-cc compiles a source that mentions the SV-COMP
    convention anywhere (its fn_hooks, a test of the text) with function
    hooks, which are steps of their own; weft adds steps for a program
    that calls pthread_detach or pthread_cancel (the callers of
    weft__pt_imports, src/pthread/imports.c), and a batch imports what any
    of its programs calls."""
    return ("reach_error" in source or "__VERIFIER_atomic_" in source,
            ) + tuple(bool(r.search(source)) for r in _IMPORTS)


def build(pool, command, workdir, sources, cache=None):
    """Builds the distinct sources in batches with the pool's workers;
    returns {source: (binary, index)} for every program of a batch that
    built (a program of a failed batch is missing: build it alone).  A
    program an earlier run built into a batch kept in cache is taken from
    that batch (buildcache.fetch_member)."""
    built = {}
    distinct = []
    for src in dict.fromkeys(sources):
        found = buildcache.fetch_member(cache, src, command)
        if found:
            built[src] = found
        else:
            distinct.append(src)
    groups = {}
    for src in distinct:
        groups.setdefault(kind(src), []).append(src)
    chunks = [same[i:i + SIZE] for same in groups.values()
              for i in range(0, len(same), SIZE)]
    tasks = [(command, workdir, chunk, cache) for chunk in chunks]
    for chunk, (exe, err) in zip(chunks, pool.map(_build_one, tasks)):
        if exe:
            for k, src in enumerate(chunk):
                built[src] = (exe, k)
        else:
            # Correct but slower: say so, a renaming bug shows here.
            last = (err.strip().splitlines() or ["?"])[-1]
            print("batch.py: a batch of %d programs did not build; each is "
                  "built alone (%s)" % (len(chunk), last[:200]),
                  file=sys.stderr)
    return built
