//! expect: bug deadlock
/* cancel_pass_ok.c without cancelling the second consumer when the
 * first took the item: the second waits for an item that never comes,
 * and main's join of it never returns. */
#define CANCEL_PASS_BUG 1
#include "cancel_pass_ok.c"
