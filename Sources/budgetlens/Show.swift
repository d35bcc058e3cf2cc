import ArgumentParser
import BudgetLensCore

/// `budgetlens show FILE`: a readable summary of a disclosure.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "显示概要：单位、年度、已读取和缺失的表、主要合计、读取问题。Print a readable summary: unit, year, tables found and missing, key totals, reading problems.",
        discussion: """
            When the document was read only in part, a line `部分读取 Read only in part:` says what was not read \
            (tables on pages without text, tables present but not read, cells left unread, reading errors).

            Exit codes: 0 read fully; 1 read in part (the summary is printed; what was not read is listed); 2 the \
            file cannot be read. The same rule as `cells`.

            Example:
              budgetlens show examples/001_06590241d827de43.txt
            """)

    @OptionGroup var input: DocumentInput

    func run() throws {
        let disclosure = try input.read()
        print(DisclosureSummary(disclosure: disclosure).text, terminator: "")
        // Final accounts of which no table could be read, or a text of no kind read without a table (one long line,
        // garbled text): the summary, then `cells`'s error and exit code 2.
        if disclosure.kind == .finalAccounts || (disclosure.kind == .unknown && disclosure.tables.isEmpty) {
            _ = try input.acceptingFinalAccounts(disclosure)
        }
        if ReadCompleteness.isReadInPart(disclosure) { throw ExitCode(1) }
    }
}

/// The text of `budgetlens show`: headings and table states in Chinese and English (`文件 File:`), or in the one
/// language `--lang` chooses (`文件：`, `File:`).
struct DisclosureSummary {
    let disclosure: Disclosure
    var language: Language = Language.current

