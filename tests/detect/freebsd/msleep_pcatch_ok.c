//! expect: verified
#define FIXED
#include "msleep_pcatch_bug.c"
