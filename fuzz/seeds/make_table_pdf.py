#!/usr/bin/env python3
"""Write table.pdf: a tiny synthetic PDF seed for fuzz_pdf.

Two pages of text in the Adobe-GB1 font STSong-Light (not embedded; poppler
maps it to Unicode with poppler-data), laid out like a 收入支出决算总表 and a
支出决算表 with a few rows, uncompressed, so that mutations reach the text
layer quickly.  Usage: python3 make_table_pdf.py > table.pdf
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "cli"))
from mkpdf import pdf  # noqa: E402  (the same object and xref writer as the CLI tests)

PAGES = [
    [(200, 800, "收入支出决算总表"), (60, 770, "单位：万元"),
     (60, 740, "收入"), (300, 740, "支出"),
     (60, 715, "一般公共预算财政拨款收入"), (220, 715, "451.53"),
     (300, 715, "一般公共服务支出"), (480, 715, "120.00"),
     (60, 690, "本年收入合计"), (220, 690, "451.53"),
     (300, 690, "本年支出合计"), (480, 690, "451.53"),
     (60, 665, "总计"), (220, 665, "451.53"), (300, 665, "总计"), (480, 665, "451.53")],
    [(220, 800, "支出决算表"), (60, 770, "单位：万元"),
     (60, 740, "科目编码"), (140, 740, "科目名称"), (330, 740, "本年支出合计"),
     (420, 740, "基本支出"), (500, 740, "项目支出"),
     (60, 715, "合计"), (330, 715, "451.53"), (420, 715, "400.00"), (500, 715, "51.53"),
     (60, 690, "208"), (140, 690, "社会保障和就业支出"), (330, 690, "451.53"),
     (420, 690, "400.00"), (500, 690, "51.53"),
     (60, 665, "20805"), (140, 665, "行政事业单位养老支出"), (330, 665, "451.53"),
     (420, 665, "400.00"), (500, 665, "51.53")],
]


def content(items):
    ops = []
    for x, y, s in items:
        hexs = s.encode("utf-16-be").hex().upper()
        ops.append("BT /F1 10 Tf %d %d Td <%s> Tj ET" % (x, y, hexs))
    return "\n".join(ops).encode()


def main():
    objs = []
    npages = len(PAGES)
    kids = " ".join("%d 0 R" % (5 + 2 * i) for i in range(npages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, npages)).encode())
    objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light "
                b"/Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>")
    objs.append(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light "
                b"/Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 "
                b"/Descent -120 /CapHeight 880 /StemV 93 >> /DW 1000 >>")
    for i, items in enumerate(PAGES):
        body = content(items)
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                     % (6 + 2 * i)).encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = pdf(objs)
    sys.stdout.buffer.write(out)


if __name__ == "__main__":
    main()
