import BudgetLensCore
import Foundation

/// Markdown with HTML tables (the MinerU conversion of PDFs) turned into the text BudgetLens reads: every
/// `<table>` becomes tab-separated rows, the rest stays as it is (Markdown heading marks removed).
///
/// - `rowspan`: the merged cell appears once, the rows below get an empty cell in its place (the seeds' own
///   convention, DOMAIN §0.4); `colspan`: the cell, then empty cells for the columns it spans.
/// - A table that follows another with only blank lines between is its continuation after a page break: its
///   first row, when it starts with an empty cell and fills cells the previous table's last row left empty at
///   its end, is joined to that row cell by cell (texts concatenated); its other rows follow.
/// - Cells: tags dropped (`<br>` becomes a space), entities decoded (`&amp;`, `&nbsp;`, `&#37;`), LaTeX
///   math unwrapped: `$69.33\%$` → `69.33%`, `\geq` → `≥`, `\leq` → `≤`, `\times` → `×`, `\text{…}` → `…`.
///
/// Source lines of a converted document are those of the converted text (`budgetlens text FILE` prints it), as
/// for a PDF.
public enum MarkdownTables {
    /// True when `text` holds an HTML `<table>`.
    public static func containsTables(_ text: String) -> Bool {
        text.containsText("<table") || text.containsText("<TABLE")  // a byte search: no cost on other texts
    }

    /// `text` converted when it holds tables, else `text` itself.
    public static func converted(_ text: String) -> String { containsTables(text) ? tabSeparated(text) : text }

    /// Spans above this are read as 1: no document merges more cells, and the grid stays bounded.
    static let maximumSpan = 200

    /// The text with every table as tab-separated rows.
    public static func tabSeparated(_ text: String) -> String {
        var output: [String] = []
        var pending: [[String]]? = nil  // the rows of the last table, while only blank lines follow it
        var rest = text[...]
        func flushTable() {
            if let rows = pending { output += rows.map { $0.joined(separator: "\t") } }
            pending = nil
        }
        while let open = rest.range(of: "<table", options: .caseInsensitive) {
            let before = rest[..<open.lowerBound]
            let isBlankGap = before.allSatisfy { $0.isWhitespace }
            if !isBlankGap {
                flushTable()
                output += prose(before)
            }
            guard let close = rest[open.upperBound...].range(of: "</table>", options: .caseInsensitive) else {
                rest = rest[open.lowerBound...]
                break
            }
            let rows = grid(rest[open.upperBound..<close.lowerBound])
            if let previous = pending {
                pending = continued(previous, with: rows)
            } else {
                pending = rows
            }
            rest = rest[close.upperBound...]
        }
        flushTable()
        output += prose(rest)
        return output.joined(separator: "\n")
    }

