import BudgetLensCore

/// The defects between the project tables, the 汇总表 and what the 情况说明 (十三、预算绩效情况说明) says of them.
struct SummaryReview {
    let disclosure: Disclosure
    let scores: [TableScore]

    private var projectScores: [TableScore] { scores.filter { $0.table.kind == .project || $0.table.kind == .hubeiProject } }

    func items(_ aspect: ReviewAspect) -> [ReviewItem] {
        switch aspect {
        case .summaryAgrees: agreement()
        case .summaryGrades: grades()
        case .summaryCounts: counts()
        case .narrativeSummaries: narrativeSummaries()
        default: []
        }
    }

    private func item(
        _ aspect: ReviewAspect, _ message: String, _ english: String, at location: FindingLocation, expected: String?,
        actual: String?
    ) -> ReviewItem {
        ReviewItem(
            aspect: aspect, message: message, english: english, location: location,
            expected: expected.map(FindingValue.text), actual: actual.map(FindingValue.text))
    }

    /// Project names match when one holds the other (extraction loses characters at either end).
    static func sameProject(_ a: String, _ b: String) -> Bool {
        let (x, y) = (TextNormalization.key(a), TextNormalization.key(b))
        return !x.isEmpty && !y.isEmpty && (x == y || x.contains(y) || y.contains(x))
    }

    private func agreement() -> [ReviewItem] {
        guard let summary = disclosure.evaluationSummaries.first else { return [] }
        let index = SummaryRowIndex(summary)
        return projectScores.compactMap { score in
            let table = score.table
            let location = FindingLocation(table: score.label, source: table.source)
            let candidates = index.rows(for: table.projectName)
            let row =
                candidates.first { row in
                    row.fundUser.map { user in table.executor.map { SummaryReview.sameProject(user, $0) } ?? true } ?? true
                } ?? candidates.first
            guard let row else {
                return item(
                    .summaryAgrees, "自评表“\(table.projectName)”未列入汇总表", "the table '\(table.projectName)' is not in the 汇总表",
                    at: location, expected: "listed", actual: "absent")
            }
            let tableTotal = table.statedTotal ?? score.computedTotal
            guard let tableTotal, let rowScore = row.score, tableTotal != rowScore else { return nil }
            return item(
                .summaryAgrees, "汇总表列示“\(row.project)”自评得分\(rowScore)，自评表总分为\(tableTotal)",
                "the 汇总表 gives '\(row.project)' \(rowScore); its table totals \(tableTotal)",
                at: FindingLocation(table: "汇总表", item: row.project, source: row.source), expected: tableTotal.description,
                actual: rowScore.description)
        }
    }

    private func grades() -> [ReviewItem] {
        let scheme = scores.first { $0.table.kind == .project }?.scheme ?? scores.first?.scheme
        guard let scheme else {
            return disclosure.evaluationSummaries.flatMap { summary in rowsWithWrongGrade(summary, bounds: ScoreBands.standard) }
        }
        return disclosure.evaluationSummaries.flatMap { rowsWithWrongGrade($0, bounds: scheme.grades) }
    }

    private func rowsWithWrongGrade(_ summary: SelfEvaluationSummary, bounds: [(grade: String, minimum: Score)]) -> [ReviewItem] {
        summary.rows.compactMap { row in
            guard let score = row.score, let grade = row.grade else { return nil }
            let expected = score.grade(bounds: bounds)
            guard !ScoreBands.sameGrade(expected, grade) else { return nil }
            return item(
                .summaryGrades, "“\(row.project)”自评得分\(score)，等级应为“\(expected)”，汇总表列为“\(grade)”",
                "'\(row.project)' scores \(score): grade \(expected), the 汇总表 says \(grade)",
                at: FindingLocation(table: "汇总表", item: row.project, source: row.source), expected: expected, actual: grade)
        }
    }

    /// `…的 18 个项目中，18 个项目自评等级为优`.
    private func counts() -> [ReviewItem] {
        guard let summary = disclosure.evaluationSummaries.first,
            let section = disclosure.narrative.first(where: { $0.number == 13 })
        else { return [] }
        let text = TextNormalization.key(section.body.text)
        guard let claim = SummaryReview.countClaim(in: text) else { return [] }
        let source = section.body.lines.first { TextNormalization.key($0.text).contains("个项目中") }?.source ?? section.source
        let location = FindingLocation(table: "汇总表", item: summary.title, source: source)
        var items: [ReviewItem] = []
        if claim.total != summary.rows.count {
            items.append(
                item(
                    .summaryCounts, "情况说明称自评项目\(claim.total)个，汇总表列示\(summary.rows.count)个",
                    "the narrative counts \(claim.total) self-evaluated projects, the 汇总表 lists \(summary.rows.count)",
                    at: location, expected: String(summary.rows.count), actual: String(claim.total)))
        }
        let excellent = summary.rows.filter { ScoreBands.sameGrade($0.grade ?? "", "优") }.count
        if claim.excellent != excellent {
            items.append(
                item(
                    .summaryCounts, "情况说明称\(claim.excellent)个项目自评等级为优，汇总表中为优的有\(excellent)个",
                    "the narrative counts \(claim.excellent) projects graded 优, the 汇总表 \(excellent)",
                    at: location, expected: String(excellent), actual: String(claim.excellent)))
        }
        return items
    }

