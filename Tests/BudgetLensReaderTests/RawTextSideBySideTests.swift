import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Raw `pdftotext` text (no `-layout`) of 公开01: the labels of both blocks, then the amounts detached from them,
/// each block's amounts in 行次 order but the two blocks interleaved (RawTextSideBySide).
@Suite("raw pdftotext 公开01 and 公开04")
struct RawTextSideBySideTests {
    static let incomeLabels = [
        "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入",
        "六、经营收入", "七、附属单位上缴收入", "八、其他收入",
    ]
    static let classLabels = [
        "一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出", "六、科学技术支出",
        "七、文化旅游体育与传媒支出", "八、社会保障和就业支出", "九、卫生健康支出", "十、节能环保支出", "十一、城乡社区支出",
        "十二、农林水支出", "十三、交通运输支出", "十四、资源勘探工业信息等支出", "十五、商业服务业等支出", "十六、金融支出",
        "十七、援助其他地区支出", "十八、自然资源海洋气象等支出", "十九、住房保障支出", "二十、粮油物资储备支出",
        "二十一、国有资本经营预算支出", "二十二、灾害防治及应急管理支出", "二十三、其他支出", "二十四、抗疫特别国债安排的支出",
    ]

    /// A raw 公开01: every label (a 类 label wrapped as poppler prints it), then the amounts, the 收入 and 支出 blocks
    /// interleaved. 收入 rows 1–8 hold 100.00 … 800.00 (本年收入合计 3,600.00, 使用非财政拨款结余 5,000.00, 年初
    /// 7,000.00, 总计 15,600.00); the 24 类 hold 0.10 … 2.40 (本年支出合计 30.00, 结余分配 2.00, 年末 15,568.00, 总计
    /// 15,600.00). `classes` replaces the 类 amounts (nil: dropped, a blank cell).
    static func summary(classes: [String?]? = nil, expenditureTotal: String = "30.00", carryOut: String = "15568.00") -> String {
        var labels: [String] = ["收入支出决算总表", "单位：万元", "收入", "项目", "支出", "决算数", "项目"]
        for index in 0..<max(incomeLabels.count, classLabels.count) {
            if index < incomeLabels.count { labels.append(incomeLabels[index]) }
            if index < classLabels.count {
                let label = classLabels[index]
                if label.hasPrefix("二十二") {
                    labels += ["二十二、灾害防治及应急管理支", "出"]
                } else {
                    labels.append(label)
                }
            }
        }
        labels += ["本年收入合计", "本年支出合计", "使用非财政拨款结余（含专用结余）", "结余分配", "年初结转和结余", "年末结转和结余", "总计"]
        let income = (1...8).map { String(format: "%d.00", $0 * 100) } + ["3600.00", "5000.00", "7000.00", "15600.00"]
        let classAmounts = classes ?? (1...24).map { String(format: "%d.%02d", $0 / 10, ($0 % 10) * 10) }
        let expenditure = classAmounts.compactMap { $0 } + [expenditureTotal, "2.00", carryOut]
        // Interleaved: one 收入 amount, then two 支出 amounts, while both last.
        var amounts: [String] = []
        var i = 0, e = 0
        while i < income.count || e < expenditure.count {
            if i < income.count { amounts.append(income[i]); i += 1 }
            for _ in 0..<2 where e < expenditure.count { amounts.append(expenditure[e]); e += 1 }
        }
        // The 支出 总计 and its label after the note, as raw pdftotext prints them.
        return (labels + amounts + ["注：本表反映部门本年度的总收支和年末结转结余情况。", "总计", "15600.00", "收入决算表"])
            .joined(separator: "\n\n") + "\n"
    }

