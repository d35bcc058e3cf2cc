#!/usr/bin/env python3
"""Test tooling: the most common Python extraction of a PDF's text, pdfplumber's `page.extract_text()` for
every page, pages separated by form feeds — what a user who "converted the PDF to text" in Python has.
With `--layout`, `page.extract_text(layout=True)` instead (pdfplumber's layout text: characters placed on a grid
scaled from their x positions, lines padded with spaces).

    page_text.py [--layout] PDF OUT.txt
"""
import sys

import pdfplumber

args = sys.argv[1:]
layout = False
if args and args[0] == "--layout":
    layout = True
    args = args[1:]
if len(args) != 2:
    raise SystemExit(__doc__)
with pdfplumber.open(args[0]) as pdf:
    text = "\f".join((page.extract_text(layout=layout) or "") for page in pdf.pages)
with open(args[1], "w", encoding="utf-8") as out:
    out.write(text)
