import BudgetLensTestSupport
import Foundation
import Testing

/// The external programs the PDF round trip needs: headless Chromium to print, poppler's pdftotext to read back.
/// Missing programs skip the tests, unless `BUDGETLENS_TEST_TOOLS=1` says they must be there (CI): then the
/// tests run and fail.
enum RenderTools {
    static func onPath(_ names: [String]) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return names.contains { name in
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
    }

    static let available = onPath(["chromium", "chromium-browser", "google-chrome"]) && onPath(["pdftotext"])
    static let required = ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"
}

/// read → `render --to pdf` → `budgetlens cells OUT.pdf` (BudgetLens's own PDF reader) → the same cells (table,
/// 行次, code, item, 栏次, value) as the source, for the seeds and the corpus texts.
@Suite("render --to pdf: PDF → cells round trip", .enabled(if: RenderTools.available || RenderTools.required))
final class RenderPDFRoundTripTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-pdf-rt-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// `budgetlens cells FILE`'s records (no header line) without source_line.
    private func cells(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        #expect(result.status == 0, "\(file): \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "table,line,code,item,column,value,source_line")
        return lines.dropFirst().map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
    }

    /// Renders `source` to PDF and returns (source cells, PDF cells).
    private func roundTrip(_ source: String, name: String) throws -> (expected: [String], actual: [String]) {
        try #require(RenderTools.available, "BUDGETLENS_TEST_TOOLS=1 but chromium or pdftotext is missing")
        let out = folder.appendingPathComponent("\(name).pdf").path
        let result = try BudgetLensBinary.run(["render", source, "--to", "pdf", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        return (try cells(source), try cells(out))
    }

    /// Renders, reads back and compares: every record (table, 行次, code, item, 栏次, value) the same. Seeds 001/002's
    /// total-only 07/08 read back whole since the PDF reader takes a 栏次 printed against its heading
    /// (`基本支出4`) and a 栏次 row whose `栏次` stands in a later field (FunctionalTableBuilder).
    private func check(_ source: String, name: String, count: Int) throws {
        let (expected, actual) = try roundTrip(source, name: name)
        #expect(expected.count == count)
        #expect(actual == expected, "\(Self.difference(expected, actual))")
    }

    @Test("seed 000 → PDF → the same 775 cells, 公开01's filler rows 行30/61 included")
    func yantai() throws {
        try check(Seed.path(Seed.yantai), name: "000", count: 775)
    }

    @Test("seed 001 → PDF → the same 515 cells, its total-only 07/08 included")
    func weihai() throws {
        try check(Seed.path(Seed.weihai), name: "001", count: 515)
    }

    @Test("seed 002 → PDF → the same 422 cells, its total-only 07/08 included")
    func zengdu() throws {
        try check(Seed.path(Seed.zengdu), name: "002", count: 422)
    }

    @Test("corpus 001 (上海 财政局) → PDF → the same 577 cells, 07 and 08 in full (no 栏次 row)")
    func shanghaiFinance() throws {
        try check(Seed.corpusPath(Seed.shanghaiFinance), name: "c001", count: 577)
    }

    @Test("corpus 002 (上海 规划资源局) → PDF → the same 648 cells, 07 and 08 in full (no 栏次 row; 08 printed in its Shanghai order)")
    func shanghaiPlanning() throws {
        try check(Seed.corpusPath(Seed.shanghaiPlanning), name: "c002", count: 648)
    }

    @Test("corpus 003 (上海 社会工作部, pdftotext -layout text) → PDF → the same 534 cells, 07 and 08 in full (no 栏次 row)")
    func shanghaiSocialWork() throws {
        try check(Seed.corpusPath(Seed.shanghaiSocialWorkLayout), name: "c003", count: 534)
    }

    @Test("corpus 004 (上海 test variant) → PDF → the same 445 cells, 07 and 08 in full (no 栏次 row)")
    func shanghaiVariant() throws {
        try check(Seed.corpusPath(Seed.shanghaiTestVariant), name: "c004", count: 445)
    }

    @Test("corpus PDF (上海 财政局, the published file) → read → PDF → the same 577 cells, 07 and 08 in full (no 栏次 row)")
    func financePDF() throws {
        try check(Seed.corpusPath(Seed.financePDF), name: "p-finance", count: 577)
    }

    @Test("corpus PDF (附件2 部门决算模板) → read → PDF → the same 396 cells, 07 and 08 in full (no 栏次 row)")
    func templatePDF() throws {
        try check(Seed.corpusPath(Seed.templatePDF), name: "p-template", count: 396)
    }

    /// The 汇总表 rows (序号, 项目名称, 资金使用单位, 自评得分, 自评等级) and, per 自评表, its kind, project and the
    /// 年度资金总额 row's A and B, from `budgetlens export FILE --format json`.
    private func annexes(_ file: String) throws -> (summary: [String], tables: [String]) {
        let result = try BudgetLensBinary.run(["export", file, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let disclosure = try #require(root["disclosure"] as? [String: Any])
        let summaries = disclosure["evaluationSummaries"] as? [[String: Any]] ?? []
        let summary = summaries.flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }.map { row in
            let score = (row["score"] as? [String: Any])?["hundredths"].map { "\($0)" } ?? "-"
            return "\(row["number"] ?? "-")|\(row["project"] ?? "")|\(row["fundUser"] ?? "-")|\(score)|\(row["grade"] ?? "-")"
        }
        let evaluations = disclosure["selfEvaluations"] as? [[String: Any]] ?? []
        let tables = evaluations.map { evaluation -> String in
            let rows = ((evaluation["budget"] as? [String: Any])?["rows"] as? [[String: Any]]) ?? []
            let total = rows.first { $0["isTotal"] as? Bool == true }
            return "\(evaluation["kind"] ?? "")|\(evaluation["projectName"] ?? "")|\(total?["budget"] ?? "-")|\(total?["executed"] ?? "-")"
        }
        return (summary, tables)
    }

    @Test("seed 000's annexes → PDF → the 汇总表's 18 rows and the five 市级 自评表' project, A and B read back the same")
    func annexes() throws {
        try #require(RenderTools.available, "BUDGETLENS_TEST_TOOLS=1 but chromium or pdftotext is missing")
        let out = folder.appendingPathComponent("annex.pdf").path
        let result = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "pdf", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try annexes(Seed.path(Seed.yantai))
        let printed = try annexes(out)
        #expect(source.summary.count == 18)
        #expect(source.summary.first == "1|医疗救助补助资金|烟台市医疗保障局|10000|优")
        #expect(printed.summary == source.summary)
        let projects = source.tables.filter { $0.hasPrefix("project|") }
        #expect(projects.count == 5)
        #expect(projects.first == "project|医保支付方式改革专项经费|1230000.00|1212300.00")
        #expect(printed.tables.filter { $0.hasPrefix("project|") } == projects)
    }

    /// The records only one side has, for the failure message.
    static func difference(_ expected: [String], _ actual: [String]) -> String {
        let missing = expected.filter { !actual.contains($0) }.prefix(12)
        let extra = actual.filter { !expected.contains($0) }.prefix(12)
        return "missing: \(missing.joined(separator: " | "))\nextra: \(extra.joined(separator: " | "))"
    }
}
