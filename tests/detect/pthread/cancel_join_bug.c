//! expect: bug deadlock
/* cancel_join_ok.c without the post that lets thread b end: a was
 * cancelled in its join of b, and main's own join of b blocks for ever. */
#define CANCEL_JOIN_BUG 1
#include "cancel_join_ok.c"
