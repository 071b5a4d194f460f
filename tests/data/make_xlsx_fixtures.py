#!/usr/bin/python3
"""Generate the XLSX test fixtures and fuzz seeds of ikm.

tests/data/google-forms-sample.xlsx: a Google-Forms-like export of an IKM
survey (header row with Timestamp and the question texts, answers as option
labels), written by openpyxl (Debian package python3-openpyxl) so the
reader is tested against a real producer. fuzz/corpus/xlsx/*.xlsx: small
hand-written workbooks (stdlib zipfile only) seeding the XLSX fuzz target.

Run from the repository top: /usr/bin/python3 tests/data/make_xlsx_fixtures.py
"""
import datetime
import os
import sys
import zipfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

HEADER = [
    "Timestamp",
    "Jenis Kelamin",
    "Usia",
    "Pendidikan Terakhir",
    "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan?",
    "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "Saran & masukan",
]

T0 = datetime.datetime(2024, 3, 4, 8, 15, 30)
ROWS = [
    [T0, "Laki-laki", 34, "SMA",
     "Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik",
     "Dikelola dengan baik", "Pelayanan sudah baik"],
    [T0 + datetime.timedelta(minutes=47), "Perempuan", 27, "S1",
     "Sangat sesuai", "Sangat mudah", "Sangat cepat", "Gratis", "Sangat sesuai",
     "Sangat kompeten", "Sangat sopan dan ramah", "Sangat baik", "Dikelola dengan baik",
     "Antrean <30 menit, petugas \"ramah\""],
    [T0 + datetime.timedelta(hours=2, minutes=3), "Perempuan", 45, "SMP",
     "Kurang sesuai", "Kurang mudah", "Kurang cepat", "Murah", "Kurang sesuai",
     "Kurang kompeten", "Kurang sopan dan ramah", "Cukup", "Berfungsi kurang maksimal",
     None],
    [T0 + datetime.timedelta(days=1, hours=1), "Laki-laki", 52, "D3",
     "Tidak sesuai", "Tidak mudah", "Tidak cepat", "Sangat mahal", "Tidak sesuai",
     "Tidak kompeten", "Tidak sopan dan ramah", "Buruk", "Tidak ada",
     "Ruang tunggu panas; perlu AC. Terima kasih 🙏"],
    [T0 + datetime.timedelta(days=1, hours=3, minutes=30), "Perempuan", 19, "SMA",
     "Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik",
     None, "  spasi di depan"],
]


def make_google_forms(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for cell in ws["A"][1:]:
        cell.number_format = "yyyy-mm-dd h:mm:ss"
    # a second sheet after the first: the reader must ignore it
    other = wb.create_sheet("Ringkasan")
    other.append(["bukan lembar pertama"])
    fixed = datetime.datetime(2024, 3, 6, 0, 0, 0)
    wb.properties.creator = "ikm tests"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.save(path)


NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 6, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def book(sheet_xml, sst_xml=None, target="worksheets/sheet1.xml", name="xl/worksheets/sheet1.xml",
         prefix=""):
    p = prefix + ":" if prefix else ""
    xmlns = ' xmlns%s="%s"' % (":" + prefix if prefix else "", NS_MAIN)
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
         "</Types>"),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
         'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (NS_PKG, NS_REL)),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8"?><%sworkbook%s xmlns:r="%s"><%ssheets>'
         '<%ssheet name="Data" sheetId="1" r:id="rId3"/></%ssheets></%sworkbook>'
         % (p, xmlns, NS_REL, p, p, p, p)),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId3" '
         'Type="%s/worksheet" Target="%s"/></Relationships>' % (NS_PKG, NS_REL, target)),
        (name, sheet_xml),
    ]
    if sst_xml is not None:
        parts.append(("xl/sharedStrings.xml", sst_xml))
    return parts


def sheet(rows, prefix=""):
    p = prefix + ":" if prefix else ""
    xmlns = ' xmlns%s="%s"' % (":" + prefix if prefix else "", NS_MAIN)
    return ('<?xml version="1.0" encoding="UTF-8"?><%sworksheet%s><%ssheetData>%s</%ssheetData>'
            "</%sworksheet>" % (p, xmlns, p, rows.replace("<", "<" + p).replace("<" + p + "/", "</" + p)
                                if p else rows, p, p))


def make_seeds(d):
    os.makedirs(d, exist_ok=True)
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="3" uniqueCount="3">'
           "<si><t>Timestamp</t></si><si><r><t>Sangat </t></r><r><rPr><b/></rPr><t>baik</t></r>"
           "<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si><si><t xml:space=\"preserve\"> a &amp; b </t>"
           "</si></sst>" % NS_MAIN)
    write_zip(os.path.join(d, "shared-rich.xlsx"), book(sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3"><v>4</v></c></row>'), sst))
    write_zip(os.path.join(d, "inline-prefix.xlsx"), book(sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c t="inlineStr"><is>'
        '<t>Nilai</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Budi</t></is></c>'
        '<c r="D2"><v>3.5</v></c></row>', prefix="x"), prefix="x"))
    write_zip(os.path.join(d, "types-abs-target.xlsx"), book(sheet(
        '<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c>'
        '<c t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c s="2"/></row><row r="2"/>'
        '<row r="4"><c r="B4"><v>1E-3</v></c></row>'),
        target="/xl/worksheets/data.xml", name="xl/worksheets/data.xml"))


def make_xml_seeds(d):
    """Seeds for the target's XML mode: sheet XML [NUL shared strings XML]."""
    with open(os.path.join(d, "sheet-sst.xml"), "wb") as f:
        f.write(('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
                 '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c></row>'
                 '<row><c t="b"><v>1</v></c><c><v>4.5</v></c><c r="F2" t="s"><v>1</v></c></row>'
                 '</sheetData></worksheet>' % NS_MAIN).encode())
        f.write(b"\0")
        f.write(('<sst xmlns="%s"><si><t>Sangat baik</t></si><si><r><t>a</t></r><r><t>b</t></r>'
                 '<rPh><t>c</t></rPh></si></sst>' % NS_MAIN).encode())


def main():
    data = os.path.join(TOP, "tests", "data")
    make_google_forms(os.path.join(data, "google-forms-sample.xlsx"))
    seeds = os.path.join(TOP, "fuzz", "corpus", "xlsx")
    make_seeds(seeds)
    make_xml_seeds(seeds)
    with open(os.path.join(data, "google-forms-sample.xlsx"), "rb") as f:
        with open(os.path.join(seeds, "google-forms-sample.xlsx"), "wb") as g:
            g.write(f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
