import BudgetLensCore

/// A set of rules read from rule files: the built-in final-accounts pack, or a user's file.
public struct RulePack: Sendable {
    /// The pack's name, from its `pack "…"` line.
    public var name: String
    /// The rounding tolerance the pack's `tolerance` line sets, if it has one.
    public var declaredTolerance: Tolerance?
    /// The default rounding tolerance of the pack's rules: the declared one, else ``Tolerance/standard``.
    public var tolerance: Tolerance { declaredTolerance ?? .standard }
    /// The rules, in file order.
    public var rules: [Rule]

    /// Creates a pack.
    public init(name: String, tolerance: Tolerance? = nil, rules: [Rule] = []) {
        self.name = name
        self.declaredTolerance = tolerance
        self.rules = rules
    }

    /// Reads the rule file at `path`; its `check` statements may use the checks of `catalog`.
    ///
    /// - Throws: ``RuleFileError`` naming file, line and column of the first mistake.
    public init(contentsOf path: String, catalog: CheckCatalog = .structural) throws {
        let text = try TextFile.read(path, kind: "rule file")
        self = try RuleFileParser(file: path, text: text, catalog: catalog).parse()
    }

    /// Reads rules from text; its `check` statements may use the checks of `catalog`.
    public init(text: String, file: String, catalog: CheckCatalog = .structural) throws {
        guard text.utf8.count <= RuleLimits.maximumFileSize else {
            throw RuleFileError(
                file: file, line: 0, column: 0,
                chinese: "规则文件过大（\(text.utf8.count) 字节，上限 \(RuleLimits.maximumFileSize)）",
                english: "the rule file is too large (\(text.utf8.count) bytes, at most \(RuleLimits.maximumFileSize))")
        }
        let text = TextDecoding.normalizingLineEndings(text).0
        self = try RuleFileParser(file: file, text: text, catalog: catalog).parse()
    }

    /// Adds the rules of `other`. Its rules keep their own tolerance when they set one, else take the one
    /// `other` declares, else this pack's.
    ///
    /// - Throws: ``RuleFileError`` when `other` defines a rule id this pack already has.
    public mutating func merge(_ other: RulePack) throws {
        for var rule in other.rules {
            if let existing = rules.first(where: { $0.id == rule.id }) {
                throw RuleFileError(
                    file: rule.file, line: rule.line, column: 1,
                    chinese: "规则 \(rule.id) 已在 \(existing.file):\(existing.line) 定义",
                    english: "rule \(rule.id) is already defined at \(existing.file):\(existing.line)")
            }
            if rule.tolerance == nil { rule.tolerance = other.declaredTolerance }
            rules.append(rule)
        }
    }

    /// The pack without the rules whose id matches one of the patterns (`06-*`, `X-12`).
    public func skipping(_ patterns: [String]) -> RulePack {
        var copy = self
        copy.rules.removeAll { rule in patterns.contains { RulePack.matches(rule.id, pattern: $0) } }
        return copy
    }

    /// The patterns of `patterns` that match none of `ids` (a `--skip` that would leave nothing out).
    public static func unmatched(_ patterns: [String], among ids: [String]) -> [String] {
        patterns.filter { pattern in !ids.contains { matches($0, pattern: pattern) } }
    }

    /// Up to `count` of `ids` closest to `pattern` (edit distance of the pattern without its wildcards to the id,
    /// ties in the order of `ids`), for a pattern that matches none. Only the first 64 characters of the pattern
    /// are compared, so the work is bounded whatever the pattern's length.
    public static func closest(to pattern: String, among ids: [String], count: Int = 3) -> [String] {
        let target = Array(pattern.filter { $0 != "*" && $0 != "?" }.prefix(64).uppercased())
        let ranked = ids.enumerated().map { (offset, id) in (distance(target, Array(id.uppercased())), offset, id) }
        return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(count).map(\.2)
    }

