import BudgetLensCore
import BudgetLensRules
import Foundation

/// The scoring rules of a self-evaluation table, read from a scheme file (`Schemes/*.scheme`, or the user's with
/// `--scheme`): execution points and cap, indicator weights, how quantitative and qualitative targets score, the
/// constraint cap and the grade bands.
public struct ScoringScheme: Sendable, Hashable {
    /// How indicator weights are known.
    public enum Weights: String, Sendable, Hashable {
        /// The 分值 column.
        case printed
        /// A group's points (`产出指标 (40分)`) shared equally by its rows.
        case groupEqual = "group-equal"
    }

    /// How a quantitative target scores.
    public enum Quantitative: String, Sendable, Hashable {
        /// A met target keeps its printed score; an unmet one must lose points.
        case judged
        /// weight × B/A (≥X) or weight × A/B (≤X), never above the weight.
        case proportional
    }

    /// How a qualitative target scores.
    public enum Qualitative: Sendable, Hashable {
        case judged
        /// 达成 from `met` % to 100 % of the weight, 部分达成 from `partial` % to `met` %, 未达成 below `partial` %.
        case bands(met: Int64, partial: Int64)
    }

    public var name: String
    /// The table kinds the scheme applies to by default.
    public var appliesTo: Set<SelfEvaluation.Kind>
    public var total: Score
    public var executionWeight: Score
    /// min(B/A, cap) in percent: 100 means no reward above full execution.
    public var executionCapPercent: Int64
    public var indicatorWeight: Score
    public var weights: Weights
    public var quantitative: Quantitative
    public var qualitative: Qualitative
    public var constraintCap: Score?
    public var grades: [(grade: String, minimum: Score)]
    /// Where the scheme was read.
    public var file: String

    public static func == (lhs: ScoringScheme, rhs: ScoringScheme) -> Bool { lhs.file == rhs.file && lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(file) }

    /// The grade of a total.
    public func grade(of total: Score) -> String { total.grade(bounds: grades) }

