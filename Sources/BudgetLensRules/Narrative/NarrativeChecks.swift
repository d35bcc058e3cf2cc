import BudgetLensCore

/// The checks of the 情况说明's statements (DOMAIN §2, Appendix A N-*): each restated amount against its cell,
/// each share, change and completion rate recomputed, the wording against the numbers, the internal sums of
/// 政府采购 and 车辆. Percentages are recomputed half up at the document's precision (§2.0, §0.3): a difference
/// of one unit in the last printed digit is a rounding warning that gives the correct value, more is the rule's
/// severity.
public enum NarrativeChecks {
    /// The ids of the statement rules (Packs/final-accounts/20-narrative.rules); the text-quality rules
    /// (N-TPL-*, N-DUP-*, N-PUNCT, N-NUMBER, N-YEAR, N-UNIT) are TextQualityChecks'.
    public static let ruleIDs: Set<String> = ["N-BIND", "N-ITEM", "N-SHARE", "N-YOY", "N-RATE", "N-GP", "N-CAR", "N-LIST", "N-READ"]

    /// `narrative-amounts` (N-BIND): every restated amount equals the cell it restates.
    public static func amounts(_ context: CheckContext) -> [Finding] {
        let binding = StatementBinding(disclosure: context.disclosure)
        let unreadBinding = StatementBinding(disclosure: context.disclosure, bindsUnread: true)
        var findings: [Finding] = []
        for statement in statements(context) {
            let stated: [(Money, Bool)]
            switch statement.claim {
            case .amount(let amount):
                if statement.subject.hasByteSuffix("(项)") || statement.subject.hasByteSuffix("(项)”") { continue }  // N-ITEM
                stated = [(amount, false)]
            case .completion(let budget, let actual, _, _):
                if statement.subject.hasByteSuffix("(项)") { continue }  // N-ITEM
                stated = [actual.map { ($0, false) }, statement.topic == .threePublic ? budget.map { ($0, true) } : nil]
                    .compactMap { $0 }
            default: continue
            }
            for (amount, isBudget) in stated {
                guard let bound = binding.bind(statement.subject, topic: statement.topic, isBudget: isBudget) else {
                    // Its cell printed but not read (a table read in part): not checked, said so.
                    if let unread = unreadBinding.bind(statement.subject, topic: statement.topic, isBudget: isBudget)?.cells
                        .filter({ !$0.isPresent }), !unread.isEmpty
                    {
                        findings.append(notChecked(amount, unread, statement, context))
                    }
                    continue
                }
                if let finding = compare(amount, with: bound, statement, context) { findings.append(finding) }
            }
        }
        return findings
    }

    /// A statement whose cell was not read (its place left open in a table read in part): a warning that it is not
    /// checked, as the table rules say of such cells (`无法审核，公开06[人员经费合计,1] 未读取`).
    static func notChecked(
        _ amount: Money, _ unread: [CellReference], _ statement: NarrativeStatement, _ context: CheckContext
    ) -> Finding {
        let cells = unread.map(\.notation).joined(separator: "、")
        var finding = context.finding(
            "“\(statement.subject)”文中为\(amount.decimalString(in: .wanYuan))万元：无法审核，\(cells) 未读取（见读取问题）",
            "“\(statement.subject)” is \(amount.decimalString(in: .wanYuan)) in the text: not checked, \(cells) was not read "
                + "(see the reading problems)",
            at: location(statement), severity: .warning)
        finding.actual = .amount(amount, formula: "")
        finding.operands = unread
        return finding
    }

