#!/usr/bin/python3
"""Recalculate the formulas of an ikm processing workbook, independently.

Reads one worksheet of an .xlsx (zipfile + xml, standard library only): the
first, or the one named with --sheet NAME. Evaluates the formula kinds ikm
writes (SUM and COUNT of a range, a/b, a*b, n/m constants, x*25, ROUND(x,2),
and the IF chains of the grade table; absolute references like B$12 read as
B12) from the data cells, and prints one JSON object: every formula cell with
its formula, recomputed and cached value, and the text in column A of its
row ("label", or null). A spreadsheet recalculating the workbook must arrive
at these numbers.

Usage: xlsx_recalc.py [--sheet NAME] FILE.xlsx
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    return m.group(1), int(m.group(2))


def sheet_part(z, name):
    """Zip member of the worksheet called name (None: the first)."""
    book = ET.fromstring(z.read("xl/workbook.xml"))
    sheets = book.find("m:sheets", NS)
    chosen = sheets[0] if name is None else next((s for s in sheets if s.get("name") == name), None)
    if chosen is None:
        raise SystemExit("no sheet named %r" % name)
    rid = chosen.get("{%s}id" % REL_NS)
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter("{%s}Relationship" % PKG_REL_NS):
        if rel.get("Id") == rid:
            target = rel.get("Target")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    raise SystemExit("sheet %r has no part" % name)


def main(path, sheet_name=None):
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read(sheet_part(z, sheet_name)))
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in sst]
    values, formulas, cached = {}, {}, {}
    for c in sheet.iter("{%s}c" % NS["m"]):
        ref = c.get("r")
        f = c.find("m:f", NS)
        v = c.find("m:v", NS)
        if f is not None:
            formulas[ref] = f.text
            cached[ref] = v.text if v is not None else None
        elif c.get("t") == "inlineStr":
            values[ref] = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
        elif v is not None:
            values[ref] = shared[int(v.text)] if c.get("t") == "s" else float(v.text)

    def rng(a, b):
        ca, ra = split_ref(a)
        cb, rb = split_ref(b)
        out = []
        for r in range(ra, rb + 1):
            for ci in range(col_index(ca), col_index(cb) + 1):
                name = ""
                n = ci
                while n:
                    n, rem = divmod(n - 1, 26)
                    name = chr(65 + rem) + name
                out.append("%s%d" % (name, r))
        return out

    def val(ref):
        if ref in values:
            return values[ref]
        if ref in formulas:
            return ev(formulas[ref])
        return None

    def ev(f):
        f = f.replace("$", "")
        m = re.fullmatch(r"(SUM|COUNT)\(([A-Z]+[0-9]+):([A-Z]+[0-9]+)\)", f)
        if m:
            nums = [val(r) for r in rng(m.group(2), m.group(3))]
            nums = [x for x in nums if isinstance(x, float)]
            return sum(nums) if m.group(1) == "SUM" else float(len(nums))
        m = re.fullmatch(r"([0-9]+)/([0-9]+)", f)
        if m:
            return int(m.group(1)) / int(m.group(2))
        m = re.fullmatch(r"([A-Z]+[0-9]+)([*/])([A-Z]+[0-9]+|[0-9]+)", f)
        if m:
            a = val(m.group(1))
            b = float(m.group(3)) if m.group(3).isdigit() else val(m.group(3))
            return a * b if m.group(2) == "*" else a / b
        m = re.fullmatch(r"ROUND\(([A-Z]+[0-9]+),2\)", f)
        if m:
            return float(Decimal(repr(val(m.group(1)))).quantize(Decimal("0.01"), ROUND_HALF_UP))
        if f.startswith("IF("):
            x = None
            for at, cut, label in re.findall(r'IF\(([A-Z]+[0-9]+)>=([0-9.]+),"([^"]*)"', f):
                x = val(at)
                if x >= float(cut):
                    return label
            return re.findall(r'"([^"]*)"\)', f)[-1]
        raise ValueError("formula not understood: " + f)

    out = {}
    for ref, f in formulas.items():
        label = values.get("A%d" % split_ref(ref)[1])
        out[ref] = {"formula": f, "value": ev(f), "cached": cached[ref],
                    "label": label if isinstance(label, str) else None}
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--sheet":
        main(args[2], args[1])
    elif len(args) == 1:
        main(args[0])
    else:
        raise SystemExit("usage: xlsx_recalc.py [--sheet NAME] FILE.xlsx")
