import BudgetLensCore

/// Reads a disclosure from text extracted from its PDF, with tables as tab-separated rows: the seeds' format
/// and that of other provinces' templates (no 行次, codes split into 类/款/项, the 三公 table seventh).
struct TextDisclosureParser {
    let text: SourceText
    let byteCount: Int
    var readsSelfEvaluations = true

    func parse() -> Disclosure {
        let outline = OutlineReader(text: text)
        let contentsRange = outline.contentsRange()
        let bodyStart = contentsRange?.upperBound ?? 0
        let cover = outline.cover(before: contentsRange?.lowerBound)
        let contents = contentsRange.map { outline.contents(in: $0) } ?? []
        var problems: [ReadProblem] = []

        let located = TableLocator(text: text).locate(from: bodyStart)
        var tables: [PublicTable] = []
        for table in located {
            let (built, tableProblems) = build(table)
            for skipped in table.skippedLines {
                let line = String(text.label(skipped).prefix(40))
                let number = text.location(skipped).line
                problems.append(
                    ReadProblem(
                        code: "table.line-skipped", severity: .warning,
                        message: "\(table.id.formID): 第\(number)行不是表格行，已跳过，其后的行照常读取：“\(line)” — line \(number) "
                            + "inside the table is not a row ('\(line)'); it is skipped and the rows after it are read",
                        table: table.id, source: text.location(skipped)))
            }
            if let stray = table.strayRowIndex {
                let line = String(text.label(stray).prefix(40))
                let number = text.location(stray).line
                if built.rows.isEmpty {
                    // Nothing but the header was read: the table is there, its rows are in no form read.
                    problems.append(
                        ReadProblem(
                            code: Disclosure.notUnderstoodTableProblem, severity: .error,
                            message: "\(table.id.formID) \(table.id.canonicalTitle): 第\(number)行起的行不是表格行"
                                + "（各栏未以制表符分隔：“\(line)”），本表未读取 — from line \(number) the rows are not "
                                + "tab-separated cells ('\(line)'); the table is not read",
                            table: table.id, source: text.location(stray)))
                    continue
                }
                problems.append(
                    ReadProblem(
                        code: "table.rows-not-read", severity: .error,
                        message: "\(table.id.formID): 第\(number)行及其后的行不是表格行（各栏未以制表符分隔：“\(line)”），"
                            + "未读取 — line \(number) and the rows after it are not tab-separated cells ('\(line)'); "
                            + "they are not read",
                        table: table.id, source: text.location(stray)))
            }
            if tableProblems.contains(where: { $0.code == Disclosure.noHeaderProblem && $0.severity == .error }),
                built.rows.allSatisfy({ $0.cells.isEmpty })
            {
                // No header, so no cell: the table is present, not read (its error says so) — never kept as an
                // empty table the identities would read as zeros.
                problems += tableProblems
                continue
            }
            // A table that appears a second time: only the first is read (docs/duplicate-and-merged-cells.md); the second's
            // cells are never mixed into the first's, and `cells` reports the document read in part.
            if let first = tables.first(where: { $0.id == built.id }) {
                problems.append(.duplicateTable(built.id, at: built.source, first: first.source))
                continue
            }
            tables.append(built)
            problems += tableProblems
        }

        let tableLines = located.map { $0.titleIndex...$0.endIndex }
        let markedHeadings = outline.partHeadings(from: bodyStart)
        let headings = outline.withoutContentsEntries(
            (markedHeadings + outline.unmarkedHeadings(from: bodyStart, excluding: tableLines, headings: markedHeadings))
                .sorted { $0.index < $1.index }, tableLines: tableLines)
        let parts = headings.enumerated().map { offset, heading in
            let end = offset + 1 < headings.count ? headings[offset + 1].index : text.count
            return part(heading, bodyRange: (heading.headingEnd + 1)..<end, excluding: tableLines)
        }
        let narrativeReader = NarrativeReader(text: text)
        var narrative: [NarrativeSection] = []
        var glossary: [GlossaryEntry] = []
        for (offset, heading) in headings.enumerated() {
            let range = (heading.headingEnd + 1)..<(offset + 1 < headings.count ? headings[offset + 1].index : text.count)
            switch heading.role {
            case .narrative where narrative.isEmpty: narrative = narrativeReader.sections(in: range)
            case .glossary where glossary.isEmpty: glossary = narrativeReader.glossary(in: range)
            default: break
            }
        }

        let tablesUnitName = mostCommon(tables.compactMap(\.unitName))
            ?? tablesHeadingUnitName(headings: headings, firstTable: located.first) ?? firstHeaderLineUnitName()
        let coverName = coverUnitName(cover, hasContents: contentsRange != nil, tablesUnitName: tablesUnitName)
        let unitCandidates = [
            coverName,
            tablesUnitName,
            cover.unitName,
            unitNameFromTitle(cover.title),
        ]
        var selfEvaluationParser = SelfEvaluationParser(text: text)
        var selfEvaluations: [SelfEvaluation] = []
        var summaries: [SelfEvaluationSummary] = []
        for located in readsSelfEvaluations ? SelfEvaluationLocator(text: text).locate() : [] {
            switch located.kind {
            case .table: selfEvaluations.append(selfEvaluationParser.parse(located))
            case .summary: summaries.append(SummaryTableParser(text: text).parse(located))
            }
        }
        problems += selfEvaluationParser.problems

        var header = documentHeader(
            title: cover.title, titleSource: cover.source, unitName: unitCandidates.lazy.compactMap { $0 }.first,
            tables: tables, labels: located.compactMap(\.header.unitLabel), headings: headings)
        if coverName != nil { header.tablesUnitName = tablesUnitName }
        let kind = documentKind(title: cover.title, tables: tables, contents: contents)
        return Disclosure(
            source: SourceDocument(file: text.file, format: .text, byteCount: byteCount, lineCount: text.count),
            kind: kind, header: header, tableOfContents: contents, tables: tables, narrative: narrative,
            glossary: glossary, parts: parts, selfEvaluations: selfEvaluations, evaluationSummaries: summaries,
            problems: problems.sorted { $0.source < $1.source }, statements: StatementReader.read(narrative))
    }

