/// Recognises the titles of the nine public tables, tolerating the wording of different templates and
/// years (`国有资产经营…` for `国有资本经营…`, `…基本支出决算表` for `…基本支出决算明细表`, Shanghai's
/// `国有资本经营预算财政拨款收入支出决算表`), numbering prefixes (`一、`, `- 二、`) and year prefixes.
public enum TableTitles {
    /// Title keys (see ``TextNormalization/key(_:)``) and the table each names.
    private static let known: [String: TableID] = [
        "收入支出决算总表": .incomeExpenditureSummary,
        "收入决算表": .income,
        "支出决算表": .expenditure,
        "财政拨款收入支出决算总表": .appropriationSummary,
        "一般公共预算财政拨款支出决算表": .generalBudgetExpenditure,
        "一般公共预算财政拨款基本支出决算明细表": .generalBudgetBasicExpenditure,
        "一般公共预算财政拨款基本支出决算表": .generalBudgetBasicExpenditure,
        "政府性基金预算财政拨款收入支出决算表": .governmentFund,
        "国有资本经营预算财政拨款支出决算表": .stateCapital,
        "国有资产经营预算财政拨款支出决算表": .stateCapital,
        "国有资本经营预算财政拨款收入支出决算表": .stateCapital,
        "财政拨款三公经费支出决算表": .threePublicExpenses,
        "三公经费支出决算表": .threePublicExpenses,
        "财政拨款三公经费支出预决算表": .threePublicExpenses,
    ]

    /// The table a line names, if the whole line is one of the known titles (after a numbering prefix such as
    /// `三、` or `- 三、`, or a year prefix).
    public static func table(named line: some StringProtocol) -> TableID? {
        // Titles are short; skip paragraphs cheaply.
        guard line.utf8.count <= 160, line.containsText("表") else { return nil }
        var line = Substring(line)
        if line.hasBytePrefix("- ") { line = line.dropFirst(2) }
        return table(key: TextNormalization.key(line))
    }

    /// ``table(named:)`` of a line's key (``TextNormalization/key(_:)``) holding no ASCII quotation mark, so a
    /// caller trying many slices of one key does not make each again. Such a key is its own key: nothing in it is
    /// dropped or folded again (a key can hold `"` or `'` only where the line had a full-width `＂` `＇`, which the
    /// key folds to the ASCII mark and a second key then drops: give those to ``table(named:)``).
    public static func table(key: some StringProtocol) -> TableID? {
        guard key.utf8.count <= 160, key.containsText("表") else { return nil }
        var key = String(key)
        guard key.hasByteSuffix("表") || key.hasByteSuffix(")") else { return nil }
        // `收入支出决算总表 公开01表` / `公开01表 收入支出决算总表`: the form label printed on the title's line.
        if let (title, _) = splitFormLabel(key) { key = title }
        if let ordinal = TextNormalization.leadingOrdinal(key) { key = String(ordinal.rest) }
        key = stripYearPrefix(key)
        if key.hasByteSuffix(")"), let parenthesis = key.firstIndex(of: "(") {
            key = String(key[..<parenthesis])  // 收入支出决算总表(公开01表)
        }
        return known[key]
    }

    /// A key that is a title and a form label (`公开01表`) after or before it: the title's key and the label's;
    /// `nil` when the key holds no such label, or nothing else.
    public static func splitFormLabel(_ key: String) -> (title: String, label: String)? {
        // Told first by the key's ends, on the bytes: `…01表` (an ASCII digit, then 表: E8 A1 A8) or `公开…`. Every
        // title's key ends in 表, after no digit; most lines are ruled out without a search.
        let endsInNumberedForm = key.utf8.count > 4 && key.hasByteSuffix("表")
            && (0x30...0x39).contains(key.utf8[key.utf8.index(key.utf8.endIndex, offsetBy: -4)])
        guard endsInNumberedForm || key.hasBytePrefix("公开"), let range = key.byteRange(of: "公开") else { return nil }
        let after = key[range.upperBound...]
        let digits = after.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), after.dropFirst(digits.count).hasPrefix("表") else { return nil }
        let labelEnd = after.index(after.startIndex, offsetBy: digits.count)  // at its `表`
        let label = String(key[range.lowerBound...labelEnd])
        let before = key[..<range.lowerBound]
        let rest = key[key.index(after: labelEnd)...]
        // The label at the end (after the title) or at the start (before it), not inside it.
        if rest.isEmpty, !before.isEmpty { return (String(before), label) }
        if before.isEmpty, !rest.isEmpty { return (String(rest), label) }
        return nil
    }

    /// Removes a leading `2022年度` / `2022年`, or a unit name ending in `年度` (`…局2024年度`).
    private static func stripYearPrefix(_ key: String) -> String {
        if let range = key.byteRange(of: "年度"), key[..<range.lowerBound].suffix(4).allSatisfy(\.isNumber) {
            return String(key[range.upperBound...])
        }
        let digits = key.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4, key.dropFirst(4).first == "年" { return String(key.dropFirst(5)) }
        return key
    }
}

extension TableTitles {
    /// Titles that templates in use print instead of the canonical one (Shanghai's), not defects.
    public static let templateVariants: Set<String> = [
        "一般公共预算财政拨款基本支出决算表", "国有资本经营预算财政拨款收入支出决算表",
        // The central and 深圳 templates: `"三公"经费支出决算表`, `一般公共预算财政拨款"三公"经费支出决算表`.
        "三公经费支出决算表",
    ]

    /// The form numbers of the central (中央部门) numbering, which 深圳 follows, where they differ from the
    /// canonical ones (DOMAIN §1): 三公 is 公开07表, 政府性基金 公开08表, 国有资本经营 公开09表.
    public static let centralNumbering: [TableID: TableID] = [
        .threePublicExpenses: .governmentFund, .governmentFund: .stateCapital, .stateCapital: .threePublicExpenses,
    ]
}
