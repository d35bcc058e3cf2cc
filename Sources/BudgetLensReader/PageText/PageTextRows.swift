import BudgetLensCore

/// A row gathered from page text: its code (for code tables), label, amounts and where they were printed.
struct PageTextRow {
    var code: String?
    var codeToken: PageTextToken?
    /// Label fragments, in order.
    var fragments: [PageTextToken] = []
    /// Whether the label had text on the code's own line.
    var labelOnLine = false
    var amounts: [PageTextToken] = []
    /// Whether the amounts came from more than one line (their order across lines is not the columns' order).
    var amountLines: Set<Int> = []
    /// The total row (`合计`).
    var isTotal = false
    /// How many label lines stood above the code's line.
    var headCount = 0

    var label: String { fragments.map { String($0.text) }.joined() }
    var values: [Int64] { amounts.compactMap(\.amount) }
    var isOrdered: Bool { amountLines.count <= 1 }

    /// The first token: where the row is said to be.
    var anchor: PageTextToken? { codeToken ?? fragments.first ?? amounts.first }
}

/// Splits the lines of a code table (公开02, 03, 05, 07, 08) of page text into rows: a row starts at a code
/// (`2010601`, or `201 06 01` over three tokens) or at `合计`; its amounts follow; label lines around the code's
/// line are joined to the row whose label is still open (wrapped: the last fragment fills the column) or else
/// to the next row. Lines that are header words are skipped.
enum FunctionalPageRows {
    /// Words of the header rows of the code tables: a line made only of pieces of them is a header line.
    static let headerPhrases: [String] = [
        "项目", "功能分类科目编码", "支出功能分类科目编码", "科目编码", "科目名称", "类款项", "栏次", "预算数", "决算数",
        "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
        "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "合计",
        "年初结转和结余", "年末结转和结余", "本年收入", "本年支出", "小计", "支出功能分类",
    ]

    /// Every piece (contiguous run of characters) of the header phrases: a word is a header word when it is one.
    private static let headerPieces: Set<String> = {
        var pieces: Set<String> = [""]
        for phrase in headerPhrases {
            let characters = Array(phrase)
            for start in characters.indices {
                for end in (start + 1)...characters.count { pieces.insert(String(characters[start..<end])) }
            }
        }
        return pieces
    }()

    static func isHeaderWord(_ text: Substring) -> Bool {
        headerPieces.contains(String(text))
    }

