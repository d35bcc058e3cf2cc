import BudgetLensCore

/// What the header lines between a table's title and its grid say: `公开01表`, `部门：…`, `单位：…`,
/// `金额单位：万元`, `编制部门：… 单位：元`.
struct TableHeaderLine: Equatable {
    var formLabel: String?
    var unitName: String?
    var unitLabel: String?
    var moneyUnit: MoneyUnit?

    /// Reads a header line, or returns `nil` when the line is something else.
    init?(_ line: Substring) {
        // Every header line has `公` (`公开01表`) or a colon (`单位：万元`); most lines are ruled out by one byte scan.
        guard TableHeaderLine.mayBeHeader(line) else { return nil }
        let label = TextNormalization.label(line)
        let key = TextNormalization.key(label)
        guard !key.isEmpty, key.utf8.count <= 240 else { return nil }
        if key.hasBytePrefix("公开"), key.hasByteSuffix("表"), key.dropFirst(2).dropLast().allSatisfy(\.isNumber) {
            formLabel = line.trimmedSpaces()  // as printed: `公开01表`, `公开 01 表`
            return
        }
        var remaining = key
        if remaining.hasBytePrefix("("), remaining.hasByteSuffix(")") { remaining = String(remaining.dropFirst().dropLast()) }
        var matched = false
        for prefix in ["预算主管部门:", "主管部门:", "编制部门:", "部门:", "单位:", "编制单位:"] where remaining.hasPrefix(prefix) {
            let rest = String(remaining.dropFirst(prefix.count))
            let (name, unit) = TableHeaderLine.splitMoneyUnit(rest)
            if let unit { moneyUnit = unit }
            if !name.isEmpty {
                if let parsed = MoneyUnit(rawValue: name) {
                    moneyUnit = parsed
                } else {
                    unitName = TableHeaderLine.displayName(name, in: label)
                    unitLabel = prefix.hasBytePrefix("单位") || prefix == "编制单位:" ? "单位" : "部门"
                }
            }
            matched = true
            break
        }
        if !matched, remaining.hasBytePrefix("金额单位:") {
            moneyUnit = MoneyUnit(rawValue: String(remaining.dropFirst("金额单位:".count)))
            matched = moneyUnit != nil
        }
        if !matched { return nil }
    }

    /// Whether `line` holds `:`, `：` or `公` (UTF-8 `EF BC 9A`, `E5 85 AC`): without one its key can neither start
    /// with `公开` nor hold the colon every other header form needs (no other scalar is canonically equivalent).
    private static func mayBeHeader(_ line: Substring) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in line.utf8 {
            if byte == 0x3A { return true }
            if previous == (0xEF, 0xBC) && byte == 0x9A || previous == (0xE5, 0x85) && byte == 0xAC { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Splits `上海市…委员会单位:元` or `烟台市医疗保障局金额单位:万元` into the name and the money unit.
    private static func splitMoneyUnit(_ key: String) -> (name: String, unit: MoneyUnit?) {
        for marker in ["金额单位:", "单位:"] {
            if let range = key.byteRange(of: marker) {
                let unit = MoneyUnit(rawValue: String(key[range.upperBound...]))
                return (String(key[..<range.lowerBound]), unit)
            }
        }
        return (key, nil)
    }

    /// The unit name as printed (full-width brackets kept), recovered from the label for the key `name`.
    private static func displayName(_ name: String, in label: String) -> String {
        guard let colon = label.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return name }
        var printed = label[label.index(after: colon)...].trimmedSpaces()
        for marker in ["金额单位", "单位：", "单位:"] {
            if let range = printed.byteRange(of: marker) { printed = printed[..<range.lowerBound].trimmedSpaces() }
        }
        return TextNormalization.key(printed) == name ? printed : name
    }

    /// Merges what a later header line says into this one.
    mutating func merge(_ other: TableHeaderLine) {
        formLabel = formLabel ?? other.formLabel
        if unitName == nil {
            unitName = other.unitName
            unitLabel = other.unitLabel
        }
        moneyUnit = moneyUnit ?? other.moneyUnit
    }

    /// Nothing known yet.
    static let empty = TableHeaderLine()
    private init() {}
}
