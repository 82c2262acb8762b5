//! expect: verified
/* A one-second deadline taken from the kernel's clock directly
 * (syscall(SYS_clock_gettime), which weft does not make virtual) lies a
 * few years past weft's virtual wall clock: it must still come, as the
 * real wait times out after a second (the rule for far deadlines took it
 * for one that never comes, a false deadlock). */
#include <errno.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;
static void *waiter(void *a){ struct timespec ts; (void)a;
  syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts); ts.tv_sec += 1;
  pthread_mutex_lock(&m); int r = 0;
  while (!ready && r != ETIMEDOUT) r = pthread_cond_timedwait(&c, &m, &ts);
  pthread_mutex_unlock(&m); return NULL; }
int main(void){ pthread_t t; pthread_create(&t,0,waiter,0); pthread_join(t,0); return 0; }
