import BudgetLensCore

/// The rows of 公开06 in raw `pdftotext` text (one cell a line, in poppler's reading order): which of the standard
/// 经济分类 rows (DOMAIN §1.9) the table prints, from its labels, held to its codes.
///
/// Raw text prints the labels in runs apart from their codes and amounts, a label wrapped over two lines
/// (`机关事业单位基本养老保险缴` … `费`, `信息网络及软件购置` `31007` `更新`), letters spaced (`因 公 出 国 （ 境 ） 费`).
/// A row exists when its standard name is printed (pieces joined, spaces dropped); the codes printed must be those
/// rows' codes exactly: whole (`30101`, the Word PDFs) or as 类 and 款 apart (`301` `01`, each 款 row printing its
/// 类 too: the ONLYOFFICE PDF). Anything else — a label no standard row has, a row twice, codes that disagree — and
/// the rows are not known (`nil`): the table is not read.
enum RawTextEconomicRows {
    /// One row: its code (`301`, `30101`), its label as printed (pieces joined, spaces dropped), where it stands.
    struct Row {
        let code: String
        let label: String
        let anchor: PageTextToken
        /// The 类 of a 款 (`301` for `30101`); the row's own code for a 类.
        var classCode: String { String(code.prefix(3)) }
        var isClass: Bool { code.count == 3 }
    }

    /// 人员经费's 类 (DOMAIN §1.9, 06-2); every other 类 is 公用经费's (06-3).
    static let personnelClasses: Set<String> = ["301", "303"]

    /// The standard rows (DOMAIN §1.9), in the table's order: 人员经费 (301, 303), then 公用经费 (302, 307, 310, 312, 399);
    /// compared by ``key(_:)``, so the brackets' width does not matter.
    static let standard = StandardEconomicRows.all

    /// The header's words, and the totals' labels (their rows are not the standard rows').
    static let headerWords: Set<String> = [
        "经济分类", "科目编码", "科目名称", "类", "款", "决算数", "金额", "人员经费合计", "公用经费合计", "人员经费", "公用经费",
    ]

    /// A label compared with the standard names: spaces dropped, full-width brackets as ASCII.
    static func key(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 })
    }

    /// The standard codes by name (a name with two codes, `其他支出`: the 类 first, then its 款).
    private static let codesByName: [String: [String]] = {
        var result: [String: [String]] = [:]
        for (code, name) in standard { result[key(name), default: []].append(code) }
        return result
    }()

    /// Whether `text` begins a standard name (a wrapped label's first piece).
    private static func beginsName(_ text: String) -> Bool {
        !text.isEmpty && standard.contains { key($0.name).hasPrefix(text) }
    }

    /// The rows printed in `region` (the table's lines, the header's unit line taken out) and the lines of
    /// `following` that are still the table's (up to the first other text), in the standard order, with the lines
    /// they were read from; `nil` when they cannot be known for certain (see the type's notes).
    static func rows(_ region: [[PageTextToken]], following: [[PageTextToken]] = [])
        -> (rows: [Row], lines: [[PageTextToken]])?
    {
        var tokenLines = region
        var found: [String: Row] = [:]
        var wholeCodes: [String] = []  // `30101`
        var classCodes: [String] = []  // `301`
        var itemCodes: [String] = []  // `01`
        var pending: (text: String, label: String, anchor: PageTextToken)? = nil
        func add(_ name: String, label: String, _ anchor: PageTextToken) -> Bool {
            guard let code = codesByName[name]?.first(where: { found[$0] == nil }) else { return false }
            found[code] = Row(code: code, label: label, anchor: anchor)
            return true
        }
        for (index, tokens) in (region + following).enumerated() where !tokens.isEmpty {
            let after = index >= region.count  // in `following`: other text ends the table
            if after, tokens.contains(where: { $0.kind == .text }), pending == nil {
                let piece = key(tokens.map { String($0.text) }.joined())
                let known = tokens.allSatisfy { $0.kind == .text }
                    && (codesByName[piece] != nil || headerWords.contains(piece) || piece.hasPrefix("注") || beginsName(piece))
                if !known { break }
            }
            if after { tokenLines.append(tokens) }
            if tokens.allSatisfy({ $0.kind == .text }) {
                // One label a line (its letters may be spaced apart).
                let printed = tokens.map { String($0.text) }.joined()
                let piece = key(printed)
                if let (text, label, anchor) = pending {
                    let joined = text + piece
                    if codesByName[joined] != nil {
                        guard add(joined, label: label + printed, anchor) else { return nil }
                        pending = nil
                        continue
                    }
                    if beginsName(joined) {
                        pending = (joined, label + printed, anchor)
                        continue
                    }
                    return nil  // a wrapped label whose end is no standard name
                }
                if codesByName[piece] != nil {
                    guard add(piece, label: printed, tokens[0]) else { return nil }
                } else if headerWords.contains(piece) || piece.hasPrefix("注") {
                    continue
                } else if beginsName(piece) {
                    pending = (piece, printed, tokens[0])
                } else {
                    return nil
                }
                continue
            }
            for token in tokens {
                switch token.kind {
                case .digits:
                    switch token.text.count {
                    case 5: wholeCodes.append(String(token.text))
                    case 3: classCodes.append(String(token.text))
                    case 2: itemCodes.append(String(token.text))
                    default: return nil
                    }
                case .amount: continue
                case .text: return nil  // a label beside a code or amount: not this form
                }
            }
        }
        guard pending == nil, !found.isEmpty else { return nil }
        let rows = standard.compactMap { found[$0.code] }
        // Every 款 under its 类.
        let classes = Set(rows.filter(\.isClass).map(\.code))
        guard rows.allSatisfy({ $0.isClass || classes.contains($0.classCode) }) else { return nil }
        // The codes printed are the rows' own.
        let items = rows.filter { !$0.isClass }
        if !wholeCodes.isEmpty {
            guard itemCodes.isEmpty, wholeCodes.sorted() == items.map(\.code).sorted(),
                classCodes.sorted() == classes.sorted()
            else { return nil }
        } else {
            guard itemCodes.sorted() == items.map({ String($0.code.suffix(2)) }).sorted(),
                classCodes.sorted() == rows.map(\.classCode).sorted()
            else { return nil }
        }
        return (rows, tokenLines)
    }
}
