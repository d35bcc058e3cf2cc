import BudgetLensTestSupport
import Foundation
import Testing

/// 公开09 of a PDF printed by LibreOffice from a workbook (`render SEED --to xlsx`, then `soffice --convert-to
/// pdf`; found by a fresh tester): its 栏次 row `1 … 12` has some numbers against the headings above
/// (`公务用车运行维护费5`) and its fields do not line up with the amounts'; the amounts were numbered by field
/// position (seed 000: 栏3 0.00, 栏6 0.00, 栏12 0.00 — five amounts in no 栏次), with false 09-1/09-2/N-BIND errors.
/// The twelve amounts are now 栏次 1–12 in printed order (`SingleRowTableBuilder.printsAllColumnNumbers`).
@Suite("公开09 of LibreOffice PDFs: the twelve amounts in their 栏次", .enabled(if: ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"))
struct OfficePDFThreePublicTests {
    @Test("seed → XLSX → LibreOffice PDF: 公开09's cells are the seed's", arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func threePublic(_ seed: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("s.xlsx").path
        let render = try BudgetLensBinary.run(["render", Seed.path(seed), "--to", "xlsx", "-o", workbook])
        try #require(render.status == 0, "\(render.stderr)")
        let convert = try ProcessRunner.run("/usr/bin/env", [
            "soffice", "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless",
            "--convert-to", "pdf", "--outdir", folder.path, workbook,
        ])
        try #require(convert.status == 0)
        let key = { (records: String) in
            records.split(separator: "\n").filter { $0.hasPrefix("09,") }.map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
        }
        let fromPDF = key(try BudgetLensBinary.run(["cells", folder.appendingPathComponent("s.pdf").path]).stdout)
        let fromSeed = key(try BudgetLensBinary.run(["cells", Seed.path(seed)]).stdout)
        #expect(fromPDF.count == 12 && fromPDF == fromSeed, "\(fromPDF)")
    }
}
