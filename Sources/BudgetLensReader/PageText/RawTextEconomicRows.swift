import BudgetLensCore

/// The rows of 公开06 in raw `pdftotext` text (one cell a line, in poppler's reading order): which of the standard
/// 经济分类 rows (DOMAIN §1.9) the table prints, from its labels, held to its codes.
///
/// Raw text prints the labels in runs apart from their codes and amounts, a label wrapped over two lines
/// (`机关事业单位基本养老保险缴` … `费`, `信息网络及软件购置` `31007` `更新`), letters spaced (`因 公 出 国 （ 境 ） 费`).
/// A row exists when its standard name is printed (pieces joined, spaces dropped); the codes printed must be those
/// rows' codes exactly: whole (`30101`, the Word PDFs) or as 类 and 款 apart (`301` `01`, each 款 row printing its
/// 类 too: the ONLYOFFICE PDF). Anything else — a label no standard row has, a row twice, codes that disagree — and
/// the rows are not known (`nil`): the table is not read.
enum RawTextEconomicRows {
    /// One row: its code (`301`, `30101`), its label as printed (pieces joined, spaces dropped), where it stands.
    struct Row {
        let code: String
        let label: String
        let anchor: PageTextToken
        /// The 类 of a 款 (`301` for `30101`); the row's own code for a 类.
        var classCode: String { String(code.prefix(3)) }
        var isClass: Bool { code.count == 3 }
    }

    /// 人员经费's 类 (DOMAIN §1.9, 06-2); every other 类 is 公用经费's (06-3).
    static let personnelClasses: Set<String> = ["301", "303"]

    /// The standard rows (DOMAIN §1.9), in the table's order: 人员经费 (301, 303), then 公用经费 (302, 307, 310, 312, 399).
    static let standard: [(code: String, name: String)] = [
        ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30106", "伙食补助费"),
        ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"),
        ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴费"), ("30112", "其他社会保障缴费"), ("30113", "住房公积金"),
        ("30114", "医疗费"), ("30199", "其他工资福利支出"), ("303", "对个人和家庭的补助"), ("30301", "离休费"), ("30302", "退休费"),
        ("30303", "退职(役)费"), ("30304", "抚恤金"), ("30305", "生活补助"), ("30306", "救济费"), ("30307", "医疗费补助"),
        ("30308", "助学金"), ("30309", "奖励金"), ("30310", "个人农业生产补贴"), ("30311", "代缴社会保险费"),
        ("30399", "其他对个人和家庭的补助"),
        ("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"), ("30204", "手续费"),
        ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"), ("30209", "物业管理费"),
        ("30211", "差旅费"), ("30212", "因公出国(境)费用"), ("30213", "维修(护)费"), ("30214", "租赁费"), ("30215", "会议费"),
        ("30216", "培训费"), ("30217", "公务接待费"), ("30218", "专用材料费"), ("30224", "被装购置费"), ("30225", "专用燃料费"),
        ("30226", "劳务费"), ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
        ("30239", "其他交通费用"), ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出"),
        ("307", "债务利息及费用支出"), ("30701", "国内债务付息"), ("30702", "国外债务付息"), ("30703", "国内债务发行费用"),
        ("30704", "国外债务发行费用"), ("310", "资本性支出"), ("31001", "房屋建筑物购建"), ("31002", "办公设备购置"),
        ("31003", "专用设备购置"), ("31005", "基础设施建设"), ("31006", "大型修缮"), ("31007", "信息网络及软件购置更新"),
        ("31008", "物资储备"), ("31009", "土地补偿"), ("31010", "安置补助"), ("31011", "地上附着物和青苗补偿"), ("31012", "拆迁补偿"),
        ("31013", "公务用车购置"), ("31019", "其他交通工具购置"), ("31021", "文物和陈列品购置"), ("31022", "无形资产购置"),
        ("31099", "其他资本性支出"), ("312", "对企业补助"), ("31201", "资本金注入"), ("31203", "政府投资基金股权投资"),
        ("31204", "费用补贴"), ("31205", "利息补贴"), ("31299", "其他对企业补助"), ("399", "其他支出"),
        ("39907", "国家赔偿费用支出"), ("39908", "对民间非营利组织和群众性自治组织补贴"), ("39909", "经常性赠与"),
        ("39910", "资本性赠与"), ("39999", "其他支出"),
    ]

