import BudgetLensCore
import Foundation

/// A table in which one 栏次 reads 1, 2, 3, 4, 5 … down consecutive rows has taken its 行次 column for amounts:
/// a `-layout` text or a PDF whose 行次 stands one space from the amount (`一、一般公共预算财政拨款  1 939.04`)
/// and whose header crowds `行次 金额` into one field. Such a table is not read — a wrong value is worse than none
/// — and an error says why; the table stays present (F-READ reports it, the 目录 rule does not call it missing).
/// No real column of amounts runs through five whole consecutive numbers row after row.
enum LineNumbersAsAmounts {
    /// The shortest run of consecutive whole numbers (k, k+1, …) that marks a column of 行次.
    static let minimumRun = 5

    /// Removes every table with such a column and records `table.not-understood` for it.
    static func refuse(in disclosure: inout Disclosure) {
        // The tables kept, copied only once one is refused (most documents refuse none: their tables stay as they are).
        var kept: [PublicTable]?
        for (index, table) in disclosure.tables.enumerated() {
            guard let (column, run) = lineNumberColumn(in: table) else {
                kept?.append(table)
                continue
            }
            if kept == nil { kept = Array(disclosure.tables[..<index]) }
            disclosure.problems.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：栏次 \(column) 连续 \(run.count) 行读出 "
                        + "\(run.prefix(5).map { String($0) }.joined(separator: "、")) …，是行次栏被当作金额读取，本表未读取 — "
                        + "栏次 \(column) reads "
                        + "\(run.prefix(5).map { String($0) }.joined(separator: ", ")) … down \(run.count) consecutive rows — "
                        + "the 行次 column taken for amounts (行次被当作金额读取); the table is not read",
                    table: table.id, source: table.rows.first { row in row.cells.contains { $0.column == column } }?.source
                        ?? table.source))
        }
        if let kept { disclosure.tables = kept }
    }

    /// The first 栏次 whose cells, down consecutive rows, read ``minimumRun`` or more consecutive whole numbers
    /// from 1 up, with the run; `nil` when there is none.
    static func lineNumberColumn(in table: PublicTable) -> (column: Int, run: [Int64])? {
        let columns = Set(table.rows.flatMap { $0.cells.map(\.column) }).sorted()
        let place = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element, $0.offset) })
        // Each row's positive whole number per 栏次 (0: none), read once from the row's first cell of that 栏次 (the
        // cell each column's walk below reads): one pass over the cells, not one search of the row per column.
        var wholes = [Int64](repeating: 0, count: table.rows.count * columns.count)
        var seen = [Bool](repeating: false, count: columns.count)
        for (rowIndex, row) in table.rows.enumerated() {
            for index in seen.indices { seen[index] = false }
            for cell in row.cells {
                guard let slot = place[cell.column], !seen[slot] else { continue }
                seen[slot] = true
                if let whole = wholeNumber(cell.text), whole > 0 { wholes[rowIndex * columns.count + slot] = whole }
            }
        }
        for (slot, column) in columns.enumerated() {
            var run: [Int64] = []
            for rowIndex in table.rows.indices {
                let whole = wholes[rowIndex * columns.count + slot]
                guard whole > 0 else {
                    if run.count >= minimumRun { return (column, run) }
                    run = []
                    continue
                }
                if let last = run.last, whole == last + 1 {
                    run.append(whole)
                } else {
                    if run.count >= minimumRun { return (column, run) }
                    run = [whole]
                }
            }
            if run.count >= minimumRun { return (column, run) }
        }
        return nil
    }

    /// `12`, `12.00` → 12; anything else (`12.50`, `1,200.00`, text) → `nil`.
    private static func wholeNumber(_ text: String) -> Int64? {
        // Printable ASCII without a space (every amount): read on the bytes (``asciiWholeNumber(_:)``).
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> Int64?? in
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) ? .some(asciiWholeNumber(bytes)) : nil
        }
        if let fast, let result = fast { return result }
        let trimmed = text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) ? text : text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count <= 4, let whole = Int64(parts[0]) else { return nil }
        if parts.count == 2, parts[1].isEmpty || parts[1].contains(where: { $0 != "0" }) { return nil }
        return whole
    }

    /// ``wholeNumber(_:)`` of printable ASCII bytes without a space, as the general path reads them: split at
    /// `.` (at most one), the part before it at most 4 bytes (one `Character` a byte: printable ASCII holds no
    /// CR LF) that `Int64.init(_:)` accepts (an optional `+` or `-`, then one or more decimal digits), the part
    /// after it, when there is one, not empty and all `0`.
    private static func asciiWholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let dot = bytes.firstIndex(of: UInt8(ascii: "."))
        let end = dot ?? bytes.count
        guard end <= 4 else { return nil }
        if let dot {
            let decimals = bytes[(dot + 1)...]
            guard !decimals.isEmpty, decimals.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        }
        var index = 0
        var negative = false
        if end > 0, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < end else { return nil }
        var value: Int64 = 0
        while index < end {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)  // at most 4 digits: no overflow
            index += 1
        }
        return negative ? -value : value
    }
}
