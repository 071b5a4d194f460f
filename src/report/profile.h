/* profile: the office profile (profil instansi) read from an INI file — the
 * letterhead ([kop]), the signatory ([penandatangan]) and the survey facts
 * ([survei]) and the follow-up plan ([tindak_lanjut]) that `ikm report` prints. Sections and keys
 * are Indonesian; every key is optional, unknown sections and keys are errors (a typo must not
 * vanish silently), values are trimmed UTF-8 with named length limits. Keys start at the beginning
 * of a line; ';' and '#' begin comments. */
#ifndef IKM_PROFILE_H
#define IKM_PROFILE_H

#include <stddef.h>

#include "err.h"

#define PROFILE_TEXT_MAX     255  /* named limit: bytes in one short value (names, address) */
#define PROFILE_PROSE_MAX    1000 /* named limit: bytes in metode, lokasi and tim */
#define PROFILE_PATH_MAX     1023 /* named limit: bytes in the logo path, as resolved */
#define PROFILE_LINE_MAX     4096 /* named limit: bytes in one line of the file */
#define PROFILE_POPULASI_MAX 1000000000000LL /* named limit: populasi is 1..10^12 */

/* Every string is NUL-terminated UTF-8, "" when the key is missing. */
struct profile {
	/* [kop] letterhead */
	char pemerintah[PROFILE_TEXT_MAX + 1]; /* "PEMERINTAH KOTA MOJOKERTO" */
	char instansi[PROFILE_TEXT_MAX + 1];   /* agency name, as printed */
	char alamat[PROFILE_TEXT_MAX + 1];
	char telepon[PROFILE_TEXT_MAX + 1];
	char faks[PROFILE_TEXT_MAX + 1];
	char situs[PROFILE_TEXT_MAX + 1]; /* website */
	char surel[PROFILE_TEXT_MAX + 1]; /* e-mail */
	char logo[PROFILE_PATH_MAX + 1];  /* a checked PNG; relative to the INI file's directory */
	/* [penandatangan] signatory */
	char kota[PROFILE_TEXT_MAX + 1]; /* city of the date line */
	char nama[PROFILE_TEXT_MAX + 1];
	char pangkat[PROFILE_TEXT_MAX + 1];
	char nip[PROFILE_TEXT_MAX + 1];
	char jabatan[PROFILE_TEXT_MAX + 1];
	/* [survei] */
	char unit[PROFILE_TEXT_MAX + 1]; /* unit name used in prose */
	char metode[PROFILE_PROSE_MAX + 1];
	char lokasi[PROFILE_PROSE_MAX + 1];
	char tim[PROFILE_PROSE_MAX + 1];
	long long populasi; /* users in the period, 0 when not given */
	/* [tindak_lanjut] the follow-up plan (RTL) of the Laporan SKM */
	char waktu[PROFILE_TEXT_MAX + 1];            /* when: "Semester II 2022" */
	char penanggung_jawab[PROFILE_TEXT_MAX + 1]; /* who is responsible */
};

/* Reset p to the empty profile: every string "", populasi 0. */
void profile_default(struct profile *p);

/* Read the INI file at path into p (reset first). On error returns -1 with
 * err naming the file and line (IKM_EIO: file or logo unreadable; IKM_EDATA:
 * unknown section/key, bad number, not a PNG; IKM_ELIMIT: too long) and
 * leaves p empty. The first call raises libinih's process-wide line limit
 * (ini_max_line) to PROFILE_LINE_MAX: load before starting threads. */
int profile_load(const char *path, struct profile *p, struct ikm_err *err);

/* Letterhead contact line into buf: "Telp./Fax. X" when telepon equals
 * faks, else "Telp. X  Faks. Y", leaving out what is missing ("" when both
 * are). Returns the length of the whole line, like snprintf: a result >=
 * size means buf holds a truncated line. */
size_t profile_phone_line(const struct profile *p, char *buf, size_t size);

/* Letterhead web line into buf: "Website: X  Email: Y", leaving out what is
 * missing. Returns like profile_phone_line. */
size_t profile_web_line(const struct profile *p, char *buf, size_t size);

#endif
