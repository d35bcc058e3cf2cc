#!/usr/bin/env python3
"""Test tooling: writes a disclosure's text into an Excel workbook the way finance offices keep one, with
openpyxl, so that the reader's XLSX path can be compared with the text it came from.

    make_workbook.py document TEXT OUT.xlsx NAME:LINE ...   # the whole document, a new sheet at each LINE
    make_workbook.py tables TEXT OUT.xlsx NAME:FIRST:LAST ...  # only the given line ranges, one sheet each
                                                              # (ranges named alike are stacked on one sheet)

Lines are 1-based. Lines without a tab become one cell in column A (a table's title is merged across the
table's width); tab-separated lines become one cell per field. Amounts are written as numbers with the number
format that prints them as in the text (`#,##0.00` for `8,431.28`, `0.00` for `134.00`), except on rows
starting 合计/总计, whose amounts stay text numbers, as hand-typed sheets have them. Header rows (above the
first amount) merge each label with the blank cells after it. Plain integers (行次, codes) are numbers, percentages text.

Also builds hostile files for the reader's refusal tests:

    make_workbook.py hostile KIND OUT   # KIND: zipbomb, laughs, huge-declared, encrypted, docx

and zips a folder of hand-written parts into a workbook (the parts' paths relative to the folder):

    make_workbook.py zip FOLDER OUT.xlsx

and edits a workbook the way a finance office's hands do, for the reader's tests (operations in order):

    make_workbook.py edit IN.xlsx OUT.xlsx OP ...
      blank-zeros:SHEET        every cell holding 0 made empty
      insert-row:SHEET:ROW     a blank row inserted before ROW
      clear:SHEET:RANGE        the cells of RANGE (A9:A13) made empty
      merge:SHEET:RANGE        RANGE merged (its value the top-left cell's)
      date:SHEET:CELL:Y-M-D    a date written into CELL (Excel's date format)
      set:SHEET:CELL:AMOUNT    a number written into CELL (a planted amount)
      hide:SHEET               the sheet hidden
      reverse                  the sheets in reverse order
      copy:SHEET               a copy of the sheet added at the end
      drop-part:PATH           after saving, the ZIP member PATH (xl/worksheets/sheet4.xml) left out
      pad-rows:PATH:COUNT      after saving, COUNT empty rows added at the end of the sheet part PATH, on the
                               part's one line (a sheet formatted far below its data: over 10 MB of XML)
"""
import re
import struct
import sys
import zipfile
import zlib
from decimal import Decimal

AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$")
INTEGER = re.compile(r"^-?[1-9]\d{0,14}$|^0$")
TOTAL_LABELS = ("合计", "总计")


def write_cell(sheet, row, column, text, text_numbers):
    cell = sheet.cell(row=row, column=column)
    if AMOUNT.match(text) and not text_numbers:
        decimals = len(text.split(".")[1])
        cell.value = float(Decimal(text.replace(",", "")))
        cell.number_format = ("#,##0" if "," in text else "0") + "." + "0" * decimals
    elif INTEGER.match(text):
        cell.value = int(text)
    else:
        cell.value = text
        cell.data_type = "s"


def fill_sheet(sheet, lines):
    width = max([len(line.split("\t")) for line in lines if "\t" in line] or [1])
    title_merged = False
    in_header = True  # rows above the first row with an amount
    for row, line in enumerate(lines, start=1):
        if "\t" not in line:
            if line.strip():
                sheet.cell(row=row, column=1).value = line
                sheet.cell(row=row, column=1).data_type = "s"
                if not title_merged and width > 1 and line.strip().endswith("表"):
                    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
                    title_merged = True
            continue
        fields = line.split("\t")
        text_numbers = fields[0].strip().replace(" ", "") in TOTAL_LABELS
        for column, field in enumerate(fields, start=1):
            if field.strip():
                write_cell(sheet, row, column, field.strip(), text_numbers)
        if any(AMOUNT.match(f.strip()) for f in fields):
            in_header = False
        elif in_header:
            # a header row: each label spans the blank cells after it
            column = 1
            while column <= len(fields):
                if fields[column - 1].strip():
                    end = column
                    while end < len(fields) and not fields[end].strip():
                        end += 1
                    if end > column:
                        sheet.merge_cells(start_row=row, start_column=column, end_row=row, end_column=end)
                    column = end + 1
                else:
                    column += 1


def workbook(text_path, out, ranges):
    import openpyxl

    lines = open(text_path, encoding="utf-8").read().split("\n")
    book = openpyxl.Workbook()
    book.remove(book.active)
    blocks = {}
    for name, first, last in ranges:
        blocks.setdefault(name, []).append(lines[first - 1:last])
    for name, parts in blocks.items():
        # several ranges named alike are stacked on one sheet, a blank row apart
        stacked = []
        for part in parts:
            stacked += ([""] if stacked else []) + part
        fill_sheet(book.create_sheet(title=name), stacked)
    book.save(out)


