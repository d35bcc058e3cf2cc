import BudgetLensCore

/// Sections 十–十二 of the 情况说明 (DOMAIN §2.10–2.12): 机关运行经费, 政府采购 and 国有资产 are in no table, so
/// they are written only from figures the model holds — the statements BudgetLens read from the document's own
/// 情况说明 (``Disclosure/statements``). Shares and rates are recomputed from the amounts (never copied), so a
/// rate the source misprinted is written correctly. A section whose figures the model lacks is left out and named
/// in ``NarrativeWriter/omissions()``; nothing is invented.
extension NarrativeWriter {
    /// The statements of `topic` read from the document's 情况说明.
    func statements(_ topic: NarrativeTopic) -> [NarrativeStatement] {
        disclosure.statements?.statements.filter { $0.topic == topic } ?? []
    }

    /// The first amount stated for a subject whose key is `subject` exactly (`政府采购支出总额`).
    func statedAmount(_ topic: NarrativeTopic, _ subject: String) -> Money? {
        for statement in statements(topic) where statement.subject == subject {
            if case .amount(let money) = statement.claim { return money }
        }
        return nil
    }

    /// 十: `2022年度机关运行经费支出68.38万元，比年初预算数减少3.9万元，下降5.4%。` (rate = Δ ÷ 年初预算, 年初预算 =
    /// M ∓ Δ); where the document compares with last year instead (上海), `比2023年度增加2.55万元，增长1.4%`
    /// (rate = Δ ÷ last year's); only the amount when it states neither; `nil` without a stated 机关运行经费.
    func operatingCost() -> [String]? {
        var current: Money?
        var budget: Money?
        var prior: Money?  // last year's, when the document compares with it instead (上海: `比2023年度增加…`)
        for statement in statements(.operatingCost) {
            switch statement.claim {
            case .amount(let money) where statement.subject.hasSuffix("机关运行经费支出") && current == nil:
                current = money
            case .change(let stated?, let direction, let delta?, _, _, true) where budget == nil:
                current = current ?? stated
                switch direction {
                case .increase: budget = stated.subtracting(delta)
                case .decrease: budget = stated.adding(delta)
                case .unchanged: budget = stated
                }
            case .change(let stated?, let direction, let delta?, _, _, false) where prior == nil:
                current = current ?? stated
                switch direction {
                case .increase: prior = stated.subtracting(delta)
                case .decrease: prior = stated.adding(delta)
                case .unchanged: prior = stated
                }
            case .growthOverBudget(let stated, let base, _, _) where budget == nil:
                current = current ?? stated
                budget = base
            default:
                continue
            }
        }
        guard let current else { return nil }
        var text = "\(year)年度机关运行经费支出\(Wording.amount(current))万元"
        if let budget {
            if budget == current {
                text += "，与年初预算数持平"
            } else if let delta = current > budget ? current.subtracting(budget) : budget.subtracting(current) {
                text += "，比年初预算数\(current > budget ? "增加" : "减少")\(Wording.amount(delta))万元"
                if !budget.isZero, let rate = Percentage.ratio(delta, of: budget, precision: 2) {
                    text += "，\(current > budget ? "增长" : "下降")\(rate.strippedDescription)"
                }
            }
        }
        if budget == nil, let prior {
            if prior == current {
                text += "，与\(year - 1)年度持平"
            } else if let delta = current > prior ? current.subtracting(prior) : prior.subtracting(current) {
                text += "，比\(year - 1)年度\(current > prior ? "增加" : "减少")\(Wording.amount(delta))万元"
                if !prior.isZero, let rate = Percentage.ratio(delta, of: prior, precision: 2) {
                    text += "，\(current > prior ? "增长" : "下降")\(rate.strippedDescription)"
                }
            }
        }
        return [text + "。" + reason("十")]
    }

