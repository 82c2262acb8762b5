//! expect: pass
//! args: --jobs=2 --strategy=random --iterations=600
/* made_files_ok.c with names that are the same in every process (no
 * process id), searched by two jobs at once.  The jobs' workers share
 * the real files: one job's execution found the directory another job's
 * execution had just made, and the assertion failed (a false bug, in
 * most runs).  An execution that touches files now holds a lock the jobs
 * share until it is over (src/cli/files_lock.c), by when the files it
 * created are gone (src/pthread/fs_made.c). */
#define OWN_NAMES
#define FIXED_NAMES
#include "made_files_bug.c"
