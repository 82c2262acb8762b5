//! expect: verified
#define OK
#include "nonatomic_forms_bug.c"
