//! expect: verified
//! args: --strategy=dfs
/* getline_errno_bug.c expecting the three lines there are. */
#define GETLINE_ERRNO_OK
#include "getline_errno_bug.c"
