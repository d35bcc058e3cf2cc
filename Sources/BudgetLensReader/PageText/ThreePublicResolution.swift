import BudgetLensCore
import Foundation

/// Page text's 公开09 when its amounts fit more than one placement (blank cells dropped: the 财政局 PDF's
/// `0.95 0.95` fits 合计 with 因公出国（境）费 or 公务接待费, 预算数 or 决算数): no cell is guessed.
///
/// The rewrite writes the first placement (so that the row is read) and keeps them all (``Choice``); once the
/// text is read, every cell is set again from evidence outside the 三公 table that the checks do not compare it
/// with: 公开06's 三公 rows bound the 决算数 from below (rule 06-5, ``basicExpenditureBounds``). One placement left:
/// written, with a `page-text.column-placed` note naming the bound. Several left: the cells they agree on are
/// written, the others are left without a value, and a `table.ambiguous` warning names every placement left —
/// the table was read in part (F-READ, `show`).
///
/// The 情况说明 never decides a cell (docs/decisions/narrative-not-evidence.md): its 三公 sentences (DOMAIN §2.0)
/// are what N-BIND and N-RATE check the table against, so a placement taken from them could not disagree with
/// them, and a 情况说明 that names the wrong item would put its amount in the wrong cell and hide its own error.
/// The warning still says which placements the 情况说明's figures match, as a hint for the reader.
enum ThreePublicResolution {
    /// The placements of one 公开09 row that the identities allow.
    struct Choice {
        var table: TableID
        /// The column names in printed order (``ThreePublicPlacement/Layout/columns``) and their 栏次.
        var columns: [String]
        var columnNumbers: [Int]
        /// The amounts as printed, in order, with where each was printed.
        var amounts: [(text: String, location: SourceLocation)]
        /// For each placement, the printed column of each amount.
        var placements: [[Int]]
        var source: SourceLocation
    }

    /// The 栏次 (1–12: 预算数 1–6, 决算数 7–12; items 合计, 因公出国（境）费, 公务用车购置及运行维护费 小计, 购置费,
    /// 运行维护费, 公务接待费) of each printed column of `layout`.
    static func columnNumbers(_ layout: ThreePublicPlacement.Layout) -> [Int] {
        switch layout {
        case .pairs: (0..<12).map { ($0 % 2) * 6 + $0 / 2 + 1 }
        case .blocks: Array(1...12)
        }
    }

    /// The cells every placement agrees on: the amount's index for a column, `nil` for a column blank in all
    /// or differing between placements; and the columns that differ.
    static func common(_ placements: [[Int]], columnCount: Int) -> (cells: [Int?], differing: Set<Int>) {
        var cells = [Int?](repeating: nil, count: columnCount)
        var differing = Set<Int>()
        for column in 0..<columnCount {
            let holders = placements.map { $0.firstIndex(of: column) }
            if Set(holders.map { $0 ?? -1 }).count > 1 {
                differing.insert(column)
            } else {
                cells[column] = holders[0]
            }
        }
        return (cells, differing)
    }

    /// Decides each choice against the document's statements and writes the 公开09 cells.
    /// - Parameter positioned: For a text that keeps where each amount stands (pdfplumber's layout text,
    ///   ``PlumberLayoutPositions``), the placement the positions show; used only when it is one of those left.
    static func resolve(
        _ choices: [Choice], in disclosure: inout Disclosure, positioned: ((Choice) -> [Int]?)? = nil
    ) {
        for choice in choices { resolve(choice, in: &disclosure, positioned: positioned) }
    }

