import BudgetLensCore

/// Reads what a report's prose states: the total and grade, the grade bands, the indicator counts, the composite
/// weights, paragraph restatements of 分值/得分/得分率, and a mid-year budget adjustment. Each pattern works on the
/// line's comparison key (no whitespace, half-width punctuation, no quotes).
struct StatementReader {
    let text: ReportText
    let prose: ProseSystemReader

    static let number = #"(\d{1,3}(?:\.\d{1,2})?)"#
    // Compiled once; a Regex is immutable and only read here.
    nonisolated(unsafe) static let totalPattern: Regex<AnyRegexOutput>? = ReportParsing.regex(#"评价得分:?(?:\d{4}年度?)?(?:自评)?"# + Self.number + #"(?![\d.%])"#)
    nonisolated(unsafe) static let gradePattern: Regex<AnyRegexOutput>? = ReportParsing.regex(
        #"(?:评价等级结果|评价结果为|评价等级为|评价等次|等级为):?(优秀|良好|优|良|中|差)"#)
    nonisolated(unsafe) static let countPattern: Regex<AnyRegexOutput>? = ReportParsing.regex(#"(\d+)个([一二三])级指标|([一二三])级指标(\d+)个"#)
    nonisolated(unsafe) static let statementPattern: Regex<AnyRegexOutput>? = ReportParsing.regex(
        "^(.*?)(?:指标)?,?分值" + Self.number + "分,(?:综合)?得分" + Self.number + #"分(?:,得分率为?(\d{1,3}(?:\.\d{1,2})?)%)?"#)
    nonisolated(unsafe) static let rateStatementPattern: Regex<AnyRegexOutput>? = ReportParsing.regex(
        #"^(?:\d+\.)?([^,]{1,12}?)得分率?为(\d{1,3}(?:\.\d{1,2})?)%"#)
    nonisolated(unsafe) static let compositePattern: Regex<AnyRegexOutput>? = ReportParsing.regex(#"非现场评价得分(\d{1,3})%[,、]?现场评价得分(\d{1,3})%"#)
    nonisolated(unsafe) static let adjustmentPattern: Regex<AnyRegexOutput>? = ReportParsing.regex(
        #"年初预算[^,;。]*?(\d+(?:\.\d+)?)万元.*?调(减|增)预算(\d+(?:\.\d+)?)万元"#)
    nonisolated(unsafe) static let claimPattern: Regex<AnyRegexOutput>? = ReportParsing.regex(#"未超过年初预算总额(\d{1,3})%"#)

    func read(into report: inout EvaluationReport, range: Range<Int>) {
        var currentFirstLevel: String?
        for index in range where !text.isBlank(index) {
            if text.isTableRow(index) {
                readBudgetFigures(index, into: &report)
                readBudgetAmounts(index, into: &report)
                continue
            }
            let key = text.key(index)
            if report.projectName == nil, index - range.lowerBound < 20, key.hasPrefix("项目名称:") {
                report.projectName = String(key.dropFirst("项目名称:".count))
            }
            let location = text.location(index)
            readTotal(key, location, into: &report)
            if key.containsText("以上为优") || key.containsText("以上为\"优") { readBands(key, location, into: &report) }
            if let weights = compositeWeights(key, location), report.compositeWeights == nil {
                report.compositeWeights = weights
            }
            if let statement = statement(key, location) { report.scoreStatements.append(statement) }
            if key.containsText("调减预算") || key.containsText("调增预算"), report.budgetAdjustment == nil {
                report.budgetAdjustment = adjustment(key, location)
            }
            if let heading = prose.firstLevelHeading(key) { currentFirstLevel = heading.name }
            if key.containsText("级指标"), !key.containsText("包含") {
                readCounts(index, key: key, currentFirstLevel: currentFirstLevel, into: &report)
            }
        }
    }

    private func readTotal(_ key: String, _ location: SourceLocation, into report: inout EvaluationReport) {
        var score: Score?
        if key.containsText("评价得分"), let pattern = Self.totalPattern, let captures = ReportParsing.captures(key, pattern),
            let value = captures[1]
        {
            score = Score(parsing: value)
        }
        var grade: String?
        // A grade counts with the total beside it, or under its own heading (评价等级结果, 评价等次): the grades of
        // sampled projects (`医疗救助资金评价等级为“良”`) are not the report's.
        if score != nil || key.containsText("评价等级结果") || key.containsText("评价等次"),
            key.containsText("等") || key.containsText("评价结果"),
            let pattern = Self.gradePattern,
            let captures = ReportParsing.captures(key, pattern)
        {
            grade = captures[1]
        }
        if score != nil || grade != nil {
            report.totals.append(StatedTotal(score: score, grade: grade, source: location))
        }
    }

    /// `综合得分在90分(含90分)以上为优;综合得分在80~90分(含80分)为良;…;60分以下为差`.
    private func readBands(_ key: String, _ location: SourceLocation, into report: inout EvaluationReport) {
        var bands: [GradeBand] = []
        for clause in key.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "。" }) {
            guard let grade = ["优", "良", "中", "差"].first(where: { clause.hasSuffix("为\($0)") }) else { continue }
            // `评价结果分为4个等次:综合得分在90分…`: only the text after the colon states the band.
            let band = clause.split(separator: ":").last ?? clause
            let numbers = band.split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == ".")) })
                .compactMap { Score(parsing: $0) }
            if band.containsText("以下") {
                bands.append(GradeBand(grade: grade, minimum: .zero, source: location))
            } else if let minimum = numbers.min() {
                bands.append(GradeBand(grade: grade, minimum: minimum, source: location))
            }
        }
        if bands.count >= 2, report.gradeBands.isEmpty { report.gradeBands = bands }
    }

    private func compositeWeights(_ key: String, _ location: SourceLocation) -> CompositeWeights? {
        guard key.containsText("非现场评价得分"), let pattern = Self.compositePattern,
            let captures = ReportParsing.captures(key, pattern), let first = captures[1].flatMap({ Int64($0) }),
            let second = captures[2].flatMap({ Int64($0) })
        else { return nil }
        return CompositeWeights(nonField: first, field: second, source: location)
    }

    private func statement(_ key: String, _ location: SourceLocation) -> ScoreStatement? {
        if key.containsText("分值"), key.containsText("得分"), let pattern = Self.statementPattern, let captures = ReportParsing.captures(key, pattern) {
            let rateText = captures[4]
            return ScoreStatement(
                subject: captures[1] ?? "", weight: captures[2].flatMap { Score(parsing: $0) },
                score: captures[3].flatMap { Score(parsing: $0) }, rate: rateText.flatMap { Score(parsing: $0) },
                rateDecimals: rateText.map { ReportParsing.decimals($0) } ?? 2, source: location)
        }
        if key.count < 40, key.containsText("%"), let pattern = Self.rateStatementPattern,
            let captures = ReportParsing.captures(key, pattern), let rateText = captures[2]
        {
            return ScoreStatement(
                subject: captures[1] ?? "", weight: nil, score: nil, rate: Score(parsing: rateText),
                rateDecimals: ReportParsing.decimals(rateText), source: location)
        }
        return nil
    }

    private func adjustment(_ key: String, _ location: SourceLocation) -> BudgetAdjustment? {
        guard let pattern = Self.adjustmentPattern, let captures = ReportParsing.captures(key, pattern),
            let initial = captures[1].flatMap({ Money(parsing: $0, unit: .wanYuan) }),
            let amount = captures[3].flatMap({ Money(parsing: $0, unit: .wanYuan) })
        else { return nil }
        let claim = Self.claimPattern.flatMap { ReportParsing.captures(key, $0) }?[1].flatMap { Int($0) }
        return BudgetAdjustment(
            initialBudget: initial, adjustment: amount, isCut: captures[2] == "减", claimedBelowPercent: claim,
            source: location)
    }

    /// `部门预算安排	年初预算数	全年预算数	…` followed by a row of amounts (总览表 一).
    private func readBudgetFigures(_ index: Int, into report: inout EvaluationReport) {
        guard report.budgetFigures == nil, index + 1 < text.count else { return }
        let keys = text.fieldKeys(index)
        guard let initialColumn = keys.firstIndex(of: "年初预算数"), let annualColumn = keys.firstIndex(of: "全年预算数")
        else { return }
        let values = text.fields(index + 1)
        guard annualColumn < values.count, initialColumn < values.count,
            let initial = Money(parsing: TextNormalization.key(values[initialColumn]), unit: .wanYuan),
            let annual = Money(parsing: TextNormalization.key(values[annualColumn]), unit: .wanYuan)
        else { return }
        report.budgetFigures = BudgetFigures(initial: initial, annual: annual, source: text.location(index + 1))
    }

    /// `资金预算金额（万元）	收1,023,779.59/支879,635.40` (附件4 项目评价情况汇总表).
    private func readBudgetAmounts(_ index: Int, into report: inout EvaluationReport) {
        let fields = text.fields(index)
        guard report.budgetAmounts.isEmpty, fields.count >= 2, TextNormalization.key(fields[0]).hasPrefix("资金预算金额")
        else { return }
        let numbers = TextNormalization.key(fields[1]).split { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == ",")) }
        report.budgetAmounts = numbers.compactMap { Money(parsing: $0, unit: .wanYuan) }
    }

