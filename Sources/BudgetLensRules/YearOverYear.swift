import BudgetLensCore

/// Year against year (Y-*): this year's disclosure against last year's of the same unit
/// (`budgetlens check THIS --previous LAST`).
///
/// - Y-YEAR (error): last year's document is for the year before this one's.
/// - Y-UNIT (error): both are of the same unit (the name on the tables, else the cover, 本级/汇总 aside).
/// - Y-CARRY-01 (error): 公开01 行29 年初结转和结余 (栏1) = last year's 公开01 行60 年末结转和结余 (栏2)
///   (DOMAIN §1.4).
/// - Y-CARRY-04 (error): 公开04 行28 年初财政拨款结转和结余 (栏1) = last year's 行60 年末财政拨款结转和结余
///   (栏2 合计), and per fund 行29/30/31 (栏1) = last year's 行60 栏3/4/5 (DOMAIN §1.7).
/// - Y-NARR (error): the 情况说明's `与上年相比` and `与上年决算数一致` claims lead back to last year's figures
///   (``NarrativeYearOverYear``, DOMAIN §2.0).
///
/// Both figures are the same amount printed twice, so no 尾数误差 is allowed (tolerance 0), except where the two
/// documents print different units: then the finer amount is rounded (ROUND_HALF_UP) to the coarser unit first.
/// The carry-over is compared only when the years follow and the unit is the same, or when the caller skips the
/// failing Y-YEAR / Y-UNIT (a renamed unit).
public enum YearOverYear {
    /// The rule ids, in the order they are checked.
    public static let ruleIDs = ["Y-YEAR", "Y-UNIT", "Y-CARRY-01", "Y-CARRY-04", NarrativeYearOverYear.ruleID]

    /// The findings of this year's disclosure against last year's.
    ///
    /// - Parameters:
    ///   - current: This year's disclosure (THIS).
    ///   - previous: Last year's disclosure of the same unit (LAST).
    ///   - skipping: Rule-id patterns to leave out, as `--skip` takes them (`Y-*`, `Y-UNIT`).
    /// - Returns: The findings; empty when the pair is consistent.
    public static func check(current: Disclosure, previous: Disclosure, skipping: [String] = []) -> [Finding] {
        let runs = { (id: String) in !skipping.contains { RulePack.matches(id, pattern: $0) } }
        var findings: [Finding] = []
        var comparable = true
        if runs("Y-YEAR"), let finding = yearFinding(current, previous) {
            findings.append(finding)
            comparable = false
        }
        if runs("Y-UNIT"), let finding = unitFinding(current, previous) {
            findings.append(finding)
            comparable = false
        }
        guard comparable else { return findings }
        if runs("Y-CARRY-01") {
            findings += carryOver(
                rule: "Y-CARRY-01", table: .incomeExpenditureSummary, current, previous,
                pairs: [(29, 1, 60, 2, "年初结转和结余", "年末结转和结余")])
        }
        if runs("Y-CARRY-04") {
            findings += carryOver(
                rule: "Y-CARRY-04", table: .appropriationSummary, current, previous,
                pairs: [
                    (28, 1, 60, 2, "年初财政拨款结转和结余", "年末财政拨款结转和结余"),
                    (29, 1, 60, 3, "年初一般公共预算财政拨款结转和结余", "年末一般公共预算财政拨款结转和结余"),
                    (30, 1, 60, 4, "年初政府性基金预算财政拨款结转和结余", "年末政府性基金预算财政拨款结转和结余"),
                    (31, 1, 60, 5, "年初国有资本经营预算财政拨款结转和结余", "年末国有资本经营预算财政拨款结转和结余"),
                ])
        }
        if runs(NarrativeYearOverYear.ruleID) {
            findings += NarrativeYearOverYear.check(current: current, previous: previous)
        }
        return findings
    }

    private static func yearFinding(_ current: Disclosure, _ previous: Disclosure) -> Finding? {
        guard let year = current.header.year, let previousYear = previous.header.year else {
            let which = current.header.year == nil ? current.source.file : previous.source.file
            return Finding(
                rule: "Y-YEAR", severity: .error,
                message: "上年决算应为本年度的前一年度：无法确定\(which)的决算年度",
                messageEnglish: "Last year's document is for the year before: the year of \(which) is not known",
                location: FindingLocation(source: location(of: current)), expected: .text("a year"),
                actual: .text("unknown"))
        }
        guard previousYear != year - 1 else { return nil }
        return Finding(
            rule: "Y-YEAR", severity: .error,
            message: "上年决算应为本年度的前一年度：本决算为\(year)年度，--previous 所给文件（\(previous.source.file)）为\(previousYear)年度，应为\(year - 1)年度",
            messageEnglish: "Last year's document is for the year before: these final accounts are for \(year), "
                + "the --previous file (\(previous.source.file)) is for \(previousYear), expected \(year - 1)",
            location: FindingLocation(source: previous.header.source ?? location(of: previous)),
            expected: .text(String(year - 1)), actual: .text(String(previousYear)))
    }

