#!/usr/bin/env python3
"""Fills a data-entry workbook written by `budgetlens template --to xlsx` with the cells of a disclosure, as a
preparer would type them, and saves it with openpyxl (which stores formulas WITHOUT cached values).

    python3 -W error scripts/fill-template.py TEMPLATE.xlsx CELLS.csv OUT.xlsx [--inputs-only] [--inputs JSON]

CELLS.csv is `budgetlens cells FILE` (table,line,code,item,column,value,source_line). Values only: labels, codes
and amounts go where the official layout puts them (docs/render-template.md) — 公开01/04 by 行次, 公开06 by
科目编码, 公开09 in its data row, 02/03/05/07/08 row after row below 合计 — and a cell the template computes (a
formula) is overwritten with the document's printed value, unless --inputs-only: then formula cells are left
as formulas (the totals are the workbook's own sums). --inputs JSON fills the sheet 年初预算与主要原因 from a
NarrativeInputs file ({"budgets": {...}, "reasons": {...}}). Exit 2 when a cell has no place in the template.

A workbook of `template --layout shanghai` (no `公开NN表` in row 2; docs/render-shanghai.md) has no 行次 and no 栏次
rows: 公开01/04 rows are found by their labels in order (`一、` ordinals, `（…）` and spaces aside, the template's
label a prefix of the document's), the amount columns are numbered as the heads print them (in order; 08 年初结转和结余
4, 本年收入 5, 小计 1, 基本支出 2, 项目支出 3, 年末结转和结余 6; 09 the i-th of n pairs 预算数 i, 决算数 n + i), and
公开06's codes stand in two columns 类 | 款.
"""
import re
import csv
import json
import sys
from decimal import Decimal, InvalidOperation

import openpyxl
from openpyxl.utils.cell import coordinate_from_string


class NoPlace(Exception):
    pass


def number(text):
    try:
        return Decimal(text.replace(",", ""))
    except (InvalidOperation, AttributeError):
        return text


def is_formula(cell):
    return isinstance(cell.value, str) and cell.value.startswith("=")


def put(sheet, row, column, value, inputs_only):
    cell = sheet.cell(row=row, column=column)
    if inputs_only and is_formula(cell):
        return
    cell.value = value


def number_row(sheet):
    """The 栏次 row: the first row whose first cell is 栏次."""
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == "栏次":
            return row
    raise NoPlace(f"{sheet.title}: no 栏次 row")


def columns_of(sheet, row, start=1, end=None):
    """栏次 number → sheet column, from the 栏次 row between start and end."""
    end = end or sheet.max_column
    out = {}
    for column in range(start, end + 1):
        value = sheet.cell(row=row, column=column).value
        if isinstance(value, str) and value.isdigit():
            out[int(value)] = column
    return out


def side_by_side(sheet, records, inputs_only):
    head = number_row(sheet)
    starts = [c for c in range(1, sheet.max_column + 1) if sheet.cell(row=head, column=c).value == "栏次"]
    blocks = []
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else sheet.max_column
        blocks.append((start, columns_of(sheet, head, start, end)))
    for record in records:
        column = int(record["column"])
        block = next((b for b in blocks if column in b[1]), None)
        if block is None:
            raise NoPlace(f"{sheet.title}: 栏次 {column}")
        start, numbers = block
        row = next(
            (r for r in range(head + 1, sheet.max_row + 1) if str(sheet.cell(row=r, column=start + 1).value) == record["line"]),
            None)
        if row is None:
            raise NoPlace(f"{sheet.title}: 行次 {record['line']}")
        sheet.cell(row=row, column=start).value = record["item"] or None
        put(sheet, row, numbers[column], number(record["value"]), inputs_only)


def economic(sheet, records, inputs_only):
    for record in records:
        value = number(record["value"])
        if not record["code"]:
            label_column, amount_column = (1, 3) if record["item"].startswith("人员") else (4, 9)
            row = next((r for r in range(1, sheet.max_row + 1)
                        if sheet.cell(row=r, column=label_column).value == record["item"]), None)
            if row is None:
                raise NoPlace(f"{sheet.title}: {record['item']}")
            put(sheet, row, amount_column, value, inputs_only)
            continue
        place = next(((r, c) for r in range(1, sheet.max_row + 1) for c in (1, 4, 7)
                      if sheet.cell(row=r, column=c).value == record["code"]), None)
        if place is None:
            raise NoPlace(f"{sheet.title}: 科目编码 {record['code']}")
        row, column = place
        sheet.cell(row=row, column=column + 1).value = record["item"]
        put(sheet, row, column + 2, value, inputs_only)


