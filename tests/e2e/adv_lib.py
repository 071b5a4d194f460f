"""Helpers of tests/e2e/console_adversarial.py: the record of checks, an
HTTP client with a cookie jar (and raw requests it would refuse), the
scan of a response for what must never be in one, the forms of a page as
a browser would send them, multipart bodies, and PNG and XLSX files made
to measure."""
import html
import http.client
import io
import re
import secrets
import socket
import struct
import urllib.parse
import zipfile
import zlib
from html.parser import HTMLParser

HOST, PORT = "127.0.0.1", 0
# What must never appear raw in a page (script markup from a payload).
RAW = [b"<script>alert(", b"<img src=x", b"<svg onload", b"</script><script>"]
JS_URL = re.compile(rb"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)

# The header row of the files made here.
HEAD = [f"U{j}" for j in range(1, 10)] + ["Saran"]

results = []
stats = {"requests": 0, "forms": 0, "fields": 0, "queries": 0, "paths": 0, "json": 0, "payloads": 0,
         "pages": 0}


def connect(url):
    """Send the requests to the server at url."""
    global HOST, PORT
    HOST, PORT = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port


def check(what, problems):
    problems = [p for p in problems if p]
    if problems:
        shown = "; ".join(problems[:6]) + (f" (+{len(problems) - 6} more)" if len(problems) > 6 else "")
        results.append(("not ok", what, shown.replace("\n", " ").replace("\t", " ")))
    else:
        results.append(("ok", what, ""))


def short(b, n=60):
    return "(absent)" if b is None else repr(b[:n])


# ---- HTTP ---------------------------------------------------------------

class Resp:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


class Client:
    """One keep-alive connection and a cookie jar."""

    def __init__(self, xff=None):
        self.cookies, self.conn, self.xff = {}, None, xff

    def req(self, method, path, body=None, ctype=None, headers=None, cookies=True):
        h = {}
        if cookies and self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            h["Content-Type"] = ctype or "application/x-www-form-urlencoded"
        if self.xff:
            h["X-Forwarded-For"] = self.xff
        h.update(headers or {})
        for attempt in (0, 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(HOST, PORT, timeout=600)
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt:
                    raise
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        stats["requests"] += 1
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, val = v.split(";")[0].partition("=")
                if val:
                    self.cookies[name] = val
                else:
                    self.cookies.pop(name, None)
        return Resp(r.status, r.getheaders(), data)

    def get(self, path, **kw):
        return self.req("GET", path, **kw)

    def post(self, path, pairs, **kw):
        return self.req("POST", path, body=encode(pairs), **kw)


def raw_request(data):
    """Send bytes as they are (a request line http.client would refuse)."""
    s = socket.create_connection((HOST, PORT), timeout=120)
    s.sendall(data)
    buf = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        head, sep, rest = buf.partition(b"\r\n\r\n")
        m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if sep and m and len(rest) >= int(m.group(1)):
            break
    s.close()
    stats["requests"] += 1
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = [tuple(x.decode("latin-1").split(":", 1)) for x in lines[1:] if b":" in x]
    return Resp(status, [(k.strip(), v.strip()) for k, v in headers], body)


def refused_post(client, path, body, ctype):
    """POST a body the server may refuse before reading it all (413): the
    answer is read even when the server closes while the body is sent."""
    s = socket.create_connection((HOST, PORT), timeout=120)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\nContent-Type: {ctype}\r\n"
              f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode())
    try:
        s.sendall(body)
    except OSError:
        pass
    buf = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
    except OSError:
        pass
    s.close()
    stats["requests"] += 1
    head, _, rest = buf.partition(b"\r\n\r\n")
    first = head.split(b"\r\n")[0].split()
    return Resp(int(first[1]) if len(first) > 1 else 0, [], rest)


def q(v):
    return urllib.parse.quote_plus(v if isinstance(v, bytes) else v.encode())


def encode(pairs):
    return "&".join(f"{q(k)}={q(v)}" for k, v in pairs)


def scan(r, what, where=None):
    """Problems with a response: a 5xx, raw markup, a javascript: URL, an
    injected header."""
    p = []
    if r.status >= 500 or r.status == 0:
        p.append(f"{what}: HTTP {r.status}")
    ct = (r.header("Content-Type") or "").lower()
    if "html" in ct or "svg" in ct or "xml" in ct:
        for m in RAW:
            if m in r.body:
                i = r.body.index(m)
                p.append(f"{what}: raw {m.decode()} in {short(r.body[max(0, i - 40):i + 40], 90)}")
        if JS_URL.search(r.body):
            p.append(f"{what}: a javascript: URL")
    for k, v in r.headers:
        if "evil" in k.lower() or "evil" in v.lower():
            p.append(f"{what}: injected header {k}: {v}")
    if where is not None:
        where.extend(p)
    return p


# ---- forms --------------------------------------------------------------

class FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.cur, self.select, self.textarea, self.option = [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.cur = {"method": (a.get("method") or "get").lower(), "action": (a.get("action") or "").split("#")[0],
                        "multipart": "multipart" in (a.get("enctype") or ""), "fields": []}
            self.forms.append(self.cur)
            return
        if self.cur is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            t = (a.get("type") or "text").lower()
            self.cur["fields"].append({"name": name, "type": t, "value": a.get("value", "on" if t in ("checkbox", "radio") else ""),
                                       "checked": "checked" in a})
        elif tag == "button" and name:
            self.cur["fields"].append({"name": name, "type": "submit", "value": a.get("value", ""), "checked": False})
        elif tag == "select" and name:
            self.select = {"name": name, "type": "select", "value": None, "first": None, "checked": False}
            self.cur["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            v = a.get("value")
            self.option = [v, ""]
            if v is not None:
                self._option(v, "selected" in a)
            else:
                self.option.append("selected" in a)
        elif tag == "textarea" and name:
            self.textarea = {"name": name, "type": "textarea", "value": "", "checked": False}
            self.cur["fields"].append(self.textarea)

    def _option(self, v, selected):
        if self.select["first"] is None:
            self.select["first"] = v
        if selected:
            self.select["value"] = v

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data
        if self.option is not None and self.option[0] is None:
            self.option[1] += data

    def handle_endtag(self, tag):
        if tag == "option" and self.option is not None:
            if self.option[0] is None:
                self._option(self.option[1].strip(), self.option[2])
            self.option = None
        elif tag == "select" and self.select is not None:
            if self.select["value"] is None:
                self.select["value"] = self.select["first"] or ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.cur = None


def forms_of(body):
    p = FormParser()
    p.feed(body.decode("utf-8", "replace"))
    return p.forms


def base_pairs(form):
    """What a browser sends for the form untouched (the first named submit
    button; the last option of a radio group, so answers are valid)."""
    pairs, radios, submit = [], {}, False
    for f in form["fields"]:
        t = f["type"]
        if t == "radio":
            radios.setdefault(f["name"], []).append(f)
        elif t == "checkbox":
            if f["checked"]:
                pairs.append((f["name"], f["value"]))
        elif t == "submit":
            if not submit:
                pairs.append((f["name"], f["value"]))
                submit = True
        elif t != "file":
            pairs.append((f["name"], f["value"]))
    for name, opts in radios.items():
        on = [o for o in opts if o["checked"]]
        pairs.append((name, (on or opts)[-1]["value"]))
    return pairs


def with_value(pairs, name, value):
    """pairs with name's value replaced (added when missing; taken out when
    value is None)."""
    if value is None:
        return [(k, v) for k, v in pairs if k != name]
    out, done = [], False
    for k, v in pairs:
        if k == name:
            if not done:
                out.append((k, value))
            done = True
        else:
            out.append((k, v))
    if not done:
        out.append((name, value))
    return out


def multipart(pairs, files=(), boundary=None):
    """A multipart/form-data body: pairs (name, value), files (name,
    filename, type, data)."""
    b = boundary or "----ikm-adv-" + secrets.token_hex(8)
    out = bytearray()
    for k, v in pairs:
        out += f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode()
        out += (v if isinstance(v, bytes) else v.encode()) + b"\r\n"
    for k, fn, ct, data in files:
        fn = fn if isinstance(fn, bytes) else fn.encode()
        out += f'--{b}\r\nContent-Disposition: form-data; name="{k}"; filename="'.encode() + fn
        out += f'"\r\nContent-Type: {ct}\r\n\r\n'.encode() + data + b"\r\n"
    out += f"--{b}--\r\n".encode()
    return bytes(out), "multipart/form-data; boundary=" + b


def png(w, h, pad=0, idat=None):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    if idat is None:
        idat = zlib.compress(b"".join(b"\x00" + b"\x20\x40\xa0" * w for _ in range(h)))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    if pad:
        out += chunk(b"tEXt", b"Comment\x00" + b"x" * pad)
    return out + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def xlsx(sheet, parts=None):
    buf = io.BytesIO()
    z = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '</Types>')
    z.writestr("_rels/.rels",
               '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
               '</Relationships>')
    z.writestr("xl/workbook.xml",
               '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '</Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", sheet)
    for name, data in (parts or {}).items():
        z.writestr(name, data)
    z.close()
    return buf.getvalue()


def bomb_xlsx(mib):
    """An XLSX whose sheet is a header row and mib MiB of blanks: a file of
    about a thousandth of that."""
    buf = io.BytesIO()
    z = zipfile.ZipFile(io.BytesIO(xlsx(b"")))
    out = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    for n in z.namelist():
        if n != "xl/worksheets/sheet1.xml":
            out.writestr(n, z.read(n))
    with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        whole = sheet([HEAD], pad=b"\0")
        head, tail = whole.split(b"\0")
        f.write(head)
        block = b" " * (1 << 20)
        for _ in range(mib):
            f.write(block)
        f.write(tail)
    out.close()
    return buf.getvalue()


def sheet(rows, dim="", pad=b""):
    def cell(v):
        return f'<c t="inlineStr"><is><t>{html.escape(v)}</t></is></c>'
    body = "".join("<row>" + "".join(cell(v) for v in r) + "</row>" for r in rows)
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + dim.encode() + b"<sheetData>" + body.encode() + pad + b"</sheetData></worksheet>")


def zip_of(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return buf.getvalue()
