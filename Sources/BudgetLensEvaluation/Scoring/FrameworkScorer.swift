import BudgetLensCore
import Foundation
import Yams

/// A new evaluation scored from a framework and an evidence file: the 得分表 (per scored indicator: 分值, 得分,
/// generated 得失分依据), the summary by 一级, total, grade and 问题清单. Evidence missing for an indicator is a
/// finding (EV-1) and the indicator stays unscored, never a silent zero; evidence that does not fit its rule is EV-2.
public struct ScoredEvaluation: Sendable {
    /// One scored (leaf) indicator.
    public struct Row: Sendable {
        /// Index into ``Framework/indicators``.
        public var index: Int
        /// The score; `nil` when the evidence is missing or unusable.
        public var score: Score?
        /// The generated 得失分依据.
        public var basis: String
    }

    /// One 一级 line of the summary.
    public struct SummaryRow: Sendable {
        public var name: String
        public var weight: Score
        public var score: Score?
        /// 扣分 = 分值 − 得分.
        public var deduction: Score? { score.map { weight - $0 } }
        /// 得分率, hundredths of a percent.
        public var rate: Score? { score.flatMap { ScoreFinding.rate($0, of: weight) } }
    }

    /// One entry of the 问题清单.
    public struct Problem: Sendable {
        /// The 一级 indicator it falls under.
        public var category: String
        /// The indicator.
        public var indicator: String
        /// What was found.
        public var text: String
    }

    public var framework: Framework
    public var evidenceFile: String
    public var rows: [Row]
    public var summary: [SummaryRow]
    /// The total; `nil` while any indicator is unscored.
    public var total: Score?
    /// The grade of the total under the framework's bands.
    public var grade: String?
    public var problems: [Problem]
    public var findings: [Finding]
}

/// Evidence that does not fit its rule: what is wrong in Chinese and English, with the offending value.
struct EvidenceIssue: Error {
    var chinese: String
    var message: String
    var line: Int?

    init(_ chinese: String, _ english: String, line: Int?) {
        self.chinese = chinese
        self.message = english
        self.line = line
    }
}

