//! expect: bug deadlock
/* exit_cleanup_ok.c without the handler that unlocks the second mutex:
 * the worker exits holding it, and main waits for it for ever. */
#define EXIT_CLEANUP_BUG 1
#include "exit_cleanup_ok.c"
