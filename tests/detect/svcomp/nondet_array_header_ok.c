//! expect: pass
//! args: --races=off
/* The same with an assertion that holds: at most n entries are set.
 * Five to ten racing threads are more than the budget searches whole. */
#define OK
#include "nondet_array_header_bug.c"
