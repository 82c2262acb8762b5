//! expect: verified
#define OK
#include "ctype_latin1_bug.c"
