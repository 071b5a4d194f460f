#!/bin/sh
# End-to-end tests of `ikm qr`: the QR poster as PDF (text checked with
# pdftotext, one A4 page, margins clear on the page image), PNG and SVG;
# usage errors (bad extension, no URL, no output, extra argument) and the
# limits.
. "$IKM_TOP/tests/e2e/lib.sh"
URL=https://contoh.go.id/u/dispenduk

run qr "$URL" -o "$T/x.pdf" --org "Pemerintah Kota Mojokerto" \
	--unit "Dinas Kependudukan dan Pencatatan Sipil" --service "Akta Kelahiran"
expect_rc "PDF: exit 0" 0
expect_err "PDF: says it is written" "x.pdf ditulis / written"
pdftotext "$T/x.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/flat.txt"
out=$(cat "$T/flat.txt")
expect_out "organisation" "Pemerintah Kota Mojokerto"
expect_out "title" "SURVEI KEPUASAN MASYARAKAT"
expect_out "unit" "Dinas Kependudukan dan Pencatatan Sipil"
expect_out "service" "Akta Kelahiran"
expect_out "URL under the code" "$URL"
expect_out "call to action, Indonesian" "Pindai kode QR ini dengan ponsel Anda untuk mengisi survei (± 2 menit). Jawaban Anda membantu kami memperbaiki pelayanan."
expect_out "call to action, English" "Scan this QR code with your phone to fill in the survey (about 2 minutes). Your answers help us improve the service."
if pdfinfo "$T/x.pdf" | grep -q "595.276 x 841.89 pts (A4)" && pdfinfo "$T/x.pdf" | grep -q "^Pages: *1$"; then
	ok "one A4 page"
else
	not_ok "one A4 page" "$(pdfinfo "$T/x.pdf" 2>&1)"
fi
pdftoppm -gray -r 40 "$T/x.pdf" "$T/page" 2>/dev/null
if python3 "$IKM_TOP/tests/e2e/page_check.py" 1.5 "$T"/page-*.pgm >"$T/pages.txt"; then
	ok "page not blank, nothing within 1,5 cm of the edges"
else
	not_ok "page not blank, nothing within 1,5 cm of the edges" "$(cat "$T/pages.txt")"
fi

run qr -o "$T/x.png" "$URL" --unit "Dinas Kesehatan"
expect_rc "PNG (options before the URL): exit 0" 0
if [ "$(head -c 8 "$T/x.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
	ok "PNG signature"
else
	not_ok "PNG signature"
fi
run qr "$URL" --output "$T/x.svg"
expect_rc "SVG, no names: exit 0" 0
if grep -q "</svg>" "$T/x.svg"; then ok "SVG closed"; else not_ok "SVG closed"; fi

run qr "$URL" -o "$T/x.jpg"
expect_rc "bad extension: exit 2" 2
expect_err "bad extension is named" ".jpg"
if [ -e "$T/x.jpg" ]; then not_ok "bad extension: no file"; else ok "bad extension: no file"; fi
run qr -o "$T/y.pdf" --unit "Dinas Kesehatan"
expect_rc "missing URL: exit 2" 2
expect_err "missing URL is said" "URL"
run qr "" -o "$T/y.pdf"
expect_rc "empty URL: exit 2" 2
run qr "$URL"
expect_rc "missing -o: exit 2" 2
run qr "$URL" "$URL" -o "$T/y.pdf"
expect_rc "extra argument: exit 2" 2
run qr "$URL" -o "$T/y.pdf" --colour red
expect_rc "unknown option: exit 2" 2
run qr --help
expect_rc "--help: exit 0" 0
expect_out "--help shows the usage" "ikm qr URL -o POSTER"
if [ -e "$T/y.pdf" ]; then not_ok "errors write no file"; else ok "errors write no file"; fi

long=$(printf '%0513d' 0)
run qr "https://contoh.go.id/$long" -o "$T/z.pdf"
expect_rc "URL over 512 bytes: exit 1" 1
expect_err "URL limit named" "512"
run qr "$URL" -o "$T/z.pdf" --unit "$long"
expect_rc "unit name over 255 bytes: exit 1" 1
expect_err "name limit named" "255"
run qr "$URL" -o "$T/missing/z.pdf"
expect_rc "unwritable output: exit 1" 1

run --help
expect_out "ikm --help lists qr" "ikm qr URL"

done_testing