def functional(sheet, records, inputs_only):
    head = number_row(sheet)
    code_rows(sheet, records, columns_of(sheet, head, 3), head + 1, inputs_only)


def code_rows(sheet, records, numbers, total_row, inputs_only):
    """A code table's records: the 合计 at `total_row`, the other rows below it in order (code, label, amounts)."""
    next_row = total_row + 1
    rows = {}
    for record in records:
        key = record["source_line"]
        if key not in rows:
            if not record["code"] and record["item"].replace(" ", "") in ("合计", "总计"):
                rows[key] = total_row
                sheet.cell(row=total_row, column=1).value = record["item"]
            else:
                rows[key] = next_row
                next_row += 1
                if sheet.cell(row=rows[key], column=1).border.left.style is None:
                    raise NoPlace(f"{sheet.title}: more rows than the template has")
                sheet.cell(row=rows[key], column=1).value = record["code"] or None
                sheet.cell(row=rows[key], column=2).value = record["item"] or None
        put(sheet, rows[key], numbers[int(record["column"])], number(record["value"]), inputs_only)


def single_row(sheet, records, inputs_only):
    head = number_row_09(sheet)
    numbers = columns_of(sheet, head)
    for record in records:
        put(sheet, head + 1, numbers[int(record["column"])], number(record["value"]), inputs_only)


def number_row_09(sheet):
    """公开09's 栏次 row: the row whose cells are 1 … 12."""
    for row in range(1, sheet.max_row + 1):
        if str(sheet.cell(row=row, column=1).value) == "1" and str(sheet.cell(row=row, column=12).value) == "12":
            return row
    raise NoPlace("公开09: no 栏次 row")


# The Shanghai 公开08's 栏次 by head (the model keeps 1–3 for 本年支出's 小计, 基本支出, 项目支出).
SHANGHAI_08 = {"年初结转和结余": 4, "本年收入": 5, "小计": 1, "基本支出": 2, "项目支出": 3, "年末结转和结余": 6}


def is_shanghai(sheet):
    """The Shanghai form: no `公开NN表` label in row 2."""
    return all(cell.value is None for cell in sheet[2])


def first_body_row(sheet):
    """The first row below the frozen header rows."""
    return coordinate_from_string(sheet.freeze_panes)[1]


