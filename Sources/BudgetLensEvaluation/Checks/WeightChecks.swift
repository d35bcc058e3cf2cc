import BudgetLensCore

/// W-1 (weights add up at every level, 一级 to 100), W-2 (stated counts = listed indicators) and E-6 (no score
/// above its weight or below zero; the total not above the system's full marks). DOMAIN §4.2, §4.4.
enum WeightChecks {
    static func run(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        let firsts = report.indicators.indices.filter { report.indicators[$0].level == .first }
        let firstWeights = firsts.compactMap { report.indicators[$0].weight }
        if !firsts.isEmpty, firstWeights.count == firsts.count {
            let sum = Score(hundredths: firstWeights.reduce(0) { $0 + $1.hundredths })
            if sum != Score(points: 100) {
                let terms = firstWeights.map(\.description).joined(separator: " + ")
                findings.append(
                    ScoreFinding.make(
                        "W-1", .error,
                        zh: "一级指标分值之和 \(terms) = \(sum)，不等于100分",
                        en: "the 一级 weights add up to \(terms) = \(sum), not 100",
                        item: "一级指标", source: report.indicators[firsts[0]].source, expected: Score(points: 100),
                        actual: sum))
            }
        }
        for index in report.indicators.indices {
            let parent = report.indicators[index]
            let children = report.children(of: index)
            guard let weight = parent.weight, !children.isEmpty else { continue }
            let weights = children.compactMap { report.indicators[$0].weight }
            guard weights.count == children.count else { continue }
            let sum = Score(hundredths: weights.reduce(0) { $0 + $1.hundredths })
            if sum != weight {
                findings.append(
                    ScoreFinding.make(
                        "W-1", .error,
                        zh: "\(parent.label)（\(weight)分）下级指标分值之和为 \(sum)",
                        en: "the weights under \(parent.label) (\(weight)) add up to \(sum)",
                        item: parent.label, source: parent.source, expected: weight, actual: sum))
            }
        }
        findings += counts(report)
        findings += bounds(report)
        return findings
    }

    private static func counts(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        // Only a system read as a tree can be counted (seed 000's 得分表 is read as flat rows).
        guard !report.indicators(level: .first).isEmpty else { return [] }
        for stated in report.statedCounts {
            var listed: Int
            var scopeText = "指标体系"
            if let scope = stated.scope {
                guard let root = report.indicators.firstIndex(where: { $0.name == scope && $0.level < stated.level })
                else { continue }
                listed = descendants(of: root, in: report).filter { report.indicators[$0].level == stated.level }.count
                scopeText = scope
            } else {
                listed = report.indicators.filter { $0.level == stated.level }.count
            }
            guard listed > 0, listed != stated.count else { continue }
            let level = stated.level.chineseName
            findings.append(
                Finding(
                    rule: "W-2", severity: .error,
                    message: "\(scopeText)：文中称\(level)指标\(stated.count)个，实际列出\(listed)个",
                    messageEnglish: "\(scopeText): the text states \(stated.count) \(level) indicators, \(listed) are listed",
                    location: FindingLocation(item: scopeText, source: stated.source),
                    expected: .text(String(stated.count)), actual: .text(String(listed))))
        }
        return findings
    }

    private static func descendants(of index: Int, in report: EvaluationReport) -> [Int] {
        report.children(of: index).flatMap { [$0] + descendants(of: $0, in: report) }
    }

    private static func bounds(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        for indicator in report.indicators {
            guard let weight = indicator.weight else { continue }
            for column in ScoreColumn.allCases {
                guard let score = indicator.scores[column] else { continue }
                if score > weight || score < .zero {
                    findings.append(
                        ScoreFinding.make(
                            "E-6", .error,
                            zh: "\(indicator.label)的\(column.chineseName) \(score) 超出 0–\(weight) 分",
                            en: "\(indicator.label): \(column.rawValue) score \(score) is outside 0–\(weight)",
                            item: indicator.label, source: indicator.scoreSource ?? indicator.source, expected: weight,
                            actual: score))
                }
            }
        }
        let firsts = report.indicators.filter { $0.level == .first }
        let weights = firsts.compactMap(\.weight)
        if !firsts.isEmpty, weights.count == firsts.count {
            let full = Score(hundredths: weights.reduce(0) { $0 + $1.hundredths })
            for total in report.totals {
                guard let score = total.score, score > full else { continue }
                findings.append(
                    ScoreFinding.make(
                        "E-6", .error,
                        zh: "总分 \(score) 超过指标体系满分 \(full)（各一级指标分值之和）",
                        en: "the total \(score) exceeds the system's full marks \(full) (the sum of the 一级 weights)",
                        item: "总分", source: total.source, expected: full, actual: score))
            }
        }
        return findings
    }
}
