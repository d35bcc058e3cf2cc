import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens on PDFs")
struct PDFCommandTests {
    private func firstSixColumns(_ csv: String) -> [String] {
        csv.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
        }
    }

    @Test("cells X.pdf prints the cells cells X.txt prints; --pages adds each cell's page and box")
    func cells() throws {
        let pdf = try BudgetLensBinary.run(["cells", "--pages", Seed.corpusPath(Seed.shanghaiPDFs[1].pdf)])
        let text = try BudgetLensBinary.run(["cells", Seed.corpusPath(Seed.shanghaiPlanning)])
        #expect(pdf.status == 0 && text.status == 0)
        #expect(pdf.stdout.hasPrefix("table,line,code,item,column,value,source_line,page,box\n"))
        #expect(text.stdout.hasPrefix("table,line,code,item,column,value,source_line\n"))
        #expect(firstSixColumns(pdf.stdout) == firstSixColumns(text.stdout))
        #expect(firstSixColumns(pdf.stdout).count == 648)
        let total = try #require(pdf.stdout.split(separator: "\n").first { $0.hasPrefix("01,,,本年收入合计,1,9746.50,") })
        let fields = total.split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[7] == "7", "page 7")
        #expect(fields[8].split(separator: " ").count == 4, "x0 y0 x1 y1")
    }

    @Test("text X.pdf prints the rebuilt text: tables as tab-separated rows, codes in their 类/款/项 columns")
    func rebuiltText() throws {
        let result = try BudgetLensBinary.run(["text", Seed.corpusPath(Seed.financePDF)])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("201\t06\t01\t行政运行\t1,511.90\t1,511.89\t\t\t\t\t0.01"))
        #expect(lines.contains("第一部分 上海市普陀区财政局概况"))
        #expect(lines.prefix(2) == ["上海市普陀区财政局", "2024年度部门决算"], "the cover, read in line order")
    }

    @Test("check X.pdf --format json gives each finding its page and box")
    func checkJSON() throws {
        let result = try BudgetLensBinary.run(["check", Seed.corpusPath(Seed.financePDF), "--format", "json"])
        #expect(result.status == 1, "the tables hold warnings only; 四's 0.3 万元 against 2,961.68 is an N-BIND error")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let first = try #require(findings.first { $0["rule"] as? String == "02-3" })
        #expect(first["page"] as? Int == 8)
        #expect((first["box"] as? [Double])?.first == 371.79)
    }

    @Test("check on a truncated PDF exits 2 and names the file")
    func truncated() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Seed.corpusPath(Seed.financePDF)))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID()).pdf")
        try bytes.prefix(bytes.count / 2).write(to: url)
        let result = try BudgetLensBinary.run(["check", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(url.path) && result.stderr.contains("truncated"))
        #expect(result.stdout.isEmpty)
    }

    @Test("check on the test variant's PDF exits 1: its planted errors are found")
    func testVariant() throws {
        let result = try BudgetLensBinary.run(["check", Seed.corpusPath(Seed.shanghaiPDFs[2].pdf)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("F-XX") && result.stdout.contains("第7页"))
    }
}
