#!/bin/sh
# End-to-end tests of `ikm report --kind laporan`: the Laporan SKM of the
# seed's demo data as PDF (text checked with pdftotext, pages rendered with
# pdftoppm), HTML and DOCX; the previous period; options and errors. The
# expected profile counts are derived here from the CSV with awk, not typed.
. "$IKM_TOP/tests/e2e/lib.sh"
DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"
PROFILE="$IKM_TOP/examples/mojokerto.ini"

run report "$DEMO" --kind laporan --profile "$PROFILE" --period "Semester I 2022" \
	--date 2022-07-15 --population 1000 -o "$T/laporan.pdf"
expect_rc "laporan PDF: exit 0" 0
# -layout keeps pages and lines (form feeds between pages); -raw keeps each
# table cell's text in one piece, for the content checks.
pdftotext -layout "$T/laporan.pdf" "$T/laporan.txt" 2>/dev/null
pdftotext -raw "$T/laporan.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/flat.txt"
out=$(cat "$T/flat.txt")

# Cover and chapters.
expect_out "cover: title" "LAPORAN SURVEI KEPUASAN MASYARAKAT"
expect_out "cover: unit and period" "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA MOJOKERTO SEMESTER I 2022"
for ch in "BAB I PENDAHULUAN" "BAB II PENGUMPULAN DATA" "BAB III HASIL PENGOLAHAN DATA" \
	"BAB IV ANALISIS" "BAB V KESIMPULAN" "LAMPIRAN"; do
	expect_out "chapter: $ch" "$ch"
done
# Each chapter opens a page: its label is the first text after a form feed.
python3 - "$T/laporan.txt" <<'PY' >"$T/ch.txt"
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
for label in ("BAB I\n", "BAB II\n", "BAB III\n", "BAB IV\n", "BAB V\n"):
    starts = [p for p in pages if p.strip().startswith(label.strip()) and p.lstrip().split("\n")[0].strip() == label.strip()]
    print(label.strip(), len(starts))
PY
if [ "$(grep -c ' 1$' "$T/ch.txt")" -eq 5 ]; then ok "every chapter starts a page"; else not_ok "every chapter starts a page" "$(cat "$T/ch.txt")"; fi
expect_out "legal basis" "Nomor 14 Tahun 2017"

# BAB II: sample adequacy with the population.
expect_out "sample: population, minimum and n" "sebanyak 1.000 orang. Menurut tabel Krejcie dan Morgan, jumlah responden minimal untuk populasi tersebut adalah 278 orang. Responden yang terkumpul dan diolah sebanyak 250 orang, sehingga jumlah responden belum memenuhi jumlah minimal"
expect_out "survey dates from the data" "bertanggal 3 Januari 2022 sampai dengan 28 Juni 2022"
expect_out "method from the profile" "Data dikumpulkan dengan Kuesioner elektronik dan kertas"

# BAB III: profile tables with counts derived from the file.
count() { awk -F, -v c="$1" -v v="$2" 'NR > 1 && $c == v { n++ } END { print n + 0 }' "$DEMO"; }
males=$(count 3 L)
females=$(count 3 P)
expect_out "gender: Laki-laki $males" "Laki-laki $males"
expect_out "gender: Perempuan $females" "Perempuan $females"
band60=$(awk -F, 'NR > 1 && $4 + 0 >= 60 { n++ } END { print n + 0 }' "$DEMO")
band20=$(awk -F, 'NR > 1 && $4 + 0 >= 20 && $4 + 0 < 30 { n++ } END { print n + 0 }' "$DEMO")
expect_out "age band ≥ 60: $band60" "≥ 60 tahun $band60"
expect_out "age band 20–29: $band20" "20–29 tahun $band20"
s1=$(count 5 S1)
expect_out "education: S1 folded into D4/S1 ($s1)" "D4/S1 $s1"
akta=$(count 7 "Akta Kelahiran")
expect_out "service: Akta Kelahiran $akta" "Akta Kelahiran $akta"
expect_out "profile percentages with a decimal comma" "$(python3 -c "print(f'{round($males * 1000 / 250) / 10:.1f}'.replace('.', ','))")%"
expect_out "profile chart caption" "Gambar 3.1 Responden menurut Jenis Kelamin"

