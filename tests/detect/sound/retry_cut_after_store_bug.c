//! expect: bug assertion
/* The poll's sixteen tries all fail when main runs them before the
 * releaser's add: see retry_cut_after_store_ok.c. */
#define GIVE_UP_IS_A_BUG
#include "retry_cut_after_store_ok.c"
