/// Rebuilds the classification codes of a raw `pdftotext` code table whose codes are printed apart, one part a
/// line: the 类 column (`201`), the 款 column (`06`) and the 项 column (`01`), each read top to bottom but
/// interleaved with the others in poppler's reading order (the 财政局 PDFs: `201` ×6 `208` … then `06` ×5 `01`
/// `02` `07` `08` `05` …, or row by row `201` `06` `01` with a 项 printed late: `210` `11` `221` `02` `01`).
///
/// The rows come from the 类 column: each 类 code stands once for every row of its 类 (DOMAIN §1.3: a code table
/// lists a 类, then each 款 followed by its 项, in code order), the first being the 类 row itself. Every other row
/// has a 款 part; a row whose 款 part repeats the 款 above it in the same 类 is a 项 row and has a 项 part too.
/// The two-digit parts, in printed order, are split between the 款 column and the 项 column so that:
/// - the 款 parts go to the non-类 rows in order, strictly increasing within a 类 (a new 款) or equal to the
///   current one (a 项 row of it);
/// - the 项 parts go to the 项 rows in order, strictly increasing within a 款, each printed after the 款 part of
///   its row (poppler prints a row's parts left to right);
/// - every part is used.
/// The split is searched depth first (at most `stepLimit` steps). Exactly one code list must result: none, two
/// different ones, or a search cut short gives `nil` (the table is then not read, and reported).
enum RawTextSplitCodes {
    /// Search steps for one table.
    static let stepLimit = 200_000
    /// Code parts in one table, at most (a code table of 400 rows has at most 1,200).
    static let partLimit = 1_200

    /// The codes in row order with the token that anchors each row (its 类 part), or `nil` when the parts do not
    /// make exactly one code list.
    ///
    /// - Parameter parts: The digit tokens of the region in printed order: three-digit 类 parts and two-digit
    ///   款/项 parts only.
    static func codes(_ parts: [PageTextToken]) -> [(code: String, anchor: PageTextToken)]? {
        let classes = parts.filter { $0.text.count == 3 }
        let pieces = parts.filter { $0.text.count == 2 }.map { String($0.text) }
        // At most `partLimit` parts: the search goes one level deeper for each two-digit part.
        guard !classes.isEmpty, classes.count + pieces.count == parts.count, parts.count <= partLimit else { return nil }
        // Rows: the 类 parts in code order (a stable sort keeps each row's own token as its anchor).
        let rows = classes.enumerated().sorted { ($0.element.text, $0.offset) < ($1.element.text, $1.offset) }.map(\.element)
        let isClassRow = rows.indices.map { $0 == 0 || rows[$0].text != rows[$0 - 1].text }
        let inner = rows.indices.filter { !isClassRow[$0] }  // rows with a 款 part
        guard pieces.count >= inner.count, pieces.count <= 2 * inner.count else { return nil }

        var kuan = [String](repeating: "", count: rows.count)  // each row's 款 part
        var xiang = [String](repeating: "", count: rows.count)  // each 项 row's 项 part
        var pending: [Int] = []  // 项 rows waiting for their 项 part, in row order
        var pendingStart = 0
        var nextInner = 0
        var steps = 0
        var exhausted = false
        var found: [String]? = nil
        var ambiguous = false

        func codeList() -> [String] {
            rows.indices.map { index in
                isClassRow[index] ? String(rows[index].text)
                    : String(rows[index].text) + kuan[index] + (xiang[index].isEmpty ? "" : xiang[index])
            }
        }

        func visit(_ position: Int) {
            if exhausted || ambiguous { return }
            steps += 1
            if steps > stepLimit {
                exhausted = true
                return
            }
            let waiting = pending.count - pendingStart
            let left = pieces.count - position
            // Every 款 part still to come and every waiting 项 part need a piece; at most two a row remain.
            guard left >= (inner.count - nextInner) + waiting, left <= 2 * (inner.count - nextInner) + waiting else { return }
            if position == pieces.count {
                let codes = codeList()
                if let found, found != codes { ambiguous = true } else { found = codes }
                return
            }
            let piece = pieces[position]
            // The piece as the 款 part of the next row.
            if nextInner < inner.count {
                let row = inner[nextInner]
                let previous = row - 1  // the row above, in the same 类 (a 类 row has no 款 part)
                let current = isClassRow[previous] ? nil : kuan[previous]
                if current == nil || piece > current! {
                    kuan[row] = piece
                    nextInner += 1
                    visit(position + 1)
                    nextInner -= 1
                    kuan[row] = ""
                } else if piece == current {
                    kuan[row] = piece
                    nextInner += 1
                    pending.append(row)
                    visit(position + 1)
                    pending.removeLast()
                    nextInner -= 1
                    kuan[row] = ""
                }
            }
            // The piece as the 项 part of the first 项 row still waiting.
            if pendingStart < pending.count {
                let row = pending[pendingStart]
                let above = row - 1
                let sibling = !isClassRow[above] && kuan[above] == kuan[row] ? xiang[above] : ""
                // The row above in the same 款 is its 款 row (no 项 part) or a 项 row placed before it.
                if sibling.isEmpty || piece > sibling {
                    xiang[row] = piece
                    pendingStart += 1
                    visit(position + 1)
                    pendingStart -= 1
                    xiang[row] = ""
                }
            }
        }
        visit(0)
        guard !exhausted, !ambiguous, let found else { return nil }
        return zip(found, rows).map { ($0, $1) }
    }
}
