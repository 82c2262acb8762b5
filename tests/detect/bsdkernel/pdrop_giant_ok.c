//! expect: verified
#define OK
#include "pdrop_giant_bug.c"
