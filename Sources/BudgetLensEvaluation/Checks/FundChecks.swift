import BudgetLensCore

/// F-1 (each row's 小计 = Σ its source columns) and F-2 (the 合计 row = Σ rows, per column) on fund tables
/// (DOMAIN §4.5; seed 003 表3-2). Amounts are exact; a difference within 0.01 × (addends − 1), at most 0.05 万元,
/// is a rounding warning (尾数误差, DOMAIN §0.3).
enum FundChecks {
    static func run(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        for table in report.fundTables {
            let rows = table.rows + (table.total.map { [$0] } ?? [])
            for row in rows {
                for group in table.groups {
                    let parts = group.parts.compactMap { row.amounts[$0] }
                    guard parts.count == group.parts.count, let printed = row.amounts[group.subtotal] else { continue }
                    let sum = parts.reduce(Money.zero, +)
                    if let finding = finding(
                        "F-1", table: table, item: row.label, column: table.columns[group.subtotal], printed: printed,
                        sum: sum, addends: parts, source: row.source)
                    {
                        findings.append(finding)
                    }
                }
            }
            guard let total = table.total else { continue }
            for column in table.columns.indices {
                let values = table.rows.compactMap { $0.amounts[column] }
                guard values.count == table.rows.count, let printed = total.amounts[column] else { continue }
                let sum = values.reduce(Money.zero, +)
                if let finding = finding(
                    "F-2", table: table, item: "合计", column: table.columns[column], printed: printed, sum: sum,
                    addends: values, source: total.source)
                {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private static func finding(
        _ rule: String, table: FundTable, item: String, column: String, printed: Money, sum: Money, addends: [Money],
        source: SourceLocation
    ) -> Finding? {
        guard printed != sum else { return nil }
        let unit = table.unit
        let step: Int64 = unit == .wanYuan ? 10_000 : 1  // 0.01 in the table's unit, in 分
        let tolerance = Money(fen: min(5, Int64(max(addends.count - 1, 0))) * step)
        let difference = printed - sum
        let rounding = abs(difference.fen) <= tolerance.fen
        let terms = addends.map { $0.decimalString(in: unit, minimumFractionDigits: 0) }.joined(separator: " + ")
        let what = rule == "F-1" ? "小计" : "合计"
        return Finding(
            rule: rule, severity: rounding ? .warning : .error,
            message: "\(table.title) \(item) \(column)：\(what) \(printed.decimalString(in: unit)) ≠ \(terms) = \(sum.decimalString(in: unit))",
            messageEnglish: "\(table.title) \(item) \(column): the \(what) \(printed.decimalString(in: unit)) is not \(terms) = \(sum.decimalString(in: unit))",
            location: FindingLocation(table: table.title, item: "\(item) \(column)", source: source),
            expected: .amount(sum, formula: terms), actual: .amount(printed, formula: ""), difference: difference,
            tolerance: tolerance, isRounding: rounding)
    }
}
