/* The error function and assert macro of an SV-COMP task (pthread-nondet/assert.h) in a header: reach_error prints. */
extern void abort(void);
#include <stdio.h>
void reach_error() { printf("error\n"); }
extern unsigned int __VERIFIER_nondet_uint(void);
#define assert(x) do { if (!(x)) { reach_error(); abort(); } } while (0)
