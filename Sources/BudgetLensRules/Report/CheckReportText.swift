import BudgetLensCore
import Foundation

/// ANSI styling, on only for a terminal.
public struct TerminalStyle: Sendable {
    /// Whether escape codes are written.
    public let enabled: Bool

    /// Styling on (`true`, a terminal) or off.
    public init(enabled: Bool) { self.enabled = enabled }

    /// `text` in the SGR style `code` (`1` bold, `1;31` bold red).
    public func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// The severity padded to 7 characters, coloured.
    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error  ", "1;31")
        case .warning: paint("warning", "33")
        case .info: paint("info   ", "36")
        }
    }
    /// `text` in bold.
    public func bold(_ text: String) -> String { paint(text, "1") }
}

/// The terminal text of `budgetlens check`: findings grouped by table, then the summary line (the JSON and SARIF
/// renderers are ``CheckReportJSON`` and ``CheckReportSARIF``).
public struct CheckReportText: Sendable {
    let report: CheckReport
    let disclosure: Disclosure
    let style: TerminalStyle
    let verbose: Bool
    let language: MessageLanguage

    /// The text of `report` on `disclosure`; `verbose` adds the rules not applied.
    public init(
        report: CheckReport, disclosure: Disclosure, style: TerminalStyle, verbose: Bool, language: MessageLanguage
    ) {
        self.report = report
        self.disclosure = disclosure
        self.style = style
        self.verbose = verbose
        self.language = language
    }

    /// The lines, joined by `\n`, without a final newline.
    public var text: String {
        var lines: [String] = []
        let header = disclosure.header
        lines.append(
            style.bold(disclosure.source.file) + " — \(header.unitName ?? header.title) "
                + "\(header.year.map(String.init) ?? "") \(disclosure.kind.chineseName)")
        var groups: [(String, [Finding])] = []
        for finding in report.findings {
            let key = finding.location.table ?? "文档 Document"
            if let index = groups.firstIndex(where: { $0.0 == key }) {
                groups[index].1.append(finding)
            } else {
                groups.append((key, [finding]))
            }
        }
        for (table, findings) in groups {
            let title = TableID(number: table).map { " \($0.canonicalTitle)" } ?? ""
            lines.append("")
            lines.append(style.bold(table + title))
            for finding in findings {
                let place = finding.location.source?.place ?? "-"
                let first = language == .en ? finding.messageEnglish : finding.message
                lines.append(
                    "  \(style.severity(finding.severity)) \(finding.rule.padding(toLength: max(7, finding.rule.count), withPad: " ", startingAt: 0)) \(place.padding(toLength: max(8, place.count), withPad: " ", startingAt: 0)) \(first)"
                )
                if language == .both { lines.append("                           \(finding.messageEnglish)") }
            }
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        let info = report.findings.filter { $0.severity == .info }.count
        if verbose, !report.skipped.isEmpty {
            lines.append("")
            lines.append(style.bold("未适用 Not applied"))
            for skip in report.skipped { lines.append("  \(skip.rule)  \(skip.reason)") }
        }
        lines.append("")
        lines.append(
            language.say(
                "错误 \(errors)，警告 \(warnings)，提示 \(info) — 规则 \(report.rulesEvaluated) 条，断言 \(report.assertionsEvaluated) 个",
                "\(errors) errors, \(warnings) warnings, \(info) info — \(report.rulesEvaluated) rules, "
                    + "\(report.assertionsEvaluated) assertions"))
        let doubts = disclosure.problems.filter(\.isReadingDoubt).count
        if doubts > 0 {
            lines.append(
                language.say(
                    "读取说明 \(doubts) 条：有金额、行或名称按位置或勾稽关系在几种可能中选定读取（`budgetlens show` 逐条列出）",
                    "\(doubts) reading note(s): amounts, rows or labels placed among several possible readings, by position "
                        + "or by the identities (`budgetlens show` lists each)"))
        }
        return lines.joined(separator: "\n")
    }
}