    /// `label|栏次|fen` of every cell with money of 公开01.
    private func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.incomeExpenditureSummary)?.rows.flatMap { row in
            row.cells.compactMap { cell in
                guard let fen = cell.value?.fen, fen != 0 else { return nil }
                return "\(row.item)|\(cell.column)|\(fen / 10_000)"
            }
        } ?? []
    }

    @Test("every row holding money: the identities place each amount, the cells are exact")
    func denseSummaryRead() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.summary().utf8), file: "raw.txt")
        var expected = Self.incomeLabels.enumerated().map { "\($1)|1|\(($0 + 1) * 10_000)" }
        expected += ["本年收入合计|1|360000", "使用非财政拨款结余（含专用结余）|1|500000", "年初结转和结余|1|700000", "总计|1|1560000"]
        expected += Self.classLabels.enumerated().map { "\($1)|2|\(($0 + 1) * 10)" }
        expected += ["本年支出合计|2|3000", "结余分配|2|200", "年末结转和结余|2|1556800", "总计|2|1560000"]
        #expect(cells(disclosure).sorted() == expected.sorted())
        #expect(disclosure.problems.filter { $0.table == .incomeExpenditureSummary }.isEmpty)
        // 0.10 keeps its place in the raw text.
        let row = disclosure.table(.incomeExpenditureSummary)?.rows.first { $0.item == "一、一般公共服务支出" }
        let text = Self.summary().components(separatedBy: "\n")
        #expect(row.flatMap { $0.cells.first { $0.value?.fen == 100_000 }?.source.line }.map { text[$0 - 1] } == "0.10")
    }

    @Test("a planted mis-sum (本年支出合计 30.01 ≠ Σ 类 30.00) leaves the table unread, reported, no cell")
    func misSumNotRead() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.summary(expenditureTotal: "30.01").utf8), file: "raw.txt")
        #expect(disclosure.table(.incomeExpenditureSummary) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .incomeExpenditureSummary })
        let note = disclosure.problems.first { $0.code == "page-text.row-unplaced" && $0.table == .incomeExpenditureSummary }
        #expect(note?.severity == .warning)
        #expect(note?.message.contains("没有一种放置满足勾稽关系") == true)
    }

    @Test("a 类 amount missing (a blank 类 row): 23 amounts fit 24 rows two ways — not read, both readings named")
    func twoReadingsNoted() throws {
        // 一般公共服务支出's 0.10 dropped, 本年支出合计 29.90 and 年末 15,568.10: 0.20 could be 一般公共服务支出's or
        // 外交支出's, the identities hold both ways.
        var classes: [String?] = (1...24).map { String(format: "%d.%02d", $0 / 10, ($0 % 10) * 10) }
        classes[0] = nil
        let text = Self.summary(classes: classes, expenditureTotal: "29.90", carryOut: "15568.10")
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        #expect(disclosure.table(.incomeExpenditureSummary) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .incomeExpenditureSummary })
        let note = disclosure.problems.first { $0.code == "page-text.placement-ambiguous" && $0.table == .incomeExpenditureSummary }
        #expect(note?.severity == .warning)
        #expect(note?.message.contains("23 个金额可在 24 行中任选 23 行") == true, "\(note?.message ?? "")")
        #expect(note?.message.contains("0.20→一、一般公共服务支出 | 0.20→二、外交支出") == true)
    }

    @Test("no amount at all (a blank template): every row read blank")
    func blankRead() throws {
        var lines = Self.summary().components(separatedBy: "\n").filter { Double($0) == nil }
        lines.removeAll { $0.isEmpty }
        let disclosure = try DisclosureReader.read(data: Data((lines.joined(separator: "\n") + "\n").utf8), file: "raw.txt")
        let table = try #require(disclosure.table(.incomeExpenditureSummary))
        #expect(cells(disclosure).isEmpty)
        // 12 收入 rows and 24 类 + 4 支出 totals, as the template's PDF reads them.
        #expect(table.rows.flatMap(\.cells).count == 40)
    }

    @Test("a label missing (年初结转和结余): not read")
    func labelMissing() throws {
        let text = Self.summary().replacingOccurrences(of: "年初结转和结余\n", with: "")
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        #expect(disclosure.table(.incomeExpenditureSummary) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .incomeExpenditureSummary })
    }
}

/// Raw `pdftotext` text of 公开09 whose amounts run on after its note (the 规划和自然资源局 PDF: five amounts, the
/// note, seven more).
@Suite("raw pdftotext 公开09 after its note")
struct RawTextThreePublicTests {
    static func text(_ last: String = "0.39") -> String {
        let header = [
            "财政拨款“三公”经费支出决算表", "单位：万元", "财政拨款“三公”经费", "公务用车购置及运行维护费", "因公出国", "（境）费", "合计",
            "预算数", "决算数", "预算数", "决算数", "公务用车", "购置费", "小计", "公务接待费", "公务用车", "运行维护费", "预算数",
            "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数",
        ]
        return (header + ["2.85", "0.39", "0.00", "0.00", "0.00", "注：本表反映部门本年度“三公”经费支出预决算情况。"]
            + ["0.00", "0.00", "0.00", "0.00", "0.00", "2.85", last, "政府性基金预算财政拨款收入支出决算表", "单位：万元", "项目"])
            .joined(separator: "\n\n") + "\n"
    }

    @Test("the twelve amounts, seven after the note, read in the header's column order when the identities hold")
    func lateAmountsRead() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.text().utf8), file: "raw.txt")
        let table = try #require(disclosure.table(.threePublicExpenses))
        // Values in hundredths of 万元, by 栏次.
        let values = table.rows.flatMap(\.cells).map { "\($0.column)|\($0.value.map { "\($0.fen / 10_000)" } ?? "-")" }
        // 栏次 1–6 预算数 (合计, 因公出国（境）费, 小计, 购置费, 运行维护费, 公务接待费), 7–12 决算数, as the PDF reads them.
        #expect(values.sorted() == ["1|285", "2|0", "3|0", "4|0", "5|0", "6|285", "7|39", "8|0", "9|0", "10|0", "11|0", "12|39"].sorted())
        // Read whole: the first try's note (the five amounts before the note fit no placement alone) is not kept.
        #expect(!disclosure.problems.contains { $0.table == .threePublicExpenses && $0.severity != .info }, "\(disclosure.problems)")
    }

    @Test("a planted mis-sum (公务接待费 决算数 0.45 ≠ 合计 0.39, beyond 1 分 a part): not read, reported")
    func misSumNotRead() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.text("0.45").utf8), file: "raw.txt")
        #expect(disclosure.table(.threePublicExpenses) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .threePublicExpenses })
        // Not read: why is said (the five amounts alone fit no placement).
        #expect(disclosure.problems.contains { $0.code == "page-text.row-unplaced" && $0.table == .threePublicExpenses })
    }
}
