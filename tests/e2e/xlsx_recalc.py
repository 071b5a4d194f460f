#!/usr/bin/python3
"""Recalculate the formulas of an ikm processing workbook, independently.

Reads the first worksheet of an .xlsx (zipfile + xml, standard library only),
evaluates the formula kinds ikm writes (SUM and COUNT of a range, a/b, a*b,
n/m constants, x*25, ROUND(x,2), and the IF chains of the grade table) from
the data cells, and prints one JSON object: every formula cell with its
recomputed and its cached value. A spreadsheet recalculating the workbook
must arrive at these numbers.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    return m.group(1), int(m.group(2))


def main(path):
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
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
        out[ref] = {"formula": f, "value": ev(f), "cached": cached[ref]}
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
