//! expect: bug deadlock
//! args: --strategy=dfs
/* pipe_close_wake_ok.c closing the read end to wake the worker. */
#define CLOSE_READ_END
#include "pipe_close_wake_ok.c"
