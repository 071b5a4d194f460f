#!/bin/sh
# End-to-end tests of `ikm report --kind rekomendasi`: the letter of the
# seed document from the demo data, as PDF (text checked with pdftotext)
# and HTML, with the example office profile; the processing workbook with
# its Profil and Saran sheets (formulas recalculated independently and by
# LibreOffice); the poster; options and errors.
. "$IKM_TOP/tests/e2e/lib.sh"
DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"
PROFILE="$IKM_TOP/examples/mojokerto.ini"

run report "$DEMO" --profile "$PROFILE" --period "Semester I 2022" --date 2022-07-15 \
	-o "$T/surat.pdf"
expect_rc "letter PDF: exit 0" 0
pdftotext -layout "$T/surat.pdf" "$T/surat.txt" 2>/dev/null
# pdftotext breaks lines: compare on text with line breaks folded.
tr -s ' \n' '  ' <"$T/surat.txt" >"$T/flat.txt"
out=$(cat "$T/flat.txt")
expect_out "letterhead: government" "PEMERINTAH KOTA MOJOKERTO"
expect_out "letterhead: agency" "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
expect_out "letterhead: contact line" "Telp./Fax. (0321) 395820"
expect_out "title names the period" "MASYARAKAT SEMESTER I 2022"
expect_out "result: IKM 96,89" "adalah 96,89 dengan mutu pelayanan A dan kinerja unit pelayanan SANGAT BAIK"
expect_out "weak: Perilaku Pelaksana 3,84" "Perilaku Pelaksana dengan nilai 3,84"
expect_out "weak: Penanganan Pengaduan 3,86" "Penanganan Pengaduan, Saran dan Masukan dengan nilai 3,86"
if grep -q "Persyaratan dengan nilai\|Biaya/Tarif dengan nilai\|Sarana dan Prasarana dengan nilai" "$T/flat.txt"; then
	not_ok "only the weak elements are named" "$(cat "$T/flat.txt")"
else
	ok "only the weak elements are named"
