import BudgetLensCore
import CSV
import Foundation

/// Reads a disclosure kept as a workbook (XLSX: the nine tables as sheets, or several tables stacked on a
/// sheet) or as CSV files (one table per file, or several one after another): the cells become the text the
/// text reader reads (see ``WorkbookText``), and every value keeps its cell (`公开05!D12`) as its source.
///
/// Refused with a ``ReadError`` (`bad-workbook`), quickly and within bounded memory: an encrypted workbook or a
/// legacy `.xls` (OLE2 container), a Word or PowerPoint file, a ZIP that is no workbook, parts beyond the
/// unpacking limits (zip bomb, a 2 GB sheet), XML with a DTD (entity expansion), malformed XML.
enum WorkbookReader {
    /// The most cells with a value read from one sheet: a disclosure's largest table has a few thousand.
    static let maximumCellsPerSheet = 1_000_000

    /// The sheet of a data-entry workbook (`budgetlens template`) holding 年初预算 and 主要原因: not read as
    /// part of the disclosure; ``DisclosureReader/workbookSheet(named:data:file:configuration:)`` gives its cells.
    static let inputsSheetName = "年初预算与主要原因"

    /// Whether the bytes are a workbook this reader takes (or refuses by name): a ZIP or OLE2 container.
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        WorkbookArchive.isZIP(bytes) || WorkbookArchive.isCompoundFile(bytes)
    }

    /// Whether the file is CSV: named `.csv` and its decoded text holds no tab (tab-separated text is the text
    /// format). The text, not the bytes: a UTF-16 CSV (Excel's "Unicode" save) has 0x09 bytes in characters
    /// such as 三 (U+4E09).
    static func isCSV(text: String, named file: String) -> Bool {
        file.lowercased().hasSuffix(".csv") && !text.utf8.contains(0x09)
    }

    /// Whether the name says workbook (`.xlsx`, `.xlsm`) while the bytes are no ZIP package: a text or another
    /// file renamed, refused as what it is rather than read as text.
    static func isMisnamedWorkbook(_ bytes: [UInt8], named file: String) -> Bool {
        let name = file.lowercased()
        return (name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm")) && !isWorkbook(bytes)
    }

    /// Reads a workbook's bytes.
    static func read(_ bytes: [UInt8], file: String, configuration: ReaderConfiguration) throws -> Disclosure {
        let (text, problems) = try text(ofWorkbook: bytes, file: file, configuration: configuration)
        var read = disclosure(
            text, problems: problems, format: .xlsx, file: file, byteCount: bytes.count, configuration: configuration)
        read.source.lineCount = text.sheetCount
        return read
    }

    /// Reads a CSV file's bytes (UTF-8, RFC 4180 quoting).
    static func readCSV(_ bytes: [UInt8], text: String, file: String, configuration: ReaderConfiguration) throws
        -> Disclosure
    {
        let workbook = try WorkbookText(sheets: [csvSheet(text, file: file)], file: file)
        return disclosure(workbook, problems: [], format: .csv, file: file, byteCount: bytes.count,
            configuration: configuration)
    }

    /// The text a workbook is read as (`budgetlens text book.xlsx`).
    static func readableText(_ bytes: [UInt8], file: String, configuration: ReaderConfiguration) throws -> String {
        try text(ofWorkbook: bytes, file: file, configuration: configuration).0.text
    }

    /// The text a CSV file is read as.
    static func readableCSVText(_ text: String, file: String) throws -> String {
        try WorkbookText(sheets: [csvSheet(text, file: file)], file: file).text
    }

    private static func disclosure(
        _ workbook: WorkbookText, problems: [ReadProblem], format: SourceFormat, file: String, byteCount: Int,
        configuration: ReaderConfiguration
    ) -> Disclosure {
        let provenance = LayoutProvenance(file: file, fixedSpans: workbook.spans)
        let source = SourceText(file: file, text: workbook.text, provenance: provenance)
        var disclosure = TextDisclosureParser(
            text: source, byteCount: byteCount, readsSelfEvaluations: configuration.readsSelfEvaluations
        ).parse()
        disclosure.source = SourceDocument(file: file, format: format, byteCount: byteCount, lineCount: workbook.lines.count)
        // A table on two sheets (a copy of 公开02): only the first is read — the second is dropped, said by a
        // warning naming both cells — so `show` and `cells` never count or print a table twice.
        var seen: [TableID: PublicTable] = [:]
        var problems = problems
        disclosure.tables.removeAll { table in
            guard let first = seen[table.id] else {
                seen[table.id] = table
                return false
            }
            disclosure.problems.removeAll { $0.code == "table.duplicate" && $0.table == table.id && $0.source == table.source }
            problems.append(.duplicateTable(table.id, at: table.source, first: first.source))
            return true
        }
        // A date cell (`workbook.date-cell`) or a cell covered by a merged amount (`workbook.merged-amount`) is
        // said once, by the workbook's warning: the table reader's `cell.not-a-number` error for it is dropped.
        let dateCells = Set(problems.filter { $0.code == "workbook.date-cell" }.compactMap(\.source.cell))
        disclosure.problems.removeAll { problem in
            problem.code == "cell.not-a-number"
                && (problem.source.cell.map(dateCells.contains) == true
                    || problem.message.contains("'\(MergedAmounts.placeholder)'"))
        }
        // A hidden or missing sheet's table that another sheet holds after all is read, not "present, not read".
        let read = Set(disclosure.tables.map(\.id))
        let kept = problems.filter { $0.code != Disclosure.notUnderstoodTableProblem || $0.table.map(read.contains) != true }
        disclosure.problems = (kept + disclosure.problems).sorted { $0.source < $1.source }
        return disclosure
    }

    /// The workbook's visible sheets as text, and the problems met (hidden sheets, unreadable cells).
    private static func text(ofWorkbook bytes: [UInt8], file: String, configuration: ReaderConfiguration) throws
        -> (WorkbookText, [ReadProblem])
    {
        let (result, problems) = try sheets(ofWorkbook: bytes, file: file, configuration: configuration) {
            $0 != inputsSheetName  // the data-entry workbook's 年初预算 and 主要原因: input to the writer, not text
        }
        if result.isEmpty {
            throw WorkbookArchive.error(file, "工作簿没有可读取的可见工作表", "the workbook has no visible worksheet to read")
        }
        return (WorkbookText(sheets: coverFirst(result), file: file), problems)
    }

    /// The sheets with the cover first: the cover is found by its content, not its position — the first sheet
    /// whose first four cells give the document's title (naming a 部门决算; no table title, 说明 or 情况), when a table sheet
    /// comes before it (sheets reordered). Otherwise the workbook's order.
    static func coverFirst(_ sheets: [SheetCells]) -> [SheetCells] {
        func holdsTable(_ sheet: SheetCells) -> Bool {
            if let name = sheet.name, TableTitles.table(named: name) != nil { return true }
            return sheet.rows.contains { $0.cells.contains { $0.text.utf8.count <= 200 && TableTitles.table(named: $0.text) != nil } }
        }
        func isCover(_ sheet: SheetCells) -> Bool {
            // Its first cells are the document's title (`上海市普陀区财政局` `2024年度部门决算`), not a table's nor
            // 情况说明's (`…部门决算情况` `说明`).
            // The 目录 a cover may hold lists table titles: only the cells before it are looked at.
            let first = sheet.rows.compactMap { $0.cells.first?.text }.prefix(4)
                .prefix { $0.replacingOccurrences(of: " ", with: "") != "目录" }
            guard !first.isEmpty, !first.contains(where: { TableTitles.table(named: $0) != nil }) else { return false }
            let title = first.joined()
            return title.count <= 80 && !title.containsText("说明") && !title.containsText("情况")
                && (title.containsText("部门决算") || title.containsText("单位决算"))
        }
        guard let cover = sheets.firstIndex(where: isCover), let table = sheets.firstIndex(where: holdsTable),
            table < cover
        else { return sheets }
        var ordered = sheets
        ordered.insert(ordered.remove(at: cover), at: 0)
        return ordered
    }

    /// The displayed cells of the visible sheet `name`, row by row (`[]` for a blank sheet), or `nil` when the
    /// workbook has no such visible sheet.
    static func sheetRows(named name: String, ofWorkbook bytes: [UInt8], file: String, configuration: ReaderConfiguration)
        throws -> [(row: Int, cells: [(column: Int, text: String)])]?
    {
        try sheets(ofWorkbook: bytes, file: file, configuration: configuration) { $0 == name }.0.first?.rows
    }

    /// The visible sheets whose names pass `include`, and the problems met (hidden sheets, unreadable cells).
    private static func sheets(
        ofWorkbook bytes: [UInt8], file: String, configuration: ReaderConfiguration, include: (String) -> Bool
    ) throws -> ([SheetCells], [ReadProblem]) {
        if WorkbookArchive.isCompoundFile(bytes) {
            throw WorkbookArchive.error(
                file, "这是 OLE2 复合文档（D0 CF 11 E0）：加密（有密码）的 Office 工作簿或旧版 Excel .xls；BudgetLens 读取无密码的 .xlsx 工作簿"
                    + "（请在 Excel 或 LibreOffice 中打开，另存为不加密的 .xlsx）",
                "this is an OLE2 compound file (D0 CF 11 E0): an encrypted (password-protected) Office "
                    + "workbook or a legacy Excel .xls; BudgetLens reads .xlsx workbooks without a password "
                    + "(open it in Excel or LibreOffice and save it as .xlsx without encryption)")
        }
        let archive = try WorkbookArchive(bytes: bytes, file: file, configuration: configuration)
        guard archive.paths.contains("xl/workbook.xml") else {
            let kind: (chinese: String, english: String)
            if archive.paths.contains("word/document.xml") {
                kind = (
                    "该文件是 Word 文档（DOCX），不是 Excel 工作簿；请把其中的表另存为 .xlsx，或导出文本",
                    "a Word document (DOCX), not an Excel workbook; save its tables as .xlsx, or export text")
            } else if archive.paths.contains("ppt/presentation.xml") {
                kind = ("该文件是 PowerPoint 演示文稿（PPTX），不是 Excel 工作簿", "a PowerPoint presentation (PPTX), not an Excel workbook")
            } else if archive.paths.contains("content.xml") {
                kind = ("该文件是 OpenDocument 文件（ODS/ODT）；请另存为 .xlsx", "an OpenDocument file (ODS/ODT); save it as .xlsx")
            } else {
                kind = (
                    "该文件是没有 xl/workbook.xml 的 ZIP 压缩包：不是 Excel 工作簿（XLSX）",
                    "a ZIP archive without xl/workbook.xml: not an Excel workbook (XLSX)")
            }
            throw WorkbookArchive.error(file, kind.chinese, "the file is " + kind.english)
        }
        var unpacked = 0
        func part(_ path: String) throws -> Data? {
            guard let data = try archive.part(path) else { return nil }
            unpacked += data.count
            guard unpacked <= configuration.maximumWorkbookSize else {
                throw WorkbookArchive.error(
                    file, "工作簿解压后超过 \(configuration.maximumWorkbookSize >> 20) MiB，拒绝读取",
                    "the workbook unpacks to more than \(configuration.maximumWorkbookSize >> 20) MiB; refused")
            }
            return data
        }
        func parsed<T>(_ path: String, _ body: (Data) throws -> T) throws -> T? {
            guard let data = try part(path) else { return nil }
            do {
                return try body(data)
            } catch {
                throw WorkbookArchive.error(
                    file, "部件 \(path) 不是格式正确的 XML：\(error)", "the part \(path) is not well-formed XML: \(error)")
            }
        }
        let sheets = try parsed("xl/workbook.xml", WorkbookXML.sheets) ?? []
        let relationships = try parsed("xl/_rels/workbook.xml.rels", WorkbookXML.relationships) ?? [:]
        let strings = try parsed("xl/sharedStrings.xml", WorkbookXML.sharedStrings) ?? []
        let formats = try parsed("xl/styles.xml", WorkbookXML.cellFormats) ?? []
        var problems: [ReadProblem] = []
        var ignored: [ReadProblem] = []  // the cell problems of a hidden sheet, which is not read
        var result: [SheetCells] = []
        for (index, sheet) in sheets.enumerated() {
            let here = SourceLocation(file: file, line: 0, column: 0, cell: sheet.name + " (sheet)")
            guard include(sheet.name) else { continue }
            let path = partPath(relationships[sheet.relationship] ?? "worksheets/sheet\(index + 1).xml")
            let worksheet = try parsed(path, { try WorkbookXML.worksheet($0, maximumCells: maximumCellsPerSheet) })
            if sheet.hidden {
                // A hidden sheet holding one of the nine tables: the table is present, not read (never "missing").
                let shown = worksheet.map { sheetCells(sheet.name, $0.cells, strings: strings, formats: formats, file: file, problems: &ignored) }
                if let id = tableOnSheet(named: sheet.name, cells: shown) {
                    problems.append(
                        tableNotRead(
                            id, chinese: "工作表 \(sheet.name) 已隐藏",
                            english: "the sheet \(sheet.name) holding it is hidden: the table is present but not read; "
                                + "unhide the sheet to have it read",
                            at: here))
                } else {
                    problems.append(
                        ReadProblem(
                            code: "workbook.hidden-sheet", severity: .info,
                            message: "工作表 \(sheet.name) 已隐藏，未读取 — sheet \(sheet.name) is hidden and not read", source: here))
                }
                continue
            }
            guard let (cells, merges) = worksheet else {
                if let id = tableOnSheet(named: sheet.name, cells: nil) {
                    problems.append(
                        tableNotRead(
                            id, chinese: "工作表 \(sheet.name) 的部件 \(path) 缺失",
                            english: "the part \(path) of the sheet \(sheet.name) is missing or is not a worksheet: the table "
                                + "is present but not read (a damaged workbook? save it again in Excel or LibreOffice)",
                            at: here))
                } else {
                    problems.append(
                        ReadProblem(
                            code: "workbook.missing-sheet", severity: .warning,
                            message: "工作表 \(sheet.name) 的部件 \(path) 缺失或不是工作表 — sheet \(sheet.name): its part \(path) is missing or is not a worksheet",
                            source: here))
                }
                continue
            }
            var read = sheetCells(sheet.name, cells, strings: strings, formats: formats, file: file, problems: &problems)
            MergedCodes.apply(merges, to: &read, file: file, problems: &problems)
            MergedAmounts.apply(merges, to: &read, file: file, problems: &problems)
            result.append(read)
        }
        return (result, problems)
    }

    /// A table whose sheet cannot be read (hidden, or its part missing): present, not read
    /// (`table.not-understood`, never "missing"); `chinese` says why, before 本表未读取.
    private static func tableNotRead(
        _ id: TableID, chinese: String, english: String, at here: SourceLocation
    ) -> ReadProblem {
        ReadProblem(
            code: Disclosure.notUnderstoodTableProblem, severity: .error,
            message: "\(id.formID) \(id.canonicalTitle): \(chinese)，本表未读取（存在，未读取） — \(english)",
            table: id, source: here)
    }

    /// The table a sheet holds: named by the sheet (`公开03`, `支出决算表`) or by a title among its cells.
    private static func tableOnSheet(named name: String, cells: SheetCells?) -> TableID? {
        if let id = TableTitles.table(named: name) { return id }
        if name.hasPrefix("公开"), let id = TableID(rawValue: String(name.dropFirst(2).prefix(2))),
            name.dropFirst(4).allSatisfy({ $0 == "表" || $0 == " " })
        {
            return id
        }
        for row in (cells?.rows ?? []).prefix(10) {
            for cell in row.cells where cell.text.utf8.count <= 200 {
                if let id = TableTitles.table(named: cell.text) { return id }
            }
        }
        return nil
    }

    /// `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`.
    private static func partPath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// The displayed text of every cell: shared and inline strings as stored, numbers in their number format,
    /// booleans as TRUE/FALSE, errors as printed (`#DIV/0!`).
    private static func sheetCells(
        _ name: String, _ cells: [WorkbookXML.RawCell], strings: [String], formats: [String], file: String,
        problems: inout [ReadProblem]
    ) -> SheetCells {
        var rows: [Int: [(column: Int, text: String)]] = [:]
        var values: [WorkbookFormula.Key: WorkbookFormula.Value] = [:]
        var formulas: [WorkbookFormula.Key: String] = [:]
        var pending: [WorkbookXML.RawCell] = []
        var hidden: (count: Int, first: WorkbookXML.RawCell?, shown: String, fewerThanTwo: Bool) = (0, nil, "", false)
        var percent: [(cell: WorkbookXML.RawCell, shown: String)] = []
        var dates: [(cell: WorkbookXML.RawCell, shown: String)] = []
        for cell in cells {
            let key = WorkbookFormula.Key(row: cell.row, column: cell.column)
            if cell.value.isEmpty {
                // A formula stored without its cached value (openpyxl): computed below.
                formulas[key] = cell.formula
                pending.append(cell)
                continue
            }
            let text: String
            switch cell.type {
            case "s":
                guard let index = Int(cell.value), strings.indices.contains(index) else {
                    problems.append(
                        ReadProblem(
                            code: "workbook.bad-cell", severity: .warning,
                            message: "单元格引用的共享字符串 \(cell.value) 在工作簿中不存在 — the cell refers to shared string \(cell.value), which the workbook does not have",
                            source: SourceLocation(
                                file: file, line: cell.row, column: cell.column,
                                cell: SheetCells(name: name, rows: []).cellName(row: cell.row, column: cell.column))))
                    continue
                }
                text = strings[index]
            case "inlineStr", "str", "e":
                text = cell.value
            case "b":
                text = cell.value == "1" ? "TRUE" : "FALSE"
            default:
                let format = formats.indices.contains(cell.style) ? formats[cell.style] : "General"
                text = SpreadsheetNumber.display(cell.value, format: format) ?? cell.value
                if SpreadsheetNumber.isDate(format), let date = SpreadsheetNumber.dateText(cell.value) {
                    // A date is shown as the date (never its serial number 45292): not an amount.
                    dates.append((cell, date))
                    rows[cell.row, default: []].append((cell.column, date))
                    values[key] = .text(date)
                    continue
                }
                if SpreadsheetNumber.isPercent(format), SpreadsheetNumber.display(cell.value, format: "General") != nil {
                    percent.append((cell, text))
                } else if SpreadsheetNumber.hidesDecimals(cell.value, format: format) {
                    if hidden.first == nil { hidden = (0, cell, text, false) }
                    hidden.count += 1
                    // A format of fewer than two decimals on 万元 amounts hides more than the 尾数误差 of a term.
                    if (SpreadsheetNumber.decimals(format) ?? 2) < 2 { hidden.fewerThanTwo = true }
                }
            }
            let number = ["s", "inlineStr", "str", "e", "b"].contains(cell.type) ? nil : WorkbookFormula.millionths(stored: cell.value)
            values[key] = number.map { .number($0) } ?? .text(text)
            rows[cell.row, default: []].append((cell.column, text))
        }
        var evaluator = WorkbookFormula(values: values, formulas: formulas)
        for cell in pending {
            let place = SheetCells(name: name, rows: []).cellName(row: cell.row, column: cell.column)
            switch evaluator.outcome(of: WorkbookFormula.Key(row: cell.row, column: cell.column)) {
            case .blank:
                continue
            case .number(let millionths):
                let format = formats.indices.contains(cell.style) ? formats[cell.style] : "General"
                let plain = WorkbookFormula.text(millionths: millionths)
                rows[cell.row, default: []].append((cell.column, SpreadsheetNumber.display(plain, format: format) ?? plain))
            case .unsupported(let reason):
                problems.append(
                    ReadProblem(
                        code: "workbook.formula", severity: .warning,
                        message: "公式 =\(cell.formula) 没有缓存值，也无法计算（\(reason)），按公式文字读取；请在 Excel 或 LibreOffice 中打开并保存工作簿以存入计算值 — "
                            + "the formula =\(cell.formula) has no cached value and cannot be computed (\(reason)); "
                            + "it is read as its text. Open and save the workbook in Excel or LibreOffice to store its values",
                        source: SourceLocation(file: file, line: cell.row, column: cell.column, cell: place)))
                rows[cell.row, default: []].append((cell.column, "=" + cell.formula))
            }
        }
        if let first = hidden.first {
            let place = SheetCells(name: name, rows: []).cellName(row: first.row, column: first.column)
            let beyond = hidden.fewerThanTwo
                ? "; a format of fewer than two decimals hides more than a 尾数误差 (up to half its last shown digit)" : ""
            problems.append(
                ReadProblem(
                    code: "workbook.hidden-decimals", severity: hidden.fewerThanTwo ? .warning : .info,
                    message: "\(hidden.count) 个数字单元格存有多于格式所显示的小数位（首个：\(place) 存储 "
                        + "\(SpreadsheetNumber.display(first.value, format: "General") ?? first.value)，显示为 \(hidden.shown)），"
                        + "按显示值读取，与表上印出的一致；Excel 按存储值算出的合计可能与显示值之和不同（尾数误差）"
                        + (hidden.fewerThanTwo ? "；格式不足两位小数，隐藏的差额可能超过尾数误差" : "") + " — "
                        + "\(hidden.count) number cell(s) hold more decimals than their format shows (first: \(place) "
                        + "stores \(SpreadsheetNumber.display(first.value, format: "General") ?? first.value), shown "
                        + "\(hidden.shown)); they are read as shown, as the sheet prints "
                        + "them — a total Excel computed from the stored values may differ from the sum of the shown ones (尾数误差)"
                        + beyond,
                    source: SourceLocation(file: file, line: first.row, column: first.column, cell: place)))
        }
        // A percentage format on a sheet of one of the nine tables (which hold amounts, never percentages) is a
        // formatting slip: the stored number is the amount (31.784 shown 3178.4%), read as stored, with a warning.
        // Elsewhere (a 自评表's 执行率) the percentage is what the cell means and is read as shown.
        if let first = percent.first,
            rows.values.contains(where: { $0.contains { TableTitles.table(named: $0.text) != nil } })
        {
            for (cell, _) in percent {
                let stored = SpreadsheetNumber.display(cell.value, format: "General") ?? cell.value
                if let index = rows[cell.row]?.firstIndex(where: { $0.column == cell.column }) {
                    rows[cell.row]?[index].text = stored
                }
            }
            let place = SheetCells(name: name, rows: []).cellName(row: first.cell.row, column: first.cell.column)
            problems.append(
                ReadProblem(
                    code: "workbook.percent-amount", severity: .warning,
                    message: "金额表中有 \(percent.count) 个数字单元格设成了百分比格式（首个：\(place) 存储 "
                        + "\(SpreadsheetNumber.display(first.cell.value, format: "General") ?? first.cell.value)，显示为 \(first.shown)），"
                        + "按存储的数值读取，请把单元格设为数字格式 — "
                        + "\(percent.count) number cell(s) of a table of amounts have a percentage format (first: "
                        + "\(place) stores \(SpreadsheetNumber.display(first.cell.value, format: "General") ?? first.cell.value), "
                        + "shown \(first.shown)); they are read as the stored numbers — give the cells a number format",
                    source: SourceLocation(file: file, line: first.cell.row, column: first.cell.column, cell: place)))
        }
        // A date on a sheet of one of the nine tables (amounts, never dates): each named, read as its date text,
        // which the table reader then refuses as an amount (单元格不是金额).
        if !dates.isEmpty, rows.values.contains(where: { $0.contains { TableTitles.table(named: $0.text) != nil } }) {
            for (cell, shown) in dates {
                let place = SheetCells(name: name, rows: []).cellName(row: cell.row, column: cell.column)
                problems.append(
                    ReadProblem(
                        code: "workbook.date-cell", severity: .warning,
                        message: "单元格不是金额（日期）：\(place) 为日期格式，存储 \(cell.value)，显示为 \(shown)，按日期文字读取，不按数字 \(cell.value) 读取；若是金额，请把单元格设为数字格式 — not an amount "
                            + "(a date): \(place) has a date format and stores \(cell.value), shown \(shown); it is read as "
                            + "the date, not as the number \(cell.value) — give the cell a number format if it is an amount",
                        source: SourceLocation(file: file, line: cell.row, column: cell.column, cell: place)))
            }
        }
        for row in rows.keys { rows[row]?.sort { $0.column < $1.column } }
        return SheetCells(
            name: name,
            rows: rows.keys.sorted().map { row in (row, rows[row] ?? []) })
    }

    /// A CSV file's rows as one sheet, through CSV.swift's RFC 4180 reader; fields separated by commas, or by
    /// semicolons when more of those stand outside quotes (Excel's CSV where the decimal mark is a comma).
    private static func csvSheet(_ text: String, file: String) throws -> SheetCells {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: csvDelimiter(text))
        } catch {
            throw ReadError(
                .badWorkbook, source: SourceLocation(file: file, line: 0, column: 0),
                chinese: "CSV 文件无法读取：\(error)", english: "the CSV file cannot be read: \(error)")
        }
        var rows: [(row: Int, cells: [(column: Int, text: String)])] = []
        var row = 0
        var cellCount = 0
        while let fields = reader.next() {
            row += 1
            cellCount += fields.count
            guard cellCount <= maximumCellsPerSheet else {
                throw ReadError(
                    .badWorkbook, source: SourceLocation(file: file, line: row, column: 0),
                    chinese: "CSV 文件的单元格超过 \(maximumCellsPerSheet) 个",
                    english: "the CSV file holds more than \(maximumCellsPerSheet) cells")
            }
            let cells = fields.enumerated().compactMap { offset, field -> (column: Int, text: String)? in
                field.isEmpty ? nil : (offset + 1, field)
            }
            rows.append((row, cells))
        }
        if let error = reader.error {
            throw ReadError(
                .badWorkbook, source: SourceLocation(file: file, line: row + 1, column: 0),
                chinese: "CSV 文件在第 \(row) 行之后格式有误：\(error)",
                english: "the CSV file is malformed after row \(row): \(error)")
        }
        return SheetCells(name: nil, rows: rows)
    }

    /// `;` when more semicolons than commas stand outside double quotes, else `,`.
    static func csvDelimiter(_ text: String) -> UnicodeScalar {
        var quoted = false
        var commas = 0
        var semicolons = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: commas += 1
            case UInt8(ascii: ";") where !quoted: semicolons += 1
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }
}
