import BudgetLensCore
import Foundation
import Yams

extension Framework {
    /// Reads a framework file (YAML, schema in docs/evaluation.md).
    ///
    /// - Throws: ``FrameworkError`` naming the file, line and indicator when the YAML is malformed, a rule kind is
    ///   unknown, weights do not add up (children to their parent, 一级 to `total`, checklist items or parts to
    ///   their indicator), or a band list has a gap or an overlap.
    public init(yaml: String, file: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw FrameworkError(file, nil, "不是有效的 YAML：\(error)", "not valid YAML: \(error)")
        }
        guard let root, root.mapping != nil else {
            throw FrameworkError(file, 1, "评价框架应为 YAML 映射", "a framework is a YAML mapping")
        }
        var loader = FrameworkLoader(file: file)
        name = root["name"]?.string ?? file
        total = try loader.score(root["total"], "total", line: root.mark?.line) ?? Score(points: 100)
        grades = try loader.grades(root["grades"])
        guard let list = root["indicators"]?.sequence else {
            throw FrameworkError(file, root.mark?.line, "缺少 `indicators` 指标列表", "no `indicators` list")
        }
        for node in list { try loader.indicator(node, level: .first, parent: nil) }
        indicators = loader.indicators
        self.file = file
        try loader.validateWeights(total: total)
    }

    /// Reads a framework file from disk, or a built-in framework by name (``builtInNames``).
    public init(contentsOf path: String) throws {
        if !FileManager.default.fileExists(atPath: path), let text = Framework.builtInText(path) {
            let base = path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path
            try self.init(yaml: text, file: base + ".yaml")
            return
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FrameworkError(
                path, nil, "无法读取评价框架文件（不存在或不是 UTF-8）", "cannot read the framework file (missing, or not UTF-8)")
        }
        try self.init(yaml: text, file: path)
    }

    /// The built-in frameworks (`Frameworks/*.yaml`, embedded in the binary at build time), by name without extension.
    public static var builtInNames: [String] {
        EmbeddedFiles.contents.keys.filter { $0.hasPrefix("Frameworks/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("Frameworks/".count).dropLast(5)) }.sorted()
    }

    /// The text of a built-in framework, by name with or without `.yaml`.
    public static func builtInText(_ name: String) -> String? {
        let base = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        return EmbeddedFiles.contents["Frameworks/\(base).yaml"]
    }
}

/// Walks the YAML nodes, keeping lines for errors.
struct FrameworkLoader {
    let file: String
    var indicators: [FrameworkIndicator] = []

    func error(_ node: Node?, _ chinese: String, _ english: String) -> FrameworkError {
        FrameworkError(file, node?.mark?.line, chinese, english)
    }

    /// A number as hundredths (`0.5`, `12`, `89.59`); `nil` when the node is absent.
    func score(_ node: Node?, _ what: String, line: Int? = nil) throws -> Score? {
        guard let node else { return nil }
        guard let text = node.string, let value = Score(parsing: text.trimmingCharacters(in: .whitespaces)) else {
            throw error(node, "\(what)：“\(node.string ?? "")”不是最多两位小数的数值", "\(what): not a number with at most two decimals")
        }
        guard value.hundredths.magnitude <= UInt64(Framework.maximumHundredths) else {
            throw error(node, "\(what)：\(value) 超出范围（最多 10000）", "\(what): \(value) is out of range (at most 10000)")
        }
        return value
    }

    func required(_ node: Node, _ key: String, _ what: String) throws -> Score {
        guard let value = try score(node[key], "\(what) \(key)") else { throw error(node, "\(what)：缺少 `\(key)`", "\(what): no `\(key)`") }
        return value
    }

    func grades(_ node: Node?) throws -> [(grade: String, minimum: Score)] {
        guard let list = node?.sequence else { return GradeCheck.defaultBands.map { (grade: $0.0, minimum: $0.1) } }
        var grades: [(grade: String, minimum: Score)] = []
        for item in list {
            guard let grade = item["grade"]?.string, let minimum = try score(item["minimum"], "grade minimum") else {
                throw error(item, "等级需要 `grade` 和 `minimum`", "a grade needs `grade` and `minimum`")
            }
            grades.append((grade, minimum))
        }
        return grades.sorted { $0.minimum > $1.minimum }
    }

    mutating func indicator(_ node: Node, level: IndicatorLevel, parent: Int?) throws {
        guard let name = node["name"]?.string, !name.isEmpty else { throw error(node, "指标需要 `name`", "an indicator needs a `name`") }
        let code = node["code"]?.string ?? ""
        let label = code.isEmpty ? name : "\(code) \(name)"
        guard let weight = try score(node["weight"], "\(label) weight") else {
            throw error(node, "\(label)：缺少 `weight`", "\(label): no `weight`")
        }
        var indicator = FrameworkIndicator(
            level: level, code: code, name: name, weight: weight, explanation: node["explanation"]?.string ?? "",
            dataSource: node["source"]?.string ?? "", rule: nil, parent: parent, line: node.mark?.line ?? 0)
        let children = node["children"]?.sequence
        if let ruleNode = node["rule"] {
            guard children == nil else { throw error(
                    node, "\(label)：指标不能同时有下级指标和评分规则", "\(label): an indicator has children or a rule, not both") }
            indicator.rule = try rule(ruleNode, label: label, points: weight)
        } else if children == nil {
            throw error(node, "\(label)：末级指标需要 `rule`", "\(label): a leaf indicator needs a `rule`")
        }
        indicators.append(indicator)
        let index = indicators.count - 1
        let next = IndicatorLevel(rawValue: min(level.rawValue + 1, IndicatorLevel.detail.rawValue)) ?? .detail
        for child in children ?? [] { try self.indicator(child, level: next, parent: index) }
    }

    func rule(_ node: Node, label: String, points: Score) throws -> ScoringRule {
        guard let kind = node["kind"]?.string else { throw error(node, "\(label)：评分规则缺少 `kind`", "\(label): the rule has no `kind`") }
        switch kind {
        case "ratio": return .ratio
        case "all-or-nothing": return .allOrNothing
        case "checklist":
            guard let list = node["items"]?.sequence, !list.isEmpty else { throw error(node, "\(label)：缺少清单 `items`", "\(label): no checklist `items`") }
            let items = try list.map { item -> (id: String, text: String, points: Score) in
                guard let id = item["id"]?.string else { throw error(item, "\(label)：清单项需要 `id`", "\(label): a checklist item needs an `id`") }
                return (id, item["text"]?.string ?? "", try required(item, "points", "\(label) item \(id)"))
            }
            let sum = Score(hundredths: items.reduce(0) { $0 + $1.points.hundredths })
            guard sum == points else {
                throw error(
                    node, "\(label)：清单各项合计 \(sum)，不等于权重 \(points)",
                    "\(label): the checklist items add up to \(sum), not the weight \(points)")
            }
            return .checklist(items: items)
        case "deduction":
            return .deduction(
                per: try required(node, "per", label), voidable: node["voidable"]?.bool ?? false)
        case "bands", "deviation-bands":
            guard let list = node["bands"]?.sequence, !list.isEmpty else { throw error(node, "\(label)：缺少 `bands`", "\(label): no `bands`") }
            let bands = try list.map { item in
                ScoreBand(
                    minimum: try score(item["min"], "\(label) band min"),
                    includesMinimum: item["min_included"]?.bool ?? true,
                    maximum: try score(item["max"], "\(label) band max"),
                    includesMaximum: item["max_included"]?.bool ?? false,
                    share: try required(item, "share", "\(label) band"))
            }
            try checkBands(bands, node: node, label: label)
            return .bands(bands, deviationFrom: kind == "deviation-bands" ? try required(node, "target", label) : nil)
        case "progress":
            guard let list = node["targets"]?.sequence, !list.isEmpty else { throw error(node, "\(label)：缺少 `targets`", "\(label): no `targets`") }
            return .progress(
                targets: try list.map { try score($0, "\(label) target") ?? .zero },
                step: try required(node, "step", label), deduction: try required(node, "deduction", label))
        case "change-rate":
            return .changeRate(
                limit: try required(node, "limit", label), step: try required(node, "step", label),
                deduction: try required(node, "deduction", label),
                first: try score(node["first"], "\(label) first") ?? .zero,
                completedSteps: node["steps"]?.string == "completed",
                zeroAbove: try score(node["zero_above"], "\(label) zero_above"))
        case "per-point":
            let share = try score(node["share"], "\(label) share"), deduction = try score(node["deduction"], "\(label) deduction")
            guard (share == nil) != (deduction == nil) else {
                throw error(
                    node, "\(label)：per-point 规则需要 `share`（%）或 `deduction`（分）二者之一",
                    "\(label): a per-point rule needs `share` (%) or `deduction` (points), one of them")
            }
            return .perPoint(
                threshold: try score(node["threshold"], "\(label) threshold"),
                unit: try score(node["unit"], "\(label) unit") ?? Score(points: 1), share: share, deduction: deduction)
        case "grade-share":
            guard let mapping = node["shares"]?.mapping else { throw error(node, "\(label)：缺少 `shares`", "\(label): no `shares`") }
            var shares: [String: Score] = [:]
            for (key, value) in mapping {
                guard let grade = key.string else { continue }
                shares[grade] = try score(value, "\(label) share \(grade)")
            }
            return .gradeShare(shares: shares, otherwise: try score(node["otherwise"], "\(label) otherwise") ?? .zero)
        case "grade-difference":
            return .gradeDifference(perStep: try required(node, "per_step", label))
        case "composite":
            return .composite(
                nonField: try required(node, "non_field", label), field: try required(node, "field", label))
        case "parts":
            guard let list = node["parts"]?.sequence, !list.isEmpty else { throw error(node, "\(label)：缺少 `parts`", "\(label): no `parts`") }
            let parts = try list.map { part -> (id: String, name: String, points: Score, rule: ScoringRule) in
                guard let id = part["id"]?.string, let ruleNode = part["rule"] else {
                    throw error(part, "\(label)：组成部分需要 `id` 和 `rule`", "\(label): a part needs an `id` and a `rule`")
                }
                let points = try required(part, "points", "\(label) part \(id)")
                return (id, part["name"]?.string ?? id, points, try rule(ruleNode, label: "\(label) \(id)", points: points))
            }
            let sum = Score(hundredths: parts.reduce(0) { $0 + $1.points.hundredths })
            guard sum == points else { throw error(
                    node, "\(label)：各组成部分合计 \(sum)，不等于权重 \(points)",
                    "\(label): the parts add up to \(sum), not the weight \(points)") }
            return .parts(parts)
        default:
            throw error(
                node, "\(label)：未知的评分规则类型 `\(kind)`（可用：\(ScoringRule.kinds.joined(separator: "、"))）",
                "\(label): unknown rule kind `\(kind)` (known: \(ScoringRule.kinds.joined(separator: ", ")))")
        }
    }

    /// Bands sorted by their lower bound must neither leave a gap nor overlap.
    func checkBands(_ bands: [ScoreBand], node: Node, label: String) throws {
        let sorted = bands.sorted { ($0.minimum?.hundredths ?? Int64.min) < ($1.minimum?.hundredths ?? Int64.min) }
        for (low, high) in zip(sorted, sorted.dropFirst()) {
            guard let top = low.maximum, let bottom = high.minimum else {
                throw error(
                    node, "\(label)：无上限的区间之后还有区间（重叠）",
                    "\(label): a band without an upper bound is followed by another band (overlap)")
            }
            if top < bottom || (top == bottom && !low.includesMaximum && !high.includesMinimum) {
                throw error(
                    node, "\(label)：区间在 \(top) 与 \(bottom) 之间有空缺", "\(label): the bands leave a gap between \(top) and \(bottom)")
            }
            if top > bottom || (top == bottom && low.includesMaximum && high.includesMinimum) {
                throw error(node, "\(label)：区间在 \(bottom) 处重叠", "\(label): the bands overlap at \(bottom)")
            }
        }
    }

    /// Children's weights add up to their parent's; 一级 to the total.
    func validateWeights(total: Score) throws {
        let firsts = indicators.filter { $0.parent == nil }
        let sum = Score(hundredths: firsts.reduce(0) { $0 + $1.weight.hundredths })
        guard sum == total else {
            throw FrameworkError(
                file, firsts.first?.line, "一级指标权重合计 \(sum)，不等于总分 \(total)（W-1）",
                "the 一级 weights add up to \(sum), not the total \(total) (W-1)")
        }
        for (index, parent) in indicators.enumerated() {
            let children = indicators.filter { $0.parent == index }
            guard !children.isEmpty else { continue }
            let sum = Score(hundredths: children.reduce(0) { $0 + $1.weight.hundredths })
            if sum != parent.weight {
                throw FrameworkError(
                    file, parent.line, "\(parent.label)：下级指标权重合计 \(sum)，不等于 \(parent.weight)（W-1）",
                    "\(parent.label): its children's weights add up to \(sum), not \(parent.weight) (W-1)")
            }
        }
    }
}