    /// Prose lines: Markdown heading marks removed.
    private static func prose(_ text: Substring) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = Substring(line)
            if line.hasPrefix("#") {
                line = line.drop { $0 == "#" }
                line = line.drop { $0 == " " }
            }
            return latex(String(line))
        }
        // The text around a table starts or ends mid-line; drop the empty halves left at the joins.
        if lines.first?.isEmpty == true { lines.removeFirst() }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The previous table's rows followed by `rows`, the first joined to the last when it continues it.
    private static func continued(_ previous: [[String]], with rows: [[String]]) -> [[String]] {
        guard var last = previous.last, let first = rows.first, first.first?.isEmpty == true else {
            return previous + rows
        }
        // The previous row must have left cells empty at its end that the continuation fills.
        let trailingEmpty = last.reversed().prefix { $0.isEmpty }.count
        let filled = first.indices.contains { $0 >= last.count - trailingEmpty && !first[$0].isEmpty }
        guard trailingEmpty > 0, filled else { return previous + rows }
        if last.count < first.count { last += Array(repeating: "", count: first.count - last.count) }
        for (column, text) in first.enumerated() where !text.isEmpty {
            last[column] = last[column].isEmpty ? text : last[column] + text
        }
        return previous.dropLast() + [last] + rows.dropFirst()
    }

    /// The table body as rows of cells, spans expanded.
    private static func grid(_ body: Substring) -> [[String]] {
        var rows: [[String]] = []
        var carried: [Int: Int] = [:]  // column → rows still covered by a rowspan from above
        var rest = body
        while let rowOpen = rest.range(of: "<tr", options: .caseInsensitive) {
            let rowEnd = rest[rowOpen.upperBound...].range(of: "</tr>", options: .caseInsensitive)?.lowerBound
                ?? rest.endIndex
            let rowText = rest[rowOpen.upperBound..<rowEnd]
            var row: [String] = []
            var column = 0
            func skipCarried() {
                while let remaining = carried[column], remaining > 0 {
                    row.append("")
                    carried[column] = remaining - 1
                    column += 1
                }
            }
            for cell in cells(rowText) {
                skipCarried()
                row.append(cell.text)
                if cell.rowspan > 1 { carried[column] = cell.rowspan - 1 }
                column += 1
                for _ in 1..<max(cell.colspan, 1) {
                    row.append("")
                    if cell.rowspan > 1 { carried[column] = cell.rowspan - 1 }
                    column += 1
                }
            }
            skipCarried()
            rows.append(row)
            rest = rowEnd < rest.endIndex ? rest[rest.index(rowEnd, offsetBy: 5)...] : rest[rest.endIndex...]
        }
        return rows
    }

    private struct Cell {
        var text: String
        var rowspan: Int
        var colspan: Int
    }

    private static func cells(_ row: Substring) -> [Cell] {
        var cells: [Cell] = []
        var rest = row
        while let open = firstCellOpen(rest) {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound..<tagEnd]
            let contentStart = rest.index(after: tagEnd)
            let close = firstCellClose(rest[contentStart...])
            let content = rest[contentStart..<(close?.lowerBound ?? rest.endIndex)]
            cells.append(
                Cell(
                    text: cellText(content), rowspan: span("rowspan", in: attributes),
                    colspan: span("colspan", in: attributes)))
            rest = close.map { rest[$0.upperBound...] } ?? rest[rest.endIndex...]
        }
        return cells
    }

    private static func firstCellOpen(_ text: Substring) -> Range<Substring.Index>? {
        let candidates = ["<td", "<th"].compactMap { tag in
            var search = text[...]
            while let found = search.range(of: tag, options: .caseInsensitive) {
                let next = found.upperBound < search.endIndex ? search[found.upperBound] : ">"
                if next == ">" || next == " " || next == "\t" || next == "\n" { return found }
                search = search[found.upperBound...]  // <thead>, <tbody>
            }
            return nil
        }
        return candidates.min { $0.lowerBound < $1.lowerBound }
    }

    private static func firstCellClose(_ text: Substring) -> Range<Substring.Index>? {
        ["</td>", "</th>"].compactMap { text.range(of: $0, options: .caseInsensitive) }
            .min { $0.lowerBound < $1.lowerBound }
    }

    private static func span(_ name: String, in attributes: Substring) -> Int {
        guard let found = attributes.range(of: name, options: .caseInsensitive) else { return 1 }
        let digits = attributes[found.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        guard let value = Int(digits.prefix(4)), value >= 1 else { return 1 }
        return min(value, maximumSpan)
    }

    /// A cell's text: tags out, entities decoded, LaTeX unwrapped, whitespace collapsed.
    static func cellText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        for character in html {
            if character == "<" {
                inTag = true
                tag = ""
            } else if character == ">" && inTag {
                inTag = false
                if tag.lowercased().hasPrefix("br") { text.append(" ") }
            } else if inTag {
                if tag.count < 8 { tag.append(character) }
            } else {
                text.append(character == "\t" || character == "\n" || character == "\r" ? " " : character)
            }
        }
        for (entity, value) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#37;", "%"), ("&#39;", "'"),
            ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return latex(text).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// LaTeX math unwrapped: `$69.33\%$` → `69.33%`.
    static func latex(_ text: String) -> String {
        guard text.contains("$") || text.contains("\\") else { return text }
        var result = text
        for (from, to) in [
            ("\\%", "%"), ("\\geq", "≥"), ("\\leq", "≤"), ("\\ge", "≥"), ("\\le", "≤"), ("\\times", "×"),
            ("\\div", "÷"), ("\\quad", " "), ("\\left", ""), ("\\right", ""),
        ] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        while let start = result.range(of: "\\text{"), let end = result[start.upperBound...].firstIndex(of: "}") {
            result.replaceSubrange(start.lowerBound...end, with: result[start.upperBound..<end])
        }
        return result.replacingOccurrences(of: "$", with: "")
    }
}
