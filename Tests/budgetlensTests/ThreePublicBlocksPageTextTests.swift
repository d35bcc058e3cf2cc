import BudgetLensTestSupport
import Foundation
import Testing

/// Seed 001's 公开09 (威海, Shandong layout: a 预算数 block of six columns, then a 决算数 block, 栏次 1–12) as a
/// fresh tester extracted it from a Chromium print: pdfplumber's page text wraps the narrow headings (`预算` over
/// `数`), so the header never names `预算数` and the row was read in Shanghai's 预算数/决算数 pairs — 10.09 in 栏4,
/// 7.32 in 栏7, and false 09-1/09-2 errors. The wrapped words now name the blocks; a row whose header named
/// neither layout takes the layout whose identities its twelve amounts satisfy, when only one does.
@Suite("公开09 in 预算数/决算数 blocks from page text: the seed's cells")
struct ThreePublicBlocksPageTextTests {
    /// The page text of the table (the tester's cut of `seed1.plumb.txt`, verbatim; U+2F00 radicals as pdfplumber
    /// gave them).
    static let wrappedHeader = """
2023年度威海市医疗保障局本级决算
财政拨款“三公”经费⽀出决算表
公开09表
单位：威海市医疗保障局（本级）
⾦额单位：万元
预算 决算
数 数
因公出国 公务⽤⻋购置及运⾏ 公务接待 因公出国 公务⽤⻋购置及运⾏ 公务接待
合计 合计
（境） 费 维护费 费 （境） 费 维护费 费
公务⽤⻋购 公务⽤⻋运⾏维 公务⽤⻋购 公务⽤⻋运⾏维
⼩计 ⼩计
置费 护费 置费 护费
1 2 3 4 5 6 7 8 9 10 11 12
10.09 7.32 0.00 0.00 0.00 2.77 10.09 7.32 0.00 0.00 0.00 2.77\u{0C}注：本表反映单位本年度财政拨款“三公”经费⽀出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和
以前年度结转资⾦安排的实际⽀出。
"""

    /// The same table with no header lines at all (the tester's planted cut).
    static let noHeader = """
2023年度威海市医疗保障局本级决算
财政拨款“三公”经费支出决算表
公开09表
单位：威海市医疗保障局（本级）
金额单位：万元
1 2 3 4 5 6 7 8 9 10 11 12
10.09 7.32 0.00 0.00 0.00 2.77 10.09 7.32 0.00 0.00 0.00 2.77
"""

    /// `栏次 → value` of 公开09 from `budgetlens cells FILE`.
    private func threePublic(_ file: String) throws -> [String: String] {
        let run = try BudgetLensBinary.run(["cells", file])
        var cells: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") where line.hasPrefix("09,") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            cells[String(fields[4])] = String(fields[5])
        }
        return cells
    }

    @Test("wrapped 预算/数 headings, and no header: 公开09 reads as seed 001's tab text")
    func blocks() throws {
        let expected = try threePublic(Seed.path(Seed.weihai))
        #expect(expected["1"] == "10.09" && expected["2"] == "7.32" && expected["6"] == "2.77" && expected["8"] == "7.32")
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("wrapped", Self.wrappedHeader), ("bare", Self.noHeader)] {
            let file = folder.appendingPathComponent("\(name).txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            #expect(try threePublic(file.path) == expected, "\(name)")
            let check = try BudgetLensBinary.run(["check", file.path])
            #expect(!check.stdout.contains("09-1") && !check.stdout.contains("09-2"), "\(name): \(check.stdout)")
        }
    }
}
