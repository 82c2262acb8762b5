//! expect: verified
//! args: --strategy=dfs
// The correct twin of weft_api_bug.cpp: both workers take the lock.
#define WEFT_API_OK
#include "weft_api_bug.cpp"
