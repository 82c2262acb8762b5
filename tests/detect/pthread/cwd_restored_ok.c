//! expect: verified
//! args: --strategy=dfs
/* main makes directories of its own, changes into one, and its threads
 * make their files there by relative names.  A fresh process starts in
 * the directory it was started in; weft's executions ran in one process,
 * and the second started in the first one's directory, already removed:
 * getcwd failed, a false assertion failure whose token did not replay (a
 * probe of ordinary pthread programs: chdir("sub") failed from the second
 * execution on).  The working directory is put back at every execution's
 * start (src/pthread/proc.c). */
#define OK
#include "cwd_restored_bug.c"
