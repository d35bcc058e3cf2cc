import BudgetLensCore

/// Writes the 情况说明 from the data, in the sentence shapes of DOMAIN §2, so the prose cannot disagree with the
/// tables: every amount is a cell, every share, change and completion rate is computed (ROUND_HALF_UP, 2 decimals,
/// trailing zeros stripped as the seeds print them).
///
/// Inputs beyond the nine tables: last year's document (for 与上年相比), the 年初预算 of each 项 and of the totals
/// (from the budget, not in the tables), and the preparer's reasons (主要原因) by key. Without last year's figures a
/// sentence leaves out the comparison rather than inventing one.
public struct NarrativeWriter: Sendable {
    /// The reasons (主要原因) a preparer supplies, by key: `一`, `二.财政拨款收入`, `五.2101501` (a 项 code).
    public typealias Reasons = [String: String]

    let disclosure: Disclosure
    let previous: Disclosure?
    let budgets: [String: Money]
    let reasons: Reasons

    /// A writer for `disclosure`.
    ///
    /// - Parameters:
    ///   - previous: Last year's disclosure of the same unit, for the year-on-year sentences.
    ///   - budgets: 年初预算 by key: `05` (一般公共预算 total), a 项 code of 公开05/07/08 (`2101501`), `07`, `08`.
    ///   - reasons: 主要原因 by key (see ``Reasons``).
    public init(disclosure: Disclosure, previous: Disclosure? = nil, budgets: [String: Money] = [:], reasons: Reasons = [:]) {
        self.disclosure = disclosure
        self.previous = previous
        self.budgets = budgets
        self.reasons = reasons
    }

    /// The year of the document (the current year when unknown).
    var year: Int { disclosure.header.year ?? 0 }

    /// The sections 一…十 that the tables determine, numbered as the Shandong/Hubei template numbers them.
    public func sections() -> [NarrativeSection] {
        var sections: [NarrativeSection] = []
        func add(_ heading: String, _ paragraphs: [String]) {
            let number = sections.count + 1
            let lines = paragraphs.enumerated().map { offset, text in
                TextLine(text: text, source: SourceLocation(file: "generated", line: number * 100 + offset + 1))
            }
            sections.append(
                NarrativeSection(
                    number: number, heading: "\(TextNormalization.chineseNumeralString(number))、\(heading)",
                    body: TextBlock(lines: lines), source: SourceLocation(file: "generated", line: number * 100)))
        }
        add("收入支出决算总体情况说明", overall())
        add("收入决算情况说明", income())
        return sections
    }

    // MARK: - Sections

    /// 一: `2022年度收、支总计均为8,431.28万元。与2021年度相比，收、支总计各增加5,413.46万元，增长179.38%。`
    func overall() -> [String] {
        guard let total = cell(.incomeExpenditureSummary, line: 31, column: 1) else { return [] }
        var text = "\(year)年度收、支总计均为\(Wording.amount(total))万元。"
        if let prior = cell(.incomeExpenditureSummary, line: 31, column: 1, in: previous) {
            text += Wording.change(subject: "收、支总计各", current: total, prior: prior, year: year - 1)
        }
        text += reason("一")
        return [text]
    }

    /// 二: `本年收入合计939.31万元，其中：财政拨款收入939.04万元，占99.97%；其他收入0.27万元，占0.03%。`
    func income() -> [String] {
        guard let total = cell(.incomeExpenditureSummary, line: 27, column: 1) else { return [] }
        let kinds: [(String, [Int])] = [
            ("财政拨款收入", [1, 2, 3]), ("上级补助收入", [4]), ("事业收入", [5]), ("经营收入", [6]),
            ("附属单位上缴收入", [7]), ("其他收入", [8]),
        ]
        var parts: [String] = []
        var items: [String] = []
        for (index, (name, lines)) in kinds.enumerated() {
            let value = lines.compactMap { cell(.incomeExpenditureSummary, line: $0, column: 1) }.reduce(Money.zero) {
                $0.addingOrClamping($1)
            }
            if !value.isZero { parts.append("\(name)\(Wording.amount(value))万元，占\(Wording.share(value, of: total))") }
            var item = "\(index + 1)、\(name)\(Wording.amount(value))万元。"
            let prior = lines.compactMap { cell(.incomeExpenditureSummary, line: $0, column: 1, in: previous) }
            if previous != nil, prior.count == lines.count {
                let priorValue = prior.reduce(Money.zero) { $0.addingOrClamping($1) }
                item += priorValue == value ? "与上年决算数一致。" : Wording.change(subject: "", current: value, prior: priorValue, year: year - 1)
            }
            items.append(item + reason("二.\(name)"))
        }
        let structure = "本年收入合计\(Wording.amount(total))万元" + (parts.isEmpty ? "。" : "，其中：" + parts.joined(separator: "；") + "。")
        return ["（一）收入决算结构情况", structure, "（二）收入决算具体情况"] + items
    }

    // MARK: - Cells

    /// The value of 行次 `line`, 栏次 `column` of `table` in this year's document.
    func cell(_ table: TableID, line: Int, column: Int) -> Money? {
        NarrativeWriter.cell(table, line: line, column: column, in: disclosure)
    }

    /// The same cell in `document` (last year's), `nil` without one.
    func cell(_ table: TableID, line: Int, column: Int, in document: Disclosure?) -> Money? {
        document.flatMap { NarrativeWriter.cell(table, line: line, column: column, in: $0) }
    }

    static func cell(_ table: TableID, line: Int, column: Int, in document: Disclosure) -> Money? {
        let row = document.table(table)?.rows.first { ($0.standardLine ?? $0.line) == line && $0.cell(column) != nil }
        return row?.cell(column)?.value
    }

    func reason(_ key: String) -> String {
        guard let text = reasons[key], !text.isEmpty else { return "" }
        return text.hasSuffix("。") ? text : text + "。"
    }
}

extension Money {
    /// `self + other`, the largest amount on overflow (no document holds such sums; never a trap).
    func addingOrClamping(_ other: Money) -> Money {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        return overflow ? Money(fen: other.fen < 0 ? .min : .max) : Money(fen: sum)
    }
}