def document(text_path, out, marks):
    count = len(open(text_path, encoding="utf-8").read().split("\n"))
    starts = [("封面", 1)] + [(name, int(line)) for name, line in (m.rsplit(":", 1) for m in marks)]
    ranges = [(name, start, (starts[i + 1][1] - 1) if i + 1 < len(starts) else count)
              for i, (name, start) in enumerate(starts)]
    workbook(text_path, out, ranges)


def tables(text_path, out, specs):
    ranges = []
    for spec in specs:
        name, first, last = spec.rsplit(":", 2)
        ranges.append((name, int(first), int(last)))
    workbook(text_path, out, ranges)


MINIMAL_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="公开01" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
}


def patch_sizes(path, member, size):
    """Rewrites the declared uncompressed size of `member` in its local header and central directory."""
    data = bytearray(open(path, "rb").read())
    name = member.encode()
    for signature, size_offset, name_len_offset, header_len in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_len = struct.unpack_from("<H", data, start + name_len_offset)[0]
            if data[start + header_len:start + header_len + name_len] == name:
                struct.pack_into("<I", data, start + size_offset, size)
            start += 4
    open(path, "wb").write(bytes(data))


def hostile(kind, out):
    if kind == "encrypted":
        # An OLE2 compound file header, as Excel writes for a password-protected workbook.
        header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + struct.pack("<HHH", 0x3E, 3, 0xFFFE)
        open(out, "wb").write(header + b"\x00" * (512 - len(header)) + b"EncryptedPackage" + b"\x00" * 1024)
        return
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if kind == "docx":
            archive.writestr("[Content_Types].xml", MINIMAL_PARTS["[Content_Types].xml"])
            archive.writestr("word/document.xml", '<?xml version="1.0"?><document><body><p>收入支出决算总表</p></body></document>')
            return
        for path, text in MINIMAL_PARTS.items():
            archive.writestr(path, text)
        if kind == "laughs":
            entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
            archive.writestr("xl/worksheets/sheet1.xml",
                             f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet><sheetData><row r="1">'
                             '<c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>')
        elif kind in ("zipbomb", "huge-declared"):
            # 64 MiB of one repeated row (twice the reader's part limit), deflated to about 400 KB.
            row = '<row><c t="inlineStr"><is><t>ha</t></is></c></row>'
            body = row * ((64 << 20) // len(row))
            archive.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + body + "</sheetData></worksheet>",
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        else:
            raise SystemExit(f"unknown kind {kind}")
    if kind == "zipbomb":
        patch_sizes(out, "xl/worksheets/sheet1.xml", 4096)  # it lies: declares 4 KB
    elif kind == "huge-declared":
        patch_sizes(out, "xl/worksheets/sheet1.xml", 0x80000000)  # declares a 2 GiB sheet


def zip_folder(folder, out):
    import os

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                path = os.path.join(root, name)
                archive.write(path, os.path.relpath(path, folder))


def edit(source, out, operations):
    import datetime
    import openpyxl

    book = openpyxl.load_workbook(source)
    dropped = []
    padded = []
    for operation in operations:
        kind, _, rest = operation.partition(":")
        args = rest.split(":") if rest else []
        if kind == "blank-zeros":
            for row in book[args[0]].iter_rows():
                for cell in row:
                    if cell.value == 0 and not isinstance(cell.value, bool):
                        cell.value = None
        elif kind == "insert-row":
            book[args[0]].insert_rows(int(args[1]), 1)
        elif kind == "clear":
            for row in book[args[0]][":".join(args[1:])]:
                for cell in row:
                    cell.value = None
        elif kind == "merge":
            book[args[0]].merge_cells(":".join(args[1:]))
        elif kind == "date":
            year, month, day = (int(part) for part in args[2].split("-"))
            book[args[0]][args[1]].value = datetime.date(year, month, day)
        elif kind == "set":
            book[args[0]][args[1]].value = float(Decimal(args[2]))
        elif kind == "hide":
            book[args[0]].sheet_state = "hidden"
        elif kind == "reverse":
            book._sheets.reverse()
        elif kind == "copy":
            book.copy_worksheet(book[args[0]])
        elif kind == "drop-part":
            dropped.append(rest)
        elif kind == "pad-rows":
            padded.append((args[0], int(args[1])))
        else:
            sys.exit("unknown edit: " + operation)
    book.save(out)
    if dropped or padded:
        with zipfile.ZipFile(out) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist() if info.filename not in dropped]
        for path, count in padded:
            for index, (info, data) in enumerate(members):
                if info.filename != path:
                    continue
                text = data.decode("utf-8")
                rows = [int(number) for number in re.findall(r'<row r="(\d+)"', text)]
                first = max(rows, default=0) + 1
                empty = "".join('<row r="%d" spans="1:30" s="1" customFormat="1"/>' % row for row in range(first, first + count))
                text = text.replace("</sheetData>", empty + "</sheetData>", 1).replace("\n", "")
                members[index] = (info, text.encode("utf-8"))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in members:
                archive.writestr(info, data)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    mode = sys.argv[1]
    if mode == "document":
        document(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif mode == "tables":
        tables(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif mode == "hostile":
        hostile(sys.argv[2], sys.argv[3])
    elif mode == "zip":
        zip_folder(sys.argv[2], sys.argv[3])
    elif mode == "edit":
        edit(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
