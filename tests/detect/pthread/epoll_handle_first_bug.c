//! expect: bug data-race
//! args: --strategy=dfs
/* epoll_handle_first_ok.c with the job stored after the wake-up. */
#define LATE
#include "epoll_handle_first_ok.c"