    /// The tables ``parse()`` reads or reports not understood (each located table is one or the other),
    /// without reading anything else.
    func locatedTableIDs() -> Set<TableID> {
        let bodyStart = OutlineReader(text: text).contentsRange()?.upperBound ?? 0
        return Set(TableLocator(text: text).locate(from: bodyStart).map(\.id))
    }

    private func build(_ located: LocatedTable) -> (PublicTable, [ReadProblem]) {
        let unit = located.header.moneyUnit ?? .wanYuan
        let building = TableBuilding(text: text, table: located.id, unit: unit)
        let shape: any TableBuilder.Type =
            switch located.id.shape {
            case .sideBySide: SideBySideTableBuilder.self
            case .functional: FunctionalTableBuilder.self
            case .economic: EconomicTableBuilder.self
            case .singleRow: SingleRowTableBuilder.self
            }
        var builder = shape.init(building: building, located: located)
        let (columns, rows) = builder.build()
        let problems = builder.building.problems
        let table = PublicTable(
            id: located.id, title: located.title, formLabel: located.header.formLabel,
            unitName: located.header.unitName, moneyUnit: located.header.moneyUnit, columns: columns, rows: rows,
            notes: located.notes, noDataStatement: located.noDataStatement, source: text.location(located.titleIndex))
        return (table, problems)
    }

    private func part(
        _ heading: OutlineReader.PartHeading, bodyRange: Range<Int>, excluding tableLines: [ClosedRange<Int>]
    ) -> DocumentPart {
        var lines: [TextLine] = []
        for index in bodyRange where !text.isBlank(index) {
            if tableLines.contains(where: { $0.contains(index) }) { continue }
            lines.append(TextLine(text: text.lines[index].trimmedSpaces(), source: text.location(index)))
        }
        return DocumentPart(
            role: heading.role, heading: heading.heading, body: TextBlock(lines: lines),
            source: text.location(heading.index))
    }