    /// `narrative-items` (N-ITEM): each `…（类）…（款）…（项）` item of 五(三), 七, 八 names a row of its table
    /// and restates its amount; every 项 row with an amount has an item when the section lists items.
    public static func items(_ context: CheckContext) -> [Finding] {
        let binding = StatementBinding(disclosure: context.disclosure)
        var findings: [Finding] = []
        let tables: [NarrativeTopic: (TableID, Int)] = [
            .generalBudget: (.generalBudgetExpenditure, 1), .governmentFund: (.governmentFund, 3), .stateCapital: (.stateCapital, 1),
        ]
        for (topic, (tableID, column)) in tables.sorted(by: { $0.value.0.rawValue < $1.value.0.rawValue }) {
            guard let table = context.disclosure.table(tableID) else { continue }
            let items = statements(context).filter {
                $0.topic == topic && TextNormalization.key($0.subject).hasByteSuffix("(项)")
            }
            var named: Set<String> = []
            var compared: Set<String> = []
            var unmatched: [NarrativeStatement] = []
            for statement in items {
                let actual: Money?
                switch statement.claim {
                case .completion(_, let value, _, _): actual = value
                case .amount(let value): actual = value
                default: continue
                }
                guard let row = binding.itemRow(statement.subject, in: tableID) else {
                    unmatched.append(statement)
                    continue
                }
                named.insert(row.code ?? row.item)
                // The amount after the name and the 支出决算 of the same item are one claim when equal.
                if let actual, compared.insert("\(row.code ?? row.item) \(actual.fen)").inserted, let cell = row.cell(column) {
                    let reference = CellReference(
                        table: tableID.formID, line: nil, code: row.code, item: row.item, column: column,
                        value: cell.value ?? .zero, isPresent: true, source: cell.source)
                    if let finding = compare(actual, with: .init(cells: [reference]), statement, context) {
                        findings.append(finding)
                    }
                }
            }
            // An item whose names match no row: the row of the same 类 with its 项 name or its amount that no
            // item names is the one meant (a 款 or 项 name written wrong); else it names nothing.
            var reported: Set<String> = []
            // Rows read without their codes (a merged code cell): an item naming none of the rows read is not
            // told from one naming a code-less row — not checked.
            let codesKnown = !context.disclosure.codesNotKnown.contains { $0.table == tableID }
            for statement in unmatched where codesKnown && !reported.contains(TextNormalization.key(statement.subject)) {
                reported.insert(TextNormalization.key(statement.subject))
                let names = StatementBinding.itemNames(TextNormalization.key(statement.subject))
                let amount: Money? = {
                    switch statement.claim {
                    case .completion(_, let value, _, _): return value
                    case .amount(let value): return value
                    default: return nil
                    }
                }()
                let candidates = table.rows.filter { row in
                    guard let code = row.code, code.count == 7, !named.contains(code) else { return false }
                    let sameName = names.item.map { StatementBinding.sameName(TextNormalization.key(row.item), $0) } ?? false
                    let sameAmount = amount.map { stated in
                        row.cell(column)?.value.map { ($0.subtracting(stated)?.magnitude ?? Money(fen: .max)) <= Money(fen: 10_000) } ?? false
                    } ?? false
                    return sameName || sameAmount
                }
                let meant = candidates.count == 1 ? candidates[0] : nil
                if let meant { named.insert(meant.code ?? "") }
                let tableName = meant.map { "\($0.code ?? "") \(fullName(of: $0, in: table))" } ?? "\(tableID.formID)的项级科目"
                findings.append(
                    context.finding(
                        meant == nil
                            ? "“\(statement.subject)”不是\(tableID.formID)的科目"
                            : "“\(statement.subject)”与\(tableID.formID)科目名称不一致（表中为\(tableName)）",
                        "“\(statement.subject)” names no row of \(tableID.formID)" + (meant == nil ? "" : " (the table has \(tableName))"),
                        at: location(statement), expected: tableName, actual: statement.subject))
            }
            guard !items.isEmpty else { continue }
            for row in table.rows where row.code?.count == 7 && !named.contains(row.code ?? "") {
                guard let value = row.cell(column)?.value, !value.isZero else { continue }
                findings.append(
                    context.finding(
                        "\(tableID.formID) \(row.code ?? "") \(row.item) \(value.decimalString(in: .wanYuan))万元在情况说明中没有对应的说明",
                        "\(tableID.formID) \(row.code ?? "") \(row.item) (\(value.decimalString(in: .wanYuan))) has no item in the narrative",
                        at: FindingLocation(table: tableID.formID, code: row.code, item: row.item, column: column, source: row.source),
                        expected: "一条说明", actual: "无"))
            }
        }
        return findings
    }

