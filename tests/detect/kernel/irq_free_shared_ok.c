// irq_free_shared_bug.c freeing device a under the mutex: free_irq waits
// for the line's hard handlers and a's own, not for b's thread.
//! expect: verified
#define FIXED
#include "irq_free_shared_bug.c"
