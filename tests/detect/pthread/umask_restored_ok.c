//! expect: verified
//! args: --strategy=dfs
/* main sets a private file mode creation mask before its threads write
 * their files.  Each execution of a fresh process starts with the mask it
 * was started with; weft's second execution started with the first one's
 * 077, and a program whose public report came out 0600 was a false bug (a
 * probe of ordinary pthread programs).  The mask is put back at every
 * execution's start (src/pthread/proc.c). */
#define OK
#include "umask_restored_bug.c"
