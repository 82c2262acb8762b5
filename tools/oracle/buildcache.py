"""A cache of the oracles' test programs, shared by the runs of one
`make test-oracle`: its later runs check the same seeds again (in parts,
or at a stale-read bound), and on a machine where starting a process is
slow a build by weft-cc took half of all its time.  A program is found by
a hash of its source and of the build command; the recipe empties the
cache before the first run, so a cached program is never older than the
weft it was built with."""

import hashlib
import os
import shutil


def _path(cache, source, command):
    h = hashlib.sha256()
    h.update(" ".join(command).encode())
    h.update(b"\0")
    h.update(source.encode())
    return os.path.join(cache, h.hexdigest())


def fetch(cache, source, command, exe):
    """Puts the cached build of source at exe; False when there is none."""
    if not cache:
        return False
    p = _path(cache, source, command)
    if not os.path.exists(p):
        return False
    shutil.copyfile(p, exe)
    shutil.copymode(p, exe)
    return True


def store(cache, source, command, exe):
    """Keeps the program just built at exe for the later runs."""
    if not cache:
        return
    os.makedirs(cache, exist_ok=True)
    p = _path(cache, source, command)
    tmp = "%s.%d" % (p, os.getpid())
    shutil.copyfile(exe, tmp)
    shutil.copymode(exe, tmp)
    os.replace(tmp, p)


# A batch (batch.py) is kept once, and each of its programs as a small
# file naming the batch's binary and the program's index in it: a later
# run finds a program whatever batch it came in, and builds only the
# programs it does not find.

def fetch_member(cache, source, command):
    """(binary, index) of source in a cached batch, or None."""
    if not cache:
        return None
    try:
        with open(_path(cache, source, command) + ".member") as f:
            name, index = f.read().split()
    except (OSError, ValueError):
        return None
    # Absolute: the oracles run a program in its own directory.
    binary = os.path.abspath(os.path.join(cache, name))
    return (binary, int(index)) if os.path.exists(binary) else None


def store_batch(cache, sources, command, text, exe):
    """Keeps the batch built from text at exe, and where each of its
    sources is in it."""
    if not cache:
        return
    store(cache, text, command, exe)
    name = os.path.basename(_path(cache, text, command))
    for k, source in enumerate(sources):
        p = _path(cache, source, command) + ".member"
        tmp = "%s.%d" % (p, os.getpid())
        with open(tmp, "w") as f:
            f.write("%s %d\n" % (name, k))
        os.replace(tmp, p)
