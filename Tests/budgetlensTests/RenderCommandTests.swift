import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// `budgetlens render FILE --to html|xlsx -o OUT [--previous LAST]` through the built binary.
@Suite("budgetlens render")
final class RenderCommandTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-render-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The folder's file names, hidden ones included (a temporary file left behind would show here).
    private func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    @Test("seed 000 to HTML and XLSX: exit 0, the page and the workbook written, nothing else left in the folder")
    func writes() throws {
        let html = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "html", "-o", path("000.html")])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: path("000.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<span class=\"form\">公开09表<br>金额单位：万元</span>"))
        let xlsx = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "xlsx", "--output", path("000.xlsx")])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path("000.xlsx")))
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(try files() == ["000.html", "000.xlsx"])
    }

    /// `budgetlens cells FILE` without the source_line column.
    private func cells(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
    }

    /// The rule ids of `budgetlens check FILE`'s table findings (the identities: not F-*, N-*, Y-*), sorted.
    private func tableFindings(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["check", file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.compactMap { $0["rule"] as? String }.filter { !$0.hasPrefix("F-") && !$0.hasPrefix("N-") && !$0.hasPrefix("Y-") }
            .sorted()
    }

    @Test("seeds 000–002 → XLSX → BudgetLens's own workbook reader: the same cells, the same table findings",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func readsItsOwnWorkbook(seed: String) throws {
        let out = path("\(seed).xlsx")
        let result = try BudgetLensBinary.run(["render", Seed.path(seed), "--to", "xlsx", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try cells(Seed.path(seed))
        #expect(expected.count > 400)
        #expect(try cells(out) == expected)
        let findings = try tableFindings(Seed.path(seed))
        #expect(try tableFindings(out) == findings)
        #expect(seed != Seed.weihai || findings.contains("04-3"))  // 939.04 + 19.59 ≠ 958.64, kept through the workbook
        // The 自评表 rows inside 十三 are rows of cells on the 情况说明 sheet, not prose with their cells run together
        // (a fresh tester: 7 false N-DUP-WORD on 002's workbook, `成效明显成效明显` from 年度指标值 and 实际完成值).
        #expect(try repetitions(out).isSubset(of: try repetitions(Seed.path(seed))), "\(seed)")
    }

    /// The N-DUP-* findings of `check FILE` (rule and message).
    private func repetitions(_ file: String) throws -> Set<String> {
        try BudgetLensBinary.findingMessages(file) { $0.hasPrefix("N-DUP") }
    }

    /// The annexes as `budgetlens export FILE` reads them: 汇总表 rows, then per 自评表 its kind, project,
    /// 年度资金总额 A and B, stated 总分 and the number of indicators.
    private func annexes(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["export", file, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let disclosure = try #require(root["disclosure"] as? [String: Any])
        let summaries = disclosure["evaluationSummaries"] as? [[String: Any]] ?? []
        let summary = summaries.flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }.map { row in
            "\(row["number"] ?? "-")|\(row["project"] ?? "")|\(row["fundUser"] ?? "-")|\((row["score"] as? [String: Any])?["hundredths"] ?? "-")|\(row["grade"] ?? "-")"
        }
        let tables = (disclosure["selfEvaluations"] as? [[String: Any]] ?? []).map { evaluation -> String in
            let rows = ((evaluation["budget"] as? [String: Any])?["rows"] as? [[String: Any]]) ?? []
            let total = rows.first { $0["isTotal"] as? Bool == true }
            let stated = (evaluation["statedTotal"] as? [String: Any])?["hundredths"] ?? "-"
            let indicators = (evaluation["indicators"] as? [Any])?.count ?? 0
            return "\(evaluation["kind"] ?? "")|\(evaluation["projectName"] ?? "")|\(total?["budget"] ?? "-")|\(total?["executed"] ?? "-")|\(stated)|\(indicators)"
        }
        return summary + tables
    }

    @Test("seed 000 → XLSX: the annexes (汇总表, eight 自评表) read back through the workbook reader as from the text")
    func annexSheets() throws {
        let out = path("annex.xlsx")
        let result = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "xlsx", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try annexes(Seed.path(Seed.yantai))
        #expect(expected.count == 18 + 8)
        #expect(expected.contains("project|医保支付方式改革专项经费|1230000.00|1212300.00|9986|9"))
        #expect(expected.contains("transfer|城乡居民基本医疗保险补助|2257840000.00|2257840000.00|-|16"))
        #expect(try annexes(out) == expected)
        let score = try BudgetLensBinary.run(["score", out])
        #expect(score.stdout.contains("总分 printed 99.86 · recomputed 99.86 · 等级 优 · 汇总表等级 优"), "\(score.stdout)")
    }

    @Test("--previous: last year's totals join the chart (seed 001 given as seed 000's previous, a different year)")
    func previous() throws {
        let result = try BudgetLensBinary.run([
            "render", Seed.path(Seed.yantai), "--to", "html", "-o", path("000.html"), "--previous", Seed.path(Seed.weihai),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: path("000.html"), encoding: .utf8)
        #expect(page.contains("收、支决算总计（2023年度与2022年度）"))
        #expect(page.contains(">958.90</text>"))
    }

    @Test("--reasons: the 主要原因 of 一 joins the generated 情况说明; a file that is not one is exit 2 naming it")
    func reasons() throws {
        let reasons = path("inputs.json")
        try Data(#"{"reasons": {"一": "医疗救助资金纳入部门预算管理"}}"#.utf8).write(to: URL(fileURLWithPath: reasons))
        let result = try BudgetLensBinary.run([
            "render", Seed.path(Seed.yantai), "--to", "html", "-o", path("000.html"), "--reasons", reasons,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: path("000.html"), encoding: .utf8)
        #expect(page.contains("<p>2022年度收、支总计均为8,431.28万元。医疗救助资金纳入部门预算管理。</p>"))
        let bad = path("bad.json")
        try Data(#"{"budgets": {"05": "五百"}}"#.utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "html", "-o", path("x.html"), "--reasons", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.json"))
        let missing = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "html", "-o", path("x.html"), "--reasons", path("none.json")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json"))
        #expect(try files() == ["000.html", "bad.json", "inputs.json"])
    }

    @Test("--db --document ID: a stored document renders as its file does (the same workbook cells); bad ids and stores exit 2")
    func storedDocument() throws {
        let store = path("store.sqlite")
        let imported = try BudgetLensBinary.run(["import", Seed.path(Seed.weihai), "--db", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("(#1,") || imported.stdout.contains("(#1,"))
        let result = try BudgetLensBinary.run(["render", "--db", store, "--document", "1", "--to", "xlsx", "-o", path("1.xlsx")])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try cells(Seed.path(Seed.weihai))
        #expect(expected.count == 516)  // the header line and 515 cells
        #expect(try cells(path("1.xlsx")) == expected)
        let html = try BudgetLensBinary.run(["render", "--db", store, "--document", "1", "--to", "html", "-o", path("1.html")])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(try String(contentsOfFile: path("1.html"), encoding: .utf8).contains("2023年度收、支总计均为958.9万元。"))
        let unknown = try BudgetLensBinary.run(["render", "--db", store, "--document", "7", "--to", "html", "-o", path("7.html")])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("#7"))
        let noStore = try BudgetLensBinary.run(["render", "--db", path("none.sqlite"), "--document", "1", "--to", "html", "-o", path("n.html")])
        #expect(noStore.status == 2)
        #expect(noStore.stderr.contains("none.sqlite"))
        let both = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--db", store, "--document", "1", "--to", "html", "-o", path("b.html")])
        #expect(both.status == 2)
        let neither = try BudgetLensBinary.run(["render", "--to", "html", "-o", path("b.html")])
        #expect(neither.status == 2)
        #expect(try files() == ["1.html", "1.xlsx", "store.sqlite"])
    }

    @Test("unusable input: exit 2 naming the file; an existing OUT is left as it was, no temporary file remains")
    func unusableInput() throws {
        let notADisclosure = path("note.txt")
        try Data("这不是部门决算。\n".utf8).write(to: URL(fileURLWithPath: notADisclosure))
        let out = path("old.html")
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        let result = try BudgetLensBinary.run(["render", notADisclosure, "--to", "html", "-o", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains("note.txt"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
        let budget = try BudgetLensBinary.run(["render", Seed.corpusPath(Seed.shanghaiBudget), "--to", "xlsx", "-o", out])
        #expect(budget.status == 2)
        #expect(budget.stderr.contains("部门预算"))
        let badPrevious = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "html", "-o", out, "--previous", notADisclosure])
        #expect(badPrevious.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
        #expect(try files() == ["note.txt", "old.html"])
    }

    @Test("an unknown format or an output folder that does not exist: exit 2 with the reason")
    func badUsage() throws {
        let format = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "docx", "-o", path("x.docx")])
        #expect(format.status == 2)
        let missing = path("no/such/folder/000.html")
        let folderMissing = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "html", "-o", missing])
        #expect(folderMissing.status == 2)
        #expect(folderMissing.stderr.contains("无法写入"))
        #expect(try files().isEmpty)
    }
}

/// `budgetlens render --to pdf`: the HTML page printed by headless Chromium (installed by `.ci/run`), read back.
@Suite("budgetlens render --to pdf")
final class RenderPDFCommandTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-render-pdf-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The records of `budgetlens cells` for `file` without source_line, for tables `ids`.
    private func cells(_ file: String, tables ids: Set<String>) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        #expect(result.status == 0)
        return result.stdout.split(separator: "\n").map(String.init).filter { ids.contains(String($0.prefix(2))) }.map { line in
            String(line[..<(line.lastIndex(of: ",") ?? line.endIndex)])
        }
    }

    @Test("seed 000 → PDF: A4 pages; read back by BudgetLens's own PDF reader, 公开02–08 give the same 701 cells")
    func yantai() throws {
        let out = folder.appendingPathComponent("000.pdf").path
        let result = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "pdf", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        let text = try BudgetLensBinary.run(["text", out])
        #expect(text.stdout.contains("2022年度收、支总计均为8,431.28万元。"))
        #expect(text.stdout.contains("公开09表"))
        // All nine tables and the other documents: RenderPDFRoundTripTests (公开01's filler rows are a reader
        // limit, docs/render-pdf.md).
        let tables: Set<String> = ["02", "03", "04", "05", "06", "07", "08"]
        let expected = try cells(Seed.path(Seed.yantai), tables: tables)
        #expect(expected.count == 701)
        #expect(try cells(out, tables: tables) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["000.pdf"])
    }

    @Test("seed 000 → PDF: the 目录 cites the page of each table and of the 情况说明, checked page by page with pdftotext")
    func contentsPages() throws {
        let out = folder.appendingPathComponent("toc.pdf").path
        let result = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "pdf", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try BudgetLensBinary.run(["text", out]).stdout
        var cited: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let page = Int(fields[1]) else { continue }
            if let range = fields[0].range(of: "（公开") {
                cited[String(fields[0][range.upperBound...].prefix(2))] = page
            } else if fields[0] == "情况说明" {
                cited["情况说明"] = page
            }
        }
        #expect(cited.count == 10)
        #expect(cited["01"] == 3 && cited["09"] == 15 && cited["情况说明"] == 16)
        for (key, page) in cited {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pdftotext", "-f", String(page), "-l", String(page), out, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let pageText = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let marker = key == "情况说明" ? "一、收入支出决算总体情况说明" : "公开\(key)表"
            #expect(pageText.contains(marker), "\(key) on page \(page)")
        }
    }
}
