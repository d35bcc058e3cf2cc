import BudgetLensCore

/// The `check --coverage` table: per section of the 情况说明, statements read and checked, figures unreadable.
public struct NarrativeCoverageText: Sendable {
    let disclosure: Disclosure
    let style: TerminalStyle

    /// The coverage of `disclosure`'s 情况说明.
    public init(disclosure: Disclosure, style: TerminalStyle) {
        self.disclosure = disclosure
        self.style = style
    }

    /// The lines, joined by `\n`, starting with an empty line.
    public var text: String {
        let sections = NarrativeSectionCoverage.of(disclosure)
        var lines = ["", style.bold("情况说明覆盖 Narrative coverage"), "  节   主题 topic                   陈述 read  已核 checked  数字 figures  已读 read  无法识别 unreadable"]
        for section in sections {
            let numeral = TextNormalization.chineseNumeralString(section.section)
            lines.append(
                "  \(pad(numeral, 4)) \(pad(section.topic.chineseName, 10))\(pad(section.topic.rawValue, 17)) \(pad(String(section.statements), 10)) \(pad(String(section.checked), 13)) \(pad(String(section.figures), 13)) \(pad(String(section.figuresRead), 10)) \(section.unreadable)"
            )
        }
        let figures = sections.reduce(0) { $0 + $1.figures }, read = sections.reduce(0) { $0 + $1.figuresRead }
        let statements = sections.reduce(0) { $0 + $1.statements }, checked = sections.reduce(0) { $0 + $1.checked }
        let share = figures == 0 ? "—" : "\(read * 1000 / figures / 10).\(read * 1000 / figures % 10)%"
        lines.append("  合计 Total: \(statements) statements, \(checked) checked; \(read) of \(figures) figures read (\(share))")
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