    /// The rows of the region's lines (after the title), and the lines that were header.
    /// - Returns: The rows, or `nil` when amounts were left over that no row takes (the table is then not read:
    ///   dropping them would present a partial table as whole).
    static func rows(_ lines: [[PageTextToken]]) -> [PageTextRow]? {
        var leading: [PageTextToken] = []
        // A template's `…` rows stand for rows left out: no cell, no label.
        let lines = lines.map { line in line.filter { !$0.text.allSatisfy { $0 == "…" || $0 == "." || $0 == "．" } } }
        var rows: [PageTextRow] = []
        var pendingLabels: [[PageTextToken]] = []  // label-only lines not yet given to a row
        var pendingPrefix: PageTextRow? = nil  // a code-less line with label and amounts, for the next code row
        var seenData = false
        var width = 0
        for line in lines {
            for token in line where token.kind == .text { width = max(width, token.text.count) }
        }
        func isOpen(_ row: PageTextRow) -> Bool {
            guard let last = row.fragments.last else { return true }
            return last.text.count >= width - 1 && !closingEndings.contains { last.text.hasSuffix($0) }
        }
        // Labels centred on their code (pdfplumber on Word PDFs: `社会保障和就` / `208 …` / `业支出`) leave runs of two or
        // more label lines between rows; labels printed above their code (the ONLYOFFICE PDF) runs of one.
        var centred = false
        var run = 0
        var started = false
        for line in lines {
            let isLabelOnly = !line.isEmpty && line.allSatisfy { $0.kind == .text && $0.text != "合计" }
            if isLabelOnly {
                run += 1
            } else if line.contains(where: { $0.kind != .text }) {
                if started && run >= 2 { centred = true }
                started = true
                run = 0
            }
        }
        func place(labels: [[PageTextToken]], before next: PageTextRow?) -> [[PageTextToken]] {
            // Gives the row above as many label lines below its code as it had above (centred labels), or one
            // when its label is open (it filled the column); the rest go to `next`.
            guard let last = rows.last, !last.isTotal else { return labels }
            let closed = last.fragments.last.map { fragment in closingEndings.contains { fragment.text.hasSuffix($0) } } ?? false
            var tail = centred && !closed ? last.headCount : 0
            if tail == 0 && isOpen(last) && !last.fragments.isEmpty { tail = 1 }
            if next == nil || last.fragments.isEmpty { tail = labels.count }
            tail = min(tail, labels.count)
            rows[rows.count - 1].fragments += labels.prefix(tail).flatMap { $0 }
            return Array(labels.dropFirst(tail))
        }
        for line in lines {
            // `合计 基本支出 项目支出` is a header line; `合计` alone (its amounts on the next line) the total row.
            let words = line.filter { $0.kind == .text }
            let isHeader = words.count > 1 && words.allSatisfy { isHeaderWord($0.text) }
            let hasData =
                line.contains { $0.kind != .text } || (!isHeader && line.contains { $0.text == "合计" || $0.text == "总计" })
            if !hasData {
                if words.isEmpty || isHeader { continue }
                let words = words.filter { !($0.text.count >= 3 && isHeaderWord($0.text)) }
                if words.isEmpty { continue }
                if !seenData && words.allSatisfy({ isHeaderWord($0.text) }) { continue }
                // A header repeated on a continuation page: `科目编码`, `本年收入合计`, and its `项目` alone on a line
                // (pdfplumber's layout text puts the page number a line above it, so it is no `4\f项目`).
                if words.allSatisfy({ $0.text.count >= 4 && isHeaderWord($0.text) }) { continue }
                if words.count == 1, words[0].text == "项目" { continue }
                if !seenData && words.allSatisfy({ $0.text.count <= 2 }) { continue }  // `计 入 收入` of a wrapped header
                pendingLabels.append(words)
                continue
            }
            // Segments: a new row at each code and at 合计.
            var segments: [PageTextRow] = []
            var trailing: [PageTextToken] = []
            var index = 0
            // `201` alone on its line, then `06 01 行政运行`: a table printed with 类, 款 and 项 in columns of their
            // own (a browser's print of an HTML table) puts the 款 and 项 parts at the start of the next line.
            if let last = rows.last, let code = last.code, [3, 5].contains(code.count), last.fragments.isEmpty,
                last.amounts.isEmpty
            {
                var extended = code
                while extended.count < 7, index < line.count, line[index].kind == .digits, line[index].text.count == 2 {
                    extended += line[index].text
                    index += 1
                }
                if index < line.count, line[index].kind == .text {
                    rows[rows.count - 1].code = extended
                } else {
                    index = 0
                }
            }
            while index < line.count {
                let token = line[index]
                if token.kind == .digits, [3, 5, 7].contains(token.text.count) {
                    var code = String(token.text)
                    var next = index + 1
                    // `201 06 01`: 类 then 款 and 项 of two digits.
                    while code.count < 7, next < line.count, line[next].kind == .digits, line[next].text.count == 2 {
                        code += line[next].text
                        next += 1
                    }
                    segments.append(PageTextRow(code: code, codeToken: token))
                    index = next
                    continue
                }
                if token.kind == .text, token.text == "合计" || token.text == "总计" {
                    // `合计 合计 基本支出 项目支出` is the header of 公开07/08, not their total row.
                    if segments.contains(where: \.isTotal) { index += 1; continue }
                    segments.append(PageTextRow(codeToken: token, isTotal: true))
                    index += 1
                    continue
                }
                if segments.isEmpty { segments.append(PageTextRow()) }
                switch token.kind {
                case .amount:
                    segments[segments.count - 1].amounts.append(token)
                    segments[segments.count - 1].amountLines.insert(token.line)
                case .text:
                    // A header word amid the rows (raw pdftotext prints header cells where it meets them: `助支出`).
                    if token.text.count >= 3 && isHeaderWord(token.text) { break }
                    if segments[segments.count - 1].code != nil, !segments[segments.count - 1].amounts.isEmpty {
                        // `210 11 60.99 60.99行政单位医疗`: a label after a row's amounts is the next row's (the
                        // ONLYOFFICE PDF prints labels half a line above their codes).
                        trailing.append(token)
                        break
                    }
                    if !(segments[segments.count - 1].isTotal && isHeaderWord(token.text)) {
                        segments[segments.count - 1].fragments.append(token)
                        if segments[segments.count - 1].code != nil { segments[segments.count - 1].labelOnLine = true }
                    }
                case .digits:
                    break  // a page number or a stray part of a code
                }
                index += 1
            }
            defer { if !trailing.isEmpty { pendingLabels.append(trailing) } }
            for var segment in segments {
                if segment.code == nil && !segment.isTotal {
                    if segment.fragments.isEmpty {
                        // Amounts alone: the rest of the row above (the 财政局 PDF prints a row's amounts on two lines).
                        if var last = rows.popLast() {
                            last.amounts += segment.amounts
                            last.amountLines.formUnion(segment.amountLines)
                            rows.append(last)
                        } else {
                            // Before any row: raw pdftotext prints the 合计 row's amounts before the word 合计.
                            leading += segment.amounts
                        }
                        continue
                    }
                    if let last = rows.last, last.code != nil, last.amounts.isEmpty, last.fragments.isEmpty {
                        // `221 住房保障支出 … 0.0022102` then `住房改革支出 461.08 …`: the glued code's label and amounts.
                        rows[rows.count - 1].fragments = pendingLabels.flatMap { $0 } + segment.fragments
                        pendingLabels = []
                        rows[rows.count - 1].amounts = segment.amounts
                        rows[rows.count - 1].amountLines = segment.amountLines
                        continue
                    }
                    pendingPrefix = segment
                    continue
                }
                seenData = true
                let heads = place(labels: pendingLabels, before: segment)
                pendingLabels = []
                if segment.isTotal && segment.amounts.isEmpty && !leading.isEmpty {
                    segment.amounts = leading
                    segment.amountLines = Set(leading.map(\.line))
                    leading = []
                }
                if segment.isTotal {
                    if !heads.isEmpty, let last = rows.last, !last.isTotal {
                        rows[rows.count - 1].fragments += heads.flatMap { $0 }
                    }
                } else {
                    segment.fragments = heads.flatMap { $0 } + segment.fragments
                    segment.headCount = heads.count
                }
                if let prefix = pendingPrefix {
                    segment.fragments = prefix.fragments + segment.fragments
                    segment.amounts = prefix.amounts + segment.amounts
                    segment.amountLines.formUnion(prefix.amountLines)
                    pendingPrefix = nil
                }
                rows.append(segment)
            }
        }
        _ = place(labels: pendingLabels, before: nil)
        if !leading.isEmpty || pendingPrefix.map({ !$0.amounts.isEmpty }) == true { return nil }
        // `合计` alone on a line with no amount, in a table whose 合计 row has amounts, is a column heading: raw
        // pdftotext of Shandong's three-column 公开08 prints the heading `合计`, then each column's heading, 栏次
        // and amount (`合计` / `1` / `0.00`), which would otherwise give a second, blank 合计 row.
        if rows.contains(where: { $0.isTotal && !$0.amounts.isEmpty }) {
            rows.removeAll { $0.isTotal && $0.amounts.isEmpty && $0.fragments.isEmpty }
        }
        return rows
    }

    /// Endings of a complete label: a fragment that ends so is not continued on the next line.
    private static let closingEndings = ["支出", "事务", "运行", "医疗", "补贴", "公积金", "离退休", "合计"]
}
