import BudgetLensCore
import BudgetLensRules
import BudgetLensScoring
import Foundation
import Testing

/// Every mistake a scheme file can hold is told in Chinese and in English, each naming file:line:column and the
/// offending key or value (issue 10, item 8).
@Suite("Scheme-file errors in Chinese and English")
struct BilingualSchemeErrorTests {
    /// The built-in 湖北 scheme, line by line (line 1 is a comment).
    private static let hubei = """
        # 湖北
        name: 湖北
        applies-to: hubeiProject, department
        total: 100
        execution-weight: 20
        execution-cap: 1
        indicator-weight: 80
        weights: group-equal
        quantitative: proportional
        qualitative: bands 80 50
        constraint-cap: 70
        grades: 优 90, 良 80, 中 60, 差 0
        """

    /// The error of the scheme with `line` replaced by `replacement`.
    private func error(_ line: String, _ replacement: String) throws -> RuleFileError {
        #expect(Self.hubei.contains(line))
        let text = Self.hubei.replacingOccurrences(of: line, with: replacement)
        return try #require(throws: RuleFileError.self) { try ScoringScheme(text: text, file: "s.scheme") }
    }

    @Test(
        "each scheme error names line:column and the value in both languages",
        arguments: [
            ("total: 100", "total 100", "4:1", "应为“键: 值”，而不是“total 100”", "expected 'key: value', found 'total 100'"),
            ("total: 100", "totals: 100", "4:1", "未知的键“totals”", "unknown key 'totals'"),
            ("weights: group-equal", "total: 90", "8:1", "键“total”重复（首次在第 4 行）", "'total' is given twice (first on line 4)"),
            ("total: 100", "total: lots", "4:8", "total 的“lots”不是分值", "'lots' is not a number of points"),
            ("applies-to: hubeiProject, department", "applies-to: hubeiProject, county", "3:13",
                "“county”不是自评表类型", "'county' is not a table kind"),
            ("execution-cap: 1", "execution-cap: 20", "6:16", "而不是 20", "not 20"),
            ("weights: group-equal", "weights: equal", "8:10", "而不是“equal”", "not 'equal'"),
            ("quantitative: proportional", "quantitative: linear", "9:15", "而不是“linear”", "not 'linear'"),
            ("qualitative: bands 80 50", "qualitative: bands 50 80", "10:14", "而不是“bands 50 80”", "not 'bands 50 80'"),
            ("constraint-cap: 70", "constraint-cap: some", "11:17", "“some”不是分值，也不是 none", "'some' is not a number or 'none'"),
            ("grades: 优 90, 良 80, 中 60, 差 0", "grades: 优 90, 良, 中 60, 差 0", "12:9", "而不是“ 良”", "not ' 良'"),
            ("grades: 优 90, 良 80, 中 60, 差 0", "grades: 优 90, 良 95, 中 60, 差 0", "12:9",
                "等级应按分数从高到低排列：“良 95”不低于“优 90”", "'良 95' is not below '优 90'"),
            ("grades: 优 90, 良 80, 中 60, 差 0", "grades: 优 90, 优 80, 中 60, 差 0", "12:9", "等级“优”重复", "the grade '优' is given twice"),
            ("grades: 优 90, 良 80, 中 60, 差 0", "grades: 优 90, 良 80, 中 60, 差 10", "12:9",
                "最低等级“差”应从 0 分起（而不是 10）", "the lowest grade '差' must start at 0"),
            ("grades: 优 90, 良 80, 中 60, 差 0", "grades: 优 190, 良 80, 中 60, 差 0", "12:9",
                "等级“优 190”高于总分 100", "the grade '优 190' is above the total 100"),
            ("total: 100", "total: 2000", "4:8", "total 的 2000 分不在 0 至 1000 分之间", "2000 is not between 0 and 1000 points"),
            ("indicator-weight: 80", "indicator-weight: 70", "7:19", "不等于总分 100",
                "execution-weight 20 + indicator-weight 70 is not the total 100"),
        ])
    func schemeError(line: String, replacement: String, place: String, chinese: String, english: String) throws {
        let error = try error(line, replacement)
        #expect(error.chineseDescription.hasPrefix("s.scheme:\(place): "), "\(error.chineseDescription)")
        #expect(error.englishDescription.hasPrefix("s.scheme:\(place): "), "\(error.englishDescription)")
        #expect(error.chineseMessage.contains(chinese), "\(error.chineseMessage)")
        #expect(error.message.contains(english), "\(error.message)")
    }

    @Test("a missing key names the key in both languages")
    func missingKey() throws {
        let error = try error("constraint-cap: 70\n", "")
        #expect(error.chineseDescription == "s.scheme: 评分方案缺少键“constraint-cap”")
        #expect(error.englishDescription == "s.scheme: the scheme has no 'constraint-cap'")
    }
}
