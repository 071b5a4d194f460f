/* console_setup_int: what the files of the setup pages under /admin/atur
 * share. console_setup.c answers the overview, units and services and
 * dispatches the rest to console_setup_period.c (periods, populations),
 * console_setup_instr.c (instrument versions) and console_setup_profile.c
 * (the office profile and its logo). Every handler gets a request whose
 * route and method are already checked (and, for a POST, its CSRF token);
 * it checks the units it names and the role for changes. */
#ifndef IKM_CONSOLE_SETUP_INT_H
#define IKM_CONSOLE_SETUP_INT_H

#include "console_int.h"

#define SETUP_ERR_MAX 240 /* bytes of a message next to a field */

/* The unit tree as the signed-in user may see it. */
struct setup_tree {
	struct store_unit *u; /* every unit, parents before children */
	int *depth;           /* 0 for the top level */
	int *mine;            /* 1: within the user's reach (admin-kota: all) */
	int n;
};

/* Read the tree into t: 0, or -1 (a store failure, answered). Free with
 * console_setup_tree_free (also after a failure). */
int console_setup_tree(struct console_ctx *c, struct setup_tree *t);
void console_setup_tree_free(struct setup_tree *t);

/* Add to d the list "units" of the units in t the user may reach (slug,
 * name prefixed by its depth, "selected" for the slug `selected`). */
void console_setup_unit_options(struct tmpl_data *d, const struct setup_tree *t,
                                const char *selected);

/* The unit named by parameter `name`: 1 with *u when the user may reach
 * it; 0 when the parameter is missing or empty (nothing answered); -1
 * answered (404 unknown, 403 another subtree, 503). */
int console_setup_unit(struct console_ctx *c, const char *name, struct store_unit *u);

/* 1 when the user may change what only admin-kota changes; else 0 after
 * answering 403 (audited as access.refused). */
int console_setup_kota(struct console_ctx *c);

/* Copy msg into dst[size], cut at a UTF-8 boundary when longer. */
void console_setup_msg(char *dst, size_t size, const char *msg);

/* The object of an audit entry ("unit dinkes") into buf; returns buf. */
char *console_setup_object(char buf[STORE_AUDIT_OBJECT_MAX + 1], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "23 Mei 2026" of a yyyymmdd day into buf. */
char *console_setup_day(char *buf, size_t size, int32_t day);

/* The pages of the other files (path after /admin/atur in comments). */
void console_setup_period_page(struct console_ctx *c);           /* GET /periode */
void console_setup_period_add(struct console_ctx *c);            /* POST /periode/tambah */
void console_setup_period_close(struct console_ctx *c);          /* POST /periode/tutup */
void console_setup_period_reopen(struct console_ctx *c);         /* POST /periode/buka */
void console_setup_period_population(struct console_ctx *c);     /* GET /populasi */
void console_setup_period_population_set(struct console_ctx *c); /* POST /populasi */
void console_setup_instr_page(struct console_ctx *c);            /* GET /instrumen */
void console_setup_instr_texts(struct console_ctx *c);           /* POST /instrumen/teks */
void console_setup_instr_add(struct console_ctx *c);             /* POST /instrumen/unsur */
void console_setup_profile_page(struct console_ctx *c);          /* GET /profil */
void console_setup_profile_save(struct console_ctx *c);          /* POST /profil */
void console_setup_profile_logo(struct console_ctx *c);          /* POST /profil/logo */
void console_setup_profile_logo_remove(struct console_ctx *c);   /* POST /profil/logo-hapus */
void console_setup_profile_logo_png(struct console_ctx *c);      /* GET /profil/logo.png */

#endif
