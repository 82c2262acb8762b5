/* src/pthread/output.c - what the program prints, kept out of the way.
 *
 * In main mode the program's writes to stdout and stderr go to a buffer
 * instead of the terminal: thousands of executions printing the same lines
 * would bury the report.  The buffer holds the current execution's output
 * and lives in memory shared with the process that prints the report, so
 * after a bug the output of the failing execution is shown under it (on
 * stderr, so --format=json output stays parseable).  WEFT_SHOW_OUTPUT=1
 * lets every execution print directly instead.
 *
 * The failing execution is not always the last one: a data race, a leak
 * or a lock-order cycle does not end the exploration, which goes on to
 * look for a worse bug and reports the execution that first showed the
 * worst finding (its number is the record's bug_exec).  So an
 * execution's output is kept aside when the execution is that one, and
 * the report shows the output of the execution it draws.  Each job (a
 * worker process of --jobs) has buffers of its own, found by its record,
 * and the report shows those of the job whose record it prints.
 *
 * What the calls read of the program's memory (the format's strings, the
 * bytes written) is checked as the race and heap detectors check any
 * access, at the program's call (format.c).
 *
 * These wrappers never block and are not scheduling points, unless a
 * checked access is at a site known to race. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"
#include "record.h"

#define OUT_MAX (64 * 1024)

/* One execution's output. */
struct text {
	long exec;               /* its number, -1 none */
	size_t len;
	bool truncated;
	char data[OUT_MAX];
};

/* One job's buffers. */
struct slot {
	struct text cur;         /* the current (or last) execution's */
	struct text kept;        /* the failing one's, when not the last */
};

#define SLOTS 64                 /* --jobs's most */

struct outbuf {
	bool enabled;            /* main mode, not WEFT_SHOW_OUTPUT */
	/* Slot i's job's record (memory shared with the parent, at the same
	 * address in both), for the number of the failing execution; NULL:
	 * the slot is free.  Kept together, on the first page: each slot
	 * is 128 KiB, and a look at every slot's own field touched 64 pages
	 * of fresh shared memory, 64 page faults in each run of weft. */
	const struct weft__shm *rec[SLOTS];
	struct slot slot[SLOTS]; /* pages are touched only when used */
};
static struct outbuf *O;
static struct slot *mine;        /* this worker's, NULL in the parent */

void weft__pt_output_enable(void)
{
	const char *e = getenv("WEFT_SHOW_OUTPUT");

	if (!O)
		return;
	O->enabled = !(e && *e && strcmp(e, "0") != 0);
	weft__pt_output_save();
	weft__pt_output_forget();
}

void weft__pt_output_forget(void)
{
	if (!O)
		return;
	for (int i = 0; i < SLOTS; i++)
		O->rec[i] = NULL;
}

/* The slot of the job with record S: its own from an earlier execution,
 * or a free one, claimed (the jobs start at the same time). */
static struct slot *claim(const struct weft__shm *S)
{
	for (int i = 0; i < SLOTS; i++)
		if (O->rec[i] == S)
			return &O->slot[i];
	for (int i = 0; i < SLOTS; i++) {
		const struct weft__shm *none = NULL;
		struct slot *sl = &O->slot[i];
		if (__atomic_compare_exchange_n(&O->rec[i], &none, S, false,
						__ATOMIC_SEQ_CST,
						__ATOMIC_SEQ_CST)) {
			sl->cur.exec = sl->kept.exec = -1;
			return sl;
		}
	}
	return NULL;
}

bool weft__pt_capturing(void)
{
	return O && O->enabled && weft__pt_live();
}

void weft__pt_output(int fd, const char *s, size_t n)
{
	struct text *t;

	(void)fd;
	if (!mine)
		return;
	t = &mine->cur;
	if (t->len + n > OUT_MAX) {
		n = OUT_MAX - t->len;
		t->truncated = true;
	}
	memcpy(t->data + t->len, s, n);
	t->len += n;
}

/* The output of the execution the report draws: the last one when the
 * bug ended the exploration (a fatal bug, or a crash of the worker). */
static const struct text *failing(void)
{
	const struct weft__shm *S = weft__reported;
	const struct slot *sl = NULL;

	for (int i = 0; S && i < SLOTS && !sl; i++)
		if (O->rec[i] == S)
			sl = &O->slot[i];
	if (!sl)
		return NULL;
	if (S->v.bug_fatal || S->v.bug_exec == sl->cur.exec)
		return &sl->cur;
	if (S->v.bug_exec == sl->kept.exec)
		return &sl->kept;
	return NULL;
}