    private func documentHeader(
        title: String, titleSource: SourceLocation?, unitName: String?, tables: [PublicTable], labels: [String],
        headings: [OutlineReader.PartHeading]
    ) -> DocumentHeader {
        let unitLabel = mostCommon(labels)
        let moneyUnit = mostCommon(tables.compactMap(\.moneyUnit)) ?? inferredMoneyUnit()
        let scopeText = (unitName ?? "") + title
        let scope: Scope? =
            scopeText.containsText("汇总") ? .consolidated : (scopeText.containsText("本级") ? .standalone : nil)
        let year =
            Self.year(in: title)
            ?? headings.lazy.filter { $0.role == .tables }.compactMap { Self.year(in: $0.heading) }.first
        return DocumentHeader(
            title: title, unitName: unitName, unitLabel: unitLabel, year: year,
            scope: scope, moneyUnit: moneyUnit, source: titleSource)
    }

    /// `万元` unless a `单位：元` header line appears before any table.
    private func inferredMoneyUnit() -> MoneyUnit? {
        for index in 0..<min(text.count, 2000) where !text.isGridLine(index) {
            let key = TextNormalization.key(text.lines[index])
            if key.hasSuffix("单位:元") { return .yuan }
            if key.hasSuffix("单位:万元") { return .wanYuan }
        }
        return nil
    }

    /// The unit named in the heading of the tables: `第二部分 上海市普陀区财政局2024年度部门决算表`, or the line
    /// `上海市规划和自然资源局 2024 年度部门决算表` just above the first table.
    /// The unit a `部门：…`/`单位：…` line or cell names first in the document (also where no table is read, as in
    /// a budget), looking at the first few such lines only.
    private func firstHeaderLineUnitName() -> String? {
        let indices = (text.lines(containing: "部门：", maximumLength: 1024)
            + text.lines(containing: "单位：", maximumLength: 1024)).sorted().prefix(20)
        for index in indices {
            let fields = text.isGridLine(index) ? GridLine(index: index, line: text.lines[index]).fields : [text.lines[index]]
            for field in fields {
                if let name = TableHeaderLine(field)?.unitName { return name }
            }
        }
        return nil
    }

    private func tablesHeadingUnitName(headings: [OutlineReader.PartHeading], firstTable: LocatedTable?) -> String? {
        var candidates = headings.filter { $0.role == .tables }.map(\.heading)
        if let firstTable {
            var index = firstTable.titleIndex - 1
            while index >= 0, text.isBlank(index) { index -= 1 }
            if index >= 0, !text.isGridLine(index) { candidates.append(text.label(index)) }
        }
        for candidate in candidates {
            var key = TextNormalization.key(candidate)
            guard key.hasSuffix("决算表") else { continue }
            if key.hasPrefix("第"), let marker = key.byteRange(of: "部分") { key = String(key[marker.upperBound...]) }
            guard let year = Self.yearRange(in: key) else { continue }
            let name = String(key[..<year.lowerBound])
            if !name.isEmpty { return name }
        }
        return nil
    }