    /// 十一: the total, its three categories, and the contracts awarded to small and medium (and to small and
    /// micro) enterprises with their shares of the total, as DOMAIN §2.11's [000]/[001] wording; `nil` without a
    /// stated total. The per-category shares (`货物采购授予中小企业合同金额占货物支出金额的…`) are left out: the
    /// documents state them as percentages only, without the amounts they would be computed from.
    func procurement() -> [String]? {
        guard let total = statedAmount(.procurement, "政府采购支出总额") else { return nil }
        var text = "\(year)年度政府采购支出总额\(Wording.amount(total))万元"
        let categories = ["货物", "工程", "服务"].map { ($0, statedAmount(.procurement, "政府采购\($0)支出")) }
        if categories.allSatisfy({ $0.1 != nil }) {
            text += "，其中：" + categories.map { "政府采购\($0.0)支出\(Wording.amount($0.1 ?? .zero))万元" }.joined(separator: "、")
        }
        text += "。"
        if let medium = statedAmount(.procurement, "授予中小企业合同金额") {
            text += "授予中小企业合同金额\(Wording.amount(medium))万元"
            if !total.isZero { text += "，占政府采购支出总额的\(Wording.share(medium, of: total))" }
            if let small = statedAmount(.procurement, "授予小微企业合同金额") {
                text += "，其中：授予小微企业合同金额\(Wording.amount(small))万元"
                if !total.isZero { text += "，占政府采购支出总额的\(Wording.share(small, of: total))" }
            }
            text += "。"
        }
        return [text]
    }

    /// The vehicle categories of 十二 in the order the templates list them (DOMAIN §2.12: Shandong, Hubei, and
    /// 上海's 部级领导干部用车).
    static let vehicleCategories = [
        "副省级及以上领导干部用车", "部级领导干部用车", "主要领导干部用车", "符合规定领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车",
        "特种专业技术用车", "离退休干部用车", "其他用车",
    ]

    /// 十二: `截至2022年12月31日，本部门共有车辆2辆，其中，机要通信用车1辆、…；单价100万元（含）以上设备（不含车辆）0台（套）。`
    /// from the counts the document states; `nil` without a stated vehicle count. The total is the stated one;
    /// the categories are those stated, in the template's order.
    func assets() -> [String]? {
        var vehicles: Int64?
        var categories: [String: Int64] = [:]
        var equipment: Int64?
        for statement in statements(.assets) {
            guard case .count(let count, let measure) = statement.claim else { continue }
            let subject = statement.subject
            if measure == "辆", subject.hasSuffix("共有车辆"), vehicles == nil {
                vehicles = count
            } else if measure == "辆", let category = Self.vehicleCategories.first(where: { subject == $0 }),
                categories[category] == nil
            {
                categories[category] = count
            } else if subject.contains("设备"), equipment == nil {
                equipment = count
            }
        }
        guard let vehicles else { return nil }
        let unit = disclosure.header.unitLabel == "单位" ? "本单位" : "本部门"
        var text = "截至\(year)年12月31日，\(unit)共有车辆\(vehicles)辆"
        let listed = Self.vehicleCategories.compactMap { name in categories[name].map { "\(name)\($0)辆" } }
        if !listed.isEmpty { text += "，其中，" + listed.joined(separator: "、") }
        if let equipment { text += "；单价100万元（含）以上设备（不含车辆）\(equipment)台（套）" }
        return [text + "。"]
    }

    /// The sections the writer leaves out for want of data, with why (for the render's notes).
    public func omissions() -> [String] {
        var notes: [String] = []
        if operatingCost() == nil { notes.append("十、机关运行经费支出说明：文档未陈述机关运行经费，本节未生成 (section left out: the document states no 机关运行经费)") }
        if procurement() == nil { notes.append("十一、政府采购支出说明：文档未陈述政府采购支出总额，本节未生成 (section left out: the document states no 政府采购支出总额)") }
        if assets() == nil { notes.append("十二、国有资产占用情况说明：文档未陈述车辆数，本节未生成 (section left out: the document states no vehicle count)") }
        if performance() == nil {
            notes.append("十三、预算绩效情况说明：文档未附绩效自评表，本节未生成 (section left out: the document annexes no self-evaluation)")
        } else {
            notes.append("十三、预算绩效情况说明：（一）、（四）、（五）未生成，其数字不在附表中 (parts (一), (四), (五) not written: their figures are in no annexed table)")
        }
        return notes
    }
}
