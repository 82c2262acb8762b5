//! expect: bug data-race
//! args: --strategy=dfs
/* The twin of mp_fence_ok.c without the consumer's acquire fence: the
 * relaxed load orders nothing, so the payload's read races with its
 * write. */
#define NO_ACQUIRE_FENCE
#include "mp_fence_ok.c"
