import BudgetLensCore

/// P-1 (DOMAIN §4.6): every 一级 indicator whose 三级 lost points has at least one 问题清单 entry in its category.
/// A category names the 一级 or one of its 二级 (`履职效能` for 部门履职效能, `满意度` for 社会效应's 二级), compared by
/// containment either way. Only for a system read as a tree, and only when the report has a 问题清单.
enum ProblemListCheck {
    static func run(_ report: EvaluationReport) -> [Finding] {
        guard !report.problemList.isEmpty else { return [] }
        var findings: [Finding] = []
        for (index, first) in report.indicators.enumerated() where first.level == .first {
            let lost = report.leaves(under: index).filter { leaf in
                guard leaf != index, let weight = report.indicators[leaf].weight,
                    let score = report.indicators[leaf].finalScore
                else { return false }
                return score < weight
            }
            guard !lost.isEmpty else { continue }
            let names = [first.name] + report.children(of: index).map { report.indicators[$0].name }
            let covered = report.problemList.contains { entry in
                names.contains { $0.contains(entry.category) || entry.category.contains($0) }
            }
            guard !covered else { continue }
            let labels = lost.map { report.indicators[$0].label }.joined(separator: "、")
            findings.append(
                Finding(
                    rule: "P-1", severity: .warning,
                    message: "\(first.name)下\(labels)失分，问题清单中没有该类问题",
                    messageEnglish: "\(first.name): \(labels) lost points, but the 问题清单 has no entry in its category",
                    location: FindingLocation(table: "问题清单", item: first.name, source: report.problemList.first?.source),
                    expected: .text(first.name), actual: .text("—")))
        }
        return findings
    }
}
