//! expect: verified
#define OK
#include "uaccess_bug.c"
