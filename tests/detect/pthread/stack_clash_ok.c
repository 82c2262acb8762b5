//! expect: verified
//! args: --strategy=dfs
/* stack_clash_bug.c's frame at 1 MiB, which the native 8 MiB thread stack
 * holds: probing the frame's pages must not turn into a false alarm. */
#define FRAME (1 << 20)
#include "stack_clash_bug.c"
