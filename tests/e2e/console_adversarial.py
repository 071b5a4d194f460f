#!/usr/bin/python3
"""The adversarial drive behind tests/e2e/test_console_adversarial.sh.

Usage: console_adversarial.py BASE_URL DB API_KEY

Signs in as the users the shell script made, then feeds hostile values
(SQL injection, script, over-long, control characters and NUL, invalid
UTF-8, CRLF, path traversal) into every field of every form it finds on
the console pages and the public questionnaire (scraped, so a new field is
covered without editing this file), into every query parameter and path
segment of the console's routes, into the kiosk POST and the JSON API;
tries path traversal on the downloads, hostile uploads, requests without
a session; then reads every page and document that could show what was
stored. Expected everywhere: no 5xx, no raw markup from a payload in any
page or document, no injected header, and the database intact with
exactly the rows the accepted requests added.

Prints one line per check: "ok<TAB>what" or "not ok<TAB>what<TAB>why",
and last "stats<TAB>..." (counts for the summary).
"""
import csv
import html
import io
import json
import os
import re
import secrets
import sqlite3
import sys
import urllib.parse
import zipfile
import zlib
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from adv_lib import (HEAD, Client, base_pairs, bomb_xlsx, check, connect, encode,  # noqa: E402
                     forms_of, multipart, png, q, raw_request, refused_post, results, scan, sheet, short,
                     stats, with_value, xlsx, zip_of)

URL, DB, API_KEY = sys.argv[1:4]
connect(URL)
PW = "kata-sandi-uji-panjang"  # every user's password (set by the shell script)

SQL = ["' OR '1'='1", "'; DROP TABLE response; --", '" OR 1=1 --', "1; SELECT"]
XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
       "</script><script>alert(2)</script>", "<svg onload=alert(3)>"]
OTHER = [b"a\x00b", b"a\x01\x1b[31mb", b"\xc3\x28", "x\r\nSet-Cookie: evil=1",
         "../../../../etc/passwd", "-1", "99999999999999999999999"]
# Past the named limits: slug (63), typed values (64), names (255; two-byte
# letters at even and odd offsets, so a cut falls inside one), reasons
# (500), suggestions (2000), a decoded form value (4000).
LONG = ["a" * 64, "é" * 128, "x" + "é" * 128, "B" * 501, "C" * 2001, "D" * 4001]
# b"" empties a field; None leaves it out of the request.
PAYLOADS = [p.encode() if isinstance(p, str) else p for p in SQL + XSS + OTHER + LONG] + [b"", None]
# Suggestions a spreadsheet would run as formulas (stored by paper entry).
FORMULAS = ['=HYPERLINK("http://contoh.invalid","klik")', "+1+1", "-2+3", "@SUM(1)"]
stats["payloads"] = len(PAYLOADS)
stored = {"response": 0, "unit": 0, "service": 0, "period": 0, "app_user": 0}
channels = {"web": 0, "kiosk": 0, "paper": 0, "import": 0, "api": 0}  # responses accepted by channel

# ---- sign-in --------------------------------------------------------------

ip_counter = [0]


def fresh_ip():
    ip_counter[0] += 1
    i = ip_counter[0]
    return f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"


def csrf_of(body):
    m = re.search(rb'name="csrf" value="([0-9a-f]+)"', body)
    return m.group(1).decode() if m else ""


def login(user):
    c = Client(xff=fresh_ip())
    r = c.get("/login")
    r = c.post("/login", [("csrf", csrf_of(r.body)), ("username", user), ("password", PW)])
    c.xff = None
    if r.status != 303 or "ikm_sesi" not in c.cookies:
        check(f"sign in as {user}", [f"HTTP {r.status}"])
        sys.exit(1)
    return c, r


# ---- values a form needs to be accepted apart from the field under test ----

counter = [0]


def fresh():
    counter[0] += 1
    return counter[0]


def tweak(action, pairs):
    """Valid values for the fields a form needs besides the one fed a
    hostile value (fresh slugs, sheet numbers, client ids), so that a value
    the server accepts is stored and later shown."""
    i = fresh()
    over = {}
    if action == "/admin/atur/unit/tambah":
        over = {"slug": f"adv-u{i}", "nama": "Unit uji"}
    elif action == "/admin/atur/layanan/tambah":
        over = {"slug": f"adv-s{i}", "nama": "Layanan uji"}
    elif action == "/admin/atur/periode/tambah":
        y, m = 2600 + i // 12, i % 12 + 1
        over = {"slug": f"adv-p{i}", "nama": "Periode uji", "dari": f"{y}-{m:02d}-01",
                "sampai": f"{y}-{m:02d}-28"}
    elif action == "/admin/atur/populasi":
        over = {"n": "1.500"}
    elif action == "/admin/atur/instrumen/unsur":
        # Only a hostile Indonesian name can make it through (k stays < 30).
        over = {k: "Teks uji" for k, _ in pairs if k.startswith(("pilihan_", "tanya_id"))}
    elif action == "/admin/entri":
        over = {"lembar": f"ADV-{i}"}
        over.update({k: "4" for k, _ in pairs if re.fullmatch(r"u\d+", k)})
    elif action == "/admin/pengguna":
        over = {"nama_pengguna": f"adv{i}", "nama": "Pengguna Uji", "peran": "operator",
                "unit": "lab", "sandi": PW, "ulang": PW}
    elif action.endswith("/tinjau"):
        over = {"alasan": "Alasan uji"}
    elif action.startswith("/u/"):
        over = {"client_id": secrets.token_hex(16)}
    for k, v in over.items():
        pairs = with_value(pairs, k, v)
    return pairs


client_ids = set()


def new_client_id(cid):
    """Whether the server stores a response with this client id as a new
    one: an id it takes (web_client_id_ok) counts once; others are dropped
    and the response stored without one."""
    if not re.fullmatch(rb"[0-9a-f-]{16,64}", cid if isinstance(cid, bytes) else cid.encode()):
        return True
    if cid in client_ids:
        return False
    client_ids.add(cid)
    return True


