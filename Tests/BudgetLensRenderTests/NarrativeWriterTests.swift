import BudgetLensCore
import Foundation
import BudgetLensReader
import BudgetLensRender
import BudgetLensRules
import BudgetLensTestSupport
import Testing

@Suite("The 情况说明 written from the data")
struct NarrativeWriterTests {
    @Test("seed 001: 二's structure sentence is the seed's own, computed from 公开01")
    func weihaiIncome() throws {
        let sections = NarrativeWriter(disclosure: try Seed.read(Seed.weihai)).sections()
        let income = try #require(sections.first { $0.heading == "二、收入决算情况说明" })
        #expect(income.body.lines.map(\.text).contains("本年收入合计939.31万元，其中：财政拨款收入939.04万元，占99.97%；其他收入0.27万元，占0.03%。"))
        #expect(sections.first?.body.lines.first?.text == "2023年度收、支总计均为958.9万元。")
    }
}

@Suite("The written 情况说明 passes the narrative checks")
struct WrittenNarrativeCheckTests {
    /// The document with its 情况说明 replaced by the written one, read into statements as a published one would be.
    static func rewritten(_ disclosure: Disclosure, previous: Disclosure? = nil, budgets: [String: Money] = [:]) -> Disclosure {
        var copy = disclosure
        copy.narrative = NarrativeWriter(disclosure: disclosure, previous: previous, budgets: budgets).sections()
        copy.statements = StatementReader.read(copy.narrative)
        return copy
    }

    static func narrativeFindings(_ disclosure: Disclosure) throws -> [Finding] {
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        return report.findings.filter { $0.location.table == "情况说明" }
    }

