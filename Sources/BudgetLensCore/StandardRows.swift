/// The standard 行次 of the side-by-side tables 公开01 and 公开04 (DOMAIN §1.4, §1.7), used to place rows of
/// templates that print no 行次.
public enum StandardRows {
    /// 公开01 收入 block: label keys and rows.
    static let summaryIncome: [(key: String, line: Int)] = [
        ("一般公共预算财政拨款收入", 1), ("政府性基金预算财政拨款收入", 2), ("国有资本经营预算财政拨款收入", 3),
        ("上级补助收入", 4), ("事业收入", 5), ("经营收入", 6), ("附属单位上缴收入", 7), ("其他收入", 8),
        ("本年收入合计", 27), ("使用非财政拨款结余", 28), ("年初结转和结余", 29), ("总计", 31),
    ]

    /// 公开01 支出 block totals.
    static let summaryExpenditureTotals: [(key: String, line: Int)] = [
        ("本年支出合计", 58), ("结余分配", 59), ("年末结转和结余", 60), ("总计", 62),
    ]

    /// 公开04 支出 block totals.
    static let appropriationExpenditureTotals: [(key: String, line: Int)] = [
        ("本年支出合计", 59), ("年末财政拨款结转和结余", 60), ("总计", 64),
    ]

    /// The lists above by key (the first row where a key repeats), for one hashed lookup per label.
    private static let summaryIncomeLines = lines(summaryIncome)
    private static let summaryExpenditureTotalLines = lines(summaryExpenditureTotals)
    private static let appropriationExpenditureTotalLines = lines(appropriationExpenditureTotals)
    /// 公开04's fund rows of the 收入 block, by key: their 0-based position (rows 1–3, or 29–31 after the carry-over).
    private static let appropriationFunds: [String: Int] = [
        "一般公共预算财政拨款": 0, "政府性基金预算财政拨款": 1, "国有资本经营预算财政拨款": 2,
    ]

    private static func lines(_ rows: [(key: String, line: Int)]) -> [String: Int] {
        Dictionary(rows.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
    }

    /// The first 行次 of the expenditure class rows: 32 in 公开01, 33 in 公开04.
    public static func firstClassLine(of table: TableID) -> Int {
        table == .appropriationSummary ? 33 : 32
    }

    /// The standard 行次 of the expenditure class row of 类 `code` in `table` (公开01 or 04).
    public static func classLine(of code: String, in table: TableID) -> Int? {
        ClassificationCode.expenditureClassIndex(of: code).map { firstClassLine(of: table) + $0 }
    }

    /// The 类 code of the expenditure class row at standard 行次 `line` of `table` (公开01 or 04).
    public static func classCode(atLine line: Int, in table: TableID) -> String? {
        let index = line - firstClassLine(of: table)
        guard ClassificationCode.expenditureClasses.indices.contains(index) else { return nil }
        return ClassificationCode.expenditureClasses[index].code
    }

    /// Whether `label` is a standard row of either block of `table` (公开01 or 04).
    public static func isStandardRow(_ label: String, in table: TableID) -> Bool {
        let key = rowKey(label)  // once for both blocks
        return line(forKey: key, in: table, isIncome: true, afterCarryOver: false) != nil
            || line(forKey: key, in: table, isIncome: false, afterCarryOver: false) != nil
    }

    /// Whether `label` is a standard row of either block of 公开01 or of 公开04: ``isStandardRow(_:in:)`` of both
    /// tables, the label keyed once and its 类 looked up once (a 类 name is a row of both 支出 blocks alike:
    /// ``classLine(of:in:)`` finds a row for a code in either table or in neither).
    public static func isStandardRowOfEitherSummary(_ label: String) -> Bool {
        let key = rowKey(label)
        guard !key.isEmpty else { return false }
        if summaryIncomeLines[key] != nil || summaryExpenditureTotalLines[key] != nil
            || appropriationFunds[key] != nil || appropriationExpenditureTotalLines[key] != nil
        {
            return true
        }
        switch key {
        case "本年收入合计", "年初财政拨款结转和结余", "总计": return true
        default: break
        }
        return ClassificationCode.expenditureClassCode(forLabel: key).flatMap(ClassificationCode.expenditureClassIndex(of:))
            != nil
    }

    /// Places a row of a side-by-side table by its label.
    ///
    /// - Parameters:
    ///   - label: The printed label.
    ///   - table: 公开01 or 公开04.
    ///   - isIncome: Whether the row is in the 收入 (left) block.
    ///   - afterCarryOver: Whether a `年初财政拨款结转和结余` row came earlier in the 收入 block of 公开04:
    ///     the fund rows after it are rows 29–31, not 1–3.
    /// - Returns: The standard 行次, or `nil` when the label is not recognised.
    public static func line(forLabel label: String, in table: TableID, isIncome: Bool, afterCarryOver: Bool) -> Int? {
        line(forKey: rowKey(label), in: table, isIncome: isIncome, afterCarryOver: afterCarryOver)
    }

    /// ``line(forLabel:in:isIncome:afterCarryOver:)`` in both blocks, the label keyed once: its 行次 in the 收入
    /// block (`afterCarryOver` as there) and in the 支出 block.
    public static func lines(
        forLabel label: String, in table: TableID, incomeAfterCarryOver afterCarryOver: Bool
    ) -> (income: Int?, expenditure: Int?) {
        let key = rowKey(label)
        return (
            line(forKey: key, in: table, isIncome: true, afterCarryOver: afterCarryOver),
            line(forKey: key, in: table, isIncome: false, afterCarryOver: false)
        )
    }

    /// The key a label is placed by: no leading ordinal, ``TextNormalization/key(_:)``, nothing from the first `(`;
    /// `收入总计` and `支出总计` (templates that name the blocks' 总计 rows, as the rules do) are `总计`.
    private static func rowKey(_ label: String) -> String {
        let stripped = TextNormalization.leadingOrdinal(label).map { String($0.rest) } ?? label
        var key = TextNormalization.key(stripped)
        if let open = key.firstIndex(of: "(") { key = String(key[..<open]) }  // 使用非财政拨款结余（含专用结余）
        if key == "收入总计" || key == "支出总计" { return "总计" }
        return key
    }

    /// ``line(forLabel:in:isIncome:afterCarryOver:)`` for the label's ``rowKey(_:)``.
    private static func line(forKey key: String, in table: TableID, isIncome: Bool, afterCarryOver: Bool) -> Int? {
        guard !key.isEmpty else { return nil }
        if table == .appropriationSummary {
            if isIncome {
                if let index = appropriationFunds[key] { return (afterCarryOver ? 29 : 1) + index }
                switch key {
                case "本年收入合计": return 27
                case "年初财政拨款结转和结余": return 28
                case "总计": return 32
                default: return nil
                }
            }
            if let line = appropriationExpenditureTotalLines[key] { return line }
            return ClassificationCode.expenditureClassCode(forLabel: key).flatMap { classLine(of: $0, in: table) }
        }
        if isIncome {
            return summaryIncomeLines[key]
        }
        if let line = summaryExpenditureTotalLines[key] { return line }
        return ClassificationCode.expenditureClassCode(forLabel: key).flatMap { classLine(of: $0, in: table) }
    }
}
