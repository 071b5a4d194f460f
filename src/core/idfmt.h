/* idfmt: number formatting in one place. Indonesian text uses the decimal
 * comma and the thousands dot (96,89; 1.000.000); machine formats (JSON, CSV
 * for machines) use a point and no grouping. Values arrive as fixed-point
 * integers already rounded by the core (9689 with 2 decimals = 96,89). */
#ifndef IKM_IDFMT_H
#define IKM_IDFMT_H

#include <stddef.h>
#include <stdint.h>

#define IDFMT_MAX_DECIMALS 18 /* named limit: decimals are clamped to 0..18 */

/* Indonesian: "96,89", "1.234,5000". Returns buf. */
char *idfmt_fixed(char *buf, size_t size, int64_t value, int decimals);

/* Machine: "96.89", "1234.5000". Returns buf. */
char *idfmt_fixed_c(char *buf, size_t size, int64_t value, int decimals);

/* Indonesian integer with thousands dots: "5.000.000". Returns buf. */
char *idfmt_int(char *buf, size_t size, int64_t value);

/* Indonesian date "23 November 2026" (month 1..12, day 1..31). Returns
 * buf; an impossible month gives "". */
char *idfmt_date(char *buf, size_t size, int year, int month, int day);

#endif
