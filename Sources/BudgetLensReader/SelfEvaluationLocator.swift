import BudgetLensCore

/// A self-evaluation table or 汇总表 found in the text: its title, header lines and grid rows.
struct LocatedSelfEvaluation {
    enum Kind { case table, summary }

    let kind: Kind
    let titleIndex: Int
    let title: String
    /// Header lines between title and grid: `单位：万元`, `部门：…`, `填报日期：…`, `总分：100`, `(2022年度)`.
    var headerLines: [String]
    var grid: [GridLine]
    var endIndex: Int
}

/// Finds 自评表 and 汇总表: a short line whose title ends in `绩效自评表`, `绩效目标自评表` or `自评情况汇总表`,
/// followed, after header lines only, by table rows. Mentions of such tables in sentences are not titles.
struct SelfEvaluationLocator {
    let text: SourceText

    private static let titleEndings = ["绩效自评表", "绩效目标自评表", "自评情况汇总表", "绩效自评汇总表"]

    func locate() -> [LocatedSelfEvaluation] {
        var found: [LocatedSelfEvaluation] = []
        var next = 0
        for index in text.lines(containing: "自评", maximumLength: 240) where index >= next && !text.isGridLine(index) {
            let key = TextNormalization.key(text.lines[index])
            guard SelfEvaluationLocator.titleEndings.contains(where: key.hasSuffix) else { continue }
            let kind: LocatedSelfEvaluation.Kind = key.hasByteSuffix("汇总表") ? .summary : .table
            guard let table = table(kind, titledAt: index) else { continue }
            found.append(table)
            next = table.endIndex + 1
        }
        return found
    }

    private func table(_ kind: LocatedSelfEvaluation.Kind, titledAt titleIndex: Int) -> LocatedSelfEvaluation? {
        var headerLines: [String] = []
        var index = titleIndex + 1
        while index < text.count, !text.isGridLine(index) {
            if !text.isBlank(index) {
                let label = text.label(index)
                guard isHeaderLine(label) else { return nil }
                headerLines.append(label)
            }
            index += 1
            if index - titleIndex > 12 { return nil }
        }
        guard index < text.count else { return nil }
        var table = LocatedSelfEvaluation(
            kind: kind, titleIndex: titleIndex, title: text.label(titleIndex), headerLines: headerLines, grid: [],
            endIndex: index)
        while index < text.count {
            if text.isGridLine(index) {
                let line = GridLine(index: index, line: text.lines[index])
                if !isMarkdownRule(line) { table.grid.append(line) }
                table.endIndex = index
            } else if !text.isBlank(index) {
                break
            }
            index += 1
        }
        return table.grid.isEmpty ? nil : table
    }

    /// `单位：万元`, `部门：烟台市医疗保障局`, `填报日期：2023 年 6 月`, `总分：100`, `(2022年度)`, `2023 年 6 月`.
    private func isHeaderLine(_ label: String) -> Bool {
        let key = TextNormalization.key(label)
        guard key.count <= 40 else { return false }
        for prefix in ["单位", "部门", "填报日期", "总分", "(", "金额单位", "编制单位"] where key.hasPrefix(prefix) { return true }
        return key.allSatisfy { $0.isNumber || $0 == "年" || $0 == "月" || $0 == "日" }
    }

    /// `------ | --------`: a Markdown table rule left by the extraction.
    private func isMarkdownRule(_ line: GridLine) -> Bool {
        line.keys.allSatisfy { $0.isEmpty || $0.allSatisfy { $0 == "-" || $0 == ":" } }
    }
}