    /// `narrative-shares` (N-SHARE): each `占…%` = part ÷ whole, the whole being the one the sentence names.
    public static func shares(_ context: CheckContext) -> [Finding] {
        let precision = documentPrecision(context)
        let binding = StatementBinding(disclosure: context.disclosure)
        var findings: [Finding] = []
        for statement in statements(context) where statement.topic != .procurement && statement.topic != .performance {
            guard case .share(let part?, let percent, let base, let baseAmount) = statement.claim else { continue }
            let whole: (Money, String)?
            if let base {
                whole = namedBase(base, binding: binding).map { ($0.value, "\(base)（\($0.formula)）") }
            } else {
                whole = baseAmount.map { ($0, "本段合计 \($0.decimalString(in: .wanYuan))万元") }
            }
            guard let (wholeValue, wholeName) = whole, !wholeValue.isZero else { continue }
            if let finding = comparePercent(
                percent, part: part, whole: wholeValue, precision: precision, statement, context,
                formula: "\(part.decimalString(in: .wanYuan)) ÷ \(wholeName)")
            {
                findings.append(finding)
            }
        }
        return findings
    }

    /// `narrative-changes` (N-YOY): change ÷ implied prior = the stated percentage; the percentage's word agrees
    /// with the change's (增加…增长, 减少…下降); 比年初预算数 growth = (决算 − 预算) ÷ 预算.
    public static func changes(_ context: CheckContext) -> [Finding] {
        let precision = documentPrecision(context)
        let binding = StatementBinding(disclosure: context.disclosure)
        var findings: [Finding] = []
        for statement in statements(context) where statement.topic != .performance {
            switch statement.claim {
            case .change(var current?, let direction, let delta?, let percent, let percentDirection, let againstBudget):
                // Where the text misstates this year's amount (N-BIND reports it), the change is about the
                // table's figure: derive last year's from that, not from the misstated one.
                let bound = againstBudget ? nil : binding.bind(statement.subject, topic: statement.topic)
                if let table = bound?.value { current = table }
                // The table this year's amount restates is there but not read: whether the text's amount is the
                // table's cannot be told, so last year's is not derived from it (no 100% from a misstated 0).
                let unreadBase = !againstBudget && bound == nil && binding.restatesUnreadTable(topic: statement.topic)
                if let percentDirection, percentDirection != direction, direction != .unchanged {
                    findings.append(
                        context.finding(
                            "变动方向用词不一致（\(word(direction, amount: true))却\(word(percentDirection, amount: false))）",
                            "the direction words disagree (\(direction.rawValue) then \(percentDirection.rawValue))",
                            at: location(statement), expected: word(direction, amount: false), actual: word(percentDirection, amount: false)))
                }
                guard let percent, !unreadBase else { continue }
                guard let prior = direction == .decrease
                    ? current.adding(delta) : current.subtracting(delta)
                else { continue }
                if prior.isZero { continue }  // new this year: the growth has no base (usually printed 100%)
                guard prior.fen > 0 else {
                    findings.append(
                        context.finding(
                            "按所述金额推算的上年数为\(prior.decimalString(in: .wanYuan))万元，无法计算增减比例",
                            "the implied prior value \(prior.decimalString(in: .wanYuan)) is not positive",
                            at: location(statement), expected: "上年数 > 0", actual: percent.description))
                    continue
                }
                if let finding = comparePercent(
                    percent, part: delta, whole: prior, precision: precision, statement, context,
                    formula: "\(delta.decimalString(in: .wanYuan)) ÷ \(prior.decimalString(in: .wanYuan))（推算上年数）")
                {
                    findings.append(finding)
                }
            case .growthOverBudget(let current, let budget, _, let percent):
                guard !budget.isZero else { continue }
                guard let change = current.subtracting(budget) else { continue }
                guard var finding = comparePercent(
                    percent, part: change.magnitude, whole: budget, precision: precision, statement, context,
                    formula: "(\(current.decimalString(in: .wanYuan)) − \(budget.decimalString(in: .wanYuan))) ÷ \(budget.decimalString(in: .wanYuan))")
                else { continue }
                if let ratio = Percentage.ratio(current, of: budget, precision: percent.decimals), ratio == percent {
                    finding.message += "（所印比例为决算数 ÷ 预算数，而非增长率）"
                    finding.messageEnglish += " (the printed figure is actual ÷ budget, not the growth)"
                }
                findings.append(finding)
            default:
                continue
            }
        }
        return findings
    }