def account(method, action, field, r, pairs=()):
    """Count what an accepted request added."""
    loc = r.header("Location") or ""
    if method != "post":
        return
    if action == "/admin/entri" and r.status == 303 and "tersimpan=" in loc:
        stored["response"] += 1
        channels["paper"] += 1
    elif action.startswith("/u/") and r.status == 200 and b"Terima kasih" in r.body and \
            dict(pairs).get("website") in (None, "", b"") and new_client_id(dict(pairs).get("client_id", "")):
        stored["response"] += 1
        channels["web"] += 1
    elif r.status == 303 and action == "/admin/atur/unit/tambah":
        stored["unit"] += 1
    elif r.status == 303 and action == "/admin/atur/layanan/tambah":
        stored["service"] += 1
    elif r.status == 303 and action == "/admin/atur/periode/tambah":
        stored["period"] += 1
    elif r.status == 303 and action == "/admin/pengguna":
        stored["app_user"] += 1


OK_STATUS = {200, 303, 400, 401, 403, 404, 405, 409, 413, 414, 415, 422}
SKIP_ACTIONS = {"/logout", "/admin/keluar-semua"}
CSV_FILE = b"U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran\n4,3,4,3,4,3,4,3,4,baik\n"


def send(client, form, pairs):
    if form["method"] == "get":
        path = form["action"] + ("?" + encode(pairs) if pairs else "")
        return client.get(path)
    if form["multipart"]:
        files = [(f["name"], "data.csv", "text/csv", CSV_FILE) for f in form["fields"] if f["type"] == "file"]
        body, ct = multipart(pairs, files)
        return client.req("POST", form["action"], body=body, ctype=ct)
    return client.post(form["action"], pairs)


def find_form(client, page, action):
    r = client.get(page)
    for f in forms_of(r.body):
        if f["action"] == action:
            return f
    return None


def fuzz_form(client, page, form, payloads, done):
    action, method = form["action"], form["method"]
    names = []
    for f in form["fields"]:
        if f["name"] not in names and f["type"] != "file":
            names.append(f["name"])
    problems, stopped = [], None
    stats["forms"] += 1
    if method == "post":
        POST_ACTIONS.add(action)
    stats["fields"] += len(names)
    for name in names:
        for p in payloads:
            if form is None:
                break
            pairs = with_value(tweak(action, base_pairs(form)), name, p)
            if action == "/login":
                client.xff = fresh_ip()
            r = send(client, form, pairs)
            what = f"{name}={short(p, 30)}"
            scan(r, what, problems)
            if r.status not in OK_STATUS:
                problems.append(f"{what}: HTTP {r.status}")
            account(method, action, name, r, pairs)
            if method == "post" and (r.status < 400 or action == "/login"):
                form = find_form(client, page, action)
                if form is None:
                    stopped = f"the form left {page} after {name}={short(p, 30)}"
    done.add(action)
    desc = f"{method.upper()} {action} from {page.split('?')[0]}: {len(names)} fields x {len(payloads)} values"
    if stopped:
        problems.append(stopped)
    check(desc + ": no 5xx, nothing raw, no header injected", problems)


def fuzz_pages(client, pages, payloads, done):
    for page in pages:
        r = client.get(page)
        scan(r, page, [])
        if r.status != 200:
            check(f"GET {page} to find its forms", [f"HTTP {r.status}"])
            continue
        for form in forms_of(r.body):
            if form["action"] in done or form["action"] in SKIP_ACTIONS or not form["action"].startswith("/"):
                continue
            fuzz_form(client, page, form, payloads, done)


# ---- query parameters and path segments ---------------------------------------

def fuzz_queries(client, table, payloads, who):
    for path, params in table:
        problems = []
        for name in params:
            for p in payloads:
                qs = "&".join(f"{q(k)}={q(p if k == name else v)}" for k, v in params.items()
                              if k != name or p is not None)
                r = client.get(f"{path}?{qs}")
                what = f"{name}={short(p, 30)}"
                scan(r, what, problems)
                if r.status not in OK_STATUS:
                    problems.append(f"{what}: HTTP {r.status}")
                stats["queries"] += 1
        check(f"GET {path} as {who}: {len(params)} parameters x {len(payloads)} values: no 5xx, nothing raw",
              problems)


def fuzz_paths(client, patterns, payloads, who):
    problems = []
    for pat in patterns:
        for p in payloads:
            if p is None:
                continue
            seg = urllib.parse.quote(p, safe="")
            r = client.get(pat.replace("{}", seg))
            what = f"{pat} with {short(p, 30)}"
            scan(r, what, problems)
            if r.status not in OK_STATUS:
                problems.append(f"{what}: HTTP {r.status}")
            stats["paths"] += 1
    check(f"{len(patterns)} paths with a hostile segment as {who} x {len(payloads)} values: 4xx, nothing raw",
          problems)


# ---- the kiosk and the API (JSON) -------------------------------------------------

def json_body(fields, target, p):
    """JSON text of fields with target ("a" or "a.b") set to payload p,
    raw when p is not UTF-8."""
    mark = "\ue000MARK\ue000"
    d = json.loads(json.dumps(fields))
    obj, key = (d, target) if "." not in target else (d[target.split(".")[0]], target.split(".")[1])
    obj[key] = mark
    text = json.dumps(d).encode()
    try:
        val = json.dumps(p.decode("utf-8")).encode()
    except UnicodeDecodeError:
        val = b'"' + p + b'"'
    return text.replace(json.dumps(mark).encode(), val)


def fuzz_json(client, path, headers, payloads, what):
    base = {"unit": "dispenduk", "service": "akta", "client_id": "",
            "answers": {f"U{j}": 4 for j in range(1, 10)},
            "profile": {"gender": "P", "age": 30, "education": "SMA", "job": "Swasta"},
            "suggestion": "Saran uji", "date": None, "ticket": None}
    targets = ["unit", "service", "client_id", "date", "suggestion", "ticket", "profile.gender",
               "profile.age", "profile.education", "profile.job", "answers.U1", "lain"]
    problems = []
    for t in targets:
        for p in payloads:
            base["client_id"] = secrets.token_hex(16)
            fields = {k: v for k, v in base.items() if v is not None or k == t}
            if p is None:
                fields.pop(t.split(".")[0], None)
                body = json.dumps(fields).encode()
            else:
                body = json_body(fields, t, p)
            r = client.req("POST", path, body=body, ctype="application/json", headers=headers)
            w = f"{t}={short(p, 30)}"
            if r.status >= 500 or r.status not in {200, 201, 400, 409, 413, 415, 422}:
                problems.append(f"{w}: HTTP {r.status} {short(r.body, 200)}")
            if r.status == 201:
                stored["response"] += 1
                channels["kiosk" if "kiosk" in path else "api"] += 1
            stats["json"] += 1
    check(f"POST {path} ({what}): {len(targets)} members x {len(payloads)} values: no 5xx", problems)


