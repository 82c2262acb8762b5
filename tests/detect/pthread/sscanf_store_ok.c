// The twin of sscanf_store_bug.c: the worker reads a byte of the name
// that "%7s" did not store (the name is 4 bytes and its terminator).
//! expect: verified
#define OK
#include "sscanf_store_bug.c"
