//! expect(malloc_nowait_under_spin): verified
//! expect(free_under_spin): verified
/* spin_malloc_bug.c's producer allocates before it takes the spin mutex,
 * and its consumer frees after it drops it. */
#define OK
#include "spin_malloc_bug.c"
