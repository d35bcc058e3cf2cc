import BudgetLensCore

/// Reads a published evaluation report (绩效评价报告) from its text: tab-separated tables as in the seeds, or the
/// text BudgetLens rebuilds from a PDF (`DisclosureReader.readableText`).
public enum EvaluationReportReader {
    /// Reads the report in `text`.
    ///
    /// The report starts at the first line ending in `评价报告` (the annex title inside a final-accounts
    /// disclosure such as seed 000), else at line 1. Its kind comes from that title
    /// (`DocumentKind.evaluationKind(title:)`), `.projectEvaluation` when the title names none.
    ///
    /// - Parameters:
    ///   - text: The whole text, lines separated by `\n`.
    ///   - file: The file name for source locations.
    /// - Returns: The report; what could not be placed is in ``EvaluationReport/problems``. Never throws: a text
    ///   that is no report reads as a report with no indicators, which ``EvaluationReport/isUsable`` tells.
    /// - Complexity: O(*n*) in the number of lines, times the indicators for merging rows.
    public static func read(text: String, file: String) -> EvaluationReport {
        let lines = ReportText(text: text, file: file)
        let start = reportStart(lines)
        let title = start == 0 && !lines.key(0).hasSuffix("评价报告") ? coverTitle(lines) : reportTitle(lines, start)
        let kind = DocumentKind.evaluationKind(title: title).flatMap { $0.isEvaluationReport ? $0 : nil }
            ?? .projectEvaluation
        var report = EvaluationReport(file: file, kind: kind, title: title, firstLine: start + 1)
        let range = start..<lines.count
        IndicatorTableReader(text: lines).read(into: &report, range: range)
        if report.indicators.isEmpty { ProseSystemReader(text: lines).read(into: &report, range: range) }
        SummaryTableReader(text: lines).read(into: &report, range: range)
        StatementReader(text: lines, prose: ProseSystemReader(text: lines)).read(into: &report, range: range)
        FundTableReader(text: lines).read(into: &report, range: range)
        CaseTableReader(text: lines).read(into: &report, range: range)
        report.statedCounts = report.statedCounts.enumerated().sorted {
            ($0.element.source.line, $0.offset) < ($1.element.source.line, $1.offset)
        }.map(\.element)
        if report.indicators.isEmpty, report.summaries.isEmpty, report.totals.isEmpty {
            report.problems.append(
                ReadProblem(
                    code: "evaluation.empty", severity: .error,
                    message: "no indicator system, summary table or total score (评价得分) was found",
                    source: lines.location(start)))
        }
        return report
    }

    /// The 0-based index of the first line that ends in 评价报告 and is short enough to be a title.
    private static func reportStart(_ text: ReportText) -> Int {
        for index in 0..<text.count where !text.isTableRow(index) {
            let key = text.key(index)
            if key.hasSuffix("评价报告"), key.count <= 60, !key.hasPrefix("附件") { return index }
        }
        return 0
    }

    /// The title line at `start`, with the cover lines above it while the title names no year
    /// (`2024 年度…（本级）` / `部门预算整体` / `绩效评价报告`).
    private static func reportTitle(_ text: ReportText, _ start: Int) -> String {
        var parts = [text.lines[start].trimmedSpaces()]
        var index = start - 1
        while index >= 0, start - index <= 6, parts.count < 3, !parts.joined().containsText("年") {
            if !text.isBlank(index) {
                if text.isTableRow(index) || text.key(index).hasSuffix("。") { break }
                parts.insert(text.lines[index].trimmedSpaces(), at: 0)
            }
            index -= 1
        }
        return parts.joined()
    }

    /// The first non-blank lines of the cover, up to the line that ends the title.
    private static func coverTitle(_ text: ReportText) -> String {
        var parts: [String] = []
        for index in 0..<min(text.count, 12) where !text.isBlank(index) && !text.isTableRow(index) {
            parts.append(text.lines[index].trimmedSpaces())
            if parts.count == 3 { break }
        }
        return parts.joined()
    }
}

extension EvaluationReport {
    /// False when nothing of a report was found (an `evaluation.empty` problem): the CLI exits 2.
    public var isUsable: Bool { !problems.contains { $0.code == "evaluation.empty" } }
}