    /// The range of the first `2024年` in a key.
    private static func yearRange(in key: String) -> Range<String.Index>? {
        var index = key.startIndex
        while index < key.endIndex {
            let window = key[index...].prefix(5)
            if window.count == 5, window.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), window.last == "年" {
                return index..<window.endIndex
            }
            index = key.index(after: index)
        }
        return nil
    }

    /// The unit the cover names when it differs from the one the tables' headers name (the 规划资源局 PDF: cover
    /// `上海市普陀区规划和自然资源局`, tables `上海市规划和自然资源局`): the cover is the document's own statement of
    /// who publishes it, the tables' `单位名称` a cell the template fills in; F-HDR still reports the difference
    /// (it compares the tables' name with the cover). Only a real cover counts — one before a 目录 — and only when
    /// its title does not already contain the tables' name (`威海市医疗保障局` on the cover keeps the tables'
    /// `威海市医疗保障局（本级）`).
    private func coverUnitName(
        _ cover: (title: String, source: SourceLocation?, unitName: String?), hasContents: Bool, tablesUnitName: String?
    ) -> String? {
        guard hasContents, let tablesUnitName, let name = cover.unitName ?? unitNameFromTitle(cover.title) else { return nil }
        var core = tablesUnitName
        for suffix in ["（本级）", "(本级)", "（汇总）", "(汇总)"] where core.hasSuffix(suffix) { core = String(core.dropLast(suffix.count)) }
        let title = TextNormalization.key(cover.title)
        guard !TextNormalization.key(core).isEmpty, !title.contains(TextNormalization.key(core)),
            TextNormalization.key(name) != TextNormalization.key(core)
        else { return nil }
        return name
    }

    /// The unit name in a title such as `2022 年度 烟台市医疗保障局部门 决算` or `上海市普陀区财政局 年度部门决算 2024`.
    private func unitNameFromTitle(_ title: String) -> String? {
        // A fragment whose first line is a table's title (`"三公"经费支出决算表`, `收支预算总表`) names no unit.
        if TableTitles.table(named: title) != nil || TextNormalization.key(title).hasSuffix("表") { return nil }
        var key = TextNormalization.key(title)
        if key.suffix(4).allSatisfy({ $0.isASCII && $0.isNumber }) { key = String(key.dropLast(4)) }
        if let yearRange = key.byteRange(of: "年度") ?? key.byteRange(of: "年") {
            let before = key[..<yearRange.lowerBound]
            if before.count == 4, before.allSatisfy(\.isNumber) {
                key = String(key[yearRange.upperBound...])
            } else if before.count > 4, before.suffix(4).allSatisfy(\.isNumber) {
                key = String(before.dropLast(4))
            }
        }
        for suffix in ["部门决算", "单位决算", "本级决算", "决算", "部门预算", "预算"] where key.hasSuffix(suffix) {
            key = String(key.dropLast(suffix.count))
            break
        }
        for suffix in ["年度", "部门"] where key.hasSuffix(suffix) { key = String(key.dropLast(suffix.count)) }
        return key.isEmpty ? nil : key
    }

    static func year(in text: String) -> Int? {
        let scalars = Array(TextNormalization.key(text))
        var index = 0
        while index + 4 < scalars.count {
            let window = scalars[index..<(index + 4)]
            if window.allSatisfy({ $0.isASCII && $0.isNumber }), scalars[index + 4] == "年",
                index == 0 || !(scalars[index - 1].isASCII && scalars[index - 1].isNumber),
                let year = Int(String(window)), (1990...2100).contains(year)
            {
                return year
            }
            index += 1
        }
        // `…年度部门决算 2024` on covers that print the year last.
        let digits = scalars.suffix(4)
        if digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(String(digits)),
            (1990...2100).contains(year)
        {
            return year
        }
        return nil
    }

    private func documentKind(title: String, tables: [PublicTable], contents: [ContentsEntry]) -> DocumentKind {
        let key = TextNormalization.key(title)
        if tables.isEmpty, let evaluation = DocumentKind.evaluationKind(title: title) { return evaluation }
        if key.containsText("预算"), !key.containsText("决算") { return .budget }
        if !tables.isEmpty { return .finalAccounts }
        if key.containsText("决算") { return .finalAccounts }
        let contentsKey = contents.map(\.text).joined()
        if contentsKey.containsText("预算表"), !contentsKey.containsText("决算表") { return .budget }
        return .unknown
    }

    private func mostCommon<T: Hashable>(_ values: [T]) -> T? {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return values.max { counts[$0, default: 0] < counts[$1, default: 0] }
    }
}
