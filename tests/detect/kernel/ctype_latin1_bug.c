// The kernel's character classes (lib/ctype.c) are ISO 8859-1's from 128
// on: a parser that skips white space skips the no-break space (160),
// and the case of an accented letter maps as ASCII's does.  weft's
// <linux/ctype.h> was the C library's in the C locale, where none of
// that holds (a helper's review).  The bug twin's parser assumes
// isspace() is ASCII's and stops at 160; ctype_latin1_ok.c checks the
// classes the kernel gives.
//! expect: bug assertion
#include <linux/ctype.h>
#include <linux/kernel.h>

static __attribute__((unused)) const char *
skip_spaces_ascii(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return s;
}

WEFT_TEST(latin1_classes)
{
	static const char input[] = { ' ', (char)0xA0, 'x', 0 };

	WARN_ON(!islower((char)0xE9) || !isupper((char)0xC9));
	WARN_ON((unsigned char)toupper((char)0xE9) != 0xC9);
	WARN_ON((unsigned char)tolower((char)0xC9) != 0xE9);
	WARN_ON(isalpha((char)0xD7) || !ispunct((char)0xF7));
	WARN_ON(!iscntrl((char)0x85) || isprint((char)0x85));
	WARN_ON(!isspace('\t') || !isdigit('7') || !isxdigit('f'));
#ifdef OK
	{
		const char *s = input;
		while (isspace(*s))
			s++;
		WARN_ON(*s != 'x');
	}
#else
	WARN_ON(*skip_spaces_ascii(input) != 'x');
#endif
}
