#!/usr/bin/env python3
"""How much of a screenshot is not blank: decodes a PNG with zlib alone.

Usage: png_ink.py FILE.png MIN_PERCENT
Counts the pixels darker than near-white (any channel below 200) and the
pixel rows holding any; prints "WxH: P% ink on R rows"; exits 0 when at
least MIN_PERCENT of the pixels are ink and at least 20 rows hold some.
Reads 8-bit greyscale, RGB, grey+alpha and RGBA, not interlaced (what
Chromium writes).
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, head = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = head
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        sys.exit(f"{path}: PNG depth {depth} colour type {ctype} interlace {interlace} not read")
    raw = zlib.decompress(b"".join(idat))
    stride = w * channels
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, channels, rows


def main():
    path, want = sys.argv[1], float(sys.argv[2])
    w, h, ch, rows = pixels(path)
    colour = min(ch, 3) if ch != 2 else 1
    ink = inked_rows = 0
    for line in rows:
        n = 0
        for x in range(0, len(line), ch):
            if min(line[x:x + colour]) < 200:
                n += 1
        ink += n
        inked_rows += n > 0
    share = 100.0 * ink / (w * h)
    print(f"{w}x{h}: {share:.2f}% ink on {inked_rows} rows")
    sys.exit(0 if share >= want and inked_rows >= 20 else 1)


main()
