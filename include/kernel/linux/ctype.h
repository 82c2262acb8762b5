/* linux/ctype.h - weft's kernel header tree: the kernel's character
 * classes are the C library's (the C locale, as the kernel's table is
 * ASCII's), plus the two names the kernel adds.  The kernel's macros
 * take a char, which may be negative: it is passed on as an unsigned
 * char, as the kernel's table lookup does. */
#ifndef WEFT_KERNEL_LINUX_CTYPE_H
#define WEFT_KERNEL_LINUX_CTYPE_H
#include <linux/weft_kernel.h>
#include <ctype.h>

#define weft_kx_uc(c) ((int)(unsigned char)(c))
#undef isalnum
#undef isalpha
#undef iscntrl
#undef isdigit
#undef isgraph
#undef islower
#undef isprint
#undef ispunct
#undef isspace
#undef isupper
#undef isxdigit
#define isalnum(c) (isalnum)(weft_kx_uc(c))
#define isalpha(c) (isalpha)(weft_kx_uc(c))
#define iscntrl(c) (iscntrl)(weft_kx_uc(c))
#define isdigit(c) (isdigit)(weft_kx_uc(c))
#define isgraph(c) (isgraph)(weft_kx_uc(c))
#define islower(c) (islower)(weft_kx_uc(c))
#define isprint(c) (isprint)(weft_kx_uc(c))
#define ispunct(c) (ispunct)(weft_kx_uc(c))
#define isspace(c) (isspace)(weft_kx_uc(c))
#define isupper(c) (isupper)(weft_kx_uc(c))
#define isxdigit(c) (isxdigit)(weft_kx_uc(c))
#undef isascii
#undef toascii
#define isascii(c) (weft_kx_uc(c) <= 0x7f)
#define toascii(c) (weft_kx_uc(c) & 0x7f)
#define isodigit(c) ((c) >= '0' && (c) <= '7')
#undef _tolower
#define _tolower(c) ((c) | 0x20)
#endif
