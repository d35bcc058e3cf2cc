import BudgetLensTestSupport
import Foundation
import Testing

/// 公开05 of the 财政局 2024 (corpus 001) printed by Chromium from an HTML table whose 类, 款 and 项 stand in
/// columns of their own, then extracted with `pdftotext` (a fresh tester's file, cut to the table): the 类 code
/// stands alone on its line and `06 01 行政运行` starts the next. Every row was read with the code `201`, and
/// 449.52 in 201's 栏1 (false 05-2, 05-3). The 款 and 项 parts at the start of the line after a lone code now
/// complete it.
@Suite("page text: 类 alone on its line, 款 and 项 starting the next")
struct SplitCodeColumnsPageTextTests {
    /// The tester's cut, verbatim.
    static let text = """
上海市普陀区财政局2024年度部门决算
一般公共预算财政拨款支出决算表
单位：万元
项目
合计 基本支出 项目支出
支出功能分类
科目名称
科目编码
类
款 项
201
一般公共服务支出
2,106.66 1,503.52 603.14
201
06 财政事务
2,106.66 1,503.52 603.14
201
06 01 行政运行
1,511.89 1,503.52 8.37
201
06 02 一般行政管理事务
10.00
10.00
201
06 07 信息化建设
135.25
135.25
201
06 08 财政委托业务支出
449.52
449.52
208
社会保障和就业支出
326.72 326.72
208
05 行政事业单位养老支出
326.72 326.72
208
05 01 行政单位离退休
84.65 84.65
208
05 05 机关事业单位基本养老保险缴费支出 160.75 160.75
208
05 06 机关事业单位职业年金缴费支出
80.38 80.38
208
05 99 其他行政事业单位养老支出
0.94 0.94
210
卫生健康支出
60.99 60.99
210
11 行政事业单位医疗
60.99 60.99
210
11 01 行政单位医疗
60.99 60.99
221
住房保障支出
445.69 445.69
221
02 住房改革支出
445.69 445.69
221
02 01 住房公积金
187.19 187.19
221
02 03 购房补贴
258.50 258.50
合计
2,940.05 2,336.91 603.14

一般公共预算财政拨款基本支出决算表
"""

    /// 公开05's cells as `code item 栏次 value` lines, from `budgetlens cells FILE`.
    private func expenditure(_ file: String) throws -> [String] {
        try BudgetLensBinary.run(["cells", file]).stdout.split(separator: "\n").filter { $0.hasPrefix("05,") }.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[2]) \(fields[3]) \(fields[4]) \(fields[5])"
        }
    }

    @Test("the codes 20106, 2010601 …, and the corpus text's cells")
    func codes() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("05.raw.txt")
        try Self.text.write(to: file, atomically: true, encoding: .utf8)
        let read = try expenditure(file.path)
        let expected = try expenditure(Seed.corpusPath("001-shanghai-putuo-caizhengju-2024-final.txt"))
        #expect(expected.count == 60)
        #expect(read == expected)
        #expect(read.contains("2010601 行政运行 1 1511.89") && read.contains("201 一般公共服务支出 1 2106.66"))
    }
}