    /// The numbers of `N个项目中，M个项目自评等级为优` in a key.
    static func countClaim(in key: String) -> (total: Int, excellent: Int)? {
        guard let middle = key.byteRange(of: "个项目中") else { return nil }
        let total = Int(String(key[..<middle.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }.reversed()))
        let after = key[middle.upperBound...]
        guard let gradeRange = after.byteRange(of: "个项目自评等级为优") else { return nil }
        let excellent = Int(String(after[..<gradeRange.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }.reversed()))
        guard let total, let excellent else { return nil }
        return (total, excellent)
    }

    /// Each `…项目绩效自评综述：…自评得分为X分。全年预算数为A万元，执行数为B万元，完成预算的R%` against its table.
    private func narrativeSummaries() -> [ReviewItem] {
        guard let section = disclosure.narrative.first(where: { $0.number == 13 }) else { return [] }
        let text = TextNormalization.key(section.body.lines.map(\.text).joined())
        var items: [ReviewItem] = []
        for score in scores where score.table.kind != .department {
            let table = score.table
            let name = TextNormalization.key(table.projectName)
            guard !name.isEmpty, let start = text.byteRange(of: name + "项目绩效自评综述") ?? text.byteRange(of: name + "绩效自评综述")
            else { continue }
            var segment = text[start.upperBound...]
            if let next = segment.byteRange(of: "绩效自评综述") { segment = segment[..<next.lowerBound] }
            let source =
                section.body.lines.first { TextNormalization.key($0.text).contains(name + "项目绩效自评综述") }?.source
                ?? section.source
            let location = FindingLocation(table: score.label, item: "情况说明综述", source: source)
            func compare(_ label: String, _ english: String, claimed: String?, printed: String?) {
                guard let claimed, let printed, claimed != printed else { return }
                items.append(
                    item(
                        .narrativeSummaries, "综述称\(label)\(claimed)，自评表为\(printed)",
                        "the narrative gives \(english) \(claimed); the table \(printed)", at: location, expected: printed,
                        actual: claimed))
            }
            let total = table.budget.total
            compare(
                "自评得分", "the score", claimed: SummaryReview.number(after: "自评得分为", in: segment).flatMap { Score(parsing: $0) }?.description,
                printed: table.statedTotal?.description)
            compare(
                "全年预算数", "the full-year budget", claimed: SummaryReview.number(after: "全年预算数为", in: segment).flatMap { Money(parsing: $0, unit: .wanYuan) }.map(Render.money),
                printed: total?.budget.map(Render.money))
            compare(
                "执行数", "the amount spent", claimed: SummaryReview.number(after: "执行数为", in: segment).flatMap { Money(parsing: $0, unit: .wanYuan) }.map(Render.money),
                printed: total?.executed.map(Render.money))
            if let claimed = SummaryReview.number(after: "完成预算的", in: segment).flatMap(Measure.millionths), let rate = score.executionRate {
                let decimals = min(2, SummaryReview.number(after: "完成预算的", in: segment)?.split(separator: ".").dropFirst().first?.count ?? 0)
                let expected = Render.rounded(rate, toDecimals: decimals)
                if claimed / 10_000 != expected {
                    compare("完成预算的", "the execution rate", claimed: "\(Measure(millionths: claimed, unit: "%"))", printed: Render.rate(rate, decimals: decimals))
                }
            }
        }
        return items
    }

    /// The number written after `marker` in the text: `自评得分为99.86分` → `99.86`.
    static func number(after marker: String, in text: Substring) -> String? {
        guard let range = text.byteRange(of: marker) else { return nil }
        let digits = text[range.upperBound...].prefix { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
        return digits.isEmpty ? nil : String(digits).replacing(",", with: "")
    }
}

/// The standard grade bands and grade names (`优秀` is `优`).
enum ScoreBands {
    static let standard: [(grade: String, minimum: Score)] = [
        ("优", Score(points: 90)), ("良", Score(points: 80)), ("中", Score(points: 60)), ("差", .zero),
    ]

    static func sameGrade(_ a: String, _ b: String) -> Bool {
        func base(_ grade: String) -> String {
            switch grade {
            case "优秀": "优"
            case "良好": "良"
            case "合格", "中等": "中"
            case "不合格", "较差": "差"
            default: grade
            }
        }
        return base(a) == base(b)
    }
}

/// The rows of a 汇总表 by project name, so matching every table against the summary stays linear: rows whose
/// normalised name equals the table's come from a dictionary; only a name with no such row is compared with every
/// row by ``SummaryReview/sameProject(_:_:)`` (one name holds the other).
struct SummaryRowIndex {
    private let summary: SelfEvaluationSummary
    private let byKey: [String: [Int]]

    init(_ summary: SelfEvaluationSummary) {
        self.summary = summary
        var byKey: [String: [Int]] = [:]
        for (offset, row) in summary.rows.enumerated() {
            let key = TextNormalization.key(row.project)
            if !key.isEmpty { byKey[key, default: []].append(offset) }
        }
        self.byKey = byKey
    }

    /// The rows naming `project`, in table order: those with the same name, else those whose name holds it or
    /// that it holds.
    func rows(for project: String) -> [SummaryRow] {
        if let exact = byKey[TextNormalization.key(project)] { return exact.map { summary.rows[$0] } }
        return summary.rows.filter { SummaryReview.sameProject($0.project, project) }
    }
}