    @Test("seeds 000–002 and the corpus: the written text reads back completely and the checks find nothing",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func seeds(_ name: String) throws {
        let written = Self.rewritten(try Seed.read(name))
        let reading = try #require(written.statements)
        #expect(reading.unread.isEmpty, "\(reading.unread.map(\.context))")
        #expect(reading.coverage.allSatisfy { $0.figures == $0.read })
        // The only findings allowed are the tables' own 尾数误差 showing through (000/002: 公开06's items add up
        // to 0.01 more than 公用经费合计, which 06-1/06-3 report too).
        let findings = try Self.narrativeFindings(written)
        #expect(findings.allSatisfy { $0.isRounding && $0.rule == "N-LIST" }, "\(findings.map { "\($0.rule) \($0.message)" })")
        if name == Seed.weihai { #expect(findings.isEmpty) }
    }
}

@Suite("The written 情况说明 against the published one")
struct WrittenAgainstPublishedTests {
    /// `类名(类)款名(款)项名(项)` → code, for the 项 rows of `table`.
    static func itemCodes(_ table: PublicTable) -> [String: String] {
        let names = Dictionary(table.rows.compactMap { row in row.code.map { ($0, TextNormalization.key(row.item)) } }) { a, _ in a }
        var codes: [String: String] = [:]
        for row in table.rows {
            guard let code = row.code, code.count == 7 else { continue }
            codes["\(names[String(code.prefix(3))] ?? "")(类)\(names[String(code.prefix(5))] ?? "")(款)\(TextNormalization.key(row.item))(项)"] = code
        }
        return codes
    }

    /// A statement as a comparable line: topic, subject key, claim.
    static func signature(_ statement: NarrativeStatement) -> String {
        "\(statement.topic.rawValue) \(TextNormalization.key(statement.subject)) \(statement.claim)"
    }

    @Test("seed 001: given the budgets its text states, every amount, share and completion it prints is written again, except the two the checks report")
    func weihai() throws {
        let published = try Seed.read(Seed.weihai)
        let table = try #require(published.table(.generalBudgetExpenditure))
        let codes = Self.itemCodes(table)
        var budgets: [String: Money] = [:]
        for statement in published.statements?.statements ?? [] where statement.topic == .generalBudget {
            guard case .completion(let budget?, _, _, _) = statement.claim else { continue }
            if let code = codes[TextNormalization.key(statement.subject)] { budgets[code] = budget }
            if statement.subject == "一般公共预算财政拨款支出" { budgets["05"] = budget }
        }
        #expect(budgets.count == 9, "the total and the eight 项")
        var written = published
        written.narrative = NarrativeWriter(disclosure: published, budgets: budgets).sections()
        written.statements = StatementReader.read(written.narrative)
        let topics: Set<NarrativeTopic> = [.income, .expenditure, .generalBudget, .basicExpenditure, .threePublic]
        func comparable(_ statements: [NarrativeStatement]) -> Set<String> {
            Set(statements.filter { statement in
                guard topics.contains(statement.topic) else { return false }
                switch statement.claim {
                case .amount, .share: return true
                case .completion(let budget, let actual, _, _): return budget != nil && actual != nil
                default: return false
                }
            }.map { statement -> String in
                // The wording after a completion differs by template (`决算数小于年初预算数，主要原因是…`): compare numbers.
                if case .completion(let budget, let actual, let rate, _) = statement.claim {
                    return "\(statement.topic.rawValue) \(TextNormalization.key(statement.subject)) \(String(describing: budget)) \(String(describing: actual)) \(rate.map { $0.strippedDescription } ?? "-")"
                }
                return Self.signature(statement)
            })
        }
        let missing = comparable(published.statements?.statements ?? []).subtracting(comparable(written.statements?.statements ?? []))
        // Not written again: the two shares the checks report (五(一) 99.97 % is 100 %, 五(二) 3.71 % is 3.7 %), and
        // four figures no table holds (001 publishes no 公开06; 公开09 has no 国内/国（境）外 split of 公务接待费).
        #expect(
            missing.sorted() == [
                "basicExpenditure 人员经费 amount(4042900.00元)", "basicExpenditure 公用经费 amount(487000.00元)",
                "generalBudget 一般公共预算财政拨款支出 share(part: Optional(9586400.00元), percent: 99.97%, base: Optional(\"本年支出合计\"), baseAmount: nil)",
                "generalBudget 住房保障支出(类)支出 share(part: Optional(355100.00元), percent: 3.71%, base: nil, baseAmount: Optional(9586400.00元))",
                "threePublic 国(境)外接待费 amount(0.00元)", "threePublic 国内接待费 amount(27700.00元)",
            ])
        let written五 = try #require(written.narrative.first { $0.number == 5 }).body.lines.map(\.text)
        #expect(written五.contains("2023年度一般公共预算财政拨款支出958.64万元，占本年支出合计的100%。"))
        #expect(written五.contains { $0.contains("住房保障支出（类）支出35.51万元，占3.7%") })
    }
}

@Suite("Budgets and reasons for the written 情况说明")
struct NarrativeInputsTests {
    @Test("a budgets-and-reasons file gives the 年初预算 and the 主要原因 their sentences")
    func inputs() throws {
        let json = #"{"budgets": {"05": "500", "2101504": "150.00"}, "reasons": {"五.具体": "年中追加"}}"#
        let inputs = try NarrativeInputs(json: Data(json.utf8), file: "inputs.json")
        #expect(inputs.budgets == ["05": Money(wan: "500.00"), "2101504": Money(wan: "150.00")])
        let disclosure = DisclosureReader.read(text: SyntheticDisclosure().text, file: "synthetic.txt")
        let sections = NarrativeWriter(disclosure: disclosure, budgets: inputs.budgets, reasons: inputs.reasons).sections()
        let five = try #require(sections.first { $0.number == 5 }).body.lines.map(\.text)
        #expect(five.contains("2023年度一般公共预算财政拨款支出年初预算为500万元，支出决算为600万元，完成年初预算的120%。决算数大于年初预算数的主要原因是年中追加。其中："))
        #expect(five.contains { $0.hasSuffix("信息化建设（项）。年初预算为150万元，支出决算为200万元，完成年初预算的133.33%。决算数大于年初预算数。") })
    }

    @Test("an amount that is not one is refused naming the key")
    func badAmount() {
        #expect(throws: NarrativeInputsError.self) {
            try NarrativeInputs(json: Data(#"{"budgets": {"05": "五百"}}"#.utf8), file: "inputs.json")
        }
        #expect(throws: NarrativeInputsError.self) { try NarrativeInputs(json: Data("[1]".utf8), file: "inputs.json") }
    }
}

@Suite("十–十二 written from the figures the document states")
struct StatedSectionsTests {
    /// The paragraphs of the written section whose heading ends with `heading`.
    static func section(_ sections: [NarrativeSection], _ heading: String) -> [String]? {
        sections.first { $0.heading.hasSuffix(heading) }?.body.lines.map(\.text)
    }