    /// The header's words, and the totals' labels (their rows are not the standard rows').
    static let headerWords: Set<String> = [
        "经济分类", "科目编码", "科目名称", "类", "款", "决算数", "金额", "人员经费合计", "公用经费合计", "人员经费", "公用经费",
    ]

    /// A label compared with the standard names: spaces dropped, full-width brackets as ASCII.
    static func key(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 })
    }

    /// The standard codes by name (a name with two codes, `其他支出`: the 类 first, then its 款).
    private static let codesByName: [String: [String]] = {
        var result: [String: [String]] = [:]
        for (code, name) in standard { result[key(name), default: []].append(code) }
        return result
    }()

    /// Whether `text` begins a standard name (a wrapped label's first piece).
    private static func beginsName(_ text: String) -> Bool {
        !text.isEmpty && standard.contains { key($0.name).hasPrefix(text) }
    }

    /// The rows printed in `region` (the table's lines, the header's unit line taken out) and the lines of
    /// `following` that are still the table's (up to the first other text), in the standard order, with the lines
    /// they were read from; `nil` when they cannot be known for certain (see the type's notes).
    static func rows(_ region: [[PageTextToken]], following: [[PageTextToken]] = [])
        -> (rows: [Row], lines: [[PageTextToken]])?
    {
        var tokenLines = region
        var found: [String: Row] = [:]
        var wholeCodes: [String] = []  // `30101`
        var classCodes: [String] = []  // `301`
        var itemCodes: [String] = []  // `01`
        var pending: (text: String, label: String, anchor: PageTextToken)? = nil
        func add(_ name: String, label: String, _ anchor: PageTextToken) -> Bool {
            guard let code = codesByName[name]?.first(where: { found[$0] == nil }) else { return false }
            found[code] = Row(code: code, label: label, anchor: anchor)
            return true
        }
        for (index, tokens) in (region + following).enumerated() where !tokens.isEmpty {
            let after = index >= region.count  // in `following`: other text ends the table
            if after, tokens.contains(where: { $0.kind == .text }), pending == nil {
                let piece = key(tokens.map { String($0.text) }.joined())
                let known = tokens.allSatisfy { $0.kind == .text }
                    && (codesByName[piece] != nil || headerWords.contains(piece) || piece.hasPrefix("注") || beginsName(piece))
                if !known { break }
            }
            if after { tokenLines.append(tokens) }
            if tokens.allSatisfy({ $0.kind == .text }) {
                // One label a line (its letters may be spaced apart).
                let printed = tokens.map { String($0.text) }.joined()
                let piece = key(printed)
                if let (text, label, anchor) = pending {
                    let joined = text + piece
                    if codesByName[joined] != nil {
                        guard add(joined, label: label + printed, anchor) else { return nil }
                        pending = nil
                        continue
                    }
                    if beginsName(joined) {
                        pending = (joined, label + printed, anchor)
                        continue
                    }
                    return nil  // a wrapped label whose end is no standard name
                }
                if codesByName[piece] != nil {
                    guard add(piece, label: printed, tokens[0]) else { return nil }
                } else if headerWords.contains(piece) || piece.hasPrefix("注") {
                    continue
                } else if beginsName(piece) {
                    pending = (piece, printed, tokens[0])
                } else {
                    return nil
                }
                continue
            }
            for token in tokens {
                switch token.kind {
                case .digits:
                    switch token.text.count {
                    case 5: wholeCodes.append(String(token.text))
                    case 3: classCodes.append(String(token.text))
                    case 2: itemCodes.append(String(token.text))
                    default: return nil
                    }
                case .amount: continue
                case .text: return nil  // a label beside a code or amount: not this form
                }
            }
        }
        guard pending == nil, !found.isEmpty else { return nil }
        let rows = standard.compactMap { found[$0.code] }
        // Every 款 under its 类.
        let classes = Set(rows.filter(\.isClass).map(\.code))
        guard rows.allSatisfy({ $0.isClass || classes.contains($0.classCode) }) else { return nil }
        // The codes printed are the rows' own.
        let items = rows.filter { !$0.isClass }
        if !wholeCodes.isEmpty {
            guard itemCodes.isEmpty, wholeCodes.sorted() == items.map(\.code).sorted(),
                classCodes.sorted() == classes.sorted()
            else { return nil }
        } else {
            guard itemCodes.sorted() == items.map({ String($0.code.suffix(2)) }).sorted(),
                classCodes.sorted() == rows.map(\.classCode).sorted()
            else { return nil }
        }
        return (rows, tokenLines)
    }
}