    /// `narrative-completion` (N-RATE): 完成 x% = 决算 ÷ 年初预算; `年初无预算` exactly when the budget is 0;
    /// 大于/小于/等于 as the sign of 决算 − 年初预算.
    public static func completion(_ context: CheckContext) -> [Finding] {
        let precision = documentPrecision(context)
        var findings: [Finding] = []
        for statement in statements(context) where statement.topic != .performance {
            guard case .completion(let budget?, let actual?, let rate, let wording) = statement.claim else { continue }
            if budget.isZero {
                if let rate, !(actual.isZero && rate.scaled == 0) {
                    findings.append(
                        context.finding(
                            "年初预算为0，应写“年初无预算”而非完成比例", "the budget is 0: 年初无预算, not a rate",
                            at: location(statement), expected: "年初无预算", actual: rate.description))
                }
            } else {
                if wording.contains(.noBudget) {
                    findings.append(
                        context.finding(
                            "年初预算为\(budget.decimalString(in: .wanYuan))万元，不应写“年初无预算”",
                            "the budget is \(budget.decimalString(in: .wanYuan)), not 年初无预算",
                            at: location(statement), expected: "完成年初预算的比例", actual: "年初无预算"))
                }
                if let rate, let finding = comparePercent(
                    rate, part: actual, whole: budget, precision: precision, statement, context,
                    formula: "\(actual.decimalString(in: .wanYuan)) ÷ \(budget.decimalString(in: .wanYuan))")
                {
                    findings.append(finding)
                }
            }
            let sign: BudgetWording = actual > budget ? .greater : (actual < budget ? .less : .equal)
            let said = wording.filter { $0 == .greater || $0 == .less || $0 == .equal }
            if let claimed = said.first, claimed != sign {
                findings.append(
                    context.finding(
                        "决算数\(actual.decimalString(in: .wanYuan))万元\(name(sign))年初预算数\(budget.decimalString(in: .wanYuan))万元，文中却称“\(name(claimed))”",
                        "actual \(actual.decimalString(in: .wanYuan)) is \(sign.rawValue) than budget \(budget.decimalString(in: .wanYuan)), the text says \(claimed.rawValue)",
                        at: location(statement), expected: name(sign), actual: name(claimed)))
            }
        }
        return findings
    }