# ---- downloads: traversal and the documents -----------------------------------------

SCOPE = "unit=dispenduk&periode=kini"
TRAVERSAL = ["../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd",
             "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
             "/etc/passwd", "%2fetc%2fpasswd", "..%5c..%5c..%5cetc%5cpasswd", "..\\..\\..\\etc\\passwd",
             "laporan.pdf%00.html", "laporan.pdf%00", "laporan.pdf/..", "laporan.pdf/", "LAPORAN.PDF",
             "laporan.exe", ".", "..", "%2e", "rekomendasi.html;/../../etc/passwd",
             "C:%5cwindows%5cwin.ini", "file:%2f%2f%2fetc%2fpasswd", "laporan.pdf%0d%0aSet-Cookie:%20evil=1"]
BAD_SCOPES = ["../../etc", "..%2f..%2fetc", "%2e%2e%2f%2e%2e%2f", "%2fetc%2fpasswd", "..%5c..%5c",
              "dispenduk%00", "dispenduk%00..%2f", "dispenduk%2f..%2f..", "DISPENDUK", "dispenduk%0d%0a"]


def leaked(r):
    return b"root:" in r.body or b"[fonts]" in r.body or r.header("Content-Disposition") is not None


def downloads(admin, others):
    problems = []
    for t in TRAVERSAL:
        for path in (f"/admin/unduh/{t}?{SCOPE}", f"/admin/unduh/{t}"):
            r = admin.get(path)
            scan(r, path, problems)
            if r.status not in {400, 403, 404} or leaked(r):
                problems.append(f"{path}: HTTP {r.status} {r.header('Content-Disposition')}")
    for t in ["..%2f..%2fetc%2fpasswd", "../admin/layout.html", "%2e%2e/%2e%2e/etc/passwd", "admin/layout.html"]:
        r = admin.get(f"/static/{t}")
        if r.status != 404 or b"root:" in r.body or b"{{" in r.body:
            problems.append(f"/static/{t}: HTTP {r.status}")
    check(f"downloads: {len(TRAVERSAL)} traversal names (and /static): 400/403/404, never a file", problems)
    problems = []
    for name in ["laporan.html", "tanggapan.csv"]:
        for param in ["unit", "periode", "layanan"]:
            for bad in BAD_SCOPES:
                qs = {"unit": "dispenduk", "periode": "kini"}
                qs[param] = bad
                path = f"/admin/unduh/{name}?" + "&".join(f"{k}={v}" for k, v in qs.items())
                r = admin.get(path)
                scan(r, path, problems)
                if r.status not in {400, 403, 404} or leaked(r):
                    problems.append(f"{path}: HTTP {r.status}")
    check(f"downloads: {len(BAD_SCOPES)} traversal values in unit, periode, layanan: 400/403/404", problems)
    problems = []
    for who, c, unit in others:
        for path in (f"/admin/unduh/laporan.html?unit={unit}&periode=kini",
                     f"/admin/unduh/tanggapan.csv?unit={unit}&periode=kini",
                     f"/admin/unduh?unit={unit}&periode=kini", f"/admin/hasil?unit={unit}&periode=kini"):
            r = c.get(path)
            if r.status not in {403, 404} or leaked(r):
                problems.append(f"{who} {path}: HTTP {r.status}")
    check("downloads and results of another subtree: 403", problems)


def xml_parts(data, what):
    """Problems with the XML parts of a zip (DOCX, XLSX): each parses and
    holds no element a browser would run."""
    p = []
    z = zipfile.ZipFile(io.BytesIO(data))
    for n in z.namelist():
        if not n.endswith((".xml", ".rels")):
            continue
        try:
            root = ET.fromstring(z.read(n))
        except ET.ParseError as e:
            p.append(f"{what} {n}: not XML: {e}")
            continue
        for el in root.iter():
            local = el.tag.rsplit("}", 1)[-1].lower()
            if local in ("script", "img", "svg") or (local == "f" and el.text and "HYPERLINK" in el.text):
                p.append(f"{what} {n}: a <{local}> element")
    return p


def docx_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    root = ET.fromstring(z.read("word/document.xml"))
    return "".join(t.text or "" for t in root.iter() if t.tag.endswith("}t"))


def documents(admin, db):
    unit_name = db.execute("SELECT name FROM unit WHERE slug = 'dispenduk'").fetchone()[0]
    files = {}
    problems = []
    for name in ["rekomendasi.html", "laporan.html", "rekomendasi.docx", "laporan.docx", "olahdata.xlsx",
                 "infografis.svg", "infografis.png", "rekomendasi.pdf", "tanggapan.csv"]:
        r = admin.get(f"/admin/unduh/{name}?{SCOPE}")
        files[name] = r
        scan(r, name, problems)
        if r.status != 200:
            problems.append(f"{name}: HTTP {r.status} {short(r.body, 300)}")
            continue
        cd = r.header("Content-Disposition") or ""
        if not re.fullmatch(r'attachment; filename="skm-dispenduk-kini-' + re.escape(name) + '"', cd):
            problems.append(f"{name}: Content-Disposition {cd!r}")
        if r.header("Cache-Control") != "no-store":
            problems.append(f"{name}: Cache-Control {r.header('Cache-Control')}")
    check("documents of a unit with hostile names and suggestions: made, attachment, no-store, nothing raw",
          problems)
    if any(files[n].status != 200 for n in files):
        return
    problems = []
    for n in ["rekomendasi.html", "laporan.html"]:
        text = html.unescape(files[n].body.decode("utf-8", "replace"))
        if unit_name not in text:
            problems.append(f"{n}: lacks the unit's name {unit_name!r}")
    check("HTML letter and Laporan: the hostile unit name shown literally (escaped)", problems)
    problems = xml_parts(files["rekomendasi.docx"].body, "rekomendasi.docx")
    problems += xml_parts(files["laporan.docx"].body, "laporan.docx")
    problems += xml_parts(files["olahdata.xlsx"].body, "olahdata.xlsx")
    clean = "".join(ch for ch in unit_name if ch >= " ")
    if clean not in docx_text(files["laporan.docx"].body):
        problems.append(f"laporan.docx lacks the unit's name {clean!r}")
    try:
        ET.fromstring(files["infografis.svg"].body)
    except ET.ParseError as e:
        problems.append(f"infografis.svg: not XML: {e}")
    if not files["infografis.png"].body.startswith(b"\x89PNG") or not files["rekomendasi.pdf"].body.startswith(b"%PDF"):
        problems.append("the PNG or PDF is not one")
    check("DOCX, XLSX and SVG: well-formed XML with the hostile text as text, no markup from it", problems)
    problems = []
    rows = list(csv.reader(io.StringIO(files["tanggapan.csv"].body.decode("utf-8"))))
    cells = [c for row in rows for c in row]
    for c in cells:
        if c[:1] in ("=", "+", "-", "@"):
            problems.append(f"a cell starts with {c[:1]}: {c[:40]!r}")
    for f in FORMULAS:
        if "'" + f not in cells:
            problems.append(f"no cell '{f}")
    check(f"CSV export: {len(rows)} rows, no cell starts with = + - @; formulas kept behind an apostrophe",
          problems)


