//! expect: verified
//! args: --strategy=dfs
/* The twin of made_files_bug.c: each thread's directory has a name of
 * its own, so no creation fails natively, nor in any execution now that
 * the files and directories an execution made are removed when it is
 * over (executions cut short left them, and the next one failed). */
#define OWN_NAMES
#include "made_files_bug.c"
