# ikm — GNU Makefile. `make` builds build/ikm; `make test` runs every test and
# ends with "N passed, N failed"; `make test SANITIZE=1` does it under
# ASan+UBSan; `make valgrind` under valgrind. Libraries come from pkg-config;
# when one is missing, scripts/install-deps installs the Debian packages.

SANITIZE ?= 0
ifeq ($(SANITIZE),1)
BUILD ?= build/asan
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1
else
BUILD ?= build/release
SANFLAGS :=
# Link-time optimisation lets the per-row path (CSV reader, value check,
# accumulator) inline across modules: about 25% faster on bench/compute.sh.
OPT := -O2 -flto=auto
endif

CC ?= cc
AR := gcc-ar
PKGS := gmp libzip expat cairo pangocairo inih xlsxwriter sqlite3 libpq libmicrohttpd libqrencode jansson libsodium
TEST_PKGS := cmocka

# Probe pkg-config once; install the Debian packages when anything is missing.
PKG_OK := $(shell pkg-config --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && echo yes)
ifneq ($(PKG_OK),yes)
ifeq ($(filter clean format check,$(MAKECMDGOALS)),)
$(info ikm: required libraries missing; running scripts/install-deps)
$(shell scripts/install-deps >&2)
endif
endif

WARN := -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wvla -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter
HARDEN := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
CFLAGS := -std=c17 $(OPT) -g $(WARN) $(HARDEN) $(SANFLAGS) -D_POSIX_C_SOURCE=200809L \
	-D_DEFAULT_SOURCE -pthread $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(EXTRA_CFLAGS)
LDFLAGS := -pie -pthread -Wl,-z,relro,-z,now $(SANFLAGS) $(filter -flto%,$(OPT)) $(EXTRA_LDFLAGS)
LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
TEST_LIBS := $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

INCLUDES := -Isrc -Isrc/core -Isrc/io -Isrc/report -Isrc/store -Isrc/web -Isrc/cli

