import BudgetLensCore

/// Writes 公开01 or 公开04 of page text printed with a 行次 column (Shandong, Hubei: `一、一般公共预算财政拨款收入 1
/// 939.04 一、一般公共服务支出 32 0.00`) as the tab-separated rows of those templates (`项目 | 行次 | 金额 | 项目 |
/// 行次 | 金额`, 公开04's 支出 block with 合计 and the three funds). Each block of a line is: its label words, its
/// 行次 (digits alone), then its amounts (with a decimal point) — all of its columns or none (a filler row such
/// as `9 九、卫生健康支出 40 883.89`, or `30 61`). A line with one block is 收入 when its 行次 is below the first
/// 支出 行次. Anything else (blank cells dropped, a wrapped label, more blocks) leaves the table to
/// ``SideBySidePageTable``.
enum LineNumberedPageTable {
    private struct Block {
        var label: [PageTextToken] = []
        var number: PageTextToken
        var amounts: [PageTextToken] = []
    }

    /// Header words of these tables: a line holding one is a header line (`项目 行次 金额 …`, `6收入 支出` after a
    /// page break), never a row.
    private static let headerWords: Set<String> = ["收入", "支出", "项目", "行次", "金额", "栏次", "决算数"]

    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        let expenditureColumns = id == .appropriationSummary ? 4 : 1
        guard tokenLines.contains(where: { $0.contains { $0.kind == .text && TextNormalization.key($0.text) == "行次" } })
        else { return false }
        var rows: [(income: Block?, expenditure: Block?)] = []
        var firstExpenditure: Int? = nil
        for tokens in tokenLines where tokens.contains(where: { $0.kind == .digits }) {
            let isHeader = tokens.contains { token in
                token.kind == .text && headerWords.contains(TextNormalization.key(String(token.text.drop { $0.isNumber })))
            }
            if isHeader { continue }
            var blocks: [Block] = []
            var label: [PageTextToken] = []
            for token in tokens {
                switch token.kind {
                case .text:
                    // Amounts complete a block; a label word after them starts the next one.
                    label.append(token)
                case .digits:
                    blocks.append(Block(label: label, number: token))
                    label = []
                case .amount:
                    guard !blocks.isEmpty, label.isEmpty else { return false }
                    blocks[blocks.count - 1].amounts.append(token)
                }
            }
            guard label.isEmpty, (1...2).contains(blocks.count) else { return false }
            let numbers = blocks.compactMap { Int($0.number.text) }
            guard numbers.count == blocks.count else { return false }
            if blocks.count == 2 {
                guard blocks[0].amounts.count <= 1,
                    blocks[1].amounts.isEmpty || blocks[1].amounts.count == expenditureColumns, numbers[0] < numbers[1]
                else { return false }
                if firstExpenditure == nil { firstExpenditure = numbers[1] }
                rows.append((blocks[0], blocks[1]))
            } else {
                guard let boundary = firstExpenditure else { return false }
                if numbers[0] < boundary {
                    guard blocks[0].amounts.count <= 1 else { return false }
                    rows.append((blocks[0], nil))
                } else {
                    guard blocks[0].amounts.isEmpty || blocks[0].amounts.count == expenditureColumns else { return false }
                    rows.append((nil, blocks[0]))
                }
            }
        }
        guard rows.count >= 3, let first = rows.first?.income ?? rows.first?.expenditure else { return false }
        let start = location(first.number.line, first.number.column)
        let fundNames = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
        let amountNames = id == .appropriationSummary ? fundNames : ["金额"]
        table.append((["收入", "", "", "支出", ""] + amountNames.map { _ in "" }).map { ($0, start) })
        table.append((["项目", "行次", "金额", "项目", "行次"] + amountNames).map { ($0, start) })
        table.append((["栏次", "", "1", "栏次", ""] + (2..<(2 + amountNames.count)).map(String.init)).map { ($0, start) })
        func fields(_ block: Block?, columns: Int, at here: SourceLocation) -> [(text: String, location: SourceLocation)] {
            guard let block else { return Array(repeating: ("", here), count: 2 + columns) }
            let label = block.label.map { String($0.text) }.joined()
            var result: [(text: String, location: SourceLocation)] = [
                (label, block.label.first.map { location($0.line, $0.column) } ?? location(block.number.line, block.number.column)),
                (String(block.number.text), location(block.number.line, block.number.column)),
            ]
            for column in 0..<columns {
                let amount = column < block.amounts.count ? block.amounts[column] : nil
                result.append(amount.map { (String($0.text), location($0.line, $0.column)) } ?? ("", here))
            }
            return result
        }
        for row in rows {
            let here = location((row.income ?? row.expenditure)!.number.line, (row.income ?? row.expenditure)!.number.column)
            table.append(fields(row.income, columns: 1, at: here) + fields(row.expenditure, columns: amountNames.count, at: here))
        }
        return true
    }
}
