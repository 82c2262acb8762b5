//! expect(rand_r_shared_seed): verified
//! expect(drand48_state): verified
//! expect(setenv_getenv): verified
//! args: --strategy=dfs
/* libc_unsafe_bug.c fixed: each thread draws, or sets or reads the
 * environment, under the mutex. */
#define LOCKED 1
#include "libc_unsafe_bug.c"
