#!/bin/sh
# End-to-end tests of `ikm profile load|show`: the office profile kept in
# the store (what the console's documents print), read from the same INI
# file as `ikm report --profile`, with its PNG logo; errors name the file
# and line; a bad logo stores nothing; the change is in the audit log.
. "$IKM_TOP/tests/e2e/lib.sh"
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null

run profile show --db "$DB"
expect_rc "show an empty profile" 0
expect_out "show: the sections" "[kop]"
expect_out "show: no logo" "; logo: tidak ada / none"

run profile load "$IKM_TOP/examples/mojokerto.ini" --db "$DB"
expect_rc "load the example profile" 0
expect_out "load: said" "Profil kantor disimpan"
run profile show --db "$DB"
expect_out "show: the agency" "instansi = DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
expect_out "show: the signatory's NIP" "nip = 19700101 199001 1 001"

python3 - "$T" <<'PY'
import struct, sys, zlib
def png(w, h):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\0" + b"\x0a\x4f\x8a" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
t = sys.argv[1]
open(t + "/logo.png", "wb").write(png(8, 8))
open(t + "/lebar.png", "wb").write(png(4001, 1))
open(t + "/a.ini", "w").write("[kop]\ninstansi = Dinas <Uji> & Coba\nlogo = logo.png\n")
open(t + "/b.ini", "w").write("[kop]\ninstansi = Dinas Lain\nlogo = lebar.png\n")
open(t + "/c.ini", "w").write("[kop]\nwarna = biru\n")
PY
run profile load "$T/a.ini" --db "$DB"
expect_rc "a profile with a logo" 0
expect_out "load: with the logo" "(dengan logo)"
run profile show --db "$DB"
expect_out "show: the new agency, as typed" "instansi = Dinas <Uji> & Coba"
expect_out "show: a logo stored" "; logo: tersimpan / stored (PNG)"
if printf '%s' "$out" | grep -q "^nip = "; then not_ok "load replaces: the old NIP is gone"; else ok "load replaces: the old NIP is gone"; fi

run profile load "$T/b.ini" --db "$DB"
expect_rc "a logo too wide: refused" 1
expect_err "the logo named" "lebar.png"
run profile show --db "$DB"
expect_out "nothing stored from the refused file" "instansi = Dinas <Uji> & Coba"

run profile load "$T/c.ini" --db "$DB"
expect_rc "an unknown key: refused" 1
expect_err "the file and line named" "c.ini:2:"
run profile load "$T/none.ini" --db "$DB"
expect_rc "a missing file" 1
expect_err "a missing file: named" "none.ini"
run profile frobnicate --db "$DB"
expect_rc "an unknown subcommand: usage" 2

if python3 - "$DB" <<'PY'; then ok "the loads are in the audit log"; else not_ok "the loads are in the audit log"; fi
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT COUNT(*) FROM audit WHERE action = 'profile.update' AND username = 'cli'").fetchone()[0]
sys.exit(0 if n == 2 else 1)
PY
done_testing
