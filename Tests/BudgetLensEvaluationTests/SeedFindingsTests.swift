import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensTestSupport
import Testing

/// Every finding on the real reports, each verified by hand (python3 `decimal`, ROUND_HALF_UP); the lists are
/// complete, so every other identity of the seeds holds and raises nothing.
@Suite("Checking the seeds' evaluation reports")
struct SeedFindingsTests {
    @Test("003: 表3-2 合计 中央 and 小计, the 调减 claim, (1) under its own rule, (3)'s node deductions; nothing else")
    func zaozhuang() throws {
        let report = try EvaluationSeed.read(EvaluationSeed.zaozhuang)
        let (findings, recomputed) = EvaluationChecks.evaluate(report)
        #expect(findings.map(\.summary) == [
            // 12847.65 − 1268.369 = 11579.281, the 总览表 prints 全年预算 8848.19 (a cut of 3999.46 = 31.13 %).
            "M-ADJ error 345 11579.281 8848.19",
            // 333 + 50 + 4.77 = 387.77 and 659.5 + 89 + 4.77 = 753.27, in both halves of 表3-2.
            "F-2 error 402 387.77 392.54", "F-2 error 402 753.27 758.04",
            "F-2 error 402 387.77 392.54", "F-2 error 402 753.27 758.04",
            // ④: 31.13 % ≥ 10 % → 0.1 + 21 × 0.1 = 2.2, capped at 2 → 10 − 2 = 8.
            "R-10 error 632 8.00 10.00",
            // 75 − 61.57 = 13.43 → 7 started 2-point steps → 0.7; 92 − 61.57 = 30.43 → 16 steps → 1.6 (score 0 either way).
            "R-6 warning 636 0.70 0.67", "R-6 warning 636 1.60 1.52",
        ])
        let adjustment = try #require(findings.first { $0.rule == "M-ADJ" })
        #expect(adjustment.message.contains("9.87%") && adjustment.message.contains("31.13%"))
        #expect(adjustment.difference == Money(parsing: "-2731.091", unit: .wanYuan))
        let central = try #require(findings.first { $0.rule == "F-2" })
        #expect(central.difference == Money(parsing: "4.77", unit: .wanYuan) && !central.isRounding)
        let thirds = report.indicators.indices.filter { report.indicators[$0].level == .third }
        #expect(recomputed[thirds[0]] == Score(points: 8))
        #expect(recomputed[thirds[20]] == Score(hundredths: 290), "(21) 56710/58634 = 96.72 % × 3 = 2.9016 → 2.90")
        let firsts = report.indicators.indices.filter { report.indicators[$0].level == .first }
        #expect(firsts.map { recomputed[$0]?.hundredths } == [900, 2120, 1250, 3013, 720])
    }

    @Test("004: 一级 weights 20 + 11 + 49 + 10 = 90; 33 三级 stated, 32 listed; 过程管理 5 stated, 4 listed; 98 > 90")
    func shandan() throws {
        let findings = EvaluationChecks.run(try EvaluationSeed.read(EvaluationSeed.shandan))
        #expect(findings.map(\.summary) == [
            "W-2 error 42 33 32", "W-1 error 44 100.00 90.00", "W-2 error 60 5 4", "E-6 error 88 90.00 98.00",
        ])
        #expect(findings[1].message == "一级指标分值之和 20 + 11 + 49 + 10 = 90，不等于100分")
    }

    @Test("000's annex: 效益 and total composites 0.01 off, the two 效益 得分率, the 0.5-per-case rule scored by 0.2")
    func yantai() throws {
        let findings = EvaluationChecks.run(try EvaluationSeed.read(Seed.yantai))
        #expect(findings.map(\.summary) == [
            // 32.72 / 35 = 93.486 → 93.49 %; 93.47 lies within the rates of 32.715…32.725 → rounding.
            "E-3 warning 1208 93.49 93.47",
            // 0.4 × 32.57 + 0.6 × 32.81 = 32.714 → 32.71; 0.4 × 90.67 + 0.6 × 94.91 = 93.214 → 93.21.
            "R-11 warning 1208 32.71 32.72", "R-11 warning 1209 93.21 93.22",
            "E-3 warning 1704 93.49 93.47", "R-11 warning 1704 32.71 32.72", "R-11 warning 1705 93.21 93.22",
            // 表1 prints 93.47 %, 正文 五(四) prints 93.49 %.
            "E-5 error 2293 93.47 93.49",
            // 表20: 市直 3 late payments × 0.5 (the rule) = 1.5 → 0.50, printed 1.40 (3 × 0.2); the field units
            // 龙口 1, 牟平 1, 莱阳 1, 开发区 0, 芝罘 0, 市直 3 → (1.5 + 1.5 + 1.5 + 2 + 2 + 0.5)/6 = 1.50, printed 1.80.
            "R-3 error 2530 0.50 1.40", "R-3 error 2530 1.50 1.80",
            // 表21 (0.2 per case, as printed): 牟平, 莱阳, 开发区, 市直 one each → (4 × 1.8 + 2 × 2)/6 = 1.8667 → 1.87,
            // printed 1.83 (= 11/6: one case more than the table lists).
            "R-3 error 2531 1.87 1.83",
            "R-11 warning 2543 93.21 93.22",
        ])
        #expect(findings.filter(\.isRounding).count == 7)
        let total = try #require(findings.first { $0.rule == "R-11" && $0.location.source?.line == 2543 })
        #expect(total.message.hasSuffix("得分表32行综合得分之和为 93.22，即报告先逐行舍入再求和"))
        let perCase = try #require(findings.first { $0.rule == "R-3" })
        #expect(perCase.message.contains("表20 生育医疗费用结算滞后情况表列市直3笔，评分办法每笔扣0.5分"))
        // 住院 (表19, 0.2 per case): 市直 3 → 1.40 and the field mean 1.80 are right and raise nothing.
        #expect(!findings.contains { $0.location.source?.line == 2529 })
    }
}