    private static func resolve(_ choice: Choice, in disclosure: inout Disclosure, positioned: ((Choice) -> [Int]?)?) {
        guard let tableIndex = disclosure.tables.firstIndex(where: { $0.id == choice.table }),
            let rowIndex = disclosure.tables[tableIndex].rows.firstIndex(where: { $0.kind == .data })
        else { return }
        let unit = disclosure.tables[tableIndex].moneyUnit ?? disclosure.moneyUnit
        let values = choice.amounts.map { amount -> Money in
            if case .amount(let money) = Money.reading(amount.text, unit: unit) { return money }
            return .zero
        }
        // 栏次 → value under each placement (blank: 0).
        func figures(_ placement: [Int]) -> [Int: Money] {
            var result: [Int: Money] = [:]
            for (amount, column) in placement.enumerated() { result[choice.columnNumbers[column]] = values[amount] }
            return result
        }
        let bounds = basicExpenditureBounds(disclosure)
        let agreeing = choice.placements.filter { placement in
            let placed = figures(placement)
            return bounds.allSatisfy { (placed[$0.column] ?? .zero) >= $0.amount }
        }
        let remaining = agreeing.isEmpty ? choice.placements : agreeing
        func describe(_ placement: [Int]) -> String {
            zip(choice.amounts, placement).map { "\($0.text)→\(choice.columns[$1])" }.joined(separator: "，")
        }
        let reasons: [String] = bounds.filter { bound in
            Set(choice.placements.map { (figures($0)[bound.column] ?? .zero) >= bound.amount }).count > 1
        }.map { "公开06 \($0.code) = \($0.amount.groupedString(in: unit)) ≤ 公开09 栏\($0.column)" }
        // Several left: the amounts' positions decide, when the text keeps them and they show one of those left.
        let byPosition = remaining.count > 1 ? positioned?(choice).flatMap { remaining.contains($0) ? $0 : nil } : nil
        let (cells, differing) = common(byPosition.map { [$0] } ?? remaining, columnCount: choice.columns.count)
        var row = disclosure.tables[tableIndex].rows[rowIndex]
        row.writePlacement(
            columnNumbers: Array(choice.columnNumbers.prefix(choice.columns.count)), amountAt: { cells[$0] },
            differing: differing, amounts: choice.amounts, values: values)
        disclosure.tables[tableIndex].rows[rowIndex] = row
        let form = choice.table.formID
        if let byPosition {
            disclosure.problems.append(
                ReadProblem(
                    code: "layout.pdfplumber-placed", severity: .info,
                    message: "\(form)：空白单元格被省略，\(remaining.count) 种放置均满足勾稽关系，按版面文本中各金额所在的栏取："
                        + describe(byPosition) + "（其余放置："
                        + remaining.filter { $0 != byPosition }.map(describe).joined(separator: " | ") + "） — blank cells "
                        + "were dropped and \(remaining.count) placements satisfy the identities; each amount is read in "
                        + "the column it stands under in the layout text",
                    table: choice.table, source: choice.source))
            return
        }
        if differing.isEmpty {
            disclosure.problems.append(
                ReadProblem(
                    code: "page-text.column-placed", severity: .info,
                    message: "\(form)：空白单元格被省略，\(choice.placements.count) 种放置均满足勾稽关系，按公开06所列取："
                        + describe(remaining[0]) + "（依据：" + reasons.joined(separator: "；") + "） — blank cells were "
                        + "dropped and \(choice.placements.count) placements satisfy the identities; the one 公开06's 三公 "
                        + "rows allow is read (rule 06-5)",
                    table: choice.table, source: choice.source))
            return
        }
        let unread = differing.sorted().map { choice.columns[$0] }.joined(separator: "、")
        let narrowed =
            remaining.count < choice.placements.count
            ? "公开06排除了其余 \(choice.placements.count - remaining.count) 种（" + reasons.joined(separator: "；") + "），" : ""
        disclosure.problems.append(
            ReadProblem(
                code: "table.ambiguous", severity: .warning,
                message: "\(form)：空白单元格被省略，金额有 \(remaining.count) 种放置均满足勾稽关系，\(narrowed)无法确定："
                    + remaining.map(describe).joined(separator: " | ") + "；\(unread) 未读取（本表只读取了一部分）"
                    + narrativeHint(remaining, figures: figures, describe: describe, disclosure: disclosure)
                    + " — blank cells were dropped and \(remaining.count) placements of the amounts remain possible; "
                    + "the cells they disagree on (\(differing.count)) are not read; the 情况说明 is not used to place "
                    + "them, its figures being what the table is checked against",
                table: choice.table, source: choice.source))
    }