    /// `narrative-procurement` (N-GP): 总额 = 货物 + 工程 + 服务; 中小企业 ≤ 总额; 小微 ≤ 中小; the category
    /// shares imply the 中小企业 amount stated.
    public static func procurement(_ context: CheckContext) -> [Finding] {
        let list = statements(context).filter { $0.topic == .procurement }
        func amount(_ suffix: String) -> (Money, NarrativeStatement)? {
            for statement in list {
                if case .amount(let value) = statement.claim, statement.subject.hasByteSuffix(suffix) { return (value, statement) }
            }
            return nil
        }
        func category(_ name: String) -> (Money, NarrativeStatement)? {
            for statement in list {
                guard case .amount(let value) = statement.claim else { continue }
                let subject = statement.subject
                if subject.containsText(name), !subject.containsText("中小企业"), !subject.containsText("小微企业"),
                    subject.hasByteSuffix("支出") || subject.hasByteSuffix("金额")
                {
                    return (value, statement)
                }
            }
            return nil
        }
        let total = list.lazy.compactMap { statement -> (Money, NarrativeStatement)? in
            guard case .amount(let value) = statement.claim, statement.subject.containsText("政府采购"),
                statement.subject.containsText("总额") || statement.subject.containsText("金额"),
                !["货物", "工程", "服务", "中小企业", "小微企业"].contains(where: statement.subject.contains)
            else { return nil }
            return (value, statement)
        }.first
        guard let (total, totalStatement) = total else { return [] }
        var findings: [Finding] = []
        let categories = [("货物", category("货物")), ("工程", category("工程")), ("服务", category("服务"))]
        if categories.allSatisfy({ $0.1 != nil }) {
            let sum = categories.reduce(Money.zero as Money?) { $0?.adding($1.1!.0) }
            if let sum, let difference = total.subtracting(sum), !difference.isZero {
                let tolerance = Money(fen: 15_000)  // 0.005 万元 per term, three terms
                var finding = context.finding(
                    "政府采购支出总额\(total.decimalString(in: .wanYuan))万元 ≠ 货物 + 工程 + 服务 = \(sum.decimalString(in: .wanYuan))万元",
                    "procurement total \(total.decimalString(in: .wanYuan)) ≠ goods + works + services \(sum.decimalString(in: .wanYuan))",
                    at: location(totalStatement), severity: difference.magnitude <= tolerance ? .warning : nil)
                finding.expected = .amount(sum, formula: "货物 + 工程 + 服务")
                finding.actual = .amount(total, formula: "")
                finding.difference = difference
                finding.tolerance = tolerance
                finding.isRounding = difference.magnitude <= tolerance
                findings.append(finding)
            }
        }
        guard let (small, smallStatement) = amount("授予中小企业合同金额") else { return findings }
        if small > total {
            findings.append(
                context.finding(
                    "授予中小企业合同金额\(small.decimalString(in: .wanYuan))万元大于政府采购支出总额\(total.decimalString(in: .wanYuan))万元",
                    "the SME amount exceeds the procurement total", at: location(smallStatement),
                    expected: "≤ \(total.decimalString(in: .wanYuan))", actual: small.decimalString(in: .wanYuan)))
        }
        if let (micro, microStatement) = amount("授予小微企业合同金额"), micro > small {
            findings.append(
                context.finding(
                    "授予小微企业合同金额\(micro.decimalString(in: .wanYuan))万元大于授予中小企业合同金额\(small.decimalString(in: .wanYuan))万元",
                    "the micro-enterprise amount exceeds the SME amount", at: location(microStatement),
                    expected: "≤ \(small.decimalString(in: .wanYuan))", actual: micro.decimalString(in: .wanYuan)))
        }
        // Σ category × its 中小企业 share = the 中小企业 amount (each share within its printed rounding).
        var implied: Int64 = 0, slack: Int64 = 0, printed: [String] = [], anchor: NarrativeStatement?
        for (name, category) in categories {
            guard let (value, _) = category, !value.isZero else { continue }
            guard let share = list.first(where: {
                if case .share(nil, _, let base?, _) = $0.claim { return base.hasBytePrefix(name) && $0.subject.hasBytePrefix(name) }
                return false
            }), case .share(_, let percent, _, _) = share.claim else { return findings }
            var divisor: Int64 = 100
            for _ in 0..<percent.decimals { divisor *= 10 }
            // Bounded: a category of at most 10^17 分 times a share of at most 10^6 (17 digits are read at most).
            let (product, overflow) = value.fen.multipliedReportingOverflow(by: percent.scaled)
            guard !overflow else { return findings }
            let (nextImplied, overflow1) = implied.addingReportingOverflow(product / divisor)
            let (nextSlack, overflow2) = slack.addingReportingOverflow(value.fen / divisor / 2 + 1)
            guard !overflow1, !overflow2 else { return findings }
            implied = nextImplied
            slack = nextSlack
            printed.append("\(name) \(value.decimalString(in: .wanYuan)) × \(percent.strippedDescription)")
            anchor = anchor ?? share
        }
        if let anchor, implied.subtractingReportingOverflow(small.fen).partialValue.magnitude > UInt64(max(0, slack)) + 10_000 {
            let impliedMoney = Money(fen: implied).rounded(toMultipleOf: 10_000)  // shown to 0.01 万元
            var finding = context.finding(
                "按各类采购授予中小企业的比例推算，中小企业合同金额为\(impliedMoney.decimalString(in: .wanYuan))万元，文中为\(small.decimalString(in: .wanYuan))万元",
                "the category shares imply an SME amount of \(impliedMoney.decimalString(in: .wanYuan)), the text states \(small.decimalString(in: .wanYuan))",
                at: location(anchor))
            finding.expected = .amount(impliedMoney, formula: printed.joined(separator: " + "))
            finding.actual = .amount(small, formula: "")
            finding.difference = small.subtracting(impliedMoney)
            findings.append(finding)
        }
        return findings
    }

