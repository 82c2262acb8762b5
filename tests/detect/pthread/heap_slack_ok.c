//! expect: verified
//! args: --strategy=dfs
/* heap_slack_bug.c with room for the terminating NUL. */
#define HEAP_SLACK_OK
#include "heap_slack_bug.c"