    private static func unitFinding(_ current: Disclosure, _ previous: Disclosure) -> Finding? {
        let name = unitName(of: current)
        let previousName = unitName(of: previous)
        guard TextNormalization.key(withoutScope(name)) != TextNormalization.key(withoutScope(previousName)) else {
            return nil
        }
        return Finding(
            rule: "Y-UNIT", severity: .error,
            message: "上年决算应为同一单位：本决算为“\(name)”，--previous 所给文件（\(previous.source.file)）为“\(previousName)”，结转结余不予比对（单位更名时可 --skip Y-UNIT）",
            messageEnglish: "Last year's document is of the same unit: this one is '\(name)', the --previous file "
                + "(\(previous.source.file)) is '\(previousName)'; carry-overs not compared (--skip Y-UNIT for a renamed unit)",
            location: FindingLocation(item: previousName, source: previous.header.source ?? location(of: previous)),
            expected: .text(name), actual: .text(previousName))
    }

    /// The unit's name: on the tables, else the cover title without its year and 部门决算.
    static func unitName(of disclosure: Disclosure) -> String {
        if let name = disclosure.header.unitName { return name }
        var title = TextNormalization.key(disclosure.header.title)
        for word in ["部门决算", "单位决算", "年度"] {
            while let range = title.byteRange(of: word) { title.removeSubrange(range) }
        }
        return String(title.filter { !($0.isASCII && $0.isNumber) })
    }

    private static func withoutScope(_ name: String) -> String {
        var name = name
        for suffix in ["（本级）", "(本级)", "（汇总）", "(汇总)"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name
    }

    private static func location(of disclosure: Disclosure) -> SourceLocation {
        SourceLocation(file: disclosure.source.file, line: 1)
    }

    /// Compares each (this year's row, column; last year's row, column) pair of `table`.
    private static func carryOver(
        rule: String, table id: TableID, _ current: Disclosure, _ previous: Disclosure,
        pairs: [(line: Int, column: Int, previousLine: Int, previousColumn: Int, item: String, previousItem: String)]
    ) -> [Finding] {
        guard let table = current.table(id), let previousTable = previous.table(id) else { return [] }
        let unit = coarser(current.moneyUnit, previous.moneyUnit)
        var findings: [Finding] = []
        for pair in pairs {
            let cell = self.cell(table, line: pair.line, column: pair.column)
            let previousCell = self.cell(previousTable, line: pair.previousLine, column: pair.previousColumn)
            // A row the template does not print (公开04 行29–31 in some) is zero only when both sides lack it.
            guard cell != nil || previousCell != nil else { continue }
            let printedValue: Money? = cell == nil ? .zero : cell?.value
            let previousPrintedValue: Money? = previousCell == nil ? .zero : previousCell?.value
            guard let value = printedValue, let previousValue = previousPrintedValue else { continue }  // F-READ's
            let actual = rounded(value, to: unit)
            let expected = rounded(previousValue, to: unit)
            guard actual != expected else { continue }
            let printed = actual.decimalString(in: unit)
            let lastYear = expected.decimalString(in: unit)
            let difference = (actual - expected).decimalString(in: unit)
            let source = cell?.source ?? table.source
            findings.append(
                Finding(
                    rule: rule, severity: .error,
                    message: "本年\(pair.item)应等于上年\(pair.previousItem)：\(id.formID) 行\(pair.line) 栏\(pair.column) 为 \(printed)，上年（\(previous.source.file)）行\(pair.previousLine) 栏\(pair.previousColumn) 为 \(lastYear)，差 \(difference)\(unit.rawValue)（尾数误差 0）",
                    messageEnglish: "This year's \(pair.item) equals last year's \(pair.previousItem): \(id.formID) row \(pair.line) col \(pair.column) is \(printed), last year's (\(previous.source.file)) row \(pair.previousLine) col \(pair.previousColumn) is \(lastYear), difference \(difference) \(unit.rawValue) (tolerance 0)",
                    location: FindingLocation(
                        table: id.formID, line: pair.line, item: pair.item, column: pair.column, source: source),
                    expected: .amount(expected, formula: "\(previous.source.file) \(id.formID)[\(pair.previousLine), \(pair.previousColumn)]"),
                    actual: .amount(actual, formula: ""), difference: actual - expected, tolerance: .zero,
                    operands: [
                        CellReference(
                            table: id.formID, line: pair.previousLine, code: nil, item: pair.previousItem,
                            column: pair.previousColumn, value: previousValue, isPresent: previousCell != nil,
                            source: previousCell?.source)
                    ]))
        }
        return findings
    }

    /// The cell at standard 行次 `line`, 栏次 `column`; `nil` when the row is not printed.
    private static func cell(_ table: PublicTable, line: Int, column: Int) -> TableCell? {
        let row = table.rows.first { ($0.standardLine ?? $0.line) == line }
        return row?.cell(column)
    }

    private static func coarser(_ a: MoneyUnit, _ b: MoneyUnit) -> MoneyUnit {
        a == .wanYuan || b == .wanYuan ? .wanYuan : .yuan
    }

    /// `money` rounded half up to the last digit `unit` prints: 0.01 万元 = 10,000 分; 0.01 元 = 1 分.
    private static func rounded(_ money: Money, to unit: MoneyUnit) -> Money {
        unit == .wanYuan ? money.rounded(toMultipleOf: 10_000) : money
    }
}