void weft__pt_output_show(void)
{
	const struct text *t;

	if (!O || !O->enabled || !(t = failing()) || t->len == 0)
		return;
	fflush(stdout);
	fprintf(stderr, "--- output of the failing execution%s ---\n",
		t->truncated ? " (first 64 KiB)" : "");
	fwrite(t->data, 1, t->len, stderr);
	if (t->data[t->len - 1] != '\n')
		fputc('\n', stderr);
	fprintf(stderr, "--- end of output ---\n");
}

static bool captured(FILE *f)
{
	return (f == stdout && weft__pt_output_fd_captured(1)) ||
	       (f == stderr && weft__pt_output_fd_captured(2));
}

/* The stream writers are cancellation points: POSIX lets them be, and
 * glibc's are whenever they write the descriptor (at a newline of a
 * terminal's line-buffered stdout, a full buffer, fflush), with
 * write()'s SYSCALL_CANCEL.  A program must be correct either way, so
 * each acts on a pending request as it begins (a worker cancelled in a
 * printf under a lock, with no cleanup handler, was verified: a probe).
 * A scheduling point only in a program that calls pthread_cancel. */
static void cancel_point(uintptr_t ra)
{
	weft__pt_cancel_check(weft__pc_loc(ra));
}

/* A write to a stream of the program's own (not stdout or stderr, unless
 * the program sent them elsewhere, output_moved.c): a step on it, ordered against its other uses and its fclose, and a
 * use-after-free once the execution closed it. */
static void to_stream(FILE *f, const char *call, uintptr_t ra)
{
	if (((f != stdout && f != stderr) || weft__pt_stream_moved(f)) &&
	    weft__pt_live())
		weft__pt_stream_use(f, call, weft__pc_loc(ra));
}

static int format_into(char *s, size_t n, int flag, const char *fmt,
		       va_list ap)
{
	return flag > 0 ? __vsnprintf_chk(s, n, flag, n, fmt, ap)
			: vsnprintf(s, n, fmt, ap);
}

int weft__pt_output_vf(int fd, int flag, const char *fmt, va_list ap)
{
	char small[512], *big = NULL;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = format_into(small, sizeof small, flag, fmt, aq);
	va_end(aq);
	if (n < 0)
		return n;
	if ((size_t)n >= sizeof small) {
		big = weft__exec_alloc((size_t)n + 1);
		format_into(big, (size_t)n + 1, flag, fmt, ap);
	}
	weft__pt_output(fd, big ? big : small, (size_t)n);
	return n;
}

/* The printf family after its checks: to the capture or to f; flag is
 * the _FORTIFY_SOURCE level of a __printf_chk form (0: none). */
static int out_vf(FILE *f, int flag, const char *fmt, va_list ap)
{
	if (!captured(f))
		return flag > 0 ? __vfprintf_chk(f, flag, fmt, ap)
				: vfprintf(f, fmt, ap);
	return weft__pt_output_vf(f == stderr ? 2 : 1, flag, fmt, ap);
}

static int checked_vf(FILE *f, int flag, const char *fmt, va_list ap,
		      uintptr_t pc)
{
	cancel_point(pc);
	to_stream(f, "fprintf()", pc);
	weft__pt_format_access(fmt, ap, pc);
	return out_vf(f, flag, fmt, ap);
}

int __weft_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	return checked_vf(f, 0, fmt, ap, PT_RA());
}

int __weft_vprintf(const char *fmt, va_list ap)
{
	return checked_vf(stdout, 0, fmt, ap, PT_RA());
}

int __weft_fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = checked_vf(f, 0, fmt, ap, PT_RA());
	va_end(ap);
	return n;
}

int __weft_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = checked_vf(stdout, 0, fmt, ap, PT_RA());
	va_end(ap);
	return n;
}

/* The _FORTIFY_SOURCE spellings, with glibc's checks of the format. */
int __weft___printf_chk(int flag, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = checked_vf(stdout, flag, fmt, ap, PT_RA());
	va_end(ap);
	return n;
}

int __weft___fprintf_chk(FILE *f, int flag, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = checked_vf(f, flag, fmt, ap, PT_RA());
	va_end(ap);
	return n;
}

int __weft___vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap)
{
	return checked_vf(f, flag, fmt, ap, PT_RA());
}

int __weft___vprintf_chk(int flag, const char *fmt, va_list ap)
{
	return checked_vf(stdout, flag, fmt, ap, PT_RA());
}

