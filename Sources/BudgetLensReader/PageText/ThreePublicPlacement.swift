import BudgetLensCore

/// Places the amounts of page text's 公开09 row when blank cells were dropped (fewer than twelve amounts), by
/// the table's identities (DOMAIN §1.8/§1.9, the 三公 table): 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 小计 +
/// 公务接待费, 小计 = 购置费 + 运行维护费, for the 预算数 and for the 决算数; the amounts keep their printed order.
/// Columns as the header prints them (``Layout``).
///
/// No other table carries the 三公 预算数, and 公开06 holds only the basic-expenditure part of the 决算数: when
/// several fit, only the cells they agree on are written, and 公开06's 三公 rows may settle the rest once the text
/// is read (``ThreePublicResolution``; the 情况说明 never does); when none fits, the table stays unread.
enum ThreePublicPlacement {
    /// How the twelve columns are printed: Shanghai's 预算数/决算数 pairs under each item, or (Shandong, Hubei:
    /// seeds 000–002, DOMAIN §1.8) a 预算数 block of the six items, then a 决算数 block — told by the header
    /// naming 预算数 once.
    enum Layout {
        case pairs, blocks

        /// `blocks` when the header lines name 预算数 and 决算数 once each — whole, or wrapped as `预算 决算` over
        /// `数 数` (pdfplumber's page text of a narrow heading cell) —, else `pairs`.
        ///
        /// When the header lines name neither (no 预算数/预算 word survived the extraction) and the row holds all
        /// twelve amounts, the layout whose identities those amounts satisfy, if only one does.
        static func of(_ tokenLines: [[PageTextToken]]) -> Layout {
            let words = tokenLines.joined().filter { $0.kind == .text }.map(\.text)
            func count(_ word: String) -> Int { words.filter { $0 == word }.count }
            let whole = count("预算数") == 1 && count("决算数") == 1
            let wrapped = count("预算数") == 0 && count("决算数") == 0 && count("预算") == 1 && count("决算") == 1
            if whole || wrapped { return .blocks }
            let named = count("预算数") + count("决算数") + count("预算") + count("决算") > 0
            let amounts = tokenLines.joined().compactMap(\.amount)
            if !named, amounts.count == 12, ColumnPlacement.holds(Layout.blocks.identities, amounts, tolerance: 1),
                !ColumnPlacement.holds(Layout.pairs.identities, amounts, tolerance: 1)
            {
                return .blocks
            }
            return .pairs
        }

        private static let items = ["合计", "因公出国（境）费", "公务用车小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"]

        /// The columns' names, in the printed order.
        var columns: [String] {
            switch self {
            case .pairs: Self.items.flatMap { ["\($0)预算数", "\($0)决算数"] }
            case .blocks: ["预算数", "决算数"].flatMap { kind in Self.items.map { "\($0)\(kind)" } }
            }
        }

        /// The identities, as column indexes.
        var identities: [ColumnPlacement.Identity] {
            switch self {
            case .pairs:
                [.init(total: 0, parts: [2, 4, 10]), .init(total: 1, parts: [3, 5, 11]),
                    .init(total: 4, parts: [6, 8]), .init(total: 5, parts: [7, 9])]
            case .blocks:
                [.init(total: 0, parts: [1, 2, 5]), .init(total: 6, parts: [7, 8, 11]),
                    .init(total: 2, parts: [3, 4]), .init(total: 8, parts: [9, 10])]
            }
        }

        /// The header rows written for the text reader.
        var header: [[String]] {
            switch self {
            case .pairs:
                [
                    ["", "", "", "", "", "财政拨款“三公”经费", "", "", "", "", "", ""],
                    ["", "", "", "", "", "", "公务用车购置及运行维护费", "", "", "", "", ""],
                    ["", "", "因公出国（境）费", "", "", "", "", "", "", "", "", ""],
                    ["合计", "", "", "", "", "", "公务用车购置费", "", "公务用车运行维护费", "", "公务接待费", ""],
                    ["", "", "", "", "小计", "", "", "", "", "", "", ""],
                    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
                ]
            case .blocks:
                [
                    ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
                    ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费",
                        "合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
                    ["", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""],
                ]
            }
        }
    }

    /// The twelve cells (`nil` = blank) for fewer than twelve amounts; `nil` when no placement fits (a
    /// `page-text.row-unplaced` warning is added) .
    /// - Parameter ordered: Whether the amounts are in column order (page text); raw `pdftotext` text's reading
    ///   order is not relied on (`false`: any order, at most 20,000 placements looked at).
    static func place(
        _ id: TableID, _ amounts: [PageTextToken], layout: Layout, ordered: Bool = true,
        location: (Int, Int) -> SourceLocation, into table: inout PageTextTables.Rewrite
    ) -> [PageTextToken?]? {
        let columns = layout.columns
        let values = amounts.compactMap(\.amount)
        let at = location(amounts[0].line, amounts[0].column)
        guard values.count == amounts.count, amounts.count < columns.count,
            let candidates = ColumnPlacement.candidates(
                values, columnCount: columns.count, ordered: ordered, identities: layout.identities),
            let first = candidates.first
        else {
            table.notes.append(
                ReadProblem(
                    code: "page-text.row-unplaced", severity: .warning,
                    message: "\(id.formID)：\(amounts.count) 个金额在 12 栏中没有满足“合计 = 各项之和”的放置，本表未读取 — "
                        + "\(amounts.count) amounts fit no placement in the 12 columns under the identities; the table is not read",
                    table: id, source: at))
            return nil
        }
        // Placements that give the same cells (equal amounts swapped, raw text's any order) are one reading.
        var seen: [[Int64]] = []
        let placements = candidates.filter { placement in
            let cells = ColumnPlacement.values(values, at: placement, columnCount: columns.count)
            if seen.contains(cells) { return false }
            seen.append(cells)
            return true
        }
        if placements.count > 1 {
            // The first placement is written so that the row is read; the document's statements decide every
            // cell once the text is read (ThreePublicResolution), and cells still undecided lose their value.
            table.threePublicChoices.append(
                ThreePublicResolution.Choice(
                    table: id, columns: columns, columnNumbers: ThreePublicResolution.columnNumbers(layout),
                    amounts: amounts.map { (String($0.text), location($0.line, $0.column)) }, placements: placements,
                    source: at))
        }
        var cells = [PageTextToken?](repeating: nil, count: columns.count)
        for (amount, column) in zip(amounts, first) { cells[column] = amount }
        return cells
    }
}