# ---- uploads ---------------------------------------------------------------------
def uploads(admin):
    big = 30 << 20
    cases = [  # (what, filename, data, expected statuses, text the page must say)
        ("PNG named .csv", "data.csv", png(2, 2), {422}, "gambar PNG"),
        ("JPEG named .xlsx", "data.xlsx", b"\xff\xd8\xff\xe0" + b"\x00" * 64, {422}, "JPEG"),
        ("binary named .csv", "data.csv", bytes(range(256)) * 4, {422}, "biner"),
        ("an empty file", "data.csv", b"", {422}, "kosong"),
        ("a ZIP that is not XLSX", "data.xlsx", zip_of({"a.txt": b"halo"}), {422}, "tidak dapat dibaca"),
        ("a CSV whose header maps nothing", "data.csv", b"a,b,c\n1,2,3\n", {422}, "tidak dapat dibaca"),
        ("UTF-16", "data.csv", "U1,U2\n4,4\n".encode("utf-16"), {422}, "UTF-16"),
        ("XLSX declaring the last cell of a sheet", "bom.xlsx",
         xlsx(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>U1</t></is></c>'
              b"</row></sheetData></worksheet>"), {422}, "tidak dapat dibaca"),
        ("XLSX with a row past the sheet's limit", "bom.xlsx",
         xlsx(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1048577"><c t="inlineStr"><is><t>U1</t></is></c></row></sheetData></worksheet>'),
         {422}, "tidak dapat dibaca"),
        (f"XLSX whose sheet unpacks to {big >> 20} MB of blanks (within limits)", "bom.xlsx",
         xlsx(sheet([HEAD], pad=b" " * big)), {303}, ""),
        ("XLSX with a cell past 32767 bytes", "bom.xlsx", xlsx(sheet([HEAD, ["4"] * 9 + ["x" * 40000]])),
         {422}, "tidak dapat dibaca"),
    ]
    cases.append(("XLSX unpacking past 1 GiB (a zip bomb)", "bom.xlsx", bomb_xlsx(1025), {422}, "melebihi 1024 MiB"))
    cases.append(("XLSX with 65 MB of shared strings", "bom.xlsx",
                  xlsx(sheet([HEAD]), {"xl/sharedStrings.xml": b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                       + b"a" * (65 << 20) + b"</t></si></sst>"}), {422}, "tidak dapat dibaca"))
    r = admin.get("/admin/impor?unit=dispenduk")
    token = csrf_of(r.body)
    scope = [("csrf", token), ("unit", "dispenduk"), ("periode", "kini"), ("layanan", "")]
    for what, fn, data, want, say in cases:
        body, ct = multipart(scope, [("berkas", fn, "application/octet-stream", data)])
        r = admin.req("POST", "/admin/impor", body=body, ctype=ct)
        p = scan(r, what)
        if r.status not in want or say.encode() not in r.body:
            p.append(f"HTTP {r.status}: {short(re.sub(rb'<[^>]*>', b' ', r.body)[-1500:], 400)}")
        check(f"import of {what}: {sorted(want)}, saying so", p)
    p = []
    body, ct = multipart(scope, [("berkas", "besar.csv", "text/csv", b"U1\n" + b"4\n" * ((10 << 20) // 2))])
    r = admin.req("POST", "/admin/impor", body=body, ctype=ct)
    if r.status != 413 or b"terlalu besar" not in r.body:
        p.append(f"just over 10 MB: HTTP {r.status}")
    body, ct = multipart(scope, [("berkas", "besar.csv", "text/csv", b"4\n" * ((16 << 20) // 2 + 1))])
    r = refused_post(admin, "/admin/impor", body, ct)
    if r.status != 413:
        p.append(f"a body over 16 MiB: HTTP {r.status}")
    r = admin.req("POST", "/admin/impor", body=b"x" * 100, ctype="multipart/form-data; boundary=",
                  headers={})
    if r.status not in (400, 403, 415, 422):
        p.append(f"an empty boundary: HTTP {r.status}")
    for ctype, data in [("multipart/form-data; boundary=abc", b"--xyz\r\nnothing\r\n--xyz--\r\n"),
                        ("multipart/form-data; boundary=abc", b"--abc\r\nContent-Disposition: form-data\r\n\r\nx\r\n"),
                        ("multipart/form-data; boundary=" + "a" * 80, b"--" + b"a" * 80 + b"--\r\n"),
                        ("multipart/form-data", b"--abc--\r\n")]:
        r = admin.req("POST", "/admin/impor", body=data, ctype=ctype)
        scan(r, ctype, p)
        if r.status not in (400, 403, 415, 422):
            p.append(f"{ctype} {short(data)}: HTTP {r.status}")
    body, ct = multipart(scope[1:], [("berkas", "data.csv", "text/csv", CSV_FILE)])
    r = admin.req("POST", "/admin/impor", body=body, ctype=ct)
    if r.status != 403:
        p.append(f"no CSRF token in a multipart body: HTTP {r.status}")
    body, ct = multipart([("csrf", token)], [])
    r = admin.req("POST", "/admin/atur/unit/tambah", body=body, ctype=ct)
    if r.status not in (400, 415, 422):
        p.append(f"a multipart body to a plain form: HTTP {r.status}")
    check("import: just over 10 MB 413, over 16 MiB 413, malformed multipart 400, no CSRF 403", p)
    # A file that is fine, with hostile names: the preview shows them escaped.
    evil = b"../..\\<img src=x onerror=alert(1)>.csv"
    data = (",".join(HEAD) + ",<script>alert(1)</script>\n").encode() + \
        "".join(f"4,4,4,4,4,4,4,4,4,{x!s}\n" for x in ["'; DROP TABLE response; --", "<svg onload=alert(3)>"]).encode() + \
        b"5,4,4,4,4,4,4,4,4,salah\n"
    body, ct = multipart(scope, [("berkas", evil, "text/csv", data)])
    r = admin.req("POST", "/admin/impor", body=body, ctype=ct)
    loc = r.header("Location") or ""
    p = scan(r, "upload")
    if r.status != 303 or not loc.startswith("/admin/impor/pratinjau?"):
        p.append(f"HTTP {r.status} {short(r.body, 300)}")
        check("import of a file with a hostile name and header: previewed, escaped", p)
        return None
    r = admin.get(loc)
    scan(r, "preview", p)
    text = html.unescape(r.body.decode("utf-8", "replace"))
    if "<strong><img src=x onerror=alert(1)>.csv</strong>" not in text or "<script>alert(1)</script>" not in text:
        p.append("the preview lacks the file name (without its folders) or the ignored header, shown "
                 "literally: " + short(re.sub(rb"\s+", b" ", r.body), 3000))
    check("import of a file with a hostile name (folders dropped) and header: previewed, escaped", p)
    return loc


def logos(admin):
    r = admin.get("/admin/atur/profil")
    token = csrf_of(r.body)
    cases = [("a PNG just over 512 KiB", png(4, 4, pad=512 * 1024), {413, 422}, "terlalu besar"),
             ("a JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 100, {422}, "JPEG"),
             ("text named .png", b"bukan gambar sama sekali, hanya teks" * 3, {422}, "bukan gambar PNG"),
             ("a PNG of 100000 x 100000 pixels", png(100000, 100000, idat=zlib.compress(b"")), {422}, "4000"),
             ("an empty file", b"", {422}, "Pilih berkas logo"),
             # Its header passes; the PDF renderer could not read the pixels,
             # so every PDF document failed afterwards.
             ("a PNG whose pixels are damaged", png(8, 8, idat=b"bukan zlib"), {422}, "rusak"),
             ("a PNG cut short", png(8, 8)[:60], {422}, "rusak")]
    for what, data, want, say in cases:
        body, ct = multipart([("csrf", token)], [("logo", "logo.png", "image/png", data)])
        r = admin.req("POST", "/admin/atur/profil/logo", body=body, ctype=ct)
        p = scan(r, what)
        if r.status not in want or say.encode() not in r.body:
            p.append(f"HTTP {r.status}: {short(re.sub(rb'<[^>]*>', b' ', r.body)[-900:], 300)}")
        check(f"logo of {what}: {sorted(want)}, saying so", p)
    p = []
    body, ct = multipart([], [("logo", "logo.png", "image/png", png(2, 2))])
    r = admin.req("POST", "/admin/atur/profil/logo", body=body, ctype=ct)
    if r.status != 403:
        p.append(f"no CSRF: HTTP {r.status}")
    r = admin.post("/admin/atur/profil/logo", [("csrf", token)])
    if r.status != 415:
        p.append(f"a urlencoded body: HTTP {r.status}")
    body, ct = multipart([("csrf", token)], [("logo", '"><script>alert(1)</script>.png', "image/png", png(3, 2))])
    r = admin.req("POST", "/admin/atur/profil/logo", body=body, ctype=ct)
    if r.status != 303:
        p.append(f"a good PNG with a hostile name: HTTP {r.status}")
    check("logo: no CSRF 403, urlencoded 415, a good PNG stored", p)


# ---- every page: what it shows, its headers, and without a session -------------------

def console_headers(r, path):
    p = []
    csp = r.header("Content-Security-Policy") or ""
    script = re.search(r"script-src ([^;]*)", csp)
    if "frame-ancestors 'none'" not in csp or script is None or "unsafe-inline" in script.group(1) or \
            "unsafe-eval" in script.group(1):
        p.append(f"{path}: CSP {csp!r}")
    if (r.header("X-Frame-Options") or "").upper() != "DENY":
        p.append(f"{path}: X-Frame-Options {r.header('X-Frame-Options')}")
    if (r.header("X-Content-Type-Options") or "").lower() != "nosniff":
        p.append(f"{path}: X-Content-Type-Options {r.header('X-Content-Type-Options')}")
    if "no-store" not in (r.header("Cache-Control") or ""):
        p.append(f"{path}: Cache-Control {r.header('Cache-Control')}")
    return p


def crawl(client, starts, limit):
    seen, queue, pages = set(), list(starts), []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        r = client.get(path)
        pages.append((path, r))
        if "html" not in (r.header("Content-Type") or ""):
            continue
        for href in re.findall(rb'href="([^"#]+)', r.body):
            h = html.unescape(href.decode("utf-8", "replace"))
            if h.startswith(("/admin", "/u/")) and not h.startswith("/admin/unduh/") and \
                    "/qr." not in h and h not in seen:
                queue.append(h)
    stats["pages"] += len(pages)
    return pages


def pages_text(client, path):
    """The text of a paged list (?halaman= or ?hal=) joined, unescaped."""
    out, page = "", 1
    key = "hal" if "/tinjau" in path else "halaman"
    while page < 200:
        r = client.get(f"{path}&{key}={page}")
        if r.status != 200:
            break
        out += html.unescape(r.body.decode("utf-8", "replace"))
        if f"{key}={page + 1}".encode() not in r.body:
            break
        page += 1
    return out


def shown_everywhere(admin, db):
    limit = 1500
    pages = crawl(admin, ["/admin", "/", "/admin/audit", "/admin/pengguna", "/admin/atur/unit"], limit)
    problems, heads = [], []
    for path, r in pages:
        scan(r, path, problems)
        if r.status not in (200, 404) and not (r.status == 303 and path.startswith("/u/")):
            problems.append(f"{path}: HTTP {r.status}")
        if path.startswith("/admin") and "html" in (r.header("Content-Type") or ""):
            heads += console_headers(r, path)
    check(f"every page reachable from the console and the home page ({len(pages)}): no 5xx, nothing raw",
          problems)
    check(f"every console page ({sum(1 for p, _ in pages if p.startswith('/admin'))}): CSP without inline "
          "script, frame-ancestors 'none', X-Frame-Options DENY, nosniff, no-store", heads)
    # Without a session: every console page sends to the sign-in.
    anon, problems = Client(), []
    for path, r in pages:
        if not path.startswith("/admin"):
            continue
        for cookie in (None, "ikm_sesi=<script>", "ikm_sesi=' OR '1'='1", "ikm_sesi=" + "0" * 64):
            a = anon.get(path, cookies=False, headers={"Cookie": cookie} if cookie else {})
            if a.status != 303 or not (a.header("Location") or "").startswith("/login"):
                problems.append(f"{path} ({cookie}): HTTP {a.status} {a.header('Location')}")
    for action in sorted(a for a in POST_ACTIONS if a.startswith("/admin")):
        a = anon.req("POST", action, body="csrf=x", cookies=False)
        if a.status != 303 or a.header("Location") != "/login?sebab=kedaluwarsa":
            problems.append(f"POST {action}: HTTP {a.status} {a.header('Location')}")
    check(f"without a session (or with a forged cookie) every console page ({len(pages)} crawled) and "
          f"every POST ({len(POST_ACTIONS)}): 303 to /login", problems)
    # What was stored is shown literally.
    problems = []
    home = html.unescape(admin.get("/").body.decode("utf-8", "replace"))
    for (name,) in db.execute("SELECT name FROM unit"):
        if name not in home:
            problems.append(f"the home page lacks the unit {name!r}")
    results = pages_text(admin, "/admin/hasil?unit=dispenduk&periode=kini")
    review = pages_text(admin, "/admin/pantau/dispenduk/tinjau?periode=kini")
    for s in ["'; DROP TABLE response; --", "<script>alert(1)</script>"]:
        if s not in results:
            problems.append(f"the results' suggestions lack {s!r}")
        if s not in review:
            problems.append(f"the review list lacks {s!r}")
    users = html.unescape(admin.get("/admin/pengguna").body.decode("utf-8", "replace"))
    for (name,) in db.execute("SELECT name FROM app_user WHERE name LIKE '%<%'"):
        if name not in users:
            problems.append(f"the users' list lacks {name!r}")
    audit = admin.get("/admin/audit?pengguna=" + q("<script>alert(1)</script>"))
    if "<script>alert(1)</script>" not in html.unescape(audit.body.decode("utf-8", "replace")):
        problems.append("the audit log lacks the sign-in attempt of <script>alert(1)</script>")
    check("stored hostile values shown literally: units on the home page, suggestions in the results and "
          "the review list, users' names, usernames in the audit log", problems)


POST_ACTIONS = set()


# ---- CRLF and the sign-in's ?next= ----------------------------------------------------

def header_injection():
    p = []
    c = Client(xff=fresh_ip())
    for nxt in ["/admin%0d%0aSet-Cookie:%20evil=1", "/admin%0aLocation:%20http://evil.example",
                "%2f%2fevil.example", "/admin/%0d%0a%0d%0a<script>alert(1)</script>", "javascript:alert(1)"]:
        r = c.get("/login?next=" + nxt)
        scan(r, "/login?next=" + nxt, p)
        if r.status != 200:
            p.append(f"/login?next={nxt}: HTTP {r.status}")
    for nxt in ["/admin\r\nSet-Cookie: evil=1", "/admin\nLocation: http://evil.example", "//evil.example/admin",
                "/admin\\..\\..\\evil", "https://evil.example/admin", "/admin\x00/x"]:
        c = Client(xff=fresh_ip())
        r = c.get("/login")
        r = c.post("/login", [("csrf", csrf_of(r.body)), ("username", "admin"), ("password", PW), ("next", nxt)])
        scan(r, f"next={nxt!r}", p)
        if r.status == 303 and r.header("Location") != "/admin":
            p.append(f"next={nxt!r}: Location {r.header('Location')!r}")
        elif r.status not in (303, 400, 403):
            p.append(f"next={nxt!r}: HTTP {r.status}")
    for target in [b"/admin/x%0d%0aSet-Cookie:%20evil=1", b"/login?next=/admin%0d%0aX-Evil:%201",
                   b"/admin%00/../etc/passwd", b"/admin/unduh/laporan.pdf%0d%0a"]:
        r = raw_request(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        scan(r, target.decode(), p)
        if r.status not in (200, 303, 400, 404):
            p.append(f"{target!r}: HTTP {r.status}")
    check("CRLF in ?next=, the path and the sign-in: no header injected, no redirect off the site", p)


def limits(admin):
    """Bodies past the form parser's limits, other methods, a hostile
    X-Forwarded-For."""
    p = []
    token = csrf_of(admin.get("/admin/atur/unit").body)
    cases = [("129 fields", [("csrf", token)] + [(f"f{i}", "x") for i in range(129)], {400}),
             ("a field name of 65 bytes", [("csrf", token), ("n" * 65, "x")], {400}),
             ("the same field twice (the first counts)", [("csrf", token), ("slug", "adv-dup"), ("slug", "<x>"),
                                                          ("nama", "<script>alert(1)</script>"),
                                                          ("nama", "lain"), ("induk", "")], {303}),
             ("a bad %-escape", "csrf=" + token + "&slug=%zz&nama=%", {400}),
             ("a lone continuation byte", "csrf=" + token + "&slug=a&nama=%80", {400})]
    for what, body, want in cases:
        r = admin.req("POST", "/admin/atur/unit/tambah", body=body if isinstance(body, str) else encode(body))
        scan(r, what, p)
        if r.status not in want:
            p.append(f"{what}: HTTP {r.status}")
        if r.status == 303:
            stored["unit"] += 1
    r = refused_post(admin, "/admin/atur/unit/tambah", b"csrf=" + token.encode() + b"&nama=" + b"x" * (70 << 10),
                     "application/x-www-form-urlencoded")
    if r.status != 413:
        p.append(f"a body over 64 KiB: HTTP {r.status}")
    for method in ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"]:
        for path in ["/admin", "/admin/atur/unit", "/login", "/logout", "/admin/unduh/laporan.pdf?" + SCOPE, "/u/dispenduk",
                     "/api/v1/responses"]:
            r = admin.req(method, path, body=b"" if method in ("PUT", "PATCH") else None)
            scan(r, f"{method} {path}", p)
            if r.status not in {200, 303, 400, 401, 403, 404, 405, 501}:
                p.append(f"{method} {path}: HTTP {r.status}")
    for xff in ["<script>alert(1)</script>", "1.2.3.4, ' OR '1'='1", "999.1.1.1", "::1, , ,", "a" * 300]:
        c = Client(xff=xff)
        r = c.get("/login")
        r = c.post("/login", [("csrf", csrf_of(r.body)), ("username", "tidakada"), ("password", "salah-salah-salah")])
        scan(r, f"X-Forwarded-For {xff[:30]}", p)
        if r.status != 401:
            p.append(f"X-Forwarded-For {xff[:30]!r}: HTTP {r.status}")
    check("form bodies past the limits (fields, names, escapes, 64 KiB), other methods, a hostile "
          "X-Forwarded-For: 4xx, nothing raw", p)


def public_pages(db):
    """The kiosk page (its JSON data block) and the QR poster (SVG) of every
    unit: the hostile names stay text."""
    c, p, n = Client(), [], 0
    units = [r[0] for r in db.execute("SELECT slug FROM unit ORDER BY id")]
    for slug in units:
        for path in (f"/u/{slug}/kiosk", f"/u/{slug}/qr.svg", f"/u/{slug}?lang=en"):
            r = c.get(path)
            n += 1
            scan(r, path, p)
            if r.status != 200:
                p.append(f"{path}: HTTP {r.status}")
            elif path.endswith(".svg"):
                try:
                    ET.fromstring(r.body)
                except ET.ParseError as e:
                    p.append(f"{path}: not XML: {e}")
    check(f"kiosk pages, QR posters and English forms of {len(units)} units with hostile names ({n}): "
          "nothing raw", p)


# ---- the database ---------------------------------------------------------------------

def snapshot(db):
    tables = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in stored}
    return tables, counts


def db_intact(db, before):
    tables, counts = snapshot(db)
    p = []
    if tables != before[0]:
        p.append(f"tables {before[0]} -> {tables}")
    ok = db.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        p.append(f"integrity_check: {ok}")
    for t, n in counts.items():
        if n != before[1][t] + stored[t]:
            p.append(f"{t}: {n} rows, expected {before[1][t]} + {stored[t]} accepted")
    for t in tables:
        for col in [r[1] for r in db.execute(f"PRAGMA table_info({t})")]:
            for (v,) in db.execute(f"SELECT CAST({col} AS BLOB) FROM {t} WHERE typeof({col}) = 'text'"):
                try:
                    text = v.decode("utf-8")
                except UnicodeDecodeError:
                    p.append(f"{t}.{col}: not UTF-8: {short(v)}")
                    continue
                if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text):
                    p.append(f"{t}.{col}: a control character: {short(v)}")
    for ch, n in db.execute("SELECT channel, COUNT(*) FROM response GROUP BY channel"):
        if ch != "import" and n != channels[ch]:
            p.append(f"{ch}: {n} responses, {channels[ch]} accepted")
    check(f"the database intact: {len(tables)} tables, integrity ok, clean UTF-8 text, rows = before + accepted "
          f"({', '.join(f'{t} +{n}' for t, n in stored.items())})", p)


# ---- another subtree's ids in hidden fields and addresses ---------------------------

def isolation(ua, db):
    foreign_resp = db.execute("SELECT r.id FROM response r JOIN unit u ON u.id = r.unit_id "
                              "WHERE u.slug = 'dispenduk' AND r.flags != 0 LIMIT 1").fetchone()
    admin_id = db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    foreign = {"unit": "dispenduk", "induk": "dispenduk", "tanggapan": str(foreign_resp[0] if foreign_resp else 1)}
    problems, tried = [], 0
    for page in ["/admin/atur/unit", "/admin/atur/layanan?unit=lain", "/admin/atur/populasi?unit=lain&periode=kini",
                 "/admin/atur/instrumen?unit=lain&unsur=U1", "/admin/atur/instrumen?unit=lain",
                 "/admin/entri?unit=lain", "/admin/pantau/lain/tinjau?periode=kini", "/admin/pengguna",
                 "/admin/impor?unit=lain"]:
        r = ua.get(page)
        if r.status != 200:
            problems.append(f"{page}: HTTP {r.status}")
            continue
        for form in forms_of(r.body):
            if form["method"] != "post" or form["action"] in SKIP_ACTIONS:
                continue
            for f in {f["name"] for f in form["fields"]} & set(foreign):
                pairs = with_value(tweak(form["action"], base_pairs(form)), f, foreign[f])
                r = send(ua, form, pairs)
                tried += 1
                if r.status not in (403, 404):
                    problems.append(f"POST {form['action']} {f}={foreign[f]}: HTTP {r.status}")
    for path in ["/admin/pantau/dispenduk", "/admin/pantau/dispenduk/tinjau?periode=kini", "/admin/entri?unit=dispenduk",
                 "/admin/impor?unit=dispenduk", "/admin/atur/layanan?unit=dispenduk",
                 "/admin/atur/populasi?unit=dispenduk&periode=kini", "/admin/atur/instrumen?unit=dispenduk",
                 f"/admin/pengguna/{admin_id}", "/admin/hasil?unit=dispenduk&periode=kini",
                 "/admin/unduh?unit=dispenduk&periode=kini", "/admin/atur/profil", "/admin/audit"]:
        r = ua.get(path)
        tried += 1
        if r.status != 403:
            problems.append(f"GET {path}: HTTP {r.status}")
    check(f"admin-unit of another subtree: {tried} requests naming dispenduk (hidden unit, parent, response "
          "ids; addresses): 403/404, nothing changed", problems)


# ---- the run --------------------------------------------------------------------------

def main():
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    before = snapshot(db)
    admin, r = login("admin")
    cookie = [v for k, v in r.headers if k.lower() == "set-cookie" and v.startswith("ikm_sesi=")]
    check("the session cookie: HttpOnly, SameSite=Strict, Path=/",
          [] if cookie and re.fullmatch(r"ikm_sesi=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Max-Age=\d+",
                                        cookie[0]) else [f"{cookie}"])
    ua, _ = login("ua")
    op, _ = login("op")
    pim, _ = login("pim")
    op_id = db.execute("SELECT id FROM app_user WHERE username = 'op'").fetchone()[0]
    today = admin.get("/admin/entri?unit=dispenduk")
    day = re.search(rb'name="tanggal" value="([0-9-]+)"', today.body).group(1).decode()

    # Suggestions a spreadsheet would run, typed on paper sheets.
    p = []
    for f in FORMULAS:
        form = find_form(admin, "/admin/entri?unit=dispenduk", "/admin/entri")
        r = admin.post("/admin/entri", with_value(tweak("/admin/entri", base_pairs(form)), "saran", f))
        account("post", "/admin/entri", "saran", r)
        if r.status != 303:
            p.append(f"{f}: HTTP {r.status}")
    check("paper entry stores suggestions that look like formulas", p)

    preview = uploads(admin)
    logos(admin)

    done = set()
    pages = ["/admin/sandi", "/admin/atur/unit", "/admin/atur/layanan?unit=lab", "/admin/atur/periode",
             "/admin/atur/populasi?unit=lab&periode=kini", "/admin/atur/instrumen?unit=lab&unsur=U1",
             "/admin/atur/instrumen?unit=lab", "/admin/atur/profil", "/admin/pantau/dispenduk/tinjau?periode=kini",
             "/admin/entri?unit=dispenduk", "/admin/impor?unit=dispenduk", "/admin/pengguna",
             f"/admin/pengguna/{op_id}", "/admin/audit", "/admin/pantau", "/admin/pantau/dispenduk?periode=kini",
             "/admin/hasil?unit=dispenduk&periode=kini", "/admin/unduh?unit=dispenduk&periode=kini"]
    if preview:
        pages.insert(0, preview)
    fuzz_pages(admin, pages, PAYLOADS, done)
    fuzz_pages(Client(), ["/u/dispenduk", "/u/dispenduk/akta"], PAYLOADS, done)
    fuzz_pages(Client(), ["/login"], PAYLOADS, done)

    if preview:
        # The previewed file is stored, its bad row skipped: two responses
        # whose suggestions try SQL and script.
        form = find_form(admin, preview, "/admin/impor/simpan")
        r = admin.post("/admin/impor/simpan", with_value(base_pairs(form), "lewati", "1"))
        p = scan(r, "commit")
        if r.status != 200 or b"Impor selesai" not in r.body:
            p.append(f"HTTP {r.status}")
        else:
            stored["response"] += 2
            channels["import"] += 2
        check("the previewed file is imported, its bad row skipped", p)

    scope = {"unit": "dispenduk", "periode": "kini", "layanan": "akta"}
    queries = [
        ("/login", {"next": "/admin", "sebab": "keluar"}),
        ("/admin", {"ok": "simpan"}),
        ("/admin/atur/unit", {"ok": "tambah"}),
        ("/admin/atur/layanan", {"unit": "lab", "ok": "tambah"}),
        ("/admin/atur/periode", {"ok": "tutup"}),
        ("/admin/atur/populasi", {"unit": "lab", "periode": "kini"}),
        ("/admin/atur/instrumen", {"unit": "lab", "unsur": "U1", "ok": "versi"}),
        ("/admin/atur/profil", {"ok": "simpan"}),
        ("/admin/atur/profil/logo.png", {"v": "0123456789abcdef"}),
        ("/admin/pantau", {"periode": "kini"}),
        ("/admin/pantau/dispenduk", {"periode": "kini", "layanan": "akta"}),
        ("/admin/pantau/dispenduk/tinjau", {"periode": "kini", "layanan": "akta", "hal": "1", "ok": "tinjau"}),
        ("/admin/entri", {"unit": "dispenduk", "tanggal": day, "layanan": "akta", "ganda": "1", "tersimpan": "007"}),
        ("/admin/entri", {"unit": "dispenduk", "ditahan": "A-1"}),
        ("/admin/impor", {"unit": "dispenduk", "ok": "impor"}),
        ("/admin/impor/pratinjau", dict(urllib.parse.parse_qsl((preview or "?unit=dispenduk").split("?", 1)[1]))),
        ("/admin/hasil", dict(scope, halaman="1")),
        ("/admin/unduh", scope),
        ("/admin/unduh/tanggapan.csv", scope),
        ("/admin/pengguna", {"ok": "pengguna"}),
        (f"/admin/pengguna/{op_id}", {"ok": "aktif"}),
        ("/admin/audit", {"pengguna": "admin", "aksi": "user", "sebelum": "100000"}),
        ("/admin/sandi", {"ok": "sandi"}),
        ("/", {"lang": "en"}),
        ("/u/dispenduk", {"lang": "en"}),
        ("/u/dispenduk/akta/kiosk", {"lang": "en", "reset": "5"}),
    ]
    fuzz_queries(admin, queries, PAYLOADS, "admin-kota")
    fuzz_queries(op, [("/admin/hasil", scope), ("/admin/pantau/dispenduk/tinjau", {"periode": "kini", "hal": "2"}),
                      ("/admin/entri", {"unit": "dispenduk", "layanan": "akta"})], PAYLOADS, "operator")
    fuzz_paths(admin, ["/admin/{}", "/admin/atur/{}", "/admin/pantau/{}", "/admin/pantau/{}/tinjau",
                       "/admin/pantau/dispenduk/{}", "/admin/pengguna/{}", "/admin/pengguna/{}/peran",
                       f"/admin/pengguna/{op_id}/{{}}", "/admin/unduh/{}", "/admin/impor/{}", "/admin/entri/{}",
                       "/admin/hasil/{}", "/admin/audit/{}"], PAYLOADS, "admin-kota")
    fuzz_paths(Client(), ["/u/{}", "/u/dispenduk/{}", "/u/{}/kiosk", "/u/dispenduk/{}/kiosk", "/u/{}/qr.svg",
                          "/static/{}"], PAYLOADS, "anyone")

    fuzz_json(Client(), "/u/dispenduk/akta/kiosk", {}, PAYLOADS, "kiosk")
    fuzz_json(Client(), "/api/v1/responses", {"Authorization": "Bearer " + API_KEY}, PAYLOADS, "API")

    limits(admin)
    isolation(ua, db)
    downloads(admin, [("admin-unit of lain", ua, "dispenduk"), ("pimpinan of lain", pim, "dispenduk"),
                      ("operator of dispenduk", op, "lain")])
    header_injection()
    documents(admin, db)
    shown_everywhere(admin, db)
    public_pages(db)
    db_intact(db, before)


try:
    main()
finally:
    for status, what, why in results:
        print(f"{status}\t{what}\t{why}")
    print("stats\t" + " ".join(f"{k}={v}" for k, v in stats.items()))