int __weft_fputs(const char *s, FILE *f)
{
	cancel_point(PT_RA());
	to_stream(f, "fputs()", PT_RA());
	weft__race_access(s, strlen(s) + 1, 0, PT_RA());
	if (!captured(f))
		return fputs(s, f);
	weft__pt_output(f == stderr ? 2 : 1, s, strlen(s));
	return 1;
}

int __weft_puts(const char *s)
{
	size_t n = strlen(s);

	cancel_point(PT_RA());
	weft__race_access(s, n + 1, 0, PT_RA());
	if (!captured(stdout))
		return puts(s);
	weft__pt_output(1, s, n);
	weft__pt_output(1, "\n", 1);
	/* glibc's puts returns the bytes written. */
	return n < INT_MAX ? (int)n + 1 : INT_MAX;
}

static int put_char(int c, FILE *f, uintptr_t ra)
{
	char ch = (char)c;

	cancel_point(ra);
	to_stream(f, "fputc()", ra);
	if (!captured(f))
		return fputc(c, f);
	weft__pt_output(f == stderr ? 2 : 1, &ch, 1);
	return (unsigned char)c;
}

int __weft_fputc(int c, FILE *f)
{
	return put_char(c, f, PT_RA());
}

int __weft_putc(int c, FILE *f)
{
	return put_char(c, f, PT_RA());
}

int __weft_putchar(int c)
{
	return put_char(c, stdout, PT_RA());
}

size_t __weft_fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	cancel_point(PT_RA());
	to_stream(f, "fwrite()", PT_RA());
	weft__race_access(p, size * n, 0, PT_RA());
	if (!captured(f))
		return fwrite(p, size, n, f);
	weft__pt_output(f == stderr ? 2 : 1, p, size * n);
	return n;
}

/* fprintf of weft's own format, unchecked. */
static void fprintf_out(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vf(f, 0, fmt, ap);
	va_end(ap);
}

void __weft_perror(const char *s)
{
	cancel_point(PT_RA());
	if (s)
		weft__race_access(s, strlen(s) + 1, 0, PT_RA());
	if (!captured(stderr)) {
		perror(s);
		return;
	}
	fprintf_out(stderr, "%s%s%m\n", s && *s ? s : "", s && *s ? ": " : "");
}

/* A cancellation point (as the writers above), and a use of a stream of
 * the program's own; what is captured was never in a stream's buffer. */
int __weft_fflush(FILE *f)
{
	cancel_point(PT_RA());
	if (!f)
		return fflush(NULL);
	to_stream(f, "fflush()", PT_RA());
	return captured(f) ? 0 : fflush(f);
}

/* A cancellation point, whatever the descriptor (chan.c for the wait of
 * a channel's write). */
ssize_t __weft_write(int fd, const void *p, size_t n)
{
	weft__pt_cancel_check(PT_LOC());
	weft__race_access(p, n, 0, PT_RA());
	if (weft__pt_chan(fd))
		return weft__pt_chan_write("write", fd, p, n, -1, NULL, 0,
					   PT_LOC());
	weft__pt_chan_closed_use(fd, "write", PT_LOC());
	if (!weft__pt_output_fd_captured(fd)) {
		/* A write of a regular file: a step on its contents (fs.c). */
		weft__pt_fs_step("write()", weft__pt_file_obj(fd), true,
				 PT_RA());
		return write(fd, p, n);
	}
	weft__pt_output(fd, p, n);
	return (ssize_t)n;
}

/* The exploration loop has judged the last execution by now: when it
 * became the one to report, its output is kept aside. */
void weft__pthread_output_begin(void)
{
	const struct weft__shm *S = weft__S;
	struct slot *sl;

	weft__pt_output_restore();
	if (!mine || O->rec[mine - O->slot] != S)
		mine = S ? claim(S) : NULL;
	if (!(sl = mine))
		return;
	if (sl->cur.exec >= 0 && S->v.nfindings > 0 &&
	    S->v.bug_exec == sl->cur.exec) {
		sl->kept.exec = sl->cur.exec;
		sl->kept.len = sl->cur.len;
		sl->kept.truncated = sl->cur.truncated;
		memcpy(sl->kept.data, sl->cur.data, sl->cur.len);
	}
	sl->cur.exec = weft__exec_no();
	sl->cur.len = 0;
	sl->cur.truncated = false;
}

__attribute__((constructor)) static void output_init(void)
{
	/* Shared, so the report printer sees what the worker captured. */
	O = mmap(NULL, sizeof *O, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (O == MAP_FAILED)
		weft__die("cannot map the program output buffer");
}
