//! expect: verified
//! args: --strategy=dfs
#define OK
#include "frame_arg_return_bug.c"
