/* The assertion helper of an SV-COMP task, in a header of its own (as
 * pthread-nondet/assert.h and pthread-divine/svc.h are). */
extern void abort(void);

void reach_error() {}
#define assert(c) do { if (!(c)) { reach_error(); abort(); } } while (0)
