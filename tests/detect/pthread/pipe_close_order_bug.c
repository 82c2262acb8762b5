//! expect: bug data-race
//! args: --strategy=dfs
/* pipe_close_order_ok.c with the flag stored after the close. */
#define AFTER_CLOSE
#include "pipe_close_order_ok.c"
