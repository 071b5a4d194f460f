/* text: small, locale-independent text normalisation used to match labels
 * and column headers. ASCII letters are folded to lower case; bytes >= 0x80
 * (UTF-8 sequences) are kept as they are. */
#ifndef IKM_TEXT_H
#define IKM_TEXT_H

#include <stddef.h>

/* Fold src[0..len) for label matching: lower-case ASCII, trim, and collapse
 * every run of white space (including NBSP U+00A0) to one space. Writes a
 * NUL-terminated string into dst (truncated to dstsize-1). Returns the
 * length written, or dstsize if the result did not fit. */
size_t text_fold(char *dst, size_t dstsize, const char *src, size_t len);

/* Fold src for header matching: like text_fold, but every byte that is not
 * an ASCII letter or digit (and not part of a UTF-8 sequence) becomes a word
 * break, so "Biaya/Tarif?" becomes "biaya tarif". */
size_t text_words(char *dst, size_t dstsize, const char *src, size_t len);

/* 1 when the folded word list `words` (from text_words) contains `word` as a
 * whole word; 0 otherwise. */
int text_has_word(const char *words, const char *word);

/* Upper-case the ASCII letters of src into dst (truncated to dstsize-1,
 * never inside a UTF-8 sequence). Returns dst. */
char *text_upper(char *dst, size_t dstsize, const char *src);

/* Trim ASCII white space from both ends of [*s, *s+*len). */
void text_trim(const char **s, size_t *len);

/* 1 when s is valid UTF-8 (no overlong forms, surrogates or code points
 * past U+10FFFF) without control characters (below 0x20, or 0x7f). */
int text_clean_utf8(const char *s);

#endif
