#!/usr/bin/env python3
"""Test tooling: the most common Python extraction of a PDF's text, pdfplumber's `page.extract_text()` for
every page, pages separated by form feeds — what a user who "converted the PDF to text" in Python has.

    page_text.py PDF OUT.txt
"""
import sys

import pdfplumber

if len(sys.argv) != 3:
    raise SystemExit(__doc__)
with pdfplumber.open(sys.argv[1]) as pdf:
    text = "\f".join((page.extract_text() or "") for page in pdf.pages)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(text)