    /// Reads a scheme file: `key: value` lines, `#` comments.
    ///
    /// - Throws: ``RuleFileError`` naming the file, line and column of a mistake.
    public init(text: String, file: String) throws {
        var values: [String: (value: String, line: Int)] = [:]
        let text = TextDecoding.normalizingLineEndings(text).0
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw RuleFileError(
                    file: file, line: offset + 1, column: 1, chinese: "应为“键: 值”，而不是“\(line)”",
                    english: "expected 'key: value', found '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard ScoringScheme.keys.contains(key) else {
                throw RuleFileError(
                    file: file, line: offset + 1, column: 1,
                    chinese: "未知的键“\(key)”；可用的键：\(ScoringScheme.keys.sorted().joined(separator: "、"))",
                    english: "unknown key '\(key)'; the keys are \(ScoringScheme.keys.sorted().joined(separator: ", "))")
            }
            if let earlier = values[key] {
                throw RuleFileError(
                    file: file, line: offset + 1, column: 1,
                    chinese: "键“\(key)”重复（首次在第 \(earlier.line) 行）",
                    english: "'\(key)' is given twice (first on line \(earlier.line))")
            }
            values[key] = (line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), offset + 1)
        }
        func value(_ key: String) throws -> (String, Int) {
            guard let entry = values[key] else {
                throw RuleFileError(
                    file: file, line: 0, column: 0, chinese: "评分方案缺少键“\(key)”", english: "the scheme has no '\(key)'")
            }
            return entry
        }
        func score(_ key: String) throws -> Score {
            let (text, line) = try value(key)
            guard let score = Score(parsing: text) else {
                throw RuleFileError(
                    file: file, line: line, column: key.count + 3, chinese: "\(key) 的“\(text)”不是分值",
                    english: "'\(text)' is not a number of points")
            }
            return score
        }
        func error(_ key: String, _ chinese: String, _ english: String) -> RuleFileError {
            RuleFileError(file: file, line: values[key]?.line ?? 0, column: key.count + 3, chinese: chinese, english: english)
        }
        self.file = file
        name = try value("name").0
        appliesTo = Set(
            try value("applies-to").0.split(separator: ",").map { word in
                let text = word.trimmingCharacters(in: .whitespaces)
                guard let kind = SelfEvaluation.Kind(rawValue: text) else {
                    throw error(
                        "applies-to", "“\(text)”不是自评表类型（project、hubeiProject、department、transfer）",
                        "'\(text)' is not a table kind (project, hubeiProject, department, transfer)")
                }
                return kind
            })
        total = try score("total")
        executionWeight = try score("execution-weight")
        executionCapPercent = (try score("execution-cap")).hundredths
        guard (1...1_000).contains(executionCapPercent) else {
            let given = try value("execution-cap").0
            throw error(
                "execution-cap", "执行率得分上限应为 A 的 0.01 至 10 倍（1 = 100%），而不是 \(given)",
                "the execution cap is a share of A from 0.01 to 10 (1 = 100 %), not \(given)")
        }
        indicatorWeight = try score("indicator-weight")
        guard let weights = Weights(rawValue: try value("weights").0) else {
            throw error(
                "weights", "weights 应为 printed 或 group-equal，而不是“\(try value("weights").0)”",
                "weights are 'printed' or 'group-equal', not '\(try value("weights").0)'")
        }
        self.weights = weights
        guard let quantitative = Quantitative(rawValue: try value("quantitative").0) else {
            throw error(
                "quantitative", "quantitative 应为 judged 或 proportional，而不是“\(try value("quantitative").0)”",
                "quantitative is 'judged' or 'proportional', not '\(try value("quantitative").0)'")
        }
        self.quantitative = quantitative
        let qualitativeWords = try value("qualitative").0.split(separator: " ").map(String.init)
        if qualitativeWords == ["judged"] {
            qualitative = .judged
        } else if qualitativeWords.count == 3, qualitativeWords[0] == "bands", let met = Int64(qualitativeWords[1]),
            let partial = Int64(qualitativeWords[2]), partial < met, met <= 100
        {
            qualitative = .bands(met: met, partial: partial)
        } else {
            throw error(
                "qualitative",
                "qualitative 应为 judged 或 bands <达成 %> <部分达成 %>（如 bands 80 50），而不是“\(try value("qualitative").0)”",
                "qualitative is 'judged' or 'bands <met %> <partial %>', e.g. bands 80 50, not '\(try value("qualitative").0)'")
        }
        let cap = try value("constraint-cap").0
        if cap == "none" {
            constraintCap = nil
        } else {
            guard let points = Score(parsing: cap) else {
                throw error("constraint-cap", "“\(cap)”不是分值，也不是 none", "'\(cap)' is not a number or 'none'")
            }
            constraintCap = points
        }
        grades = try value("grades").0.split(separator: ",").map { entry in
            let parts = entry.split(separator: " ")
            guard parts.count == 2, let minimum = Score(parsing: parts[1]) else {
                throw error(
                    "grades", "等级写作“优 90, 良 80, 中 60, 差 0”，而不是“\(entry)”",
                    "grades are written '优 90, 良 80, 中 60, 差 0', not '\(entry)'")
            }
            return (String(parts[0]), minimum)
        }
        try Self.checkGrades(grades, total: total, error: { error("grades", $0, $1) })
        for (key, points) in [("total", total), ("execution-weight", executionWeight), ("indicator-weight", indicatorWeight)]
        where !Self.points.contains(points) {
            throw error(
                key, "\(key) 的 \(points) 分不在 \(Self.points.lowerBound) 至 \(Self.points.upperBound) 分之间",
                "\(points) is not between \(Self.points.lowerBound) and \(Self.points.upperBound) points")
        }
        if executionWeight + indicatorWeight != total {
            throw error(
                "indicator-weight",
                "execution-weight \(executionWeight) + indicator-weight \(indicatorWeight) 不等于总分 \(total)",
                "execution-weight \(executionWeight) + indicator-weight \(indicatorWeight) is not the total \(total)")
        }
    }

    /// The points a scheme's total and weights may have.
    static let points = Score.zero...Score(hundredths: 100_000)

    /// Grades go from the best down: names distinct, minimums strictly decreasing, the last at 0 so every total has
    /// a grade (`优 90, 良 95` is refused: it would grade 99.86 as 良).
    static func checkGrades(
        _ grades: [(grade: String, minimum: Score)], total: Score, error: (String, String) -> RuleFileError
    ) throws {
        guard let last = grades.last else {
            throw error("等级写作“优 90, 良 80, 中 60, 差 0”", "grades are written '优 90, 良 80, 中 60, 差 0'")
        }
        for (previous, next) in zip(grades, grades.dropFirst()) where next.minimum >= previous.minimum {
            throw error(
                "等级应按分数从高到低排列：“\(next.grade) \(next.minimum)”不低于“\(previous.grade) \(previous.minimum)”",
                "grades go from the highest minimum down: '\(next.grade) \(next.minimum)' is not below "
                    + "'\(previous.grade) \(previous.minimum)'")
        }
        var names: Set<String> = []
        for grade in grades where !names.insert(grade.grade).inserted {
            throw error("等级“\(grade.grade)”重复", "the grade '\(grade.grade)' is given twice")
        }
        guard last.minimum == .zero else {
            throw error(
                "最低等级“\(last.grade)”应从 0 分起（而不是 \(last.minimum)），每个总分才有等级",
                "the lowest grade '\(last.grade)' must start at 0, so every total has a grade")
        }
        if total > .zero, let first = grades.first, first.minimum > total {
            throw error(
                "等级“\(first.grade) \(first.minimum)”高于总分 \(total)",
                "the grade '\(first.grade) \(first.minimum)' is above the total \(total)")
        }
    }

    /// Reads the scheme file at `path`.
    public init(contentsOf path: String) throws {
        try self.init(text: TextFile.read(path, kind: "scheme file"), file: path)
    }

    private static let keys: Set<String> = [
        "name", "applies-to", "total", "execution-weight", "execution-cap", "indicator-weight", "weights", "quantitative",
        "qualitative", "constraint-cap", "grades",
    ]
}

