// The twin of sscanf_count_bug.c: the worker reads the variable of a
// conversion sscanf never reached.
//! expect: verified
#define OK
#include "sscanf_count_bug.c"
