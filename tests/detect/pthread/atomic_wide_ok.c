//! expect: verified
/* atomic_wide_bug.c's correct twin: the update is a compare-exchange
 * loop, which libatomic's generic __atomic_compare_exchange runs. */
#define OK
#include "atomic_wide_bug.c"
