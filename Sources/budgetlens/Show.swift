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
        if ReadCompleteness.isReadInPart(disclosure) { throw ExitCode(1) }
    }
}

/// The text of `budgetlens show`.
struct DisclosureSummary {
    let disclosure: Disclosure

    var text: String {
        let header = disclosure.header
        let unit = disclosure.moneyUnit
        var lines: [String] = []
        let size =
            switch disclosure.source.format {
            case .pdf: "pages, PDF"
            case .xlsx: "sheets, XLSX"
            default: "lines"
            }
        lines.append("文件 File:        \(disclosure.source.file) (\(disclosure.source.lineCount) \(size))")
        // Page text is read as text whose tables the reader rebuilt; its note (`page-text.read`) says so.
        let pageText = disclosure.problems.contains { $0.code == "page-text.read" }
        lines.append(
            "读取 Read as:     "
                + (pageText
                    ? "page text (cells separated by single spaces as in pdfplumber's extract_text(), or one a line as in raw pdftotext; tables rebuilt by their identities)"
                    : Self.formatName(disclosure.source.format)))
        if !disclosure.source.encodingDescription.isEmpty {
            lines.append("编码 Encoding:    \(disclosure.source.encodingDescription)")
        }
        if let partial = partialReading { lines.append("部分读取 Read only in part: \(partial)") }
        lines.append("标题 Title:       \(header.title)")
        lines.append("类型 Kind:        \(disclosure.kind.chineseName) (\(disclosure.kind.rawValue))")
        if disclosure.kind == .budget {
            lines.append("                  This is a budget, not final accounts: its tables are not read.")
        }
        if disclosure.kind.isEvaluationReport {
            lines.append("                  这是绩效评价报告：请用 `budgetlens evaluate` 读取和检查。")
            lines.append("                  An evaluation report: use `budgetlens evaluate` to read and check it.")
        }
        lines.append("\(header.unitLabel ?? "单位") Unit:        \(header.unitName ?? "—")")
        lines.append("年度 Year:        \(header.year.map(String.init) ?? "—")")
        lines.append("范围 Scope:       \(header.scope?.rawValue ?? "—")")
        lines.append("金额单位 Money:   \(header.moneyUnit?.rawValue ?? "—")")
        if disclosure.kind == .finalAccounts {
            lines.append("")
            let unreadable = disclosure.unreadableTables.count
            let notUnderstood = disclosure.notUnderstoodTables.count
            lines.append(
                "表 Tables (\(disclosure.tables.count) of 9"
                    + (unreadable > 0 ? "; \(unreadable) present but unreadable" : "")
                    + (notUnderstood > 0 ? "; \(notUnderstood) present but not read" : "") + "):")
            for id in TableID.allCases {
                guard let table = disclosure.table(id) else {
                    if let problem = disclosure.problems.first(where: {
                        $0.code == Disclosure.unreadableTableProblem && $0.table == id
                    }) {
                        lines.append(
                            "  \(id.formID)  \(id.canonicalTitle)  — \(Language.current == .both ? "unreadable 无法读取" : say("无法读取", "unreadable")): "
                                + problem.detail(in: Language.current.messageLanguage))
                    } else if let problem = disclosure.problems.first(where: {
                        $0.code == Disclosure.notUnderstoodTableProblem && $0.table == id
                    }) {
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — present, not read 有表题但未能读取（\(problem.source)）")
                    } else if let problem = disclosure.problems.first(where: {
                        ($0.code == Disclosure.cutTableProblem || $0.code == Disclosure.truncatedTableProblem)
                            && $0.table == id
                    }) {
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — present, cut 文件在表中途截断，未读取（\(problem.source)）")
                    } else {
                        lines.append("  \(id.formID)  \(id.canonicalTitle)  — missing 缺失")
                    }
                    continue
                }
                let cells = table.rows.reduce(0) { $0 + $1.cells.count }
                let place = table.source.cell.map { "cell \($0)" } ?? "line \(table.source.line)"
                var note = "\(table.rows.count) rows, \(cells) cells, \(place)"
                if let pages = Self.pages(of: table) { note += ", \(pages)" }
                if table.title != id.canonicalTitle { note += ", printed title \(table.title)" }
                if table.noDataStatement != nil { note += ", 无数据" }
                let notes = disclosure.problems.filter { $0.table == id }
                if !notes.isEmpty {
                    let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                        let count = notes.filter { $0.severity == severity }.count
                        return count == 0 ? nil : "\(count) \(severity.rawValue)"
                    }
                    note += ", reading notes 读取说明: \(counts.joined(separator: ", "))"
                }
                lines.append("  \(id.formID)  \(id.canonicalTitle)  \(note)")
            }
            lines.append("")
            lines.append("合计 Totals (\(unit.rawValue)):")
            for (label, table, line, column) in Self.keyTotals {
                let value = disclosure.table(table)?.rows.first { $0.standardLine == line }?.cell(column)?.value
                lines.append("  \(label)  \(value.map { $0.groupedString(in: unit) } ?? "—")")
            }
        }
        lines.append("")
        lines.append("情况说明 Narrative sections: \(disclosure.narrative.count)")
        lines.append("名词解释 Glossary entries:   \(disclosure.glossary.count)")
        lines.append("部分 Parts: " + disclosure.parts.map(\.heading).joined(separator: " | "))
        let problems = disclosure.problems
        lines.append("")
        lines.append("读取问题 Reading problems: \(problems.count)")
        for problem in problems.prefix(50) { lines.append("  " + problem.description(in: Language.current.messageLanguage)) }
        if problems.count > 50 { lines.append("  … \(problems.count - 50) more (budgetlens export shows all)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What was not read, when the document was read only in part: tables on image pages, pages without text.
    var partialReading: String? {
        var parts: [String] = []
        for problem in disclosure.problems where problem.code == Disclosure.unreadableTableProblem {
            if let table = problem.table { parts.append("\(table.formID) 无法读取（未检查）unreadable (not checked)") }
        }
        let notRead = disclosure.notUnderstoodTables.map(\.formID)
        if !notRead.isEmpty {
            parts.append("\(notRead.joined(separator: "、")) 有表题但未能读取（未检查）present but not read (not checked)")
        }
        var ambiguous: [TableID] = []
        for problem in disclosure.problems where problem.code == "table.ambiguous" {
            if let table = problem.table, !ambiguous.contains(table) { ambiguous.append(table) }
        }
        for table in ambiguous {
            parts.append("\(table.formID) 部分单元格位置不能确定，未读取 read in part (cells of uncertain place not read)")
        }
        if disclosure.problems.contains(where: { $0.code == "table.rows-not-read" }) {
            parts.append("部分表的行未读取 rows of some tables not read")
        }
        // Errors other than the tables and rows said above: cells or rows not read.
        let said: Set<String> = [
            Disclosure.unreadableTableProblem, Disclosure.notUnderstoodTableProblem, Disclosure.cutTableProblem,
            Disclosure.truncatedTableProblem, "table.rows-not-read",
        ]
        let errors = disclosure.problems.filter { $0.severity == .error && !said.contains($0.code) }.count
        if errors > 0 {
            parts.append("\(errors) 处读取错误（单元格或行未读取）\(errors) reading error(s): cells or rows not read")
        }
        let textless = disclosure.problems.filter { $0.code == "pdf.page-without-text" }.compactMap(\.source.page)
        if !textless.isEmpty {
            let pages = textless.map(String.init).joined(separator: ", ")
            parts.append("第\(pages)页没有文字层（未读取）page(s) \(pages) carry no text (not read)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ") + " — 见读取问题 see Reading problems"
    }

    /// `第5页`, `第6–7页`, or `nil` when no page is known.
    private static func pages(of table: PublicTable) -> String? {
        let pages = ([table.source.page] + table.rows.map(\.source.page)).compactMap { $0 }
        guard let first = pages.min(), let last = pages.max() else { return nil }
        return first == last ? "第\(first)页" : "第\(first)–\(last)页"
    }

    private static func formatName(_ format: SourceFormat) -> String {
        switch format {
        case .pdf: "PDF (its text layer through poppler; tables rebuilt from word positions)"
        case .layoutText: "pdftotext -layout text (tables rebuilt from column positions)"
        case .text: "text (tables as tab-separated rows)"
        case .json: "BudgetLens JSON export"
        case .xlsx: "Excel workbook (XLSX; each sheet's cells as table rows)"
        case .csv: "CSV (cells as table rows)"
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
