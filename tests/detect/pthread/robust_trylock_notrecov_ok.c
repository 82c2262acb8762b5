//! expect: verified
//! args: --strategy=dfs
/* The twin of robust_trylock_notrecov_bug.c that handles EOWNERDEAD and
 * ENOTRECOVERABLE from the trylock. */
#define TRY
#define OK
#include "robust_notrecov_race_bug.c"