    @Test("seed 000: 十 (rate 3.9 ÷ 72.28), 十一 (shares of 884.61), 十二 (2 vehicles), numbered 十–十二 (十三 from the annexes)")
    func yantai() throws {
        let sections = NarrativeWriter(disclosure: try Seed.read(Seed.yantai)).sections()
        #expect(sections.map(\.number) == Array(1...13))
        #expect(Self.section(sections, "十、机关运行经费支出说明") == ["2022年度机关运行经费支出68.38万元，比年初预算数减少3.9万元，下降5.4%。"])
        #expect(
            Self.section(sections, "十一、政府采购支出说明") == [
                "2022年度政府采购支出总额884.61万元，其中：政府采购货物支出16.74万元、政府采购工程支出0万元、政府采购服务支出867.87万元。"
                    + "授予中小企业合同金额883.76万元，占政府采购支出总额的99.9%，其中：授予小微企业合同金额629.14万元，占政府采购支出总额的71.12%。"
            ])
        #expect(
            Self.section(sections, "十二、国有资产占用情况说明") == [
                "截至2022年12月31日，本部门共有车辆2辆，其中，符合规定领导干部用车0辆、机要通信用车1辆、应急保障用车0辆、执法执勤用车0辆、"
                    + "特种专业技术用车0辆、离退休干部用车0辆、其他用车1辆；单价100万元（含）以上设备（不含车辆）0台（套）。"
            ])
    }

    @Test("seed 002: 十's rate is the growth over the budget, 1537.62 % (the seed prints M ÷ B, 1637.62 %)")
    func zengdu() throws {
        let sections = NarrativeWriter(disclosure: try Seed.read(Seed.zengdu)).sections()
        #expect(Self.section(sections, "机关运行经费支出说明") == ["2022年度机关运行经费支出151.48万元，比年初预算数增加142.23万元，增长1537.62%。"])
    }

    @Test("corpus 001 (上海): 十 against last year (2.55 ÷ 182.1 = 1.4 %); 政府采购 in other words is left out and noted")
    func shanghai() throws {
        let writer = NarrativeWriter(disclosure: try Seed.readCorpus(Seed.shanghaiFinance))
        let sections = writer.sections()
        #expect(Self.section(sections, "机关运行经费支出说明") == ["2024年度机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.4%。"])
        #expect(Self.section(sections, "政府采购支出说明") == nil)
        #expect(Self.section(sections, "国有资产占用情况说明")?.first?.hasSuffix("其他用车0辆；单价100万元（含）以上设备（不含车辆）2台（套）。") == true)
        #expect(sections.map(\.heading).last == "十一、国有资产占用情况说明")
        #expect(writer.omissions().count == 2)
        #expect(writer.omissions().first?.hasPrefix("十一、政府采购支出说明：文档未陈述政府采购支出总额") == true)
    }

    @Test("no stated figures (the statements removed): 十–十二 left out, all four named in the omissions")
    func nothingStated() throws {
        var disclosure = try Seed.read(Seed.yantai)
        disclosure.statements = nil
        let writer = NarrativeWriter(disclosure: disclosure)
        #expect(writer.sections().count == 10)  // 一…九 and 十三 (from the annexed tables), numbered 十
        #expect(writer.sections().last?.heading == "十、预算绩效情况说明")
        #expect(writer.omissions().map { String($0.prefix(3)) } == ["十、机", "十一、", "十二、", "十三、"])
    }

    @Test("seeds 000–002 and corpus 001–003: the written 十–十二 read back as statements and draw no N-* finding")
    func checked() throws {
        let documents = try [Seed.yantai, Seed.weihai, Seed.zengdu].map { try Seed.read($0) }
            + [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.shanghaiSocialWorkLayout].map { try Seed.readCorpus($0) }
        for document in documents {
            let written = WrittenNarrativeCheckTests.rewritten(document)
            let topics = Set((written.statements?.statements ?? []).map(\.topic))
            #expect(topics.contains(.operatingCost) && topics.contains(.assets), "\(document.source.file)")
            #expect(written.statements?.unread.isEmpty == true, "\(document.source.file)")
            // Only the tables' own 尾数误差 showing through (公开06's items against its 合计, N-LIST) is allowed.
            let findings = try WrittenNarrativeCheckTests.narrativeFindings(written)
            #expect(findings.allSatisfy { $0.isRounding && $0.rule == "N-LIST" }, "\(document.source.file): \(findings.map { "\($0.rule) \($0.message)" })")
        }
    }
}

