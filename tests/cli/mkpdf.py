#!/usr/bin/env python3
"""Write a small PDF for the CLI tests: mkpdf.py KIND OUT

KIND is
  scan       one page and no text on it (what a scanned document looks like
             to a text reader)
  encrypted  one page, encrypted by the standard security handler with a user
             password that is not empty, so that it cannot be opened without
             it (the /U entry matches no password)
"""
import sys


def pdf(objects, trailer_extra=b""):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, xref)
    return bytes(out)


PAGE = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "scan":
        data = pdf(PAGE)
    elif kind == "encrypted":
        o = b"<" + b"11" * 32 + b">"
        u = b"<" + b"22" * 32 + b">"
        encrypt = b"<< /Filter /Standard /V 1 /R 2 /O " + o + b" /U " + u + b" /P -4 >>"
        ident = b"<" + b"33" * 16 + b">"
        data = pdf(PAGE + [encrypt], b"/Encrypt 4 0 R /ID [" + ident + b" " + ident + b"] ")
    else:
        sys.exit("mkpdf.py: unknown kind " + kind)
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
