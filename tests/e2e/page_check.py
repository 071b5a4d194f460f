#!/usr/bin/python3
"""Check rendered pages: none blank, nothing drawn in the margins.

Usage: page_check.py MARGIN_CM PAGE.pgm...  (binary PGM, as written by
`pdftoppm -gray -r DPI`). Prints one line per problem and exits 1 when
there is any. A page is blank when under 0.1% of its pixels are dark; a
margin is the band MARGIN_CM wide along each edge and must hold no dark
pixel (a poster's full-bleed accent bar is allowed with MARGIN_CM 0), but
for the footer box: a page number centred at the foot (doc_pdf.c draws it
1,2 cm above the page edge) may sit in the bottom margin.
"""
import sys

# The footer box in the bottom margin where a page number may be drawn:
# FOOTER_W_CM wide, centred on the page, from FOOTER_LOW_CM above the page
# edge up. Everything else in the margins stays clear; the page number is
# drawn at about 1,2-1,5 cm above the edge, 0,25 cm right of the centre
# (centred under the text, whose left margin is wider).
FOOTER_W_CM = 4.0
FOOTER_LOW_CM = 0.8


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
        foot_y = h - int(FOOTER_LOW_CM / 2.54 * dpi)  # footer rows: [.., foot_y)
        foot_x0 = int((21.0 - FOOTER_W_CM) / 2 / 2.54 * dpi)
        foot_x1 = w - foot_x0
        dark = sum(1 for v in px if v < 128)
        if dark < w * h * 0.001:
            print(f"{path}: halaman kosong / blank page")
            problems += 1
        if m > 0:
            for y in range(h):
                row = px[y * w:(y + 1) * w]
                inside = m <= y < h - m
                if inside:
                    band = row[:m] + row[w - m:]
                elif h - m <= y < foot_y:
                    band = row[:foot_x0] + row[foot_x1:]
                else:
                    band = row
                if any(v < 128 for v in band):
                    print(f"{path}: tinta di margin pada baris {y} / ink in the margin")
                    problems += 1
                    break
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