@Suite("十三 written from the annexed self-evaluations")
struct PerformanceSectionTests {
    /// Section 十三 of the written 情况说明 of `disclosure`, its paragraphs.
    static func performance(_ disclosure: Disclosure) -> [String]? {
        NarrativeWriter(disclosure: disclosure).sections().first { $0.heading.hasSuffix("、预算绩效情况说明") }?.body.lines.map(\.text)
    }

    @Test("seed 000: (二) counts the 汇总表 (18 of 18 优); each 综述's score, A, B and B ÷ A are the seed's own sentences")
    func yantai() throws {
        let disclosure = try Seed.read(Seed.yantai)
        let written = try #require(Self.performance(disclosure))
        #expect(written.count == 10)  // (二), five 市级 综述, (三), three 转移支付 综述
        #expect(written[0] == "（二）市级预算项目绩效自评结果。烟台市医疗保障局2022年度市级预算绩效自评的18个项目中，18个项目自评等级为优。")
        #expect(written[6] == "（三）中央对地方转移支付项目绩效自评结果。")
        // The seed's own 十三, spaces removed (it prints `99.86 分`, breaks lines at page ends).
        let published = try #require(disclosure.narrative.first { $0.number == 13 })
        let seedText = TextNormalization.key(published.body.lines.map(\.text).joined())
        let expectedHeads = [
            "1.医保支付方式改革专项经费项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为99.86分。全年预算数为123万元，执行数为121.23万元，完成预算的98.56%。",
            "2.基金监管方式创新改革经费项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为99.7分。全年预算数为246万元，执行数为238.7万元，完成预算的97.03%。",
            "3.医保专线及网络租赁费项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为98.72分。全年预算数为40万元，执行数为34.86万元，完成预算的87.15%。",
            "4.打击欺诈骗保专项经费项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为99.9分。全年预算数为52万元，执行数为51.48万元，完成预算的99%。",
            "5.困难群众医疗救助补助资金项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为100分。全年预算数为115万元，执行数为115万元，完成预算的100%。",
        ]
        for (offset, head) in expectedHeads.enumerated() {
            #expect(TextNormalization.key(written[offset + 1]).hasPrefix(TextNormalization.key(head)))
            #expect(seedText.contains(TextNormalization.key(head)), "the seed's own: \(head)")
        }
        // The transfers, in the annex's order (the seed's text lists them in the opposite order, numbered 1–3):
        // the amounts and rates are the seed's (9,164 = 9,164: 100 %; 624.78 ÷ 626 = 99.81 %).
        let transfers = [
            ("医疗救助补助", "该项目全年预算数为9,164万元，执行数为9,164万元，完成预算的100%。"),
            ("城乡居民基本医疗保险补助", "该项目全年预算数为225,784万元，执行数为225,784万元，完成预算的100%。"),
            ("医疗保障与服务能力提升补助", "该项目全年预算数为626万元，执行数为624.78万元，完成预算的99.81%。"),
        ]
        for (offset, (name, sentence)) in transfers.enumerated() {
            #expect(written[7 + offset].hasPrefix("\(offset + 1). \(name)项目绩效自评综述：\(sentence)项目绩效目标完成情况："))
            #expect(seedText.contains(TextNormalization.key("\(name)项目绩效自评综述：\(sentence)")))
        }
        #expect(written[5].hasSuffix("项目绩效目标完成情况：减轻困难群众医疗负担。"))
    }

    @Test("seeds 000 and 002: the written 十三 reads back with every figure read and draws no N-* finding of its own")
    func checked() throws {
        for name in [Seed.yantai, Seed.zengdu] {
            let document = try Seed.read(name)
            #expect(Self.performance(document) != nil, "\(name) annexes self-evaluations")
            let written = WrittenNarrativeCheckTests.rewritten(document)
            #expect(written.statements?.unread.isEmpty == true, "\(name)")
            let findings = try WrittenNarrativeCheckTests.narrativeFindings(written)
            #expect(findings.allSatisfy { $0.isRounding && $0.rule == "N-LIST" }, "\(name): \(findings.map { "\($0.rule) \($0.message)" })")
        }
    }

    @Test("a document without annexed self-evaluations: no 十三, and the omission says why")
    func none() throws {
        var disclosure = try Seed.read(Seed.yantai)
        disclosure.selfEvaluations = []
        disclosure.evaluationSummaries = []
        let writer = NarrativeWriter(disclosure: disclosure)
        #expect(Self.performance(disclosure) == nil)
        #expect(writer.omissions().last == "十三、预算绩效情况说明：文档未附绩效自评表，本节未生成 (section left out: the document annexes no self-evaluation)")
    }
}
