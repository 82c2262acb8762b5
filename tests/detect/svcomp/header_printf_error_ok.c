//! expect: verified
//! args: --strategy=dfs
#define OK
#include "header_printf_error_bug.c"
