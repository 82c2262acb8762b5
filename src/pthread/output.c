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
 * These wrappers never block and are not scheduling points. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

#define OUT_MAX (64 * 1024)

struct outbuf {
	size_t len;
	bool truncated;
	bool enabled;            /* main mode, not WEFT_SHOW_OUTPUT */
	char data[OUT_MAX];
};
static struct outbuf *O;

void weft__pt_output_enable(void)
{
	const char *e = getenv("WEFT_SHOW_OUTPUT");

	if (O)
		O->enabled = !(e && *e && strcmp(e, "0") != 0);
}

bool weft__pt_capturing(void)
{
	return O && O->enabled && weft__pt_live();
}

void weft__pt_output(int fd, const char *s, size_t n)
{
	(void)fd;
	if (O->len + n > OUT_MAX) {
		n = OUT_MAX - O->len;
		O->truncated = true;
	}
	memcpy(O->data + O->len, s, n);
	O->len += n;
}

void weft__pt_output_show(void)
{
	if (!O || !O->enabled || O->len == 0)
		return;
	fflush(stdout);
	fprintf(stderr, "--- output of the failing execution%s ---\n",
		O->truncated ? " (first 64 KiB)" : "");
	fwrite(O->data, 1, O->len, stderr);
	if (O->data[O->len - 1] != '\n')
		fputc('\n', stderr);
	fprintf(stderr, "--- end of output ---\n");
}

static bool captured(FILE *f)
{
	return (f == stdout || f == stderr) && weft__pt_capturing();
}

static int vcapture(FILE *f, const char *fmt, va_list ap)
{
	char small[512], *big = NULL;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n < 0)
		return n;
	if ((size_t)n >= sizeof small) {
		big = weft__exec_alloc((size_t)n + 1);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
	}
	weft__pt_output(f == stderr ? 2 : 1, big ? big : small, (size_t)n);
	return n;
}

int __weft_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	if (!captured(f))
		return vfprintf(f, fmt, ap);
	return vcapture(f, fmt, ap);
}

int __weft_vprintf(const char *fmt, va_list ap)
{
	return __weft_vfprintf(stdout, fmt, ap);
}

int __weft_fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = __weft_vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int __weft_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = __weft_vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* The _FORTIFY_SOURCE spellings. */
int __weft___printf_chk(int flag, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)flag;
	va_start(ap, fmt);
	n = __weft_vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int __weft___fprintf_chk(FILE *f, int flag, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)flag;
	va_start(ap, fmt);
	n = __weft_vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int __weft___vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	return __weft_vfprintf(f, fmt, ap);
}

int __weft___vprintf_chk(int flag, const char *fmt, va_list ap)
{
	(void)flag;
	return __weft_vfprintf(stdout, fmt, ap);
}

int __weft_fputs(const char *s, FILE *f)
{
	if (!captured(f))
		return fputs(s, f);
	weft__pt_output(f == stderr ? 2 : 1, s, strlen(s));
	return 1;
}

int __weft_puts(const char *s)
{
	if (!captured(stdout))
		return puts(s);
	weft__pt_output(1, s, strlen(s));
	weft__pt_output(1, "\n", 1);
	return 1;
}

int __weft_fputc(int c, FILE *f)
{
	char ch = (char)c;

	if (!captured(f))
		return fputc(c, f);
	weft__pt_output(f == stderr ? 2 : 1, &ch, 1);
	return (unsigned char)c;
}

int __weft_putc(int c, FILE *f)
{
	return __weft_fputc(c, f);
}

int __weft_putchar(int c)
{
	return __weft_fputc(c, stdout);
}

size_t __weft_fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	if (!captured(f))
		return fwrite(p, size, n, f);
	weft__pt_output(f == stderr ? 2 : 1, p, size * n);
	return n;
}

void __weft_perror(const char *s)
{
	if (!captured(stderr)) {
		perror(s);
		return;
	}
	__weft_fprintf(stderr, "%s%s%m\n", s && *s ? s : "", s && *s ? ": " : "");
}

ssize_t __weft_write(int fd, const void *p, size_t n)
{
	if ((fd != 1 && fd != 2) || !weft__pt_capturing())
		return write(fd, p, n);
	weft__pt_output(fd, p, n);
	return (ssize_t)n;
}

void weft__pthread_output_begin(void)
{
	O->len = 0;
	O->truncated = false;
}

__attribute__((constructor)) static void output_init(void)
{
	/* Shared, so the report printer sees what the worker captured. */
	O = mmap(NULL, sizeof *O, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (O == MAP_FAILED)
		weft__die("cannot map the program output buffer");
}
