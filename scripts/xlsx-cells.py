#!/usr/bin/env python3
"""Reads back a workbook written by `budgetlens render --to xlsx` with openpyxl and prints its cells in the
format of `budgetlens cells` without source_line: table,line,code,item,column,value.

It knows the official layouts (docs/render.md), not BudgetLens's model: the body starts below the frozen header
rows; the last header row is the 栏次 row (公开06 has none: its one amount column is 栏次 1); the body ends at the
first empty row. Any openpyxl warning is an error (python3 -W error). Exit 2 on an unusable file.
"""
import csv
import re
import sys
from decimal import Decimal

import openpyxl
from openpyxl.utils.cell import coordinate_from_string


def text(value):
    return "" if value is None else str(value)


def amount(value):
    if isinstance(value, (int, float)):
        return str(Decimal(repr(value)).quantize(Decimal("0.01")))
    return ""  # a cell that is not a number (printed as text)


def body(sheet):
    """The header's last row (栏次) and the body rows, as lists of values."""
    _, first = coordinate_from_string(sheet.freeze_panes)
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[first - 2]
    out = []
    for row in rows[first - 1:]:
        if all(v is None for v in row):
            break
        out.append(row)
    return header, out


def side_by_side(table, sheet, emit):
    numbers, rows = body(sheet)
    starts = [i for i, v in enumerate(numbers) if v == "栏次"]
    blocks = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(numbers)
        blocks.append((start, [(i, int(numbers[i])) for i in range(start + 2, end) if numbers[i] is not None]))
    for start, columns in blocks:
        for row in rows:
            if row[start + 1] is None:
                continue
            for index, column in columns:
                if row[index] is not None:
                    emit(table, text(row[start + 1]), "", text(row[start]), column, amount(row[index]))


def functional(table, sheet, emit):
    numbers, rows = body(sheet)
    columns = [(i, int(v)) for i, v in enumerate(numbers) if i >= 2 and v is not None]
    for row in rows:
        first, second = text(row[0]), text(row[1])
        if not second and not re.fullmatch(r"\d+", first):
            code, item = "", first
        else:
            code, item = first, second
        for index, column in columns:
            if row[index] is not None:
                emit(table, "", code, item, column, amount(row[index]))


def economic(table, sheet, emit):
    _, first = coordinate_from_string(sheet.freeze_panes)
    rows = [list(r) for r in sheet.iter_rows(min_row=first, values_only=True)]
    rows = rows[: next((i for i, r in enumerate(rows) if all(v is None for v in r)), len(rows))]
    totals = [r for r in rows if text(r[0]).endswith("合计") and r[1] is None]
    items = [r for r in rows if r not in totals]
    for block in (0, 3, 6):
        for row in items:
            if row[block] is not None or row[block + 1] is not None:
                emit(table, "", text(row[block]), text(row[block + 1]), 1, amount(row[block + 2]))
        for row in totals:
            if block == 0:
                emit(table, "", "", text(row[0]), 1, amount(row[2]))
            elif block == 6:
                emit(table, "", "", text(row[3]), 1, amount(row[8]))


def single_row(table, sheet, emit):
    numbers, rows = body(sheet)
    for row in rows:
        for index, column in enumerate(numbers):
            if column is not None and row[index] is not None:
                emit(table, "", "", "", int(column), amount(row[index]))


def main(path):
    try:
        workbook = openpyxl.load_workbook(path)
    except Exception as error:  # noqa: BLE001 - any failure to open is the answer
        print(f"error: {path}: {error}", file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["table", "line", "code", "item", "column", "value"])

    def emit(*fields):
        writer.writerow(fields)

    for sheet in workbook.worksheets:
        table = sheet.title.replace("公开", "")
        if sheet.freeze_panes is None:
            continue  # a table the document does not have
        {"01": side_by_side, "04": side_by_side, "06": economic, "09": single_row}.get(table, functional)(
            table, sheet, emit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
