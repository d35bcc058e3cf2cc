/// A claim the 情况说明 makes in numbers, read from one sentence (DOMAIN §2): an amount with its subject, a
/// share, a year-on-year change, a completion of the budget, a count. The reader extracts them; the narrative
/// rules check them against the tables and against each other.
///
/// Amounts are exact (`Money`, converted from the printed 万元, 元 or 亿元; see ``printedStep``); percentages keep the precision they were
/// printed with (``Percentage``).
public struct NarrativeStatement: Hashable, Sendable, Codable {
    /// The section's topic (the numbering differs between templates, the topic does not).
    public var topic: NarrativeTopic
    /// The section number as printed: 1 for 一, 13 for 十三.
    public var section: Int
    /// What the statement is about, whitespace removed and punctuation folded as in ``TextNormalization/key(_:)``:
    /// `本年收入合计`, `财政拨款收入`, `社会保障和就业支出(类)行政事业单位养老支出(款)…(项)`.
    public var subject: String
    /// What it claims.
    public var claim: NarrativeClaim
    /// Where the sentence starts.
    public var source: SourceLocation
    /// The words of the statement as printed (whitespace-normalised), for quoting in findings.
    public var span: String
    /// For an amount printed coarser than 0.01 万元 (`0.29亿元`: one unit of its last digit is 100 万元): that unit.
    /// The amount is the printed figure; it agrees with a table value that rounds to it (within half this step).
    /// `nil` for amounts exact to the 分 the tables print.
    public var printedStep: Money?

    /// Creates a statement.
    public init(
        topic: NarrativeTopic, section: Int, subject: String, claim: NarrativeClaim, source: SourceLocation,
        span: String, printedStep: Money? = nil
    ) {
        self.topic = topic
        self.section = section
        self.subject = subject
        self.claim = claim
        self.source = source
        self.span = span
        self.printedStep = printedStep
    }
}

/// The kinds of numeric claim (DOMAIN §2.0).
public enum NarrativeClaim: Hashable, Sendable, Codable {
    /// `本年收入合计939.31万元`: an amount of the subject.
    case amount(Money)
    /// `占本年支出合计的99.97%`: the subject's `part` (`nil` when the sentence states none) is `percent` of `base`, the whole named in the
    /// sentence (`本年支出合计`), or `nil` when the sentence names none (the paragraph's total is meant),
    /// `baseAmount` the whole's amount when the sentence states it.
    case share(part: Money?, percent: Percentage, base: String?, baseAmount: Money?)
    /// `与2022年相比，减少355.13万元，下降27.03%`: a change of `current` by `delta` in `direction`, with the
    /// percentage stated (`nil` when none is) and the word before it (`下降`: `percentDirection`).
    /// `againstBudget` is true for `比年初预算数增加…` (十 机关运行经费).
    case change(
        current: Money?, direction: ChangeDirection, delta: Money?, percent: Percentage?,
        percentDirection: ChangeDirection?, againstBudget: Bool)
    /// `比年初预算数9.25万元，增加了1637.62%` ([002] 十): the growth of `current` over `budget` stated as `percent`.
    case growthOverBudget(current: Money, budget: Money, direction: ChangeDirection, percent: Percentage)
    /// `年初预算为91.61万元，支出决算为107.74万元，完成年初预算的117.61%。决算数大于年初预算数…`: a completion.
    case completion(budget: Money?, actual: Money?, rate: Percentage?, wording: [BudgetWording])
    /// `共有车辆2辆`, `团组0个`: a count with its measure word.
    case count(Int64, measure: String)
}

/// The direction words of a change: 增加/增长/上升, 减少/下降, 持平/一致.
public enum ChangeDirection: String, Hashable, Sendable, Codable {
    /// 增加, 增长, 上升.
    case increase
    /// 减少, 下降.
    case decrease
    /// 持平, 一致, 无变化.
    case unchanged
}

/// What a completion sentence says of 决算 against 年初预算 (DOMAIN §2.0).
public enum BudgetWording: String, Hashable, Sendable, Codable {
    /// 决算数大于年初预算数.
    case greater
    /// 决算数小于年初预算数.
    case less
    /// 与年初预算持平 / 一致 / 决算数等于年初预算数.
    case equal
    /// 基本持平.
    case roughlyEqual
    /// 年初无预算 / 全年无预算.
    case noBudget
}

/// The topic of a 情况说明 section, recognised from its heading (DOMAIN §2.1–2.13).
public enum NarrativeTopic: String, Hashable, Sendable, Codable, CaseIterable {
    /// 收入支出决算总体情况 (公开01 总计).
    case overall
    /// 收入决算情况 (公开01 收入, 公开02).
    case income
    /// 支出决算情况 (公开01 支出, 公开03).
    case expenditure
    /// 财政拨款收入支出决算总体情况 (公开04).
    case appropriation
    /// 一般公共预算财政拨款支出决算情况 (公开05).
    case generalBudget
    /// 一般公共预算财政拨款基本支出决算情况 (公开06).
    case basicExpenditure
    /// 政府性基金预算财政拨款收入支出决算情况 (公开07).
    case governmentFund
    /// 国有资本经营预算财政拨款支出决算情况 (公开08).
    case stateCapital
    /// 财政拨款“三公”经费支出决算情况 (公开09).
    case threePublic
    /// 机关运行经费支出.
    case operatingCost
    /// 政府采购支出.
    case procurement
    /// 国有资产占用情况.
    case assets
    /// 预算绩效情况.
    case performance
    /// A section not recognised (其他重要事项 headings are split into their sub-topics).
    case other

