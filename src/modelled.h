/* src/modelled.h - the prototypes of the runtime's models of C library
 * calls, __weft_NAME for every entry of modelled.def.  Each file defining
 * models includes it, so its definitions are checked against the list
 * weft-cc renames from. */
#ifndef WEFT_MODELLED_H
#define WEFT_MODELLED_H

#include <aio.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <dlfcn.h>
#include <fnmatch.h>
#include <malloc.h>
#include <mqueue.h>
#include <getopt.h>
#include <grp.h>
#include <langinfo.h>
#include <libgen.h>
#include <locale.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <regex.h>
#include <sched.h>
#include <search.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/utsname.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/file.h>
#include <sys/fsuid.h>
#include <semaphore.h>
#include <spawn.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/random.h>
#include <sys/types.h>
#include <termios.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#define WEFT__MODELLED(ret, name, params) ret __weft_##name params;
#include "modelled.def"
#undef WEFT__MODELLED

#endif
