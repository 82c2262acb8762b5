//! expect: verified
//! args: --strategy=dfs
#define OK
#include "frame_arg_race_bug.c"
