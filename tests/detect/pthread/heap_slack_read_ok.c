//! expect: verified
//! args: --strategy=dfs
/* heap_slack_read_bug.c reading only the record's 10 bytes. */
#define HEAP_SLACK_READ_OK
#include "heap_slack_read_bug.c"
