import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensTestSupport
import Testing

@Suite("Reading evaluation reports from the seeds")
struct SeedReadingTests {
    @Test("003: 5 一级, 13 二级 and 27 三级 indicators whose scores add up to 82.03; total 82.03 良")
    func zaozhuangIndicators() throws {
        let report = try EvaluationSeed.read(EvaluationSeed.zaozhuang)
        #expect(report.kind == .departmentEvaluation)
        #expect(report.firstLine == 7)
        #expect(report.title == "2024 年度枣庄市市中区医疗保障局（本级）部门预算整体绩效评价报告")
        #expect(report.indicators(level: .first).map(\.name) == ["财政资源配置", "预算管理", "绩效管理", "部门履职效能", "社会效应"])
        #expect(report.indicators(level: .first).compactMap(\.weight?.hundredths) == [1200, 2800, 1500, 3500, 1000])
        #expect(report.indicators(level: .second).count == 13)
        let thirds = report.indicators(level: .third)
        #expect(thirds.count == 27)
        #expect(thirds.map(\.code) == (1...27).map { "(\($0))" })
        #expect(thirds.allSatisfy { $0.weight != nil && $0.scores[.score] != nil && !$0.rule.isEmpty })
        #expect(thirds.reduce(0) { $0 + ($1.scores[.score]?.hundredths ?? 0) } == 8203)
        let progress = try #require(thirds.first { $0.code == "(3)" })
        #expect(progress.name == "预算执行进度" && progress.weight == Score(points: 2) && progress.scores[.score] == .zero)
        #expect(progress.source.line == 585 && progress.scoreSource?.line == 636)
        #expect(progress.rule.hasPrefix("预算执行进度=部门预算实际支出数/(年初预算批复数+年中预算调整数)*100%"))
        #expect(progress.basis.contains("扣 0.67 分"))
        #expect(progress.dataSource == "预决算数据、财务凭证")
        let satisfaction = try #require(thirds.last)
        #expect(satisfaction.name == "服务对象满意度" && satisfaction.scores[.score] == Score(hundredths: 240))
        #expect(report.totals.map { "\($0.score.map(\.description) ?? "-") \($0.grade ?? "-") \($0.source.line)" }
            == ["82.03 - 675", "82.03 良 93", "82.03 良 325"])
    }

    @Test("003: 总览表 五 and 表3-1, the grade bands, the counts, 表3-2 and the budget figures")
    func zaozhuangTables() throws {
        let report = try EvaluationSeed.read(EvaluationSeed.zaozhuang)
        #expect(report.summaries.map(\.title) == ["五、评价得分和等级", "表 3-1 2024 年度部门预算整体绩效评价得分情况表"])
        let table = try #require(report.summaries.last)
        #expect(table.columns == [.score] && table.hasRate && !table.hasDeduction)
        #expect(table.rows.map(\.name) == ["财政资源配置", "预算管理", "绩效管理", "部门履职效能", "社会效应", "合计"])
        #expect(table.rows[1].scores[.score] == Score(hundredths: 2120) && table.rows[1].rate == Score(hundredths: 7571))
        #expect(table.total?.scores[.score] == Score(hundredths: 8203) && table.total?.source.line == 337)
        #expect(report.gradeBands.map { "\($0.grade)\($0.minimum)" } == ["优90", "良80", "中60", "差0"])
        #expect(report.gradeBands.first?.source.line == 261)
        let counts = report.statedCounts.map { "\($0.scope ?? "全部") \($0.level.chineseName) \($0.count)" }
        #expect(counts == [
            "全部 一级 5", "全部 二级 13", "全部 三级 27", "财政资源配置 二级 2", "财政资源配置 三级 2", "预算管理 二级 7",
            "预算管理 三级 13", "绩效管理 二级 1", "绩效管理 三级 3", "部门履职效能 二级 2", "部门履职效能 三级 7",
            "社会效应 二级 1", "社会效应 三级 2",
        ])
        let funds = try #require(report.fundTables.first)
        #expect(report.fundTables.count == 1)
        #expect(funds.title == "表 3-2 市中区医疗保障局转移支付资金执行情况表" && funds.unit == .wanYuan)
        #expect(funds.columns.first == "预算到位资金·中央资金" && funds.columns.last == "实际支出资金·小计")
        #expect(funds.rows.map(\.label) == ["疗救助资金", "离休伤残医疗补助", "提升医保服务能力建设"])
        #expect(funds.rows[1].amounts[2] == .zero, "—— is no amount")
        #expect(funds.total?.amounts[0] == Money(parsing: "392.54", unit: .wanYuan) && funds.total?.source.line == 402)
        #expect(report.problemList.map(\.category) == ["财政资源配置"] + Array(repeating: "预算管理", count: 5)
            + ["绩效管理", "绩效管理"] + Array(repeating: "履职效能", count: 4) + ["满意度", "满意度"])
        #expect(report.problemList.first?.source.line == 682 && report.problemList.last?.source.line == 699)
        #expect(report.budgetFigures?.initial == Money(parsing: "12847.65", unit: .wanYuan))
        #expect(report.budgetFigures?.annual == Money(parsing: "8848.19", unit: .wanYuan))
        let adjustment = try #require(report.budgetAdjustment)
        #expect(adjustment.adjustment == Money(parsing: "1268.369", unit: .wanYuan) && adjustment.isCut)
        #expect(adjustment.claimedBelowPercent == 10 && adjustment.source.line == 345)
    }

    @Test("004: the system stated in prose: 4 一级 (20, 11, 49, 10), 9 二级, 32 三级 listed; 98 and 优秀")
    func shandanSystem() throws {
        let report = try EvaluationSeed.read(EvaluationSeed.shandan)
        #expect(report.kind == .transferEvaluation)
        #expect(report.title == "山丹县医疗保障局 2023年医疗保障与服务能力提升补助资金 绩效评价报告")
        let firsts = report.indicators(level: .first)
        #expect(firsts.map(\.name) == ["项目决策", "过程管理", "项目产出", "满意度指标"])
        #expect(firsts.compactMap(\.weight?.hundredths) == [2000, 1100, 4900, 1000])
        #expect(report.indicators(level: .second).compactMap(\.weight?.hundredths) == [500, 300, 600, 600, 500, 600, 2500, 2400, 1000])
        #expect(report.indicators(level: .third).count == 32)
        #expect(report.indicators(level: .third).contains { $0.name == "资金分配合理性" }, "a name split by a page break")
        #expect(report.indicators(level: .third).contains { $0.name == "医保新闻宣传、政府信息工作和政策研究能力方面培训" })
        let counts = report.statedCounts.map { "\($0.scope ?? "全部") \($0.level.chineseName) \($0.count) \($0.source.line)" }
        #expect(counts.prefix(5) == ["全部 一级 4 42", "全部 二级 9 42", "全部 三级 33 42", "项目决策 二级 4 46", "项目决策 三级 7 46"])
        #expect(counts.contains("过程管理 三级 5 60") && counts.contains("数量指标 三级 11 70"))
        #expect(report.totals.map { "\($0.score.map(\.description) ?? "-") \($0.grade ?? "-") \($0.source.line)" }
            == ["- 优秀 38", "98 - 88"])
    }

    @Test("000's annex: composite 40/60, six summary tables, the 得分表 rows with three score columns")
    func yantaiAnnex() throws {
        let report = try EvaluationSeed.read(Seed.yantai)
        #expect(report.kind == .projectEvaluation && report.firstLine == 1021)
        #expect(report.compositeWeights?.nonField == 40 && report.compositeWeights?.field == 60)
        #expect(report.compositeWeights?.source.line == 1200)
        #expect(report.summaries.map(\.source.line) == [1204, 1217, 1232, 1700, 1743, 1756])
        #expect(report.summaries.map(\.columns) == [
            [.nonField, .field, .composite], [.nonField], [.field], [.nonField, .field, .composite], [.nonField], [.field],
        ])
        let benefit = try #require(report.summaries[0].rows.first { $0.name == "效益" })
        #expect(benefit.scores == [.nonField: Score(hundredths: 3257), .field: Score(hundredths: 3281), .composite: Score(hundredths: 3272)])
        #expect(benefit.deduction == Score(hundredths: 228) && benefit.rate == Score(hundredths: 9347))
        #expect(report.indicators(level: .third).map(\.code) == (1...11).map { "C\($0)" })
        #expect(report.indicators(level: .detail).count == 21)
        let late = try #require(report.indicators.first { $0.scoreSource?.line == 2530 })
        #expect(late.name == "生育医疗费及津贴支出拨付及时率" && late.weight == Score(points: 2))
        #expect(late.scores == [.nonField: Score(hundredths: 140), .field: Score(hundredths: 180), .composite: Score(hundredths: 164)])
        #expect(report.totals.first?.columns[.composite] == Score(hundredths: 9322) && report.totals.first?.source.line == 2543)
        #expect(report.problems.map(\.code) == ["indicator.unnamed"], "the 征缴预算完成率 row of 附件2 prints no name")
        #expect(report.fieldUnits == ["龙口市", "牟平区", "莱阳市", "开发区", "芝罘区", "市直"])
        #expect(report.caseTables.map(\.source.line) == [2246, 2260, 2275])
        #expect(report.caseTables[1].counts.map { "\($0.unit)\($0.count)" } == ["市直3", "牟平区1", "龙口市1", "莱阳市1"])
        let statement = try #require(report.scoreStatements.first { $0.source.line == 2293 })
        #expect(statement.weight == Score(points: 35) && statement.score == Score(hundredths: 3272))
        #expect(statement.rate == Score(hundredths: 9349))
    }

    @Test("a text with no report reads as unusable, never crashes")
    func noReport() {
        let report = EvaluationSeed.read(text: "这是一段文字。\n\n没有指标。\n")
        #expect(!report.isUsable && report.indicators.isEmpty)
        #expect(EvaluationSeed.read(text: "").isUsable == false)
    }
}

