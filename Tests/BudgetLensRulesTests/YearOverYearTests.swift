import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// Y-*: this year's disclosure against last year's (DOMAIN §1.4, §1.7): a synthetic pair of consecutive years.
@Suite("Year against year (Y-YEAR, Y-UNIT, Y-CARRY-01, Y-CARRY-04)")
struct YearOverYearTests {
    /// Last year's synthetic document (2022): 年末结转和结余 12.34 万元 in 公开01 and 公开04 (一般公共预算).
    static func lastYear(year: String = "2022", unit: String = "测试局") -> Disclosure {
        var synthetic = SyntheticDisclosure()
        synthetic.narrative = SyntheticDisclosure.tablesOnlyNarrative  // the carry-over alone; Y-NARR is NarrativeCheckTests'
        synthetic.set(.incomeExpenditureSummary, row: "60", column: 2, to: "12.34")
        for column in [2, 3] { synthetic.set(.appropriationSummary, row: "60", column: column, to: "12.34") }
        let text = synthetic.text.replacingOccurrences(of: "2023年度", with: "\(year)年度")
            .replacingOccurrences(of: "测试局", with: unit)
        return DisclosureReader.read(text: text, file: "last.txt")
    }

    /// This year's synthetic document (2023): 年初结转和结余 `carryOver` 万元 in 公开01, 12.34 in 公开04.
    static func thisYear(carryOver: String = "12.34") -> Disclosure {
        var synthetic = SyntheticDisclosure()
        synthetic.narrative = SyntheticDisclosure.tablesOnlyNarrative  // the carry-over alone; Y-NARR is NarrativeCheckTests'
        synthetic.set(.incomeExpenditureSummary, row: "29", column: 1, to: carryOver)
        synthetic.set(.appropriationSummary, row: "28", column: 1, to: "12.34")
        synthetic.set(.appropriationSummary, row: "29", column: 1, to: "12.34")
        return DisclosureReader.read(text: synthetic.text, file: "this.txt")
    }

    @Test("a consistent pair of consecutive years gives no finding")
    func consistentPair() {
        let last = Self.lastYear()
        #expect(last.header.year == 2022)
        #expect(YearOverYear.check(current: Self.thisYear(), previous: last).isEmpty)
    }

    @Test("a broken carry-over: 年初结转和结余 12.43 against last year's 年末 12.34 is exactly one Y-CARRY-01 error")
    func brokenCarryOver() throws {
        let findings = YearOverYear.check(current: Self.thisYear(carryOver: "12.43"), previous: Self.lastYear())
        #expect(findings.map(\.rule) == ["Y-CARRY-01"])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.actual?.amount == Money(wan: "12.43") && finding.expected?.amount == Money(wan: "12.34"))
        #expect(finding.difference == Money(wan: "0.09") && finding.tolerance == .zero)
        #expect(finding.location.table == "公开01" && finding.location.line == 29 && finding.location.column == 1)
        #expect(finding.operands.first?.line == 60 && finding.operands.first?.column == 2)
        #expect(finding.message.contains("公开01 行29 栏1 为 12.43，上年（last.txt）行60 栏2 为 12.34，差 0.09万元"))
    }

    @Test("last year's document of another year is Y-YEAR, and carry-overs are not compared")
    func wrongYear() {
        let findings = YearOverYear.check(current: Self.thisYear(carryOver: "12.43"), previous: Self.lastYear(year: "2021"))
        #expect(findings.map(\.rule) == ["Y-YEAR"])
        #expect(findings.first?.expected == .text("2022") && findings.first?.actual == .text("2021"))
    }

    @Test("another unit's document is Y-UNIT; skipping Y-UNIT (a renamed unit) compares the carry-over")
    func otherUnit() {
        let other = Self.lastYear(unit: "另一局")
        #expect(YearOverYear.check(current: Self.thisYear(), previous: other).map(\.rule) == ["Y-UNIT"])
        #expect(YearOverYear.check(current: Self.thisYear(), previous: other, skipping: ["Y-UNIT"]).isEmpty)
        #expect(
            YearOverYear.check(current: Self.thisYear(carryOver: "1.00"), previous: other, skipping: ["Y-UNIT"])
                .map(\.rule) == ["Y-CARRY-01"])
    }

    @Test("LAST printed in 元: 123,449.99 元 rounds to 12.34 万元 and matches; 123,450.00 元 is 12.35 万元 and does not")
    func differentUnits() throws {
        func lastYear(inYuan amount: String) -> Disclosure {
            var synthetic = SyntheticDisclosure()
            synthetic.narrative = SyntheticDisclosure.tablesOnlyNarrative  // the carry-over alone; Y-NARR is NarrativeCheckTests'
            synthetic.set(.incomeExpenditureSummary, row: "60", column: 2, to: amount)
            for column in [2, 3] { synthetic.set(.appropriationSummary, row: "60", column: column, to: "123400.00") }
            let text = synthetic.text.replacingOccurrences(of: "2023年度", with: "2022年度")
                .replacingOccurrences(of: "金额单位：万元", with: "金额单位：元")
            return DisclosureReader.read(text: text, file: "last.txt")
        }
        let matching = lastYear(inYuan: "123449.99")
        #expect(matching.moneyUnit == .yuan)
        #expect(YearOverYear.check(current: Self.thisYear(), previous: matching).isEmpty)
        let findings = YearOverYear.check(current: Self.thisYear(), previous: lastYear(inYuan: "123450.00"))
        #expect(findings.map(\.rule) == ["Y-CARRY-01"])
        #expect(findings.first?.expected?.amount == Money(wan: "12.35"))
    }

    @Test("公开04 per fund: 一般公共预算 年初 12.34 against last year's 年末 0 is one Y-CARRY-04 finding per row")
    func appropriationCarryOver() {
        var synthetic = SyntheticDisclosure()
        synthetic.narrative = SyntheticDisclosure.tablesOnlyNarrative  // the carry-over alone; Y-NARR is NarrativeCheckTests'
        synthetic.set(.incomeExpenditureSummary, row: "60", column: 2, to: "12.34")
        let last = DisclosureReader.read(
            text: synthetic.text.replacingOccurrences(of: "2023年度", with: "2022年度"), file: "last.txt")
        let findings = YearOverYear.check(current: Self.thisYear(), previous: last)
        #expect(findings.map(\.rule) == ["Y-CARRY-04", "Y-CARRY-04"])
        #expect(findings.map { $0.location.line ?? 0 } == [28, 29])
    }
}
