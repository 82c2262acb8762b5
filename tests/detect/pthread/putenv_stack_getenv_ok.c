//! expect: verified
//! args: --strategy=dfs
/* The string a thread puts in the environment is a global buffer, alive
 * as long as the environment holds it: main's getenv after the join
 * reads it safely. */
#define OK
#include "putenv_stack_getenv_bug.c"