    /// `narrative-lists` (N-LIST): the items' 年初预算 of 五 add up to the one stated (``itemBudgets(_:)``), and the
    /// amounts 六 lists under `人员经费 A万元，主要包括：…` and `公用经费 B万元，…` add up to A and B ([002]); a list
    /// of names only ([000], [001]) has nothing to add. Tolerance: 0.005 万元 per listed amount, at most 0.05
    /// (尾数误差: each amount is rounded on its own).
    public static func lists(_ context: CheckContext) -> [Finding] {
        let amounts: [(NarrativeStatement, Money)] = statements(context).compactMap { statement in
            guard statement.topic == .basicExpenditure, case .amount(let value) = statement.claim else { return nil }
            return (statement, value)
        }
        var findings = itemBudgets(context)
        let heads = amounts.indices.filter {
            amounts[$0].0.subject.hasByteSuffix("人员经费") || amounts[$0].0.subject.hasByteSuffix("公用经费")
        }
        for (position, head) in heads.enumerated() {
            let end = position + 1 < heads.count ? heads[position + 1] : amounts.count
            let items = amounts[(head + 1)..<end]
            guard items.count >= 2 else { continue }
            var sum = Money.zero
            for item in items {
                guard let next = sum.adding(item.1) else { return findings }
                sum = next
            }
            let (statement, stated) = amounts[head]
            guard let difference = stated.subtracting(sum), !difference.isZero else { continue }
            let tolerance = Money(fen: min(Int64(items.count) * 5_000, 50_000))
            let isRounding = difference.magnitude <= tolerance
            var finding = context.finding(
                "“\(statement.subject)”\(stated.decimalString(in: .wanYuan))万元，所列\(items.count)项合计\(sum.decimalString(in: .wanYuan))万元",
                "'\(statement.subject)' \(stated.decimalString(in: .wanYuan)), its \(items.count) listed items add up to \(sum.decimalString(in: .wanYuan))",
                at: location(statement), severity: isRounding ? .warning : nil)
            finding.expected = .amount(sum, formula: items.map { "\($0.0.subject) \($0.1.decimalString(in: .wanYuan))" }.joined(separator: " + "))
            finding.actual = .amount(stated, formula: "")
            finding.difference = difference
            finding.tolerance = tolerance
            finding.isRounding = isRounding
            findings.append(finding)
        }
        return findings
    }

    /// `narrative-lists` (N-LIST), 五（三）: the （项） items' 年初预算 add up to no more than the 年初预算 stated
    /// before them (`一般公共预算财政拨款支出年初预算为2993.92万元…其中：1、…（项）…年初预算为1560.05万元，…`; DOMAIN
    /// §2.5: [001]'s add up to its total) — when the items are the whole list: their 决算 add up to the stated 决算
    /// (else N-ITEM names the item missing). Less is no finding: a 项 budgeted but not spent is not itemised ([000]'s
    /// 101,380.7 万元 holds 城乡居民 subsidies no item lists). Tolerance as for the 六 lists: 0.005 万元 per item, at
    /// most 0.05.
    static func itemBudgets(_ context: CheckContext) -> [Finding] {
        let completions: [(NarrativeStatement, budget: Money, actual: Money)] = statements(context).compactMap { statement in
            guard statement.topic != .performance, case .completion(let budget?, let actual?, _, _) = statement.claim else {
                return nil
            }
            return (statement, budget, actual)
        }
        func isItem(_ statement: NarrativeStatement) -> Bool { statement.subject.hasByteSuffix("(项)") }
        var findings: [Finding] = []
        for (position, head) in completions.enumerated() where !isItem(head.0) {
            let items = completions[(position + 1)...].prefix { isItem($0.0) && $0.0.section == head.0.section }
            guard items.count >= 2 else { continue }
            var budgets = Money.zero
            var actuals = Money.zero
            for item in items {
                guard let budget = budgets.adding(item.budget), let actual = actuals.adding(item.actual) else { return findings }
                budgets = budget
                actuals = actual
            }
            let tolerance = Money(fen: min(Int64(items.count) * 5_000, 50_000))
            guard let shortfall = head.actual.subtracting(actuals), shortfall.magnitude <= tolerance,
                let difference = head.budget.subtracting(budgets), difference.fen < 0
            else { continue }
            let isRounding = difference.magnitude <= tolerance
            let stated = head.budget.decimalString(in: .wanYuan)
            let sum = budgets.decimalString(in: .wanYuan)
            var finding = context.finding(
                "“\(head.0.subject)”年初预算为\(stated)万元，所列\(items.count)项年初预算合计\(sum)万元",
                "'\(head.0.subject)' 年初预算 \(stated), its \(items.count) listed items' 年初预算 add up to \(sum)",
                at: location(head.0), severity: isRounding ? .warning : nil)
            finding.expected = .amount(
                budgets, formula: items.map { "\($0.0.subject) \($0.budget.decimalString(in: .wanYuan))" }.joined(separator: " + "))
            finding.actual = .amount(head.budget, formula: "")
            finding.difference = difference
            finding.tolerance = tolerance
            finding.isRounding = isRounding
            findings.append(finding)
        }
        return findings
    }