fi
expect_out "REKOMENDASI heading" "✓ REKOMENDASI"
expect_out "TINDAK LANJUT heading" "✓ TINDAK LANJUT"
expect_out "lettered items" "a. "
expect_out "the general recommendation" "Survei Kepuasan Masyarakat perlu terus dilaksanakan"
expect_out "date line in Indonesian" "Mojokerto, 15 Juli 2022"
expect_out "signatory" "Nama Kepala Dinas"
pages=$(pdfinfo "$T/surat.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ "${pages:-0}" -ge 1 ] && [ "${pages:-0}" -le 3 ]; then ok "letter fits 1-3 pages ($pages)"; else not_ok "letter pages" "$pages"; fi
if pdfinfo "$T/surat.pdf" | grep -q "595.276 x 841.89 pts (A4)"; then ok "A4 pages"; else not_ok "A4 pages"; fi

# Page images: no blank page, nothing in the outer 1,5 cm (margins are 2-2,5 cm).
pdftoppm -gray -r 40 "$T/surat.pdf" "$T/page" 2>/dev/null
if python3 "$IKM_TOP/tests/e2e/page_check.py" 1.5 "$T"/page-*.pgm >"$T/pages.txt"; then
	ok "letter pages: none blank, margins clear"
else
	not_ok "letter pages: none blank, margins clear" "$(cat "$T/pages.txt")"
fi

run report "$DEMO" --profile "$PROFILE" --period "Semester I 2022" --date 2022-07-15 \
	-o "$T/surat.html"
expect_rc "letter HTML: exit 0" 0
out=$(cat "$T/surat.html")
expect_out "HTML: IKM" "96,89"
expect_out "HTML: weak element" "Perilaku Pelaksana"
expect_out "HTML: lettered list" "<ol type=\"a\">"
if python3 -c "
import html.parser, sys
class P(html.parser.HTMLParser):
    pass
P().feed(open(sys.argv[1], encoding='utf-8').read())" "$T/surat.html"; then ok "HTML parses"; else not_ok "HTML parses"; fi

# Without a profile the letter still comes out (no letterhead text).
run report "$DEMO" -o "$T/plain.pdf" --date 2026-11-23
expect_rc "no profile: exit 0" 0

# The office's own catalog replaces the shipped items.
printf '[perilaku]\nrekomendasi = Pelatihan keramahan khusus untuk petugas loket;\n' >"$T/katalog.ini"
run report "$DEMO" --catalog "$T/katalog.ini" -o "$T/own.html" --date 2026-11-23
expect_rc "own catalog: exit 0" 0
out=$(cat "$T/own.html")
expect_out "own catalog item used" "<li>Pelatihan keramahan khusus untuk petugas loket;</li>"
if grep -q "letterhead\">" "$T/own.html"; then not_ok "no profile: no empty letterhead"; else ok "no profile: no empty letterhead"; fi

# The letter as an editable Word document.
run report "$DEMO" --profile "$PROFILE" --period "Semester I 2022" --date 2022-07-15 -o "$T/surat.docx"
expect_rc "letter DOCX: exit 0" 0
if python3 - "$T/surat.docx" <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
doc = z.read("word/document.xml").decode("utf-8")
xml.dom.minidom.parseString(doc)
for part in ("[Content_Types].xml", "word/styles.xml", "word/numbering.xml"):
    xml.dom.minidom.parseString(z.read(part))
text = "".join(t.firstChild.data for t in xml.dom.minidom.parseString(doc).getElementsByTagName("w:t") if t.firstChild)
assert "96,89" in text and "Perilaku Pelaksana" in text and "3,84" in text, text[:500]
assert "PEMERINTAH KOTA MOJOKERTO" in text and "Mojokerto, 15 Juli 2022" in text
PY
then ok "DOCX: valid parts and the letter's text"; else not_ok "DOCX: valid parts and the letter's text"; fi

# The processing workbook: live formulas whose recalculation (an
# independent evaluator, tests/e2e/xlsx_recalc.py) gives ikm compute's numbers.
run report "$DEMO" --kind olahdata --period "Semester I 2022" -o "$T/olah.xlsx"
expect_rc "olahdata: exit 0" 0
python3 "$IKM_TOP/tests/e2e/xlsx_recalc.py" "$T/olah.xlsx" >"$T/recalc.json"
out=$(cat "$T/recalc.json")
expect_json "olahdata: every cached value equals its recalculation" "all((str(v['value']) == v['cached']) if isinstance(v['value'], str) else abs(v['value'] - float(v['cached'])) < 1e-9 for v in d.values())"
expect_json "olahdata: IKM 96,89 A Sangat Baik from the formulas" "[v['value'] for v in d.values() if v['formula'].startswith('ROUND(')] == [96.89] and 'A' in [v['value'] for v in d.values()] and 'Sangat Baik' in [v['value'] for v in d.values()]"
expect_json "olahdata: weights are exactly 1/9, not 0,11" "sum(1 for v in d.values() if v['formula'] == '1/9') == 9"
expect_json "olahdata: NRR U7 3,84 and U9 3,86" "abs([v['value'] for k, v in d.items() if k == 'I258'][0] - 3.84) < 1e-12 and abs([v['value'] for k, v in d.items() if k == 'K258'][0] - 3.86) < 1e-12"
expect_json "olahdata: 250 respondent rows summed" "d['C256']['formula'] == 'SUM(C5:C254)' and d['C257']['value'] == 250"
# The Profil sheet: a table per profile field whose percentages and totals
# are live formulas; recalculated they give the cached values and the
# demo file's counts.
python3 "$IKM_TOP/tests/e2e/xlsx_recalc.py" --sheet Profil "$T/olah.xlsx" >"$T/profil.json"
out=$(cat "$T/profil.json")
expect_json "Profil: every cached value equals its recalculation" "len(d) == 37 and all(abs(v['value'] - float(v['cached'])) < 1e-9 for v in d.values())"
expect_json "Profil: Laki-laki 137 of 250 as a live share =B7/B\$9" "d['C7']['formula'] == 'B7/B\$9' and d['C7']['label'] == 'Laki-laki' and abs(d['C7']['value'] - 137 / 250) < 1e-15 and d['B9']['formula'] == 'SUM(B7:B8)' and d['B9']['value'] == 250"
expect_json "Profil: five tables, each 250 respondents and 100%" "[v['value'] for v in d.values() if v['formula'].startswith('SUM(B')] == [250] * 5 and all(abs(v['value'] - 1) < 1e-12 for v in d.values() if v['formula'].startswith('SUM(C'))"
expect_json "Profil: education folded (S1 -> D4/S1 57, D3 -> D1–D3 21)" "{v['label']: round(v['value'] * 250) for v in d.values() if v['label'] in ('D4/S1', 'D1–D3', 'SMA', 'S3')} == {'D4/S1': 57, 'D1–D3': 21, 'SMA': 113, 'S3': 0}"
expect_json "Profil: services by count, Akta Kelahiran 61 first" "[v['label'] for v in d.values() if v['label'] in ('Akta Kelahiran', 'Kartu Identitas Anak')] == ['Akta Kelahiran', 'Kartu Identitas Anak'] and [round(v['value'] * 250) for v in d.values() if v['label'] == 'Akta Kelahiran'] == [61]"
if python3 - "$T/olah.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
book = z.read("xl/workbook.xml").decode()
assert re.findall(r'<sheet name="([^"]+)"', book) == ["Olah Data", "Profil", "Saran"], book
charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
assert len(charts) == 6, charts  # NRR + five profile fields
refs = " ".join(z.read(n).decode() for n in charts)
for title in ("Jenis Kelamin", "Pendidikan"):
    assert title in refs, title
assert "Profil!$A$7:$A$8" in refs and "Profil!$B$7:$B$8" in refs
saran = z.read("xl/worksheets/sheet3.xml").decode()
assert "Petugas sabar menjelaskan persyaratan" in saran and "Pelayanan cepat, terima kasih" in saran
PY
then ok "olahdata: Profil and Saran sheets, a bar chart per profile field"; else not_ok "olahdata: Profil and Saran sheets, a bar chart per profile field"; fi
python3 "$IKM_TOP/tests/e2e/xlsx_recalc.py" --sheet Saran "$T/olah.xlsx" >"$T/saran.json"
out=$(cat "$T/saran.json")
expect_json "Saran: 33 suggestions summed live" "[v['value'] for v in d.values()] == [33] and all(abs(v['value'] - float(v['cached'])) < 1e-9 for v in d.values())"

# Missing values and more services than a table keeps.
{
	echo "Jenis Kelamin,Jenis Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran"
	i=1
	while [ "$i" -le 60 ]; do
		if [ $((i % 7)) -eq 0 ]; then g=""; else g="L"; fi
		echo "$g,Layanan $i,4,4,3,4,4,3,4,4,4,-"
		i=$((i + 1))
	done
} >"$T/many.csv"
run report "$T/many.csv" --kind olahdata -o "$T/many.xlsx"
expect_rc "olahdata: many services, missing genders: exit 0" 0
python3 "$IKM_TOP/tests/e2e/xlsx_recalc.py" --sheet Profil "$T/many.xlsx" >"$T/many.json"
out=$(cat "$T/many.json")
expect_json "Profil: 'Tidak diisi' and 'Lainnya (di luar daftar)' rows recompute" "all(abs(v['value'] - float(v['cached'])) < 1e-9 for v in d.values()) and [round(v['value'] * 60) for v in d.values() if v['label'] == 'Tidak diisi'] == [8] and [round(v['value'] * 60) for v in d.values() if v['label'] == 'Lainnya (di luar daftar)'] == [12] and [v['value'] for v in d.values() if v['formula'].startswith('SUM(B')] == [60, 60]"

# LibreOffice, where installed, recalculates the workbook with every cached
# value wiped: the formulas alone must give ikm compute's numbers.
if command -v soffice >/dev/null 2>&1; then
	python3 - "$T/olah.xlsx" "$T/wiped.xlsx" <<'PY'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if re.fullmatch(r"xl/worksheets/sheet[0-9]+\.xml", item.filename):
        data = re.sub(rb"(</f><v>)[^<]*(</v>)", rb"\g<1>0\g<2>", data)
    dst.writestr(item, data)
dst.close()
PY
	mkdir -p "$T/lo/user" "$T/csv"
	cat >"$T/lo/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
	# Every sheet to its own CSV (filter option 12 = -1): wiped-<sheet>.csv.
	timeout 300 soffice "-env:UserInstallation=file://$T/lo" --headless \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
		--outdir "$T/csv" "$T/wiped.xlsx" >/dev/null 2>&1
	out=$(cat "$T/csv/wiped-Olah Data.csv" 2>/dev/null)
	expect_out "LibreOffice recalculation: IKM 96,89" ",IKM dibulatkan,96.89,"
	expect_out "LibreOffice recalculation: mutu A" ",Mutu pelayanan,A,"
	expect_out "LibreOffice recalculation: kinerja" ",Kinerja unit pelayanan,Sangat Baik,"
	expect_out "LibreOffice recalculation: NRR U7 3,84 and U9 3,86" ",NRR per unsur,3.88,3.88,3.88,3.9,3.88,3.88,3.84,3.88,3.86"
	out=$(cat "$T/csv/wiped-Profil.csv" 2>/dev/null)
	expect_out "LibreOffice recalculation: Profil Laki-laki 54,8%" "Laki-laki,137,54.8%"
	expect_out "LibreOffice recalculation: Profil D4/S1 22,8%" "D4/S1,57,22.8%"
	expect_out "LibreOffice recalculation: Profil total" "Jumlah,250,100"
	out=$(cat "$T/csv/wiped-Saran.csv" 2>/dev/null)
	expect_out "LibreOffice recalculation: Saran total" "Jumlah,33"
else
	skip "LibreOffice recalculation of the workbook" "soffice not installed"
fi
run report "$DEMO" --kind olahdata -o "$T/olah.pdf"
expect_rc "olahdata to .pdf: usage error" 2
run report "$IKM_TOP/tests/data/missing.csv" --kind olahdata -o "$T/m.xlsx"
python3 "$IKM_TOP/tests/e2e/xlsx_recalc.py" "$T/m.xlsx" >"$T/m.json"
out=$(cat "$T/m.json")
expect_json "olahdata: a blank answer is left out of COUNT (NRR U1 = 4 over 2)" "d['C9']['value'] == 8 and d['C10']['value'] == 2 and d['C11']['value'] == 4 and [v['value'] for v in d.values() if v['formula'].startswith('ROUND(')] == [77.78]"
if python3 - "$T/m.xlsx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert "Data tidak memuat kolom profil responden" in z.read("xl/worksheets/sheet2.xml").decode()
assert "Tidak ada saran atau masukan." in z.read("xl/worksheets/sheet3.xml").decode()
assert not [n for n in z.namelist() if n.startswith("xl/charts/") and n != "xl/charts/chart1.xml"]
PY
then ok "olahdata: no profile columns: Profil and Saran say so, no profile chart"; else not_ok "olahdata: no profile columns: Profil and Saran say so, no profile chart"; fi

# The publication poster.
run report "$DEMO" --kind infografis --profile "$PROFILE" --period "Semester I 2022" -o "$T/poster.pdf"
expect_rc "infografis PDF: exit 0" 0
pdftotext "$T/poster.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/poster.txt"
out=$(cat "$T/poster.txt")
expect_out "poster: IKM" "96,89"
expect_out "poster: kinerja" "SANGAT BAIK"
expect_out "poster: respondents" "250 responden"
expect_out "poster: follow-up names the weak elements" "peningkatan unsur Perilaku Pelaksana (3,84) dan Penanganan Pengaduan, Saran dan Masukan (3,86)"
pdftoppm -gray -r 40 "$T/poster.pdf" "$T/poster" 2>/dev/null
if python3 "$IKM_TOP/tests/e2e/page_check.py" 0 "$T"/poster*.pgm >"$T/pages.txt"; then
	ok "poster page not blank"
else
	not_ok "poster page not blank" "$(cat "$T/pages.txt")"
fi
run report "$DEMO" --kind infografis -o "$T/poster.png"
expect_rc "infografis PNG: exit 0" 0
if [ "$(head -c 8 "$T/poster.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then ok "poster PNG signature"; else not_ok "poster PNG signature"; fi
run report "$DEMO" --kind infografis -o "$T/poster.svg"
expect_rc "infografis SVG: exit 0" 0
if grep -q "<svg" "$T/poster.svg"; then ok "poster SVG"; else not_ok "poster SVG"; fi
run report "$DEMO" --kind infografis -o "$T/poster.html"
expect_rc "infografis to .html: usage error" 2

# Errors.
run report "$DEMO" --kind laporn -o "$T/x.pdf"
expect_rc "unknown kind: usage error" 2
expect_err "unknown kind: the kinds listed" "rekomendasi, laporan, olahdata, infografis"
run report "$DEMO" -o "$T/x.odt"
expect_rc "unknown output format: usage error" 2
run report "$DEMO" -o "$T/x.pdf" --date 2022-13-01
expect_rc "bad date: usage error" 2
printf '[kop]\npemerintah = X\nalamt = salah ketik\n' >"$T/typo.ini"
run report "$DEMO" --profile "$T/typo.ini" -o "$T/x.pdf"
expect_rc "profile typo: data error" 1
expect_err "profile typo names the key" "alamt"
run report "$DEMO" -o "/nonexistent-dir/x.pdf"
expect_rc "unwritable output: data error" 1
expect_err "unwritable output named" "/nonexistent-dir/x.pdf"

done_testing