    /// Levenshtein distance.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Glob match with `*` (any run) and `?` (one character).
    ///
    /// - Complexity: O(*n* × *m*) in the lengths of id and pattern: a star only ever resumes after the last star
    ///   seen, so `--skip '****…x'` cannot take exponential time.
    public static func matches(_ id: String, pattern: String) -> Bool {
        let text = Array(id)
        let glob = Array(pattern)
        var i = 0
        var j = 0
        var star: Int?  // the position after the last `*` in the pattern
        var resume = 0  // where in the text that star's run ends so far
        while i < text.count {
            if j < glob.count, glob[j] == "?" || glob[j] == text[i] {
                i += 1
                j += 1
            } else if j < glob.count, glob[j] == "*" {
                star = j + 1
                resume = i
                j += 1
            } else if let afterStar = star {
                resume += 1
                i = resume
                j = afterStar
            } else {
                return false
            }
        }
        while j < glob.count, glob[j] == "*" { j += 1 }
        return j == glob.count
    }
}

import Foundation

/// One rule: an id, a severity, its text in Chinese and English, and the statements it asserts.
public struct Rule: Sendable {
    /// The id, e.g. `01-1` (DOMAIN Appendix A).
    public var id: String
    /// The severity of a violation beyond the rounding tolerance.
    public var severity: Severity
    /// The rule in Chinese, e.g. `本年收入合计 = 一至八项收入之和`.
    public var text: String
    /// The rule in English.
    public var textEnglish: String
    /// The rounding tolerance, when the rule sets its own.
    public var tolerance: Tolerance?
    /// What the rule asserts, one statement per line of the rule file.
    public var statements: [RuleStatement]
    /// Where the rule starts in its file.
    public var file: String
    /// The 1-based line of the rule header.
    public var line: Int
    /// The rule's source text, for `budgetlens rules`.
    public var source: String
}

/// The rounding tolerance of a rule (尾数误差): so much per summed term, at most so much, in the table's
/// money unit. `0.005 per term, max 0.05` is half a unit of the last printed digit of a 万元 table per term.
public struct Tolerance: Hashable, Sendable, CustomStringConvertible {
    /// Per term, in millionths of the table's unit.
    public var perTerm: Int64
    /// At most, in millionths of the table's unit.
    public var maximum: Int64

    /// Creates a tolerance in millionths of the table's unit.
    public init(perTermMillionths: Int64, maximumMillionths: Int64) {
        perTerm = perTermMillionths
        maximum = maximumMillionths
    }

    /// `0.005 per term, max 0.05`.
    public static let standard = Tolerance(perTermMillionths: 5_000, maximumMillionths: 50_000)

    /// No tolerance: exact equality.
    public static let exact = Tolerance(perTermMillionths: 0, maximumMillionths: 0)

    /// The tolerance for `terms` rounded terms in `unit`, in 分 (rounded down: a difference must not exceed it).
    ///
    /// Exact in 128 bits: never traps, never wraps (the result is at most `maximum` millionths of a unit, which
    /// fits in 分 because a unit holds at most 1,000,000 分).
    public func amount(terms: Int, unit: MoneyUnit) -> Money {
        let millionths = min(Int128(perTerm) * Int128(terms), Int128(maximum))
        return Money(fen: Int64(millionths * Int128(unit.fenPerUnit) / 1_000_000))
    }

    /// `0.005 per term, max 0.05`.
    public var description: String {
        "\(RuleNumber.format(millionths: perTerm)) per term, max \(RuleNumber.format(millionths: maximum))"
    }
}

/// Decimal literals of rule files, held in millionths.
enum RuleNumber {
    /// `0.005` → 5000; `nil` when not a decimal with at most 6 decimals and at most
    /// ``RuleLimits/maximumLiteralWholeDigits`` significant digits before the point (the result never overflows).
    static func millionths(_ text: String) -> Int64? { FixedDecimal.millionths(text) }

    /// 5000 → `0.005`.
    static func format(millionths: Int64) -> String { FixedDecimal(units: millionths, decimals: 6).description }
}
