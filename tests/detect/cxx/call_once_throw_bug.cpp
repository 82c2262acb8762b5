//! expect: bug assertion
//! args: --strategy=dfs
#define ONCE_ONLY
#include "call_once_throw_ok.cpp"
