//! expect: bug deadlock
//! args: --strategy=dfs
/* cancel_write_block_ok.c with a mutex held across the blocked write and
 * no cleanup handler: the request ends the write's wait, the worker ends
 * holding the mutex, and main's lock after the join waits for ever. */
#define CANCEL_WRITE_BUG 1
#include "cancel_write_block_ok.c"
