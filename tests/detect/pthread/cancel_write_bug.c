//! expect: bug deadlock
//! args: --strategy=dfs
/* cancel_write_ok.c without the cleanup handler: the request pending at
 * the send (a cancellation point) ends the worker holding the mutex, and
 * main's lock after the join waits for ever. */
#define CANCEL_WRITE_BUG 1
#include "cancel_write_ok.c"