    /// The placements the 情况说明's 三公 figures match, as a hint (never used to read a cell): empty when the
    /// 情况说明 states none of the figures the placements disagree on.
    private static func narrativeHint(
        _ placements: [[Int]], figures: ([Int]) -> [Int: Money], describe: ([Int]) -> String, disclosure: Disclosure
    ) -> String {
        let stated = statedFigures(disclosure.statements?.statements ?? []).filter { figure in
            Set(placements.map { figures($0)[figure.column] ?? .zero }).count > 1
        }
        guard !stated.isEmpty else { return "" }
        let matching = placements.filter { placement in
            let placed = figures(placement)
            return stated.allSatisfy { (placed[$0.column] ?? .zero) == $0.amount }
        }
        let lines = Set(stated.map(\.source.line)).sorted().map { "第\($0)行" }.joined(separator: "、")
        let match = matching.isEmpty ? "与其中任何一种都不符" : "与其中 \(matching.count) 种相符（" + matching.map(describe).joined(separator: " | ") + "）"
        return "。情况说明所述（\(lines)）\(match)，但情况说明的数字正是本表要核对的，不作读取依据"
    }

    /// 公开06's 三公 rows, lower bounds of 公开09's 决算数 (rule 06-5: 公开06 holds the basic-expenditure part):
    /// 30212 ≤ 栏8, 31013 ≤ 栏10, 30231 ≤ 栏11, 30217 ≤ 栏12. Only amounts above zero bound anything.
    static func basicExpenditureBounds(_ disclosure: Disclosure) -> [(code: String, column: Int, amount: Money)] {
        guard let table = disclosure.table(.generalBudgetBasicExpenditure) else { return [] }
        return [("30212", 8), ("31013", 10), ("30231", 11), ("30217", 12)].compactMap { code, column in
            guard let value = table.rows.first(where: { $0.code == code })?.cell(1)?.value, value > .zero else { return nil }
            return (code, column, value)
        }
    }

    /// A figure the 情况说明 states for a 公开09 栏次.
    struct StatedFigure {
        var column: Int
        var amount: Money
        var span: String
        var source: SourceLocation
    }

    /// The 三公 statements' budgets and actuals as 栏次 figures.
    static func statedFigures(_ statements: [NarrativeStatement]) -> [StatedFigure] {
        var figures: [StatedFigure] = []
        for statement in statements where statement.topic == .threePublic {
            guard let item = item(statement.subject) else { continue }
            var pairs: [(Int, Money)] = []
            switch statement.claim {
            case .completion(let budget, let actual, _, _):
                if let budget { pairs.append((item + 1, budget)) }
                if let actual { pairs.append((item + 7, actual)) }
            case .growthOverBudget(let current, let budget, _, _):
                pairs = [(item + 1, budget), (item + 7, current)]
            default:
                continue
            }
            for (column, amount) in pairs {
                figures.append(StatedFigure(column: column, amount: amount, span: statement.span, source: statement.source))
            }
        }
        return figures
    }

    /// The item (0 合计 … 5 公务接待费) a 三公 statement's subject names, by its ending.
    static func item(_ subject: String) -> Int? {
        let key = TextNormalization.key(subject).replacingOccurrences(of: "支出", with: "")
        let items: [(String, Int)] = [
            ("公务用车购置及运行维护费", 2), ("公务用车购置及运行费", 2), ("公务用车购置费", 3), ("公务用车运行维护费", 4),
            ("公务用车运行费", 4), ("因公出国(境)费", 1), ("公务接待费", 5), ("三公经费", 0), ("三公经费财政拨款", 0),
            ("财政拨款三公经费", 0),
        ]
        return items.first { key.hasSuffix($0.0) }?.1
    }
}
