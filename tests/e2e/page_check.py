#!/usr/bin/python3
"""Check rendered pages: none blank, nothing drawn in the margins.

Usage: page_check.py MARGIN_CM PAGE.pgm...  (binary PGM, as written by
`pdftoppm -gray -r DPI`). Prints one line per problem and exits 1 when
there is any. A page is blank when under 0.1% of its pixels are dark; a
margin is the band MARGIN_CM wide along each edge and must hold no dark
pixel (a poster's full-bleed accent bar is allowed with MARGIN_CM 0).
"""
import sys


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    pos += 1
    assert parts[0] == b"P5", path + ": not a binary PGM"
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[pos:pos + w * h]


def main():
    margin_cm = float(sys.argv[1])
    problems = 0
    for path in sys.argv[2:]:
        w, h, px = read_pgm(path)
        dpi = w / (21.0 / 2.54)  # A4 width
        m = int(margin_cm / 2.54 * dpi)
        dark = sum(1 for v in px if v < 128)
        if dark < w * h * 0.001:
            print(f"{path}: halaman kosong / blank page")
            problems += 1
        if m > 0:
            for y in range(h):
                row = px[y * w:(y + 1) * w]
                inside = m <= y < h - m
                band = row if not inside else row[:m] + row[w - m:]
                if any(v < 128 for v in band):
                    print(f"{path}: tinta di margin pada baris {y} / ink in the margin")
                    problems += 1
                    break
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