def shanghai_numbers(sheet, table, start):
    """栏次 number → sheet column (1-based) of the amount columns from `start` on, as the heads print them."""
    first = first_body_row(sheet)
    heads = {}
    for row in range(4, first):
        for column in range(start, sheet.max_column + 1):
            value = sheet.cell(row=row, column=column).value
            if value is not None:
                heads[column] = str(value)  # the lowest head of the column: its own
    columns = list(range(start, sheet.max_column + 1))
    if table == "08" and all(heads.get(c) in SHANGHAI_08 for c in columns):
        return {SHANGHAI_08[heads[c]]: c for c in columns}
    if table == "09":
        pairs = len(columns) // 2
        return {k // 2 + 1 + (pairs if k % 2 else 0): c for k, c in enumerate(columns)}
    return {k + 1: c for k, c in enumerate(columns)}


def label_key(text):
    """A row label without its `一、` ordinal, `（…）` remarks and spaces."""
    text = re.sub(r"^[一二三四五六七八九十]+、", "", str(text or ""))
    return re.sub(r"[（(][^）)]*[）)]", "", text).replace(" ", "")


def shanghai_side_by_side(sheet, records, inputs_only):
    first = first_body_row(sheet)
    starts = [c for c in range(1, sheet.max_column + 1) if sheet.cell(row=first - 1, column=c).value == "项目"]
    bounds = starts + [sheet.max_column + 1]
    numbers = {}  # 栏次 → (label column, amount column), numbered across the blocks in order
    for k, start in enumerate(starts):
        for column in range(start + 1, bounds[k + 1]):
            numbers[len(numbers) + 1] = (start, column)
    rows = {}  # (label column, source_line) → sheet row
    after = {start: first - 1 for start in starts}  # each block's last filled row: labels are found in order
    for record in records:
        place = numbers.get(int(record["column"]))
        if place is None:
            raise NoPlace(f"{sheet.title}: 栏次 {record['column']}")
        start, column = place
        key = (start, record["source_line"])
        if key not in rows:
            wanted = label_key(record["item"])
            row = next((r for r in range(after[start] + 1, sheet.max_row + 1)
                        if sheet.cell(row=r, column=start).value is not None
                        and wanted.startswith(label_key(sheet.cell(row=r, column=start).value))), None)
            if row is None:
                raise NoPlace(f"{sheet.title}: {record['item']}")
            rows[key] = row
            after[start] = row
            sheet.cell(row=row, column=start).value = record["item"]
        put(sheet, rows[key], column, number(record["value"]), inputs_only)


def shanghai_economic(sheet, records, inputs_only):
    totals = {"人员经费合计": (1, 4), "公用经费合计": (5, 8)}
    for record in records:
        value = number(record["value"])
        if not record["code"]:
            label_column, amount_column = totals["人员经费合计" if record["item"].startswith("人员") else "公用经费合计"]
            row = next((r for r in range(1, sheet.max_row + 1)
                        if str(sheet.cell(row=r, column=label_column).value).endswith("合计")), None)
            if row is None:
                raise NoPlace(f"{sheet.title}: {record['item']}")
            sheet.cell(row=row, column=label_column).value = record["item"]
            put(sheet, row, amount_column, value, inputs_only)
            continue
        code, kuan = record["code"], record["code"][3:] or None
        place = next(((r, c) for r in range(1, sheet.max_row + 1) for c in (1, 5)
                      if sheet.cell(row=r, column=c).value == code[:3]
                      and sheet.cell(row=r, column=c + 1).value == kuan), None)
        if place is None:
            raise NoPlace(f"{sheet.title}: 科目编码 {code}")
        row, column = place
        sheet.cell(row=row, column=column + 2).value = record["item"]
        put(sheet, row, column + 3, value, inputs_only)


def shanghai_functional(sheet, records, inputs_only, table):
    code_rows(sheet, records, shanghai_numbers(sheet, table, 3), first_body_row(sheet), inputs_only)


def shanghai_single_row(sheet, records, inputs_only):
    numbers = shanghai_numbers(sheet, "09", 1)
    for record in records:
        put(sheet, first_body_row(sheet), numbers[int(record["column"])], number(record["value"]), inputs_only)


def fill_inputs(sheet, inputs):
    """年初预算 and 主要原因: a listed key's row, else the block's first blank key row."""
    for head, entries in (("年初预算", inputs.get("budgets", {})), ("主要原因", inputs.get("reasons", {}))):
        start = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == head)
        for key, value in entries.items():
            row = start + 1
            while sheet.cell(row=row, column=1).value not in (None, key):
                row += 1
            if sheet.cell(row=row, column=3).border.left.style is None:
                raise NoPlace(f"{sheet.title}: no row left for {key}")
            sheet.cell(row=row, column=1).value = key
            sheet.cell(row=row, column=3).value = number(value) if head == "年初预算" else value


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    template, cells, out = argv[1:4]
    inputs_only = "--inputs-only" in argv
    workbook = openpyxl.load_workbook(template)
    with open(cells, encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    try:
        for table in sorted({r["table"] for r in records}):
            sheet = workbook["公开" + table]
            mine = [r for r in records if r["table"] == table]
            if is_shanghai(sheet):
                fill = {"01": shanghai_side_by_side, "04": shanghai_side_by_side, "06": shanghai_economic,
                        "09": shanghai_single_row}.get(table)
                if fill is None:
                    shanghai_functional(sheet, mine, inputs_only, table)
                else:
                    fill(sheet, mine, inputs_only)
                continue
            {"01": side_by_side, "04": side_by_side, "06": economic, "09": single_row}.get(table, functional)(
                sheet, mine, inputs_only)
        if "--inputs" in argv:
            with open(argv[argv.index("--inputs") + 1], encoding="utf-8") as handle:
                fill_inputs(workbook["年初预算与主要原因"], json.load(handle))
    except NoPlace as error:
        print(f"error: {cells}: no place in the template for {error}", file=sys.stderr)
        return 2
    workbook.save(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
