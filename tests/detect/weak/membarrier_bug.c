//! expect: bug use-after-free
/* membarrier_ok.c without the reclaimer's membarrier(2): nothing orders
 * the reader's publication of its hazard pointer before the reclaimer's
 * read of it, which may miss it and free the object the reader uses. */
#define NO_MEMBARRIER
#include "membarrier_ok.c"