@Suite("Document kinds of evaluation reports")
struct DocumentKindTests {
    @Test("titles name the kind: 部门整体, 转移支付 / 补助资金, another 评价报告 a project, 自评 a self-evaluation")
    func kinds() {
        #expect(DocumentKind.evaluationKind(title: "2024 年度枣庄市市中区医疗保障局（本级）部门预算整体绩效评价报告") == .departmentEvaluation)
        #expect(DocumentKind.evaluationKind(title: "山丹县医疗保障局 2023年医疗保障与服务能力提升补助资金 绩效评价报告") == .transferEvaluation)
        #expect(DocumentKind.evaluationKind(title: "2022年度中央对地方转移支付资金绩效评价报告") == .transferEvaluation)
        #expect(DocumentKind.evaluationKind(title: "2022年度烟台市职工基本 医疗保险基金项目 绩效评价报告") == .projectEvaluation)
        #expect(DocumentKind.evaluationKind(title: "2022年度部门整体支出绩效自评报告") == .selfEvaluation)
        #expect(DocumentKind.evaluationKind(title: "烟台市医疗保障局2022年度部门决算") == nil)
        #expect(DocumentKind.departmentEvaluation.isEvaluationReport && !DocumentKind.selfEvaluation.isEvaluationReport)
        #expect(DocumentKind.transferEvaluation.chineseName == "转移支付绩效评价报告")
    }
}
