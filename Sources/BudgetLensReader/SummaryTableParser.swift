import BudgetLensCore

/// Reads a 项目支出绩效自评情况汇总表: rows of 序号, 项目名称, [资金使用单位], 自评得分, 自评等级.
struct SummaryTableParser {
    let text: SourceText

    private static let grades: Set<String> = ["优", "良", "中", "差", "优秀", "良好", "合格", "不合格"]

    func parse(_ located: LocatedSelfEvaluation) -> SelfEvaluationSummary {
        let unit = located.headerLines.lazy.compactMap { line -> String? in
            let key = TextNormalization.key(line)
            guard key.hasBytePrefix("部门:") || key.hasBytePrefix("单位:") else { return nil }
            let name = String(key.drop { $0 != ":" }.dropFirst())
            return MoneyUnit(rawValue: name) == nil ? name : nil
        }.first
        var rows: [SummaryRow] = []
        for line in located.grid {
            let tokens = SelfEvaluationParser.tokens(of: line)
            guard let first = tokens.first, let number = Int(TextNormalization.key(first.text)), tokens.count >= 3 else {
                continue  // header and group caption rows
            }
            var rest = Array(tokens.dropFirst().map(\.text))
            var grade: String?
            if let last = rest.last, SummaryTableParser.grades.contains(TextNormalization.key(last)) {
                grade = TextNormalization.key(last)
                rest.removeLast()
            }
            var score: Score?
            if let last = rest.last, let value = Score(parsing: last) {
                score = value
                rest.removeLast()
            }
            guard let project = rest.first else { continue }
            rows.append(
                SummaryRow(
                    number: number, project: project, fundUser: rest.count > 1 ? rest[1] : nil, score: score, grade: grade,
                    source: text.location(line, position: first.position)))
        }
        return SelfEvaluationSummary(
            title: located.title, unitName: unit, rows: rows, source: text.location(located.titleIndex))
    }
}