    /// `narrative-vehicles` (N-CAR): 共有车辆 = Σ categories (十二); 三公 保有量 ≤ 共有车辆.
    public static func vehicles(_ context: CheckContext) -> [Finding] {
        let list = statements(context)
        var findings: [Finding] = []
        let assets = list.filter { $0.topic == .assets }
        guard let totalIndex = assets.firstIndex(where: { $0.subject.hasByteSuffix("共有车辆") }),
            case .count(let total, "辆") = assets[totalIndex].claim
        else { return [] }
        var sum: Int64 = 0
        var parts: [String] = []
        for statement in assets[(totalIndex + 1)...] {
            guard case .count(let value, "辆") = statement.claim, statement.subject.hasByteSuffix("用车") else { continue }
            let (next, overflow) = sum.addingReportingOverflow(value)
            guard !overflow else { return findings }
            sum = next
            parts.append("\(statement.subject) \(value)")
        }
        if !parts.isEmpty, sum != total {
            findings.append(
                context.finding(
                    "共有车辆\(total)辆，各类车辆合计\(sum)辆", "\(total) vehicles in all, the categories add up to \(sum)",
                    at: location(assets[totalIndex]), expected: "\(sum)（\(parts.joined(separator: " + "))）", actual: "\(total)"))
        }
        for statement in list where statement.topic == .threePublic && statement.subject.hasByteSuffix("保有量") {
            if case .count(let held, "辆") = statement.claim, held > total {
                findings.append(
                    context.finding(
                        "公务用车保有量\(held)辆多于十二所列共有车辆\(total)辆", "\(held) official cars held, but \(total) vehicles in all",
                        at: location(statement), expected: "≤ \(total)", actual: "\(held)"))
            }
        }
        return findings
    }

    /// `narrative-unread` (N-READ): a figure of sections 一…十二 that no statement could take — reported with
    /// its text, never guessed.
    public static func unread(_ context: CheckContext) -> [Finding] {
        (context.disclosure.statements?.unread ?? []).map { figure in
            context.finding(
                "未能识别的表述：“\(figure.context)”", "a statement that could not be read: “\(figure.context)”",
                at: FindingLocation(table: "情况说明", item: figure.context, source: figure.source))
        }
    }

    // MARK: - Helpers

    /// `卫生健康支出(类)医疗保障管理事务(款)行政运行(项)` for a 项 row, from its parents' labels.
    static func fullName(of row: TableRow, in table: PublicTable) -> String {
        guard let code = row.code, code.count == 7 else { return row.item }
        func label(_ prefix: String) -> String { table.rows.first { $0.code == prefix }?.item ?? "" }
        return "\(label(String(code.prefix(3))))（类）\(label(String(code.prefix(5))))（款）\(row.item)（项）"
    }

    static func statements(_ context: CheckContext) -> [NarrativeStatement] {
        context.disclosure.statements?.statements ?? []
    }

    /// The precision of the document's percentages: the most decimals printed in sections 一…五 (1 in [002],
    /// 2 in [000]/[001]), 2 when none has decimals (DOMAIN §0.1).
    static func documentPrecision(_ context: CheckContext) -> Int {
        let early: Set<NarrativeTopic> = [.overall, .income, .expenditure, .appropriation, .generalBudget]
        var most = 0
        for statement in statements(context) where early.contains(statement.topic) {
            switch statement.claim {
            case .share(_, let percent, _, _), .change(_, _, _, let percent?, _, _): most = max(most, percent.decimals)
            case .completion(_, _, let rate?, _): most = max(most, rate.decimals)
            default: break
            }
        }
        return most == 0 ? 2 : min(most, 2)
    }

