/// The levels of a classification code: functional 类 (3 digits) / 款 (5) / 项 (7); economic 类 (3) / 款 (5).
public enum CodeLevel: Int, Hashable, Sendable, Codable, Comparable {
    /// 类, 3 digits.
    case category = 3
    /// 款, 5 digits.
    case section = 5
    /// 项, 7 digits.
    case item = 7

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .category: "类"
        case .section: "款"
        case .item: "项"
        }
    }

    public static func < (lhs: CodeLevel, rhs: CodeLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Helpers for classification codes (支出功能分类 and 支出经济分类).
public enum ClassificationCode {
    /// The level of a well-formed code (3, 5 or 7 ASCII digits), else `nil`.
    public static func level(of code: String) -> CodeLevel? {
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return CodeLevel(rawValue: code.utf8.count)
    }

    /// The parent code: a 项's 款 (first 5 digits), a 款's 类 (first 3 digits); `nil` for a 类.
    public static func parent(of code: String) -> String? {
        switch level(of: code) {
        case .item: String(code.prefix(5))
        case .section: String(code.prefix(3))
        default: nil
        }
    }

    /// The 类 of a functional expenditure class row of 公开01/04, in table order: code and name.
    /// Rows 32–57 of 公开01 and 33–58 of 公开04 (DOMAIN §1.3). Templates of some years print fewer rows;
    /// rows are then placed by name.
    public static let expenditureClasses: [(code: String, name: String)] = [
        ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
        ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"),
        ("210", "卫生健康支出"), ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"),
        ("214", "交通运输支出"), ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
        ("219", "援助其他地区支出"), ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"),
        ("223", "国有资本经营预算支出"), ("224", "灾害防治及应急管理支出"), ("229", "其他支出"), ("231", "债务还本支出"),
        ("232", "债务付息支出"), ("234", "抗疫特别国债安排的支出"),
    ]

    /// The functional 类 code whose name matches `label` (ordinal prefix such as `二十四、` ignored).
    public static func expenditureClassCode(forLabel label: String) -> String? {
        let name = TextNormalization.leadingOrdinal(label).map { String($0.rest) } ?? label
        let key = TextNormalization.key(name)
        return expenditureClassCodes[key]
    }

    /// ``expenditureClasses`` by name (the first code where a name repeats): one hashed lookup, not a comparison
    /// with every name.
    private static let expenditureClassCodes: [String: String] = Dictionary(
        expenditureClasses.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first })

    /// The 0-based position of a 类 code among the expenditure class rows of 公开01/04.
    public static func expenditureClassIndex(of code: String) -> Int? {
        expenditureClasses.firstIndex { $0.code == code }
    }

    /// The group of an economic code in 公开06: `人员经费` (301, 303) or `公用经费` (everything else).
    public static func economicGroup(of code: String) -> String {
        code.hasPrefix("301") || code.hasPrefix("303") ? "人员经费" : "公用经费"
    }
}
