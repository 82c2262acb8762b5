//! expect: verified
//! args: --strategy=dfs
/* The twin of main_return_stack_bug.c: main waits for the worker's read
 * before it returns, so its struct is alive whenever it is read. */
#define WAIT_FIRST
#include "main_return_stack_bug.c"