    /// `5 个一级指标…下设 13 个二级指标、27 个三级指标` (whole system) or `“预算管理”…7 个二级指标和 13 个三级指标`.
    private func readCounts(
        _ index: Int, key: String, currentFirstLevel: String?, into report: inout EvaluationReport
    ) {
        guard let pattern = Self.countPattern else { return }
        var counts: [(IndicatorLevel, Int)] = []
        for match in key.matches(of: pattern) {
            let captures = match.output.map { $0.substring.map(String.init) }
            let digits = captures[1] ?? captures[4]
            let levelWord = captures[2] ?? captures[3]
            guard let digits, let count = Int(digits), let levelWord else { continue }
            let level: IndicatorLevel = levelWord == "一" ? .first : levelWord == "二" ? .second : .third
            counts.append((level, count))
        }
        guard !counts.isEmpty else { return }
        let wholeSystem = counts.contains { $0.0 == .first }
        var scope: String?
        if !wholeSystem {
            scope = quotedName(text.lines[index]) ?? (key.hasPrefix("设置") ? currentFirstLevel : nil)
            guard scope != nil else { return }
        }
        for (level, count) in counts {
            report.statedCounts.append(StatedCount(level: level, count: count, scope: scope, source: text.location(index)))
        }
    }

    /// The first “…” quoted name of a line.
    private func quotedName(_ line: String) -> String? {
        guard let open = line.firstIndex(of: "“"), let close = line[open...].firstIndex(of: "”") else { return nil }
        let name = TextNormalization.key(line[line.index(after: open)..<close])
        return name.isEmpty ? nil : name
    }
}
