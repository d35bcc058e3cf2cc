import BudgetLensCore

/// Reads the summary tables by 一级 indicator: a header with 一级指标 or 指标类别, a 分值 column and 得分 columns,
/// and optionally 扣分 and 得分率 (003 表3-1 and 总览表 五; 000 表1/表2/表3/表5/表6/表7).
struct SummaryTableReader {
    let text: ReportText

    func read(into report: inout EvaluationReport, range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            guard text.isTableRow(index), var table = header(index) else {
                index += 1
                continue
            }
            let (nameColumn, weightColumn, scoreColumns, deductionColumn, rateColumn) = layout(index, title: table.title)
            var row = index + 1
            while row < range.upperBound, text.isTableRow(row) {
                let fields = text.fields(row)
                let leading = fields.prefix(nameColumn + 1).map { TextNormalization.key($0) }
                let name = leading.last.flatMap { $0.isEmpty ? nil : $0 } ?? leading.first { !$0.isEmpty } ?? ""
                guard !name.isEmpty else { break }
                var summaryRow = SummaryRow(
                    name: name, isTotal: ReportParsing.isTotal(name) || leading.contains { ReportParsing.isTotal($0) },
                    source: text.location(row))
                func value(_ column: Int?) -> Score? {
                    guard let column, column < fields.count else { return nil }
                    return ReportParsing.score(fields[column])
                }
                summaryRow.weight = value(weightColumn)
                for (column, kind) in scoreColumns { summaryRow.scores[kind] = value(column) }
                summaryRow.deduction = value(deductionColumn)
                summaryRow.rate = value(rateColumn)
                table.rows.append(summaryRow)
                row += 1
            }
            if !table.rows.isEmpty { report.summaries.append(table) }
            index = row
        }
    }

    private func header(_ index: Int) -> SummaryTable? {
        let keys = text.fieldKeys(index)
        guard keys.contains(where: { $0 == "一级指标" || $0 == "指标类别" }),
            keys.contains(where: { $0.containsText("分值") }), keys.contains(where: { $0.containsText("得分") }),
            !keys.contains(where: { $0.hasPrefix("二级") })
        else { return nil }
        var title = ""
        var above = index - 1
        while above >= 0, index - above <= 4 {
            if !text.isBlank(above) {
                title = text.isTableRow(above) ? "" : text.lines[above].trimmedSpaces()
                break
            }
            above -= 1
        }
        let (_, _, scores, deduction, rate) = layout(index, title: title)
        return SummaryTable(
            title: title, columns: scores.map(\.1), hasDeduction: deduction != nil, hasRate: rate != nil,
            source: text.location(index))
    }

    private func layout(_ index: Int, title: String) -> (Int, Int?, [(Int, ScoreColumn)], Int?, Int?) {
        let keys = text.fieldKeys(index)
        let titleKey = TextNormalization.key(title)
        let single: ScoreColumn =
            titleKey.containsText("非现场") ? .nonField : titleKey.containsText("现场") ? .field : .score
        var name = 0
        var weight: Int?
        var scores: [(Int, ScoreColumn)] = []
        var deduction: Int?
        var rate: Int?
        for (column, key) in keys.enumerated() {
            switch key {
            case "一级指标", "指标类别": name = column
            case _ where key.containsText("得分率"): rate = column
            case _ where key.containsText("扣分"): deduction = column
            case _ where key.containsText("分值"): weight = column
            case _ where key.containsText("非现场"): scores.append((column, .nonField))
            case _ where key.containsText("现场"): scores.append((column, .field))
            case _ where key.containsText("综合得分"): scores.append((column, .composite))
            case _ where key.containsText("得分"): scores.append((column, single))
            default: break
            }
        }
        return (name, weight, scores, deduction, rate)
    }
}