    var text: String {
        let header = disclosure.header
        let unit = disclosure.moneyUnit
        var lines: [String] = []
        let lineCount = disclosure.source.lineCount
        let size: (chinese: String, english: String) =
            switch disclosure.source.format {
            case .pdf: ("\(lineCount) 页，PDF", "\(lineCount) pages, PDF")
            case .xlsx: ("\(lineCount) 个工作表，XLSX", "\(lineCount) sheets, XLSX")
            default: ("\(lineCount) 行", "\(lineCount) lines")
            }
        let sizeNote = language == .zh ? "（\(size.chinese)）" : " (\(size.english))"
        lines.append(heading("文件", "File") + disclosure.source.file + sizeNote)
        // Page text is read as text whose tables the reader rebuilt; its note (`page-text.read`) says so.
        let pageText = disclosure.problems.contains { $0.code == "page-text.read" }
        let readAs =
            pageText
            ? (chinese: "页面文本（单元格以单个空格分隔，如 pdfplumber 的 extract_text()，或如原始 pdftotext 每格一行；表格按勾稽关系重建）",
                english: "page text (cells separated by single spaces as in pdfplumber's extract_text(), or one a line as in raw pdftotext; tables rebuilt by their identities)")
            : Self.formatName(disclosure.source.format)
        lines.append(heading("读取", "Read as") + (language == .zh ? readAs.chinese : readAs.english))
        if !disclosure.source.encodingDescription.isEmpty {
            lines.append(heading("编码", "Encoding") + (language == .zh ? chineseEncoding : disclosure.source.encodingDescription))
        }
        if let partial = partialReading { lines.append(heading("部分读取", "Read only in part", width: 0) + partial) }
        lines.append(heading("标题", "Title") + header.title)
        let kind = "\(disclosure.kind.chineseName) (\(disclosure.kind.rawValue))"
        lines.append(heading("类型", "Kind") + (language == .zh ? disclosure.kind.chineseName : kind))
        let indent = String(repeating: " ", count: 18)
        if disclosure.kind == .budget {
            lines.append(indent + pick("这是部门预算，不是决算：其表格不读取。", "This is a budget, not final accounts: its tables are not read.", both: "This is a budget, not final accounts: its tables are not read."))
        }
        if disclosure.kind.isEvaluationReport {
            if language != .en { lines.append(indent + "这是绩效评价报告：请用 `budgetlens evaluate` 读取和检查。") }
            if language != .zh { lines.append(indent + "An evaluation report: use `budgetlens evaluate` to read and check it.") }
        }
        lines.append(heading(header.unitLabel ?? "单位", "Unit") + (header.unitName ?? "—"))
        lines.append(heading("年度", "Year") + (header.year.map(String.init) ?? "—"))
        lines.append(heading("范围", "Scope") + (header.scope?.rawValue ?? "—"))
        lines.append(heading("金额单位", "Money") + (header.moneyUnit?.rawValue ?? "—"))
        if disclosure.kind == .finalAccounts {
            lines.append("")
            let unreadable = disclosure.unreadableTables.count
            let notUnderstood = disclosure.notUnderstoodTables.count
            let tablesHeading: String
            switch language {
            case .zh:
                tablesHeading =
                    "表（9 张中 \(disclosure.tables.count) 张"
                    + (unreadable > 0 ? "；\(unreadable) 张无法读取" : "") + (notUnderstood > 0 ? "；\(notUnderstood) 张有表题但未能读取" : "")
                    + "）："
            case .en, .both:
                tablesHeading =
                    (language == .both ? "表 " : "") + "Tables (\(disclosure.tables.count) of 9"
                    + (unreadable > 0 ? "; \(unreadable) present but unreadable" : "")
                    + (notUnderstood > 0 ? "; \(notUnderstood) present but not read" : "") + "):"
            }
            lines.append(tablesHeading)
            for id in TableID.allCases {
                guard let table = disclosure.table(id) else {
                    if let problem = disclosure.problems.first(where: {
                        $0.code == Disclosure.unreadableTableProblem && $0.table == id
                    }) {
                        lines.append(
                            "  \(id.formID)  \(id.canonicalTitle)  — \(pick("无法读取", "unreadable", both: "unreadable 无法读取")): "
                                + problem.detail(in: language.messageLanguage))
                    } else if let problem = disclosure.problems.first(where: {
                        // No header found: no row read either (``Disclosure/notUnderstoodTables``).
                        ($0.code == Disclosure.notUnderstoodTableProblem || $0.code == Disclosure.noHeaderProblem)
                            && $0.table == id
                    }) {
                        let state = pick("有表题但未能读取", "present, not read", both: "present, not read 有表题但未能读取")
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — \(state)（\(problem.source)）")
                    } else if let problem = disclosure.problems.first(where: {
                        ($0.code == Disclosure.cutTableProblem || $0.code == Disclosure.truncatedTableProblem)
                            && $0.table == id
                    }) {
                        let state = pick("文件在表中途截断，未读取", "present, cut", both: "present, cut 文件在表中途截断，未读取")
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — \(state)（\(problem.source)）")
                    } else if let problem = disclosure.problems.first(where: {
                        $0.code == Disclosure.pagesMissingProblem && $0.table == id
                    }) {
                        let state = pick("缺页，只读到部分行，未读取", "read in part, pages missing", both: "read in part, pages missing 缺页，只读到部分行，未读取")
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — \(state)（\(problem.source)）")
                    } else {
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — \(pick("缺失", "missing", both: "missing 缺失"))")
                    }
                    continue
                }
                let cells = table.rows.reduce(0) { $0 + $1.cells.count }
                let zh = language == .zh
                let place =
                    zh
                    ? table.source.cell.map { "单元格 \($0)" } ?? "第\(table.source.line)行"
                    : table.source.cell.map { "cell \($0)" } ?? "line \(table.source.line)"
                var note = zh ? "\(table.rows.count) 行，\(cells) 个单元格，\(place)" : "\(table.rows.count) rows, \(cells) cells, \(place)"
                let comma = zh ? "，" : ", "
                if let pages = Self.pages(of: table) { note += comma + pages }
                if table.title != id.canonicalTitle { note += comma + (zh ? "印出的表题 " : "printed title ") + table.title }
                if table.noDataStatement != nil { note += comma + "无数据" }
                let notes = disclosure.problems.filter { $0.table == id }
                if !notes.isEmpty {
                    let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                        let count = notes.filter { $0.severity == severity }.count
                        return count == 0 ? nil : "\(count) \(zh ? severity.chineseName : severity.rawValue)"
                    }
                    note += comma + pick("读取说明：", "reading notes: ", both: "reading notes 读取说明: ") + counts.joined(separator: comma)
                }
                lines.append("  \(id.formID)  \(id.canonicalTitle)  \(note)")
            }
            lines.append("")
            lines.append(pick("合计（\(unit.rawValue)）：", "Totals (\(unit.rawValue)):", both: "合计 Totals (\(unit.rawValue)):"))
            for (label, table, line, column) in Self.keyTotals {
                let value = disclosure.table(table)?.rows.first { $0.standardLine == line }?.cell(column)?.value
                lines.append("  \(label)  \(value.map { $0.groupedString(in: unit) } ?? "—")")
            }
        }
        lines.append("")
        lines.append(heading("情况说明", "Narrative sections", width: 29) + "\(disclosure.narrative.count)")
        lines.append(heading("名词解释", "Glossary entries", width: 29) + "\(disclosure.glossary.count)")
        lines.append(heading("部分", "Parts", width: 0) + disclosure.parts.map(\.heading).joined(separator: " | "))
        let problems = disclosure.problems
        lines.append("")
        lines.append(heading("读取问题", "Reading problems", width: 0) + "\(problems.count)")
        for problem in problems.prefix(50) { lines.append("  " + problem.description(in: language.messageLanguage)) }
        if problems.count > 50 {
            let more = problems.count - 50
            lines.append("  … " + pick("另有 \(more) 条（budgetlens export 列出全部）", "\(more) more (budgetlens export shows all)", both: "\(more) more (budgetlens export shows all)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A heading padded to `width` display columns (a Chinese character counts two): `文件 File:` in both
    /// languages, `文件：` in Chinese, `File:` in English; at least one space follows it.
    private func heading(_ chinese: String, _ english: String, width: Int = 18) -> String {
        let label =
            switch language {
            case .both: "\(chinese) \(english):"
            case .zh: "\(chinese)："
            case .en: "\(english):"
            }
        let used = label.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        let least = language == .zh ? 0 : 1  // `：` is spacing enough
        return label + String(repeating: " ", count: max(least, width - used))
    }

    /// `GB18030，换行符 CRLF` (``SourceDocument/encodingDescription`` in Chinese).
    private var chineseEncoding: String {
        guard let encoding = disclosure.source.encoding else { return "" }
        guard let endings = disclosure.source.lineEndings else { return encoding.rawValue }
        return "\(encoding.rawValue)，换行符 \(endings == .mixed ? "混用" : endings.rawValue)"
    }

    /// The Chinese, the English, or the text written for both languages.
    private func pick(_ chinese: String, _ english: String, both: String) -> String {
        switch language {
        case .both: both
        case .zh: chinese
        case .en: english
        }
    }

    /// What was not read, when the document was read only in part: tables on image pages, pages without text.
    var partialReading: String? {
        var parts: [String] = []
        // Each part in Chinese, then English (both: `中文 English`, no space after a closing `）`).
        func add(_ chinese: String, _ english: String) {
            parts.append(pick(chinese, english, both: chinese + (chinese.hasSuffix("）") ? "" : " ") + english))
        }
        for problem in disclosure.problems where problem.code == Disclosure.unreadableTableProblem {
            if let table = problem.table { add("\(table.formID) 无法读取（未检查）", "unreadable (not checked)") }
        }
        let notRead = disclosure.notUnderstoodTables.map(\.formID)
        if !notRead.isEmpty {
            let forms = notRead.joined(separator: "、")
            add("\(forms) 有表题但未能读取（未检查）", language == .en ? "\(notRead.joined(separator: ", ")) present but not read (not checked)" : "present but not read (not checked)")
        }
        var ambiguous: [TableID] = []
        for problem in disclosure.problems where problem.code == "table.ambiguous" {
            if let table = problem.table, !ambiguous.contains(table) { ambiguous.append(table) }
        }
        for table in ambiguous {
            add("\(table.formID) 部分单元格位置不能确定，未读取", language == .en ? "\(table.formID) read in part (cells of uncertain place not read)" : "read in part (cells of uncertain place not read)")
        }
        if disclosure.problems.contains(where: { $0.code == "table.rows-not-read" }) {
            add("部分表的行未读取", "rows of some tables not read")
        }
        // Errors other than the tables and rows said above: cells or rows not read.
        let said: Set<String> = [
            Disclosure.unreadableTableProblem, Disclosure.notUnderstoodTableProblem, Disclosure.cutTableProblem,
            Disclosure.truncatedTableProblem, "table.rows-not-read",
        ]
        let errors = disclosure.problems.filter { $0.severity == .error && !said.contains($0.code) }.count
        if errors > 0 {
            add("\(errors) 处读取错误（单元格或行未读取）", "\(errors) reading error(s): cells or rows not read")
        }
        let textless = disclosure.problems.filter { $0.code == "pdf.page-without-text" }.compactMap(\.source.page)
        if !textless.isEmpty {
            let pages = textless.map(String.init).joined(separator: ", ")
            add("第\(pages)页没有文字层（未读取）", "page(s) \(pages) carry no text (not read)")
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "; ") + pick(" — 见读取问题", " — see Reading problems", both: " — 见读取问题 see Reading problems")
    }

    /// `第5页`, `第6–7页`, or `nil` when no page is known.
    private static func pages(of table: PublicTable) -> String? {
        let pages = ([table.source.page] + table.rows.map(\.source.page)).compactMap { $0 }
        guard let first = pages.min(), let last = pages.max() else { return nil }
        return first == last ? "第\(first)页" : "第\(first)–\(last)页"
    }

    private static func formatName(_ format: SourceFormat) -> (chinese: String, english: String) {
        switch format {
        case .pdf: ("PDF（经 poppler 读取文字层，按文字位置重建表格）", "PDF (its text layer through poppler; tables rebuilt from word positions)")
        case .layoutText: ("pdftotext -layout 文本（按栏位置重建表格）", "pdftotext -layout text (tables rebuilt from column positions)")
        case .text: ("文本（表格为制表符分隔的行）", "text (tables as tab-separated rows)")
        case .json: ("BudgetLens JSON 导出", "BudgetLens JSON export")
        case .xlsx: ("Excel 工作簿（XLSX；各工作表的单元格读作表格行）", "Excel workbook (XLSX; each sheet's cells as table rows)")
        case .csv: ("CSV（单元格读作表格行）", "CSV (cells as table rows)")
        }
    }

    private static let keyTotals: [(String, TableID, Int, Int)] = [
        ("公开01 行27 本年收入合计", .incomeExpenditureSummary, 27, 1),
        ("公开01 行58 本年支出合计", .incomeExpenditureSummary, 58, 2),
        ("公开01 行31 收入总计  ", .incomeExpenditureSummary, 31, 1),
        ("公开01 行62 支出总计  ", .incomeExpenditureSummary, 62, 2),
        ("公开04 行32 财政拨款总计", .appropriationSummary, 32, 1),
    ]
}
