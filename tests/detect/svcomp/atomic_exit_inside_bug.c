//! expect: bug data-race
/* t2 reads x outside any atomic section: it may read while t1, inside
 * its section, writes (see atomic_exit_inside_ok.c). */
#define READ_OUTSIDE
#include "atomic_exit_inside_ok.c"
