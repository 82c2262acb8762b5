//! expect: verified
/* sigkill_self_bug.c whose worker updates the state in one store: the
 * supervisor never sees it half done, and never sends SIGKILL. */
#define FIXED 1
#include "sigkill_self_bug.c"
