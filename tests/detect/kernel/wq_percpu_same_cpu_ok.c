//! expect: verified
/* wq_percpu_same_cpu_bug.c with max_active 2: on one CPU both works run
 * at once, so the first's wait ends. */
#define MAX_ACTIVE 2
#include "wq_percpu_same_cpu_bug.c"
