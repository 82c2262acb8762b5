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