/// The schemes in force: one per table kind, or one for every table (`--scheme`).
public struct SchemeSet: Sendable {
    /// The schemes by table kind.
    public var byKind: [SelfEvaluation.Kind: ScoringScheme]

    /// The scheme for a table.
    public func scheme(for table: SelfEvaluation) -> ScoringScheme? { byKind[table.kind] }

    /// The built-in schemes: 山东 for project tables, 湖北 for Hubei project and department tables, unscored
    /// transfer tables.
    public static func builtIn() throws -> SchemeSet {
        var byKind: [SelfEvaluation.Kind: ScoringScheme] = [:]
        for file in ["shandong-project.scheme", "hubei.scheme", "transfer.scheme"] {
            let path = "Schemes/\(file)"
            guard let text = EmbeddedFiles.contents[path] else {
                throw RuleFileError(
                    file: path, line: 0, column: 0, chinese: "内置评分方案缺失", english: "the built-in scheme is missing")
            }
            let scheme = try ScoringScheme(text: text, file: path)
            for kind in scheme.appliesTo { byKind[kind] = scheme }
        }
        return SchemeSet(byKind: byKind)
    }

    /// Every table scored by `scheme` (transfer tables keep the built-in unscored scheme).
    public func overriding(with scheme: ScoringScheme) -> SchemeSet {
        var copy = self
        for kind in [SelfEvaluation.Kind.project, .hubeiProject, .department] { copy.byKind[kind] = scheme }
        return copy
    }
}