extension ScoredEvaluation {
    /// Scores `framework` on the evidence YAML (`indicators: {code or name: evidence}`).
    ///
    /// - Throws: ``FrameworkError`` when the evidence file is not YAML or has no `indicators` mapping.
    public init(framework: Framework, evidenceYAML: String, evidenceFile: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: evidenceYAML)
        } catch let error as YamlError {
            throw FrameworkError(evidenceFile, nil, "不是有效的 YAML：\(error)", "not valid YAML: \(error)")
        }
        guard let indicatorsNode = root?["indicators"], indicatorsNode.mapping != nil else {
            throw FrameworkError(
                evidenceFile, root?.mark?.line, "证据文件需要 `indicators` 映射", "an evidence file needs an `indicators` mapping")
        }
        self.framework = framework
        self.evidenceFile = evidenceFile
        rows = []
        problems = []
        findings = []
        for (index, indicator) in framework.indicators.enumerated() {
            guard let rule = indicator.rule else { continue }
            let category = Self.firstLevel(of: index, in: framework)
            guard let evidence = indicatorsNode[indicator.code] ?? indicatorsNode[indicator.name] else {
                rows.append(Row(index: index, score: nil, basis: "缺少证据 (no evidence)"))
                findings.append(
                    Finding(
                        rule: "EV-1", severity: .error,
                        message: "\(indicator.label)：证据文件中没有该指标的证据，未评分",
                        messageEnglish: "\(indicator.label): the evidence file has no evidence for it; it is not scored",
                        location: FindingLocation(
                            table: framework.file, item: indicator.label,
                            source: SourceLocation(file: framework.file, line: indicator.line))))
                continue
            }
            do {
                let (score, basis, found) = try Self.apply(rule, points: indicator.weight, evidence: evidence)
                rows.append(Row(index: index, score: score, basis: basis))
                problems += found.map { Problem(category: category, indicator: indicator.label, text: $0) }
            } catch let issue as EvidenceIssue {
                rows.append(Row(index: index, score: nil, basis: "证据无法使用 (unusable evidence)"))
                findings.append(
                    Finding(
                        rule: "EV-2", severity: .error,
                        message: "\(indicator.label)：证据不符合评分办法（\(rule.kind)）：\(issue.chinese)",
                        messageEnglish: "\(indicator.label): the evidence does not fit its \(rule.kind) rule: \(issue.message)",
                        location: FindingLocation(
                            table: evidenceFile, item: indicator.label,
                            source: SourceLocation(file: evidenceFile, line: issue.line ?? evidence.mark?.line ?? 0))))
            }
        }
        let scores = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, $0.score) })
        func score(_ index: Int) -> Score?? {
            let children = framework.children(of: index)
            if children.isEmpty { return scores[index] ?? nil }
            var sum: Int64 = 0
            for child in children {
                guard let value = score(child), let value else { return .some(nil) }
                sum += value.hundredths
            }
            return Score(hundredths: sum)
        }
        summary = framework.children(of: nil).map { index in
            SummaryRow(
                name: framework.indicators[index].name, weight: framework.indicators[index].weight,
                score: score(index) ?? nil)
        }
        let totals = summary.compactMap(\.score)
        total = totals.count == summary.count ? Score(hundredths: totals.reduce(0) { $0 + $1.hundredths }) : nil
        grade = total?.grade(bounds: framework.grades)
    }

    private static func firstLevel(of index: Int, in framework: Framework) -> String {
        var current = index
        while let parent = framework.indicators[current].parent { current = parent }
        return framework.indicators[current].name
    }

    // MARK: Rules

    /// A number of the evidence; at most `limit` hundredths (10,000 by default; counts such as a numerator may be
    /// larger, up to 10¹², and are only ever multiplied by 10,000).
    static func number(_ node: Node?, _ what: String, limit: Int64 = Framework.maximumHundredths) throws -> Score {
        guard let node, let text = node.string, let value = Score(parsing: text.trimmingCharacters(in: .whitespaces))
        else {
            throw EvidenceIssue(
                "`\(what)` 应为最多两位小数的数值，而不是“\(node?.string ?? "")”",
                "`\(what)` must be a number with at most two decimals, not '\(node?.string ?? "")'", line: node?.mark?.line)
        }
        guard value.hundredths.magnitude <= UInt64(limit) else {
            throw EvidenceIssue(
                "`\(what)` 的 \(value) 超出范围（最多 \(Score(hundredths: limit))）",
                "`\(what)` \(value) is out of range (at most \(Score(hundredths: limit)))", line: node.mark?.line)
        }
        return value
    }

    /// A percentage from `value`, or `numerator`/`denominator` (rounded half up to 0.01 %), or the mean of `values`.
    static func percent(_ evidence: Node) throws -> (Score, String) {
        if let list = evidence["values"]?.sequence, !list.isEmpty {
            let values = try list.map { try number($0, "values") }
            let mean = ScoreFinding.roundedDivision(values.reduce(0) { $0 + $1.hundredths }, Int64(values.count))
            return (Score(hundredths: mean), "(\(values.map(\.description).joined(separator: " + ")))/\(values.count) = \(Score(hundredths: mean))%")
        }
        if let numerator = evidence["numerator"], let denominator = evidence["denominator"] {
            let top = try number(numerator, "numerator", limit: 100_000_000_000_000)
            let bottom = try number(denominator, "denominator", limit: 100_000_000_000_000)
            guard bottom.hundredths > 0 else {
                throw EvidenceIssue(
                    "`denominator` 应为正数，而不是 \(bottom)", "`denominator` must be positive, not \(bottom)",
                    line: denominator.mark?.line)
            }
            let value = Score(hundredths: ScoreFinding.roundedDivision(top.hundredths * 10_000, bottom.hundredths))
            return (value, "\(top)/\(bottom) = \(value)%")
        }
        let value = try number(evidence["value"], "value")
        return (value, "\(value)%")
    }

    static func proportion(_ points: Score, _ percent: Score) -> Score {
        Score(hundredths: ScoreFinding.roundedDivision(points.hundredths * percent.hundredths, 10_000))
    }

    /// Scores one rule: the score, the generated 得失分依据 and the problems found.
    static func apply(_ rule: ScoringRule, points: Score, evidence: Node) throws -> (Score, String, [String]) {
        for key in ["findings", "grades", "pairs", "values", "failed"] {
            if let list = evidence[key]?.sequence, list.count > Framework.maximumListCount {
                throw EvidenceIssue(
                    "`\(key)` 有 \(list.count) 项，超过 \(Framework.maximumListCount) 项",
                    "`\(key)` has \(list.count) items, more than \(Framework.maximumListCount)", line: list.mark?.line)
            }
        }
        if evidence["not_applicable"]?.bool == true {
            return (points, "不适用，得满分：\(evidence["reason"]?.string ?? "")", [])
        }
        switch rule {
        case .ratio:
            let (value, text) = try percent(evidence)
            let score = min(points, proportion(points, value))
            return (score, "\(text)，得分 = \(value)% × \(points) = \(score)分（不超过分值）", [])
        case .allOrNothing:
            guard let met = evidence["met"]?.bool else {
                throw EvidenceIssue(
                    "`met` 应为 true 或 false，而不是“\(evidence["met"]?.string ?? "")”",
                    "`met` must be true or false, not '\(evidence["met"]?.string ?? "")'", line: evidence.mark?.line)
            }
            let note = evidence["note"]?.string ?? ""
            return met ? (points, "符合要求，得满分。\(note)", []) : (.zero, "不符合要求，不得分。\(note)", note.isEmpty ? [] : [note])
        case .checklist(let items):
            let failed = try (evidence["failed"]?.sequence ?? []).map { node -> String in
                guard let id = node.string, items.contains(where: { $0.id == id }) else {
                    throw EvidenceIssue(
                        "`failed` 列出的“\(node.string ?? "")”不是该规则的清单项",
                        "`failed` names an item the rule does not have: '\(node.string ?? "")'", line: node.mark?.line)
                }
                return id
            }
            let lost = items.filter { failed.contains($0.id) }
            let score = points - Score(hundredths: lost.reduce(0) { $0 + $1.points.hundredths })
            let basis = lost.isEmpty ? "各项均符合，得满分。" : lost.map { "\($0.id) \($0.text) 不符合，扣\($0.points)分" }.joined(separator: "；")
            return (score, basis, lost.map { "\($0.id) \($0.text)" })
        case .deduction(let per, let voidable):
            if voidable, evidence["void"]?.bool == true {
                return (.zero, "存在截留、挤占、挪用、虚列支出等情况，整体不得分。", [evidence["note"]?.string ?? "截留、挤占、挪用或虚列支出"])
            }
            var total: Int64 = 0
            var texts: [String] = []
            for item in evidence["findings"]?.sequence ?? [] {
                let text = item.string ?? item["text"]?.string ?? ""
                let amount = item.mapping != nil && item["deduction"] != nil ? try number(item["deduction"], "deduction") : per
                total += amount.hundredths
                texts.append("\(text)（扣\(amount)分）")
            }
            let score = Score(hundredths: max(0, points.hundredths - total))
            let basis = texts.isEmpty ? "未发现问题，得满分。" : "发现问题\(texts.count)处：\(texts.joined(separator: "；"))，共扣\(Score(hundredths: total))分，扣完为止。"
            return (score, basis, texts)
        case .bands(let bands, let target):
            var (value, text) = try percent(evidence)
            if let target {
                value = Score(hundredths: abs(value.hundredths - target.hundredths))
                text += "，与\(target)%相差\(value)个百分点"
            }
            guard let band = bands.first(where: { $0.contains(value) }) else {
                throw EvidenceIssue("\(value) 不在任何区间内", "\(value) falls in no band", line: evidence.mark?.line)
            }
            let score = proportion(points, band.share)
            return (score, "\(text)，得\(band.share)%分值，即\(score)分", [])
        case .progress(let targets, let step, let deduction):
            guard let list = evidence["values"]?.sequence, list.count == targets.count else {
                let given = evidence["values"]?.sequence?.count ?? 0
                throw EvidenceIssue(
                    "`values` 应为每个时间节点给出一个进度 %（\(targets.count) 个），而不是 \(given) 个",
                    "`values` must give one progress % per time node (\(targets.count)), not \(given)",
                    line: evidence.mark?.line)
            }
            var total: Int64 = 0
            var texts: [String] = []
            var found: [String] = []
            for (target, node) in zip(targets, list) {
                let value = try number(node, "values")
                let shortfall = target.hundredths - value.hundredths
                guard shortfall > 0 else {
                    texts.append("进度\(value)%，达到\(target)%")
                    continue
                }
                let steps = (shortfall + step.hundredths - 1) / step.hundredths
                total += steps * deduction.hundredths
                let lost = Score(hundredths: steps * deduction.hundredths)
                texts.append("进度\(value)%，低于\(target)% \(Score(hundredths: shortfall))个百分点，扣\(lost)分")
                found.append("预算执行进度\(value)%，低于\(target)%")
            }
            let score = Score(hundredths: max(0, points.hundredths - total))
            return (score, texts.joined(separator: "；") + "；扣完为止，得\(score)分。", found)
        case .changeRate(let limit, let step, let deduction, let first, let completed, let zeroAbove):
            let value = try number(evidence["value"], "value")
            let over = value.hundredths - limit.hundredths
            let triggers = first.hundredths > 0 ? over >= 0 : over > 0
            guard triggers else { return (points, "\(value)%，未超过\(limit)%，得满分", []) }
            if let zeroAbove, over > zeroAbove.hundredths {
                return (.zero, "\(value)%，超过\(limit)%达\(Score(hundredths: over))个百分点（>\(zeroAbove)），不得分", ["\(value)%，超过\(limit)%"])
            }
            let steps = completed ? over / step.hundredths : (over + step.hundredths - 1) / step.hundredths
            let lost = min(points.hundredths, first.hundredths + steps * deduction.hundredths)
            let score = Score(hundredths: points.hundredths - lost)
            return (score, "\(value)%，超过\(limit)% \(Score(hundredths: over))个百分点，扣\(Score(hundredths: lost))分", ["\(value)%，超过\(limit)%"])
        case .perPoint(let ruleThreshold, let unit, let share, let deduction):
            let value = try number(evidence["value"], "value")
            guard let threshold = try evidence["threshold"].map({ try number($0, "threshold") }) ?? ruleThreshold else {
                throw EvidenceIssue(
                    "规则没有阈值：请给出 `threshold`", "the rule has no threshold: give `threshold`", line: evidence.mark?.line)
            }
            let shortfall = threshold.hundredths - value.hundredths
            guard shortfall > 0 else { return (points, "\(value)，不低于\(threshold)，得满分", []) }
            let lost: Int64
            if let share {
                lost = ScoreFinding.roundedDivision(shortfall * share.hundredths * points.hundredths, unit.hundredths * 10_000)
            } else {
                lost = ScoreFinding.roundedDivision(shortfall * (deduction?.hundredths ?? 0), unit.hundredths)
            }
            let score = Score(hundredths: max(0, points.hundredths - lost))
            return (score, "\(value)，低于\(threshold) \(Score(hundredths: shortfall))，扣\(Score(hundredths: min(lost, points.hundredths)))分，得\(score)分", ["\(value)，低于\(threshold)"])
        case .gradeShare(let shares, let otherwise):
            guard let list = evidence["grades"]?.sequence, !list.isEmpty else {
                throw EvidenceIssue(
                    "`grades` 应列出抽查项目的等级", "`grades` must list the sampled projects' grades", line: evidence.mark?.line)
            }
            let grades = list.compactMap(\.string)
            let sum = grades.reduce(Int64(0)) { $0 + (shares[$1] ?? otherwise).hundredths }
            let score = Score(hundredths: ScoreFinding.roundedDivision(points.hundredths * sum, Int64(grades.count) * 10_000))
            let found = grades.filter { (shares[$0] ?? otherwise) < Score(points: 100) }.map { "评价等级为“\($0)”" }
            return (score, "抽查\(grades.count)项，等级\(grades.joined(separator: "、"))，得\(score)分", found)
        case .gradeDifference(let perStep):
            let order = ["优": 0, "良": 1, "中": 2, "差": 3]
            var total: Int64 = 0
            var found: [String] = []
            for pair in evidence["pairs"]?.sequence ?? [] {
                guard let items = pair.sequence, items.count == 2, let own = items[0].string, let review = items[1].string,
                    let a = order[String(own.prefix(1))], let b = order[String(review.prefix(1))]
                else {
                    throw EvidenceIssue(
                        "每一对应为 [自评等级, 复评等级]（优/良/中/差），而不是 \(pair.sequence?.map { $0.string ?? "?" } ?? [])",
                        "each pair is [自评等级, 复评等级] (优/良/中/差), not \(pair.sequence?.map { $0.string ?? "?" } ?? [])",
                        line: pair.mark?.line)
                }
                let steps = Int64(abs(a - b))
                total += steps * perStep.hundredths
                if steps > 0 { found.append("自评“\(own)”、复评“\(review)”，相差\(steps)档") }
            }
            let score = Score(hundredths: max(0, points.hundredths - total))
            return (score, found.isEmpty ? "自评与复评等级一致，得满分" : found.joined(separator: "；") + "，共扣\(Score(hundredths: total))分", found)
        case .composite(let nonField, let field):
            let a = try number(evidence["non_field"], "non_field"), b = try number(evidence["field"], "field")
            let exact = a.hundredths * nonField.hundredths + b.hundredths * field.hundredths
            let score = Score(hundredths: ScoreFinding.roundedDivision(exact, 10_000))
            return (min(points, score), "非现场\(a) × \(nonField)% + 现场\(b) × \(field)% = \(score)", [])
        case .parts(let parts):
            guard let partsNode = evidence["parts"] else {
                throw EvidenceIssue(
                    "`parts` 应给出每个组成部分的证据", "`parts` must give the evidence of each part", line: evidence.mark?.line)
            }
            var total: Int64 = 0
            var texts: [String] = []
            var found: [String] = []
            for part in parts {
                guard let node = partsNode[part.id] else {
                    throw EvidenceIssue("组成部分 \(part.id) 没有证据", "no evidence for part \(part.id)", line: partsNode.mark?.line)
                }
                let (score, basis, problems) = try apply(part.rule, points: part.points, evidence: node)
                total += score.hundredths
                texts.append("\(part.name == part.id ? part.id : part.id + part.name)（\(part.points)分）：\(basis)")
                found += problems
            }
            return (Score(hundredths: total), texts.joined(separator: " "), found)
        }
    }
}