    /// The whole a share names: 本年收入(合计) = 公开01 行27, 本年支出(合计) = 公开01 行58.
    static func namedBase(_ base: String, binding: StatementBinding) -> StatementBinding.Bound? {
        let key = TextNormalization.key(base)
        if key.hasBytePrefix("本年收入") { return binding.bind("本年收入合计", topic: .income) }
        if key.hasBytePrefix("本年支出") { return binding.bind("本年支出合计", topic: .expenditure) }
        return nil
    }

    static func location(_ statement: NarrativeStatement) -> FindingLocation {
        FindingLocation(table: "情况说明", item: statement.span, source: statement.source)
    }

    /// A finding when `amount` differs from the bound cell(s); 0.01 万元 or less is a rounding warning.
    static func compare(
        _ amount: Money, with bound: StatementBinding.Bound, _ statement: NarrativeStatement, _ context: CheckContext
    ) -> Finding? {
        guard let difference = amount.subtracting(bound.value), !difference.isZero else { return nil }
        // An amount printed coarser (`0.29亿元`) agrees with the table value that rounds to it.
        if let step = statement.printedStep, difference.magnitude.fen <= step.fen / 2 { return nil }
        let tolerance = Money(fen: 10_000)
        let isRounding = difference.magnitude <= tolerance
        let printed = statement.printedStep.flatMap { hundredMillionYuan(amount, step: $0) }
        var finding = context.finding(
            "“\(statement.subject)”文中为\(printed ?? amount.decimalString(in: .wanYuan) + "万元")，表中为\(bound.value.decimalString(in: .wanYuan))万元",
            "“\(statement.subject)” is \(printed ?? amount.decimalString(in: .wanYuan)) in the text, \(bound.value.decimalString(in: .wanYuan)) in the table",
            at: location(statement), severity: isRounding ? .warning : nil)
        finding.expected = .amount(bound.value, formula: bound.formula)
        finding.actual = .amount(amount, formula: "")
        finding.difference = difference
        finding.tolerance = tolerance
        finding.isRounding = isRounding
        finding.operands = bound.cells
        return finding
    }

    /// `amount` as printed in 亿元 with the decimals `step` (one unit of its last digit, in 分) shows: `0.31亿元`;
    /// `nil` for a step that is no power of ten of 1 亿元 or an amount that is no multiple of it.
    static func hundredMillionYuan(_ amount: Money, step: Money) -> String? {
        var decimals = 0
        var unit: Int64 = 10_000_000_000  // 1 亿元 in 分
        while unit > step.fen, decimals < 6 {
            unit /= 10
            decimals += 1
        }
        guard unit == step.fen, amount.fen >= 0, amount.fen % step.fen == 0 else { return nil }
        let units = amount.fen / step.fen
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let fraction = String(units % scale)
        let digits = decimals == 0 ? "" : "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(units / scale)\(digits)亿元"
    }

    /// A finding when `printed` is not `part ÷ whole` at the precision `max(printed decimals, precision)`.
    static func comparePercent(
        _ printed: Percentage, part: Money, whole: Money, precision: Int, _ statement: NarrativeStatement,
        _ context: CheckContext, formula: String
    ) -> Finding? {
        let places = max(printed.decimals, precision)
        guard let expected = Percentage.ratio(part, of: whole, precision: places), let stated = printed.scaled(to: places)
        else { return nil }
        let units = expected.scaled.subtractingReportingOverflow(stated).partialValue.magnitude
        guard units != 0 else { return nil }
        let isRounding = units == 1
        var finding = context.finding(
            "所列\(printed.description)，按\(formula)计算应为\(expected.strippedDescription)",
            "printed \(printed.description), \(formula) gives \(expected.strippedDescription)",
            at: location(statement), expected: expected.strippedDescription, actual: printed.description,
            severity: isRounding ? .warning : nil)
        finding.expected = .text("\(expected.strippedDescription)（\(formula)）")
        finding.isRounding = isRounding
        return finding
    }

    static func word(_ direction: ChangeDirection, amount: Bool) -> String {
        switch direction {
        case .increase: amount ? "增加" : "增长"
        case .decrease: amount ? "减少" : "下降"
        case .unchanged: "持平"
        }
    }

    static func name(_ wording: BudgetWording) -> String {
        switch wording {
        case .greater: "大于"
        case .less: "小于"
        case .equal: "等于"
        case .roughlyEqual: "基本持平"
        case .noBudget: "年初无预算"
        }
    }
}