CORE_SRC := $(wildcard src/core/*.c)
IO_SRC := $(wildcard src/io/*.c)
REPORT_SRC := $(wildcard src/report/*.c)
STORE_SRC := $(wildcard src/store/*.c)
WEB_SRC := $(wildcard src/web/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
LIB_SRC := $(CORE_SRC) $(IO_SRC) $(REPORT_SRC) $(STORE_SRC) $(WEB_SRC) $(filter-out src/cli/main.c,$(CLI_SRC))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_HELP := $(filter-out $(TEST_SRC),$(wildcard tests/*.c))
TEST_HELP_OBJ := $(TEST_HELP:%.c=$(BUILD)/%.o)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

.PHONY: all test valgrind check format fuzz bench run clean
.SECONDARY:
all: $(BUILD)/ikm

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(INCLUDES) -DIKM_VERSION='"$(VERSION)"' -MMD -MP -c $< -o $@

$(BUILD)/libikm.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/ikm: $(BUILD)/src/cli/main.o $(BUILD)/libikm.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)
	@ln -sf $(notdir $(BUILD))/ikm build/ikm 2>/dev/null || true

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(TEST_HELP_OBJ) $(BUILD)/libikm.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(TEST_LIBS)

test: $(BUILD)/ikm $(TEST_BIN)
	@tests/run.sh $(BUILD)

valgrind: $(BUILD)/ikm $(TEST_BIN)
	@VALGRIND=1 tests/run.sh $(BUILD)

check:
	@scripts/check-source
	@scripts/embed-catalog --check
	@scripts/embed-files --check

# The default recommendation catalog is embedded in the binary.
src/report/catalog_data.c: share/rekomendasi.ini scripts/embed-catalog
	scripts/embed-catalog share/rekomendasi.ini $@

# So are the files of share/web (templates, static files). The directories
# are prerequisites too: adding or removing a file changes their time.
WEB_FILES := $(shell find share/web -name '.?*' -prune -o -print 2>/dev/null)
src/web/webfiles_data.c: $(WEB_FILES) scripts/embed-files
	scripts/embed-files share/web $@

format:
	clang-format -i $(wildcard src/*/*.c src/*/*.h tests/*.c tests/*.h fuzz/*.c)

FUZZ_SECONDS ?= 30
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

bench: $(BUILD)/ikm
	@bench/compute.sh
	@bench/report.sh
	@bench/submit.sh

# The demo office: the seed's Dinas, its services, Semester I 2022 with the
# demo responses, and the current semester open for the questionnaire.
SEMESTER := $(shell m=$$(date +%m); y=$$(date +%Y); \
	if [ $${m#0} -le 6 ]; then echo "$$y-s1 $$y-01-01 $$y-06-30 I"; \
	else echo "$$y-s2 $$y-07-01 $$y-12-31 II"; fi)
DEMO_DB := var/ikm.db

run: $(BUILD)/ikm
	@mkdir -p var
	@if [ ! -f $(DEMO_DB) ]; then \
		set -e; ikm="$(BUILD)/ikm"; db="--db $(DEMO_DB)"; \
		$$ikm init $$db --name "Pemerintah Kota Mojokerto"; \
		$$ikm unit add dispenduk $$db \
			--name "Dinas Kependudukan dan Pencatatan Sipil Kota Mojokerto" >/dev/null; \
		for s in "akta-kelahiran:Akta Kelahiran" "akta-kematian:Akta Kematian" \
			"ktp-el:KTP-el" "kartu-keluarga:Kartu Keluarga" \
			"kia:Kartu Identitas Anak" "pindah-datang:Pindah Datang"; do \
			$$ikm service add "$${s%%:*}" --unit dispenduk --name "$${s#*:}" $$db >/dev/null; \
		done; \
		$$ikm period add 2022-s1 $$db --from 2022-01-01 --to 2022-06-30 \
			--name "Semester I 2022" >/dev/null; \
		set -- $(SEMESTER); \
		$$ikm period add "$$1" $$db --from "$$2" --to "$$3" --name "Semester $$4 $${1%%-*}" >/dev/null; \
		$$ikm import examples/mojokerto-2022-s1-demo.csv $$db --unit dispenduk --period 2022-s1; \
		$$ikm profile load examples/mojokerto.ini $$db >/dev/null; \
		pw=$$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n'); \
		echo "$$pw" | $$ikm user add admin --role admin-kota --name "Admin Demo" $$db >/dev/null; \
		(umask 077; echo "$$pw" >var/admin-sandi.txt); \
	fi
	$(BUILD)/ikm compute --db $(DEMO_DB) --unit dispenduk --period 2022-s1
	$(BUILD)/ikm report examples/mojokerto-2022-s1-demo.csv --profile examples/mojokerto.ini \
		--period "Semester I 2022" -o var/rekomendasi-demo.pdf
	$(BUILD)/ikm report examples/mojokerto-2022-s1-demo.csv --kind laporan \
		--profile examples/mojokerto.ini --period "Semester I 2022" -o var/laporan-demo.pdf
	$(BUILD)/ikm report examples/mojokerto-2022-s1-demo.csv --kind olahdata \
		--period "Semester I 2022" -o var/olahdata-demo.xlsx
	$(BUILD)/ikm report examples/mojokerto-2022-s1-demo.csv --kind infografis \
		--profile examples/mojokerto.ini --period "Semester I 2022" -o var/infografis-demo.png
	@echo "ikm: buka / open http://127.0.0.1:8080/ (kuesioner: /u/dispenduk; kios: /u/dispenduk/kiosk)"
	@echo "ikm: konsol / console http://127.0.0.1:8080/login: pengguna admin, kata sandi di var/admin-sandi.txt; Ctrl+C untuk berhenti / to stop"
	$(BUILD)/ikm serve --db $(DEMO_DB) --listen 127.0.0.1:8080

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(BUILD)/src/cli/main.d $(TEST_BIN:=.d) $(TEST_HELP_OBJ:.o=.d)