    /// The topic in Chinese, as the sections are titled: `收入决算`, `“三公”经费`.
    public var chineseName: String {
        switch self {
        case .overall: "收支总体"
        case .income: "收入决算"
        case .expenditure: "支出决算"
        case .appropriation: "财政拨款总体"
        case .generalBudget: "一般公共预算支出"
        case .basicExpenditure: "基本支出"
        case .governmentFund: "政府性基金"
        case .stateCapital: "国有资本经营"
        case .threePublic: "“三公”经费"
        case .operatingCost: "机关运行经费"
        case .procurement: "政府采购"
        case .assets: "国有资产"
        case .performance: "预算绩效"
        case .other: "其他"
        }
    }

    /// Recognises the topic of a heading such as `五、一般公共预算财政拨款支出决算情况说明`.
    public static func of(heading: some StringProtocol) -> NarrativeTopic {
        let key = TextNormalization.key(heading)
        // Most specific first: 财政拨款收入支出 before 收入支出, 基本支出 before 一般公共预算.
        let rules: [(String, NarrativeTopic)] = [
            ("三公", .threePublic), ("机关运行经费", .operatingCost), ("政府采购", .procurement),
            ("国有资产", .assets), ("绩效", .performance), ("政府性基金", .governmentFund),
            ("国有资本经营", .stateCapital), ("基本支出", .basicExpenditure), ("一般公共预算", .generalBudget),
            ("财政拨款收入支出", .appropriation), ("财政拨款收支", .appropriation), ("收入支出决算总体", .overall),
            ("收支决算总体", .overall), ("收入决算", .income), ("支出决算", .expenditure),
        ]
        for (word, topic) in rules where key.containsText(word) { return topic }
        return .other
    }
}

/// A percentage exactly as printed: `99.97%` is `scaled` 9997 with 2 decimals, `237.5%` is 2375 with 1.
public struct Percentage: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The printed value × 10^decimals.
    public var scaled: Int64
    /// The number of decimals printed.
    public var decimals: Int

    /// Creates a percentage of `scaled` / 10^`decimals` %.
    public init(scaled: Int64, decimals: Int) {
        self.scaled = scaled
        self.decimals = decimals
    }

    /// The value at `precision` decimals (more decimals than printed add zeros; fewer are not asked for).
    public func scaled(to precision: Int) -> Int64? {
        guard precision >= decimals else { return nil }
        var value = scaled
        for _ in decimals..<precision {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return value
    }

    /// `part / whole × 100` rounded half up at `precision` decimals, or `nil` when `whole` is zero or the
    /// computation would overflow.
    public static func ratio(_ part: Money, of whole: Money, precision: Int) -> Percentage? {
        guard whole.fen != 0 else { return nil }
        var factor: Int64 = 100
        for _ in 0..<precision {
            let (next, overflow) = factor.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            factor = next
        }
        let (numerator, overflow) = part.fen.multipliedReportingOverflow(by: factor)
        if overflow { return nil }
        let denominator = whole.fen
        // Half up, away from zero, on the magnitude.
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        let (whole, remainder) = n.quotientAndRemainder(dividingBy: d)
        let quotient = remainder >= d - remainder ? whole + 1 : whole  // half up, without overflow
        return Percentage(scaled: negative ? -Int64(quotient) : Int64(quotient), decimals: precision)
    }

    /// `99.97%`, `100%`, `237.5%` — the value with the decimals it has.
    public var description: String {
        Percentage.format(scaled, decimals: decimals) + "%"
    }

    /// The value with trailing zeros stripped, as the narrative prints it: 7.20 → `7.2%`, 100.00 → `100%`.
    public var strippedDescription: String {
        FixedDecimal(units: scaled, decimals: decimals).description + "%"
    }

    private static func format(_ value: Int64, decimals: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let digits = String(value.magnitude)
        guard decimals > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        return sign + padded[..<split] + "." + padded[split...]
    }
}

/// The narrative as read into statements, with the figures that could not be read.
public struct NarrativeReading: Hashable, Sendable, Codable {
    /// The statements, in document order.
    public var statements: [NarrativeStatement]
    /// Figures (amounts, percentages) printed in sections 一…十二 that no statement could take: reported, never
    /// guessed.
    public var unread: [UnreadFigure]
    /// Per section: figures printed, figures read into statements.
    public var coverage: [SectionCoverage]

    /// Creates a reading.
    public init(statements: [NarrativeStatement] = [], unread: [UnreadFigure] = [], coverage: [SectionCoverage] = []) {
        self.statements = statements
        self.unread = unread
        self.coverage = coverage
    }
}

/// A figure the statement reader could not interpret.
public struct UnreadFigure: Hashable, Sendable, Codable {
    /// The section number.
    public var section: Int
    /// The figure as printed, e.g. `3.8%`.
    public var figure: String
    /// The clause around it.
    public var context: String
    /// Where.
    public var source: SourceLocation

    /// Creates an unread figure.
    public init(section: Int, figure: String, context: String, source: SourceLocation) {
        self.section = section
        self.figure = figure
        self.context = context
        self.source = source
    }
}

/// How much of a section's figures the reader took into statements.
public struct SectionCoverage: Hashable, Sendable, Codable {
    /// The section number.
    public var section: Int
    /// Its topic.
    public var topic: NarrativeTopic
    /// Amounts and percentages printed in the section.
    public var figures: Int
    /// Those read into statements.
    public var read: Int

    /// Creates a coverage line.
    public init(section: Int, topic: NarrativeTopic, figures: Int, read: Int) {
        self.section = section
        self.topic = topic
        self.figures = figures
        self.read = read
    }
}