# BAB III: the element table and the IKM, equal to ikm compute.
run compute "$DEMO" --json --population 1000
cp "$T/out" "$T/compute.json"
out=$(cat "$T/flat.txt")
expect_out "element: U7 Perilaku Pelaksana 3,8400 96,00 A" "U7 Perilaku Pelaksana 250 3,8400 96,00 A"
expect_out "element: U9 pengaduan 3,8600" "Penanganan Pengaduan, Saran dan Masukan 250 3,8600 96,50 A"
expect_out "IKM row: NI and IKM" "3,8756 96,89 A"
expect_out "IKM sentence" "IKM = NI × 25 = 96,89"
expect_out "mutu and kinerja" "A dengan kinerja unit pelayanan SANGAT BAIK"
ci=$(python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
c = d['ci95']
f = lambda v: f'{v:.2f}'.replace('.', ',')
print(f(c['low']) + ' dan ' + f(c['high']))" "$T/compute.json" 2>/dev/null)
expect_out "interval equals ikm compute's ($ci)" "IKM berada di antara $ci"
expect_out "element chart caption" "Nilai unsur pelayanan (NRR × 25) dan batas mutu"

# Suggestions grouped and counted (first-seen spelling kept).
sabar=$(grep -c "Petugas sabar menjelaskan persyaratan" "$DEMO")
expect_out "suggestion grouped: $sabar" "Petugas sabar menjelaskan persyaratan $sabar"

# BAB IV: weak elements and the follow-up plan.
expect_out "priority elements named" "Perilaku Pelaksana (NRR 3,84, mutu A) dan Penanganan Pengaduan, Saran dan Masukan (NRR 3,86, mutu A)"
expect_out "RTL header" "No Prioritas Unsur Program/Kegiatan Waktu Penanggung Jawab"
expect_out "RTL: the weak element" "U7 Perilaku Pelaksana (NRR 3,8400)"
expect_out "RTL: time from the profile" "Semester II 2022"
expect_out "no previous period: said plainly" "Data periode sebelumnya tidak disertakan"

# Lampiran: questionnaire and the processing table over all 250 rows.
expect_out "lampiran: questionnaire" "1 = Tidak sesuai; 2 = Kurang sesuai; 3 = Sesuai; 4 = Sangat sesuai"
expect_out "lampiran: processing table header" "Responden U1 U2 U3 U4 U5 U6 U7 U8 U9"
sumu7=$(awk -F, 'NR > 1 { s += $14 } END { print s }' "$DEMO")
expect_out "lampiran: Σ of U7 ($sumu7)" "$sumu7"
expect_out "lampiran: NRR row" "NRR 3,8800 3,8800 3,8800 3,9000 3,8800 3,8800 3,8400 3,8800 3,8600"
expect_out "lampiran: weight 1/9" "Bobot 1/9 1/9"
expect_out "lampiran: NI" "NI = Σ (NRR × bobot) = 3,8756"
row250=$(awk -F, 'NR == 251 { print "250 " $8 " " $9 " " $10 " " $11 " " $12 " " $13 " " $14 " " $15 " " $16 }' "$DEMO")
expect_out "lampiran: the last respondent ($row250)" "$row250"
expect_out "page numbers" " 12 "

pages=$(pdfinfo "$T/laporan.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ "${pages:-0}" -ge 12 ] && [ "${pages:-0}" -le 40 ]; then ok "laporan: $pages pages"; else not_ok "laporan pages" "$pages"; fi
# The header of the processing table repeats on every page it spans.
heads=$(grep -cE "Responden +U1 +U2 +U3" "$T/laporan.txt")
if [ "$heads" -ge 4 ]; then ok "processing table header repeated ($heads pages)"; else not_ok "processing table header repeated" "$heads"; fi
pdftoppm -gray -r 40 "$T/laporan.pdf" "$T/page" 2>/dev/null
if python3 "$IKM_TOP/tests/e2e/page_check.py" 1.5 "$T"/page-*.pgm >"$T/pages.txt"; then
	ok "laporan pages: none blank, margins clear"
else
	not_ok "laporan pages: none blank, margins clear" "$(cat "$T/pages.txt")"
fi

# A shorter lampiran: the first rows, the totals still over everyone.
run report "$DEMO" --kind laporan --lampiran-rows 10 --date 2022-07-15 -o "$T/short.pdf"
expect_rc "--lampiran-rows 10: exit 0" 0
pdftotext -raw "$T/short.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/short.txt"
out=$(cat "$T/short.txt")
expect_out "short lampiran: says what is left out" "Tabel mencetak 10 responden pertama dari 250"
expect_out "short lampiran: the gap row" "11-250"
expect_out "short lampiran: totals over all" "NRR 3,8800 3,8800 3,8800 3,9000 3,8800 3,8800 3,8400 3,8800 3,8600"
expect_out "no profile: unit named generically" "unit pelayanan"

# The previous period: a worse copy of the demo (U7 answers 4 -> 2).
awk -F, 'BEGIN { OFS = "," } NR > 1 && $14 == 4 && NR % 2 == 0 { $14 = 2 } { print }' "$DEMO" >"$T/prev.csv"
run report "$DEMO" --kind laporan --previous "$T/prev.csv" --previous-period "Semester II 2021" \
	--date 2022-07-15 -o "$T/trend.pdf"
expect_rc "--previous: exit 0" 0
pdftotext -raw "$T/trend.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/trend.txt"
out=$(cat "$T/trend.txt")
expect_out "change: IKM rose from the previous period" "IKM naik dari"
expect_out "change: names the previous period" "(periode Semester II 2021)"
expect_out "change: U7 rose for real" "Perilaku Pelaksana"
expect_out "change: verdict column" "ya, naik"
expect_out "change: unchanged elements not real" "belum nyata"

# HTML and DOCX from the same document.
run report "$DEMO" --kind laporan --profile "$PROFILE" --period "Semester I 2022" \
	--date 2022-07-15 -o "$T/laporan.html"
expect_rc "laporan HTML: exit 0" 0
out=$(cat "$T/laporan.html")
expect_out "HTML: IKM" "96,89"
expect_out "HTML: inline SVG chart" "<svg"
expect_out "HTML: table head" "<thead>"
if python3 -c "
import html.parser, sys
html.parser.HTMLParser().feed(open(sys.argv[1], encoding='utf-8').read())" "$T/laporan.html"; then ok "HTML parses"; else not_ok "HTML parses"; fi
run report "$DEMO" --kind laporan --profile "$PROFILE" --period "Semester I 2022" \
	--date 2022-07-15 -o "$T/laporan.docx"
expect_rc "laporan DOCX: exit 0" 0
if python3 - "$T/laporan.docx" <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
doc = xml.dom.minidom.parseString(z.read("word/document.xml"))
text = "".join(t.firstChild.data for t in doc.getElementsByTagName("w:t") if t.firstChild)
assert "96,89" in text and "BAB III" in text and "Penanggung Jawab" in text, text[:300]
assert doc.getElementsByTagName("w:tblHeader"), "no repeated table header"
assert any(n.startswith("word/media/") for n in z.namelist()), "no chart picture"
PY
then ok "DOCX: chapters, tables with repeated headers, charts"; else not_ok "DOCX: chapters, tables with repeated headers, charts"; fi

# Custom age bands, in the report and in the workbook's Profil sheet.
run report "$DEMO" --kind laporan --age-bands 30,50 --date 2022-07-15 -o "$T/bands.pdf"
expect_rc "--age-bands 30,50: exit 0" 0
young=$(awk -F, 'NR > 1 && $4 + 0 < 30 { n++ } END { print n + 0 }' "$DEMO")
out=$(pdftotext -raw "$T/bands.pdf" - 2>/dev/null | tr -s ' \n' '  ')
expect_out "bands: < 30 tahun $young" "< 30 tahun $young"
expect_out "bands: 30–49 tahun" "30–49 tahun"
run report "$DEMO" --kind olahdata --age-bands 30,50 -o "$T/bands.xlsx"
expect_rc "olahdata --age-bands: exit 0" 0
out=$(python3 -c "
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(' '.join(z.read(n).decode('utf-8') for n in z.namelist() if n.endswith('.xml')))" "$T/bands.xlsx")
expect_out "olahdata: the custom band" "30–49 tahun"

# Errors.
run report "$DEMO" --kind laporan -o "$T/laporan.xlsx"
expect_rc "laporan as .xlsx: usage error" 2
expect_err "laporan formats named" ".pdf|.html|.docx"
run report "$DEMO" --kind laporan --age-bands 30,20 -o "$T/x.pdf"
expect_rc "bad --age-bands: usage error" 2
expect_err "bad --age-bands: says why" "--age-bands"
run report "$DEMO" --kind laporan --lampiran-rows -1 -o "$T/x.pdf"
expect_rc "bad --lampiran-rows: usage error" 2
run report "$DEMO" --kind laporan --previous "$T/missing.csv" -o "$T/x.pdf"
expect_rc "missing --previous file: error" 1
expect_err "missing --previous file named" "missing.csv"
if [ -e "$T/x.pdf" ]; then not_ok "no output after an error"; else ok "no output after an error"; fi

done_testing
