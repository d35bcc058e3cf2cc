import BudgetLensCore
import BudgetLensRender
import BudgetLensStore

/// The checked sentences of the 情况说明: each statement the reader took (``NarrativeReading/statements``) is
/// marked from where its sentence starts (the statement's source line and column) to the sentence's end (`。`,
/// `；`, `！`, `？`, or the end of the line — a sentence wrapped over lines is marked on its first line only).
/// A statement is named by a finding when the finding's source is the statement's (the narrative checks locate
/// their findings at the statement).
struct StatementMarks {
    /// Statement indices by (file, line), for the lines of the 情况说明.
    private var byLine: [LineKey: [Int]] = [:]
    private let statements: [NarrativeStatement]
    /// Finding ids by statement index.
    private var findingsByStatement: [Int: [Int64]] = [:]
    private var severityByFinding: [Int64: String] = [:]
    /// The statement each finding points at (`stmt-{n}`), by finding id.
    private(set) var statementByFinding: [Int64: String] = [:]

    struct LineKey: Hashable {
        var file: String
        var line: Int
    }

    init(disclosure: Disclosure, findings: [StoredFinding]) {
        statements = disclosure.statements?.statements ?? []
        let shown = Set(
            disclosure.narrative.flatMap { $0.body.lines.map { LineKey(file: $0.source.file, line: $0.source.line) } })
        var bySource: [SourceLocation: Int] = [:]
        for (index, statement) in statements.enumerated()
        where shown.contains(LineKey(file: statement.source.file, line: statement.source.line)) {
            byLine[LineKey(file: statement.source.file, line: statement.source.line), default: []].append(index)
            if bySource[statement.source] == nil { bySource[statement.source] = index }
        }
        for stored in findings {
            guard stored.finding.location.table == "情况说明" || stored.finding.location.table == nil,
                let source = stored.finding.location.source, let index = bySource[source]
            else { continue }
            findingsByStatement[index, default: []].append(stored.id)
            severityByFinding[stored.id] = WebFormat.severityClass(stored.finding)
            statementByFinding[stored.id] = "stmt-\(index + 1)"
        }
    }

    /// The line's text, escaped, with its statements' sentences marked.
    func markup(_ line: TextLine) -> String {
        let indices = byLine[LineKey(file: line.source.file, line: line.source.line)] ?? []
        let characters = Array(line.text)
        guard !indices.isEmpty, !characters.isEmpty else { return MarkupText.escape(line.text) }
        // Ranges [start, end) in characters, one per sentence; statements in one sentence share a mark.
        var marks: [(start: Int, end: Int, statements: [Int])] = []
        for index in indices.sorted(by: { statements[$0].source.column < statements[$1].source.column }) {
            let start = min(max(0, statements[index].source.column - line.source.column), characters.count - 1)
            var end = start
            while end < characters.count, !"。；！？".contains(characters[end]) { end += 1 }
            end = min(end + 1, characters.count)
            if let last = marks.last, start < last.end {
                marks[marks.count - 1].end = max(last.end, end)
                marks[marks.count - 1].statements.append(index)
            } else {
                marks.append((start, end, [index]))
            }
        }
        var html = ""
        var position = 0
        for mark in marks {
            html += MarkupText.escape(String(characters[position..<mark.start]))
            let findings = mark.statements.flatMap { findingsByStatement[$0] ?? [] }
            let ids = mark.statements.map { "stmt-\($0 + 1)" }
            html += "<mark class=\"statement"
            if !findings.isEmpty {
                html += " flagged \(CellMarks.worst(findings.compactMap { severityByFinding[$0] }))\""
                html += " data-findings=\"\(findings.map(String.init).joined(separator: " "))"
            }
            html += "\" id=\"\(ids[0])\""
            let subjects = mark.statements.map { statements[$0].subject }.joined(separator: "；")
            html += " title=\"\(MarkupText.escape("已核对：" + subjects))\">"
            // Further statements of the same sentence get an empty anchor so their ids exist too.
            for id in ids.dropFirst() { html += "<span id=\"\(id)\"></span>" }
            html += MarkupText.escape(String(characters[mark.start..<mark.end])) + "</mark>"
            position = mark.end
        }
        html += MarkupText.escape(String(characters[position...]))
        return html
    }
}
