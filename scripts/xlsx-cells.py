#!/usr/bin/env python3
"""Reads back a workbook written by `budgetlens render --to xlsx` with openpyxl and prints its cells in the
format of `budgetlens cells` without source_line: table,line,code,item,column,value.

It knows the official layouts (docs/render.md), not BudgetLens's model: the body starts below the frozen header
rows and ends at the first row without borders; the last header row is the 栏次 row (公开06 has none: its one
amount column is 栏次 1). A sheet in the Shanghai template (no `公开NN表` in row 2, docs/render-shanghai.md) prints no
栏次 row: its amount columns are numbered in print order, but 公开08's by their heads (年初结转和结余 4, 本年收入 5,
小计 1, 基本支出 2, 项目支出 3, 年末结转和结余 6) and 公开09's pairs (the i-th of n expenses: 预算数 i, 决算数 n + i);
its code is printed in three columns 类 | 款 | 项 (06: 类 | 款). Any openpyxl warning is an error (python3 -W
error). Exit 2 on an unusable file.
"""
import csv
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


def body_rows(sheet):
    """The body: the rows from the first below the frozen header rows while their first cell has a border (the
    blank row before the 注 lines has none), as lists of values."""
    _, first = coordinate_from_string(sheet.freeze_panes)
    out = []
    for index in range(first, sheet.max_row + 1):
        if sheet.cell(row=index, column=1).border.left.style is None:
            break
        out.append([cell.value for cell in sheet[index]])
    return first, out


# The Shanghai 公开08's 栏次 by head (the model keeps 1–3 for 本年支出's 小计, 基本支出, 项目支出).
SHANGHAI_08 = {"年初结转和结余": 4, "本年收入": 5, "小计": 1, "基本支出": 2, "项目支出": 3, "年末结转和结余": 6}


def is_shanghai(sheet):
    """The Shanghai template: no `公开NN表` label in row 2."""
    return all(cell.value is None for cell in sheet[2])


def leaf_heads(sheet, first):
    """Per column, the lowest non-empty header cell (rows 4 … first - 1): the column's own head."""
    heads = [None] * sheet.max_column
    for index in range(4, first):
        for column, cell in enumerate(sheet[index]):
            if cell.value is not None:
                heads[column] = text(cell.value)
    return heads


def shanghai_numbers(table, heads, start):
    """The 栏次 of the Shanghai amount columns from grid column `start` on, as [(index, 栏次)]."""
    columns = list(range(start, len(heads)))
    if table == "08" and all(heads[i] in SHANGHAI_08 for i in columns):
        return [(i, SHANGHAI_08[heads[i]]) for i in columns]
    if table == "09":
        pairs = len(columns) // 2
        return [(i, k // 2 + 1 + (pairs if k % 2 else 0)) for k, i in enumerate(columns)]
    return [(i, k + 1) for k, i in enumerate(columns)]


def body(sheet):
    """The header's last row (栏次) and the body rows."""
    first, rows = body_rows(sheet)
    return [cell.value for cell in sheet[first - 1]], rows


def side_by_side(table, sheet, emit):
    """公开01/04: per block (from a `栏次` cell of the 栏次 row), 项目, then 行次 if the block has that column, then
    the amounts under their 栏次 numbers. A grid row that is blank on a side is no row of that side."""
    numbers, rows = body(sheet)
    blocks = []
    if is_shanghai(sheet):  # no 栏次 row: the last header row has 项目 at each block's start, no 行次 column
        starts = [i for i, v in enumerate(numbers) if v == "项目"] + [len(numbers)]
        number = 0
        for k, start in enumerate(starts[:-1]):
            columns = [(i, number + 1 + j) for j, i in enumerate(range(start + 1, starts[k + 1]))]
            number += len(columns)
            blocks.append((start, False, columns))
        numbers = []
    starts = [i for i, v in enumerate(numbers) if v == "栏次"]
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(numbers)
        columns = [(i, int(numbers[i])) for i in range(start + 1, end) if numbers[i] is not None]
        has_line = columns and columns[0][0] == start + 2
        blocks.append((start, has_line, columns))
    for start, has_line, columns in blocks:
        for row in rows:
            line = text(row[start + 1]) if has_line else ""
            if row[start] is None and not line and all(row[i] is None for i, _ in columns):
                continue
            for index, column in columns:
                if row[index] is not None:
                    emit(table, line, "", text(row[start]), column, amount(row[index]))


def functional(table, sheet, emit):
    """公开02/03/05/07/08: 科目编码, 科目名称, amounts; a label merged across both (合计) has no code."""
    first, rows = body_rows(sheet)
    # 类 | 款 | 项 | 科目名称 (Shanghai, the last header row prints 类), or 科目编码 | 科目名称.
    width = 4 if is_shanghai(sheet) and "类" in [cell.value for cell in sheet[first - 1]] else 2
    if is_shanghai(sheet):
        columns = shanghai_numbers(table, leaf_heads(sheet, first), width)  # no 栏次 row
    else:
        numbers = [cell.value for cell in sheet[first - 1]]
        columns = [(i, int(v)) for i, v in enumerate(numbers) if i >= 2 and v is not None]
    # In 栏次 order: the Shanghai 公开08 prints 栏次 4, 5, 1, 2, 3, 6.
    columns.sort(key=lambda c: c[1])
    merged = {r.min_row for r in sheet.merged_cells.ranges if r.min_col == 1 and r.max_col == width}
    for offset, row in enumerate(rows):
        if first + offset in merged:
            code, item = "", text(row[0])
        else:
            code, item = "".join(text(v) for v in row[:width - 1]), text(row[width - 1])
        for index, column in columns:
            if row[index] is not None:
                emit(table, "", code, item, column, amount(row[index]))


def economic(table, sheet, emit):
    first, rows = body_rows(sheet)
    totals = [r for r in rows if text(r[0]).endswith("合计") and r[1] is None]
    items = [r for r in rows if r not in totals]
    if is_shanghai(sheet) and "类" in [cell.value for cell in sheet[first - 1]]:
        # two blocks 类 | 款 | 科目名称 | amount; totals in the bottom row
        for block in (0, 4):
            for row in items:
                if row[block] is not None or row[block + 2] is not None:
                    code = text(row[block]) + text(row[block + 1])
                    emit(table, "", code, text(row[block + 2]), 1, amount(row[block + 3]))
            for row in totals:
                emit(table, "", "", text(row[block]), 1, amount(row[block + 3]))
        return
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
    if is_shanghai(sheet):  # no 栏次 row: 预算数 and 决算数 in pairs (1, 7, 2, 8, …)
        columns = sorted(shanghai_numbers(table, [""] * len(numbers), 0), key=lambda c: c[1])
    else:
        columns = sorted(((i, int(v)) for i, v in enumerate(numbers) if v is not None), key=lambda c: c[1])
    for row in rows:
        for index, column in columns:
            if row[index] is not None:
                emit(table, "", "", "", column, amount(row[index]))


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

    # In table order (公开01 … 09), as `budgetlens cells` lists them: the Shanghai template's sheets put 09 seventh.
    sheets = sorted(workbook.worksheets, key=lambda sheet: sheet.title if sheet.title.startswith("公开") else "")
    for sheet in sheets:
        if not sheet.title.startswith("公开"):
            continue  # an annex (汇总表, 自评表N): not one of the nine tables
        table = sheet.title.replace("公开", "")
        if sheet.freeze_panes is None:
            continue  # a table the document does not have
        {"01": side_by_side, "04": side_by_side, "06": economic, "09": single_row}.get(table, functional)(
            table, sheet, emit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
