/// One of the nine public tables of a 部门决算, by its canonical number (the 三公 table is always 09,
/// whatever its position in a document).
public enum TableID: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 公开01 收入支出决算总表
    case incomeExpenditureSummary = "01"
    /// 公开02 收入决算表
    case income = "02"
    /// 公开03 支出决算表
    case expenditure = "03"
    /// 公开04 财政拨款收入支出决算总表
    case appropriationSummary = "04"
    /// 公开05 一般公共预算财政拨款支出决算表
    case generalBudgetExpenditure = "05"
    /// 公开06 一般公共预算财政拨款基本支出决算明细表
    case generalBudgetBasicExpenditure = "06"
    /// 公开07 政府性基金预算财政拨款收入支出决算表
    case governmentFund = "07"
    /// 公开08 国有资本经营预算财政拨款支出决算表
    case stateCapital = "08"
    /// 公开09 财政拨款“三公”经费支出决算表
    case threePublicExpenses = "09"

    /// The two-digit number, `01` … `09`.
    public var number: String { rawValue }

    /// The form id as printed, `公开01`.
    public var formID: String { "公开" + rawValue }

    /// The canonical title (DOMAIN §1.2).
    public var canonicalTitle: String {
        switch self {
        case .incomeExpenditureSummary: "收入支出决算总表"
        case .income: "收入决算表"
        case .expenditure: "支出决算表"
        case .appropriationSummary: "财政拨款收入支出决算总表"
        case .generalBudgetExpenditure: "一般公共预算财政拨款支出决算表"
        case .generalBudgetBasicExpenditure: "一般公共预算财政拨款基本支出决算明细表"
        case .governmentFund: "政府性基金预算财政拨款收入支出决算表"
        case .stateCapital: "国有资本经营预算财政拨款支出决算表"
        case .threePublicExpenses: "财政拨款“三公”经费支出决算表"
        }
    }

    /// The table with the given number (`"01"`, `"1"`, `"公开01"`, `"公开 01 表"`), if any.
    public init?(number text: String) {
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        guard let value = Int(digits), (1...9).contains(value) else { return nil }
        self.init(rawValue: "0\(value)")
    }

    /// How the table's rows are organised.
    public var shape: TableShape {
        switch self {
        case .incomeExpenditureSummary, .appropriationSummary: .sideBySide
        case .income, .expenditure, .generalBudgetExpenditure, .governmentFund, .stateCapital: .functional
        case .generalBudgetBasicExpenditure: .economic
        case .threePublicExpenses: .singleRow
        }
    }

    public static func < (lhs: TableID, rhs: TableID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The row structure of a public table.
public enum TableShape: String, Hashable, Sendable, Codable {
    /// 收入 and 支出 blocks side by side, rows addressed by 行次 (公开01, 公开04).
    case sideBySide
    /// Rows by functional classification code 类/款/项 under a 合计 row (公开02, 03, 05, 07, 08).
    case functional
    /// Rows by economic classification code in 人员经费 / 公用经费 groups (公开06).
    case economic
    /// A single unlabelled row of 12 columns (公开09).
    case singleRow
}
