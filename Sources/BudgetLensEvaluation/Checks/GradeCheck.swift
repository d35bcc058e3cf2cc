import BudgetLensCore

/// G-1 (DOMAIN §3.3, E-7): the grade stated = the band of the total, under the bands the report states, else
/// 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. `优秀`/`良好` read as 优/良.
enum GradeCheck {
    static let defaultBands: [(String, Score)] = [
        ("优", Score(points: 90)), ("良", Score(points: 80)), ("中", Score(points: 60)), ("差", .zero),
    ]

    static func run(_ report: EvaluationReport) -> [Finding] {
        let bands = report.gradeBands.isEmpty ? defaultBands : report.gradeBands.map { ($0.grade, $0.minimum) }
        let bandText = report.gradeBands.isEmpty ? "DOMAIN §3.3 等级区间" : "报告所述等级区间"
        guard let total = report.totals.lazy.compactMap(\.score).first else { return [] }
        let expected = total.grade(bounds: bands.map { (grade: $0.0, minimum: $0.1) })
        var findings: [Finding] = []
        for stated in report.totals {
            guard let printed = stated.grade else { continue }
            let grade = String(printed.prefix(1))
            guard grade != expected else { continue }
            findings.append(
                Finding(
                    rule: "G-1", severity: .error,
                    message: "总分 \(total) 按\(bandText)应为“\(expected)”，报告为“\(printed)”",
                    messageEnglish: "the total \(total) falls in the band “\(expected)” (\(bandText)); the report states “\(printed)”",
                    location: FindingLocation(item: "评价等级", source: stated.source), expected: .text(expected),
                    actual: .text(printed)))
        }
        return findings
    }
}
