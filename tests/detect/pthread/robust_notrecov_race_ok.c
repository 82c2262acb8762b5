//! expect: verified
//! args: --strategy=dfs
/* The twin of robust_notrecov_race_bug.c whose thread handles both
 * answers: EOWNERDEAD when it locks first (it repairs and unlocks), and
 * ENOTRECOVERABLE when main gave up on the mutex before. */
#define OK
#include "robust_notrecov_race_bug.c"
