import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import BudgetLensStorePostgres
import BudgetLensTestSupport
import Foundation
import GRDB
import Testing

/// Scores, evaluations and N-EVAL stored; the year-on-year and 汇总 checks of `report`; html/xlsx; XLSX import
/// (docs/store2.md).
@Suite("store2: scores, year-on-year, 汇总, report formats, XLSX import")
struct Store2Tests {
    @Test("seed 000: scores and the annexed evaluation come back exactly as `score` and `evaluate` print them; N-EVAL stored as `check` gives it",
        arguments: StoreEngine.available)
    func scoresAndEvaluation(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let file = Seed.path(Seed.yantai)
        let imported = try BudgetLensBinary.run(["import", file, Seed.path(Seed.weihai), "--db", fresh.spec])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let store = try await fresh.open()
        let documents = try await store.documents()
        let yantai = try #require(documents.first { $0.file == file })
        let stored = try await store.assessments(document: yantai.id)

        // Byte for byte what the commands print (their output ends with a newline).
        let score = try BudgetLensBinary.run(["score", file, "--format", "json"])
        #expect(stored.scoreJSON.map { String(decoding: $0, as: UTF8.self) + "\n" } == score.stdout)
        let evaluate = try BudgetLensBinary.run(["evaluate", file, "--format", "json"])
        #expect(stored.evaluationJSON.map { String(decoding: $0, as: UTF8.self) + "\n" } == evaluate.stdout)

        // The eight tables of 附件: five 山东 project tables (total = 90 indicator points + 10 × B/A, two decimals:
        // 121.23/123 = 98.56% → 9.86 → 99.86; 238.70/246 = 97.03% → 9.70 → 99.7 …) and three transfer tables.
        #expect(stored.projects.map(\.project) == [
            "医保支付方式改革专项经费", "基金监管方式创新改革经费", "医保专线及网络租赁费", "打击欺诈骗保专项经费", "困难群众医疗救助补助资金",
            "医疗救助补助", "城乡居民基本医疗保险补助", "医疗保障与服务能力提升补助",
        ])
        #expect(stored.projects.map(\.statedTotal) == ["99.86", "99.7", "98.72", "99.9", "100", nil, nil, nil])
        #expect(stored.projects.map(\.computedTotal) == ["99.86", "99.7", "98.72", "99.9", "100", nil, nil, nil])
        #expect(stored.projects.map(\.executionRate) == [
            "98.56%", "97.03%", "87.15%", "99.00%", "100.00%", "100.00%", "100.00%", "99.81%",
        ])
        #expect(stored.projects.map(\.kind) == Array(repeating: "project", count: 5) + Array(repeating: "transfer", count: 3))
        #expect(stored.projects.map(\.source).first == "\(file):749:1")
        #expect(stored.projects.map(\.findings) == [1, 1, 0, 1, 3, 2, 1, 2])
        // The annexed 评价报告: 总分 93.22 (表 at line 2543), 14 findings of `evaluate`, none an error.
        let evaluation = try #require(stored.evaluation)
        #expect(evaluation.kind == "projectEvaluation")
        #expect(evaluation.totalScore == "93.22")
        // The 附件 得分表's 总计 row (line 2543) prints no grade; the 综合评价结论 (line 1200) prints 优 (93.22).
        #expect(evaluation.grade == "优")
        #expect(evaluation.errors + evaluation.warnings <= 14)

        // 威海 (001) annexes no evaluation report: its two 山东 tables are scored (91.79, 100), nothing evaluated.
        let weihai = try #require(documents.first { $0.file == Seed.path(Seed.weihai) })
        let weihaiStored = try await store.assessments(document: weihai.id)
        #expect(weihaiStored.projects.map(\.computedTotal) == ["91.79", "100"])
        #expect(weihaiStored.projects.map(\.executionRate) == ["47.86%", "100.00%"])
        #expect(weihaiStored.evaluation == nil && weihaiStored.evaluationJSON == nil)

        // N-EVAL findings are stored as `check` gives them (000: N-DUP-WORD, 06-1, F-TITLE, N-EVAL-1, -2, -3) and a
        // re-check keeps them (they need the file's text, not the pack).
        let findings = try await store.latestFindings(document: yantai.id).map(\.finding)
        #expect(findings.map(\.rule) == ["N-DUP-WORD", "06-1", "F-TITLE", "N-EVAL-1", "N-EVAL-2", "N-EVAL-3"])
        let changes = try await Recheck(store: store, pack: try BuiltInPacks.finalAccounts()).run()
        #expect(changes.allSatisfy { $0.isUnchanged })
        // --skip 'N-EVAL-*' leaves them out at import as in `check`.
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("skip"), withIntermediateDirectories: true)
        let skippedStore = try await FreshStore(engine, in: TemporaryFolder(url: folder.url.appendingPathComponent("skip")))
        defer { Task { await skippedStore.drop() } }
        let skipped = try BudgetLensBinary.run(["import", file, "--db", skippedStore.spec, "--skip", "N-EVAL-*"])
        #expect(skipped.status == 0)
        let other = try await skippedStore.open()
        let id = try #require(try await other.documents().first?.id)
        #expect(try await other.latestFindings(document: id).map(\.finding.rule) == ["N-DUP-WORD", "06-1", "F-TITLE"])
    }

    @Test("a scored document that is not in the store: a clear error")
    func noSuchDocument() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let store = try SQLiteStore(path: folder.path("lens.sqlite"))
        try await store.migrate()
        await #expect(throws: StoreError.self) { try await store.assessments(document: 42) }
    }

    @Test("report runs the Y-* checks of `check --previous` between consecutive years: a broken carry-over and 比上年 claims",
        arguments: StoreEngine.available)
    func yearOverYear(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        // 2022 and 2023 of one unit. The 2023 narrative says 收、支总计 rose by 70 from 2022 (600 → 670).
        // 甲局: 2022's 总计 is 670 as well (the same tables): Y-NARR fires; 2022 closes with 5.00 and 2023 opens
        // with 0.00: Y-CARRY-01 fires. 乙局: 2022 is the same but without the carry-over break.
        func write(unit: String, year: Int, closing: String?) throws -> String {
            var synthetic = SyntheticDisclosure()
            if let closing { synthetic.set(.incomeExpenditureSummary, row: "60", column: 2, to: closing) }
            var text = synthetic.text.replacingOccurrences(of: "测试局", with: unit)
            if year == 2022 { text = text.replacingOccurrences(of: "2023", with: "2022") }
            let path = folder.path("\(unit)-\(year).txt")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let files = [
            try write(unit: "测试甲局", year: 2022, closing: "5.00"),
            try write(unit: "测试甲局", year: 2023, closing: nil),
            try write(unit: "测试乙局", year: 2022, closing: nil),
            try write(unit: "测试乙局", year: 2023, closing: nil),
        ]
        let imported = try BudgetLensBinary.run(["import"] + files + ["--db", fresh.spec])
        #expect(imported.status == 0, "\(imported.stdout)")
        let json = try BudgetLensBinary.run(["report", "--db", fresh.spec, "--format", "json"])
        let report = try decodeStoreReport(Data(json.stdout.utf8))
        #expect(report.yearOverYear.map(\.unit) == ["测试乙局", "测试甲局"])
        let jia = try #require(report.yearOverYear.first { $0.unit == "测试甲局" })
        let yi = try #require(report.yearOverYear.first { $0.unit == "测试乙局" })
        #expect(jia.year == 2023)
        let carry = jia.findings.filter { $0.rule == "Y-CARRY-01" }
        #expect(carry.count == 1)
        // Amounts as `check --format json` prints them: decimal strings in the document's unit (万元), no `_0`.
        #expect(carry.first?.expected == "5.00" && carry.first?.actual == "0.00")
        #expect(!json.stdout.contains("\"_0\""))
        #expect(!yi.findings.contains { $0.rule.hasPrefix("Y-CARRY") })
        // The same 比上年 claim is wrong against both units' 2022 (670, not 600).
        #expect(!jia.findings.filter { $0.rule == "Y-NARR" }.isEmpty)
        #expect(!yi.findings.filter { $0.rule == "Y-NARR" }.isEmpty)
        #expect(yi.findings.allSatisfy { $0.rule == "Y-NARR" })
        // Exactly what `check 2023 --previous 2022` finds.
        for (unit, pair) in [("测试甲局", jia), ("测试乙局", yi)] {
            let check = try BudgetLensBinary.run([
                "check", folder.path("\(unit)-2023.txt"), "--previous", folder.path("\(unit)-2022.txt"), "--format", "json",
            ])
            let printed = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
            let rules = (printed["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(rules.filter { $0.hasPrefix("Y-") } == pair.findings.map(\.rule), "\(unit)")
            // Each Y-* finding of the report is, field for field, the one `check --previous --format json` prints
            // (both snake_case, as `/api/report`).
            let checked = (printed["findings"] as? [[String: Any]] ?? []).filter { ($0["rule"] as? String)?.hasPrefix("Y-") == true }
                .map { $0 as NSDictionary? }
            let reported = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let reportedPairs = reported["year_over_year"] as? [[String: Any]] ?? []
            let reportedFindings = (reportedPairs.first { $0["unit"] as? String == unit }?["findings"] as? [NSDictionary])?.map { Optional($0) }
            #expect(!checked.isEmpty && reportedFindings == checked, "\(unit)")
        }
        let text = try BudgetLensBinary.run(["report", "--db", fresh.spec])
        #expect(text.stdout.contains("上下年核对 year-on-year (Y-YEAR, Y-UNIT, Y-CARRY-01/04, Y-NARR): 2 pairs, 2 with findings"))
        #expect(text.stdout.contains("error Y-CARRY-01 测试甲局 2023"))
    }

    @Test("report: a synthetic 汇总 whose member units' 公开01 amounts do not add up is reported; one that adds up is not",
        arguments: StoreEngine.available)
    func consolidation(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        // 测试局（汇总） = 测试局 本级 + 测试中心: every amount of the 汇总 is twice the synthetic one. 测试中心 is
        // named in the 汇总's 部门概况. With `defect`, 测试中心 prints 本年收入合计 671.00 (not 670.00): 汇总 1340.00 ≠
        // Σ 1341.00 at 公开01 行27 栏1 (difference −1.00 万元 beyond the 尾数误差 of 2 × 0.005 万元).
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.path(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        func doubled() -> SyntheticDisclosure {
            var synthetic = SyntheticDisclosure()
            for (id, rows) in synthetic.tables {
                synthetic.tables[id] = rows.map { row in
                    row.map { field in
                        guard field.range(of: #"^-?[0-9]+\.[0-9]{2}$"#, options: .regularExpression) != nil,
                            let value = Decimal(string: field)
                        else { return field }
                        return String(format: "%.2f", NSDecimalNumber(decimal: value * 2).doubleValue)
                    }
                }
            }
            return synthetic
        }
        func run(defect: Bool, year: Int) async throws -> [Consolidation.Check] {
            let consolidated = doubled().text
                .replacingOccurrences(of: "部门：测试局", with: "部门：测试局（汇总）")
                .replacingOccurrences(of: "测试局负责测试工作。", with: "测试局负责测试工作。本部门决算由测试局本级决算和测试中心决算组成。")
            var centre = SyntheticDisclosure()
            if defect { centre.set(.incomeExpenditureSummary, row: "27", column: 1, to: "671.00") }
            let standalone = SyntheticDisclosure().text.replacingOccurrences(of: "部门：测试局", with: "部门：测试局（本级）")
            let files = [
                try write("\(year)-huizong.txt", consolidated.replacingOccurrences(of: "2023", with: String(year))),
                try write("\(year)-benji.txt", standalone.replacingOccurrences(of: "2023", with: String(year))),
                try write("\(year)-zhongxin.txt",
                    centre.text.replacingOccurrences(of: "测试局", with: "测试中心").replacingOccurrences(of: "2023", with: String(year))),
            ]
            let imported = try BudgetLensBinary.run(["import"] + files + ["--db", fresh.spec])
            #expect(imported.status == 0, "\(imported.stdout)")
            let json = try BudgetLensBinary.run(["report", "--db", fresh.spec, "--year", String(year), "--format", "json"])
            return try decodeStoreReport(Data(json.stdout.utf8)).consolidations
        }
        let clean = try await run(defect: false, year: 2021)
        #expect(clean.count == 1)
        #expect(clean.first?.memberUnits.sorted() == ["测试中心", "测试局（本级）"])
        #expect(clean.first?.differences == [])
        #expect(clean.first?.toleranceFen == 10_000)
        let broken = try await run(defect: true, year: 2023)
        #expect(broken.count == 1)
        #expect(broken.first?.differences.map(\.line) == [27])
        #expect(broken.first?.differences.first?.column == 1)
        #expect(broken.first?.differences.first?.consolidatedFen == 1_340_000_000)
        #expect(broken.first?.differences.first?.membersFen == 1_341_000_000)
        #expect(broken.first?.differences.first?.differenceFen == -1_000_000)
        let text = try BudgetLensBinary.run(["report", "--db", fresh.spec, "--year", "2023"])
        #expect(text.stdout.contains("错误 error 公开01 行27 栏1"))
        #expect(text.stdout.contains("汇总 1340.00 ≠ Σ 成员 1341.00"))
    }

    @Test("report --format xlsx opens in openpyxl (warnings as errors) and LibreOffice; html is one page of the same tables")
    func reportFormats() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        let imported = try BudgetLensBinary.run(["import"] + StoreDocuments.seeds + ["--db", db])
        #expect(imported.status == 0)
        let book = folder.path("report.xlsx")
        let xlsx = try BudgetLensBinary.run(["report", "--db", db, "--format", "xlsx", "--output", book])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let python = try ProcessRunner.run("/usr/bin/env", [
            "python3", "-W", "error", "-c",
            """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print(book.sheetnames)
            sheet = book['单位年度']
            for row in sheet.iter_rows(min_row=3, values_only=True): print(row[0], row[1], row[3], row[5])
            """, book,
        ])
        #expect(python.status == 0 && python.stderr.isEmpty, "\(python.stderr)")
        // 公开01 本年收入合计 per seed (万元), errors of the latest check.
        #expect(python.stdout.hasPrefix("['单位年度', '上下年核对', '汇总核对', '数据质量排名']\n"))
        let summaries = try await StoreLocation.open(db).summaries(unit: nil, year: nil)
        for summary in summaries {
            let income = Money(fen: try #require(summary.incomeTotalFen)).decimalString(in: .wanYuan)
            #expect(python.stdout.contains("\(summary.unit ?? "") \(summary.year ?? 0) \(Decimal(string: income)!) \(summary.errors)")
                || python.stdout.contains("\(summary.unit ?? "") \(summary.year ?? 0) \(income) \(summary.errors)"), "\(python.stdout)")
        }
        let soffice = try ProcessRunner.run("/usr/bin/env", [
            "soffice", "-env:UserInstallation=\(folder.url.appendingPathComponent("profile").absoluteString)", "--headless",
            // The first sheet, fields separated by commas, quoted with '"', UTF-8 (76).
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder.path("csv"), book,
        ])
        #expect(soffice.status == 0)
        let csv = try String(contentsOfFile: folder.path("csv/report.csv"), encoding: .utf8)
        #expect(csv.contains("各单位各年度 per unit and year"))
        let html = try BudgetLensBinary.run(["report", "--db", db, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<h2>数据质量排名 data-quality ranking</h2>"))
        #expect(html.stdout.contains("烟台市医疗保障局"))
        let missing = try BudgetLensBinary.run(["report", "--db", db, "--format", "xlsx"])
        #expect(missing.status == 2 && missing.stderr.contains("--format xlsx needs --output FILE"))
    }

    @Test("import takes .xlsx workbooks and keeps each cell's provenance (公开01!C38)", arguments: StoreEngine.available)
    func workbookImport(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let books = folder.url.appendingPathComponent("books")
        try FileManager.default.createDirectory(at: books, withIntermediateDirectories: true)
        let workbook = try TestWorkbooks.document(seed: Seed.yantai, in: books)
        let imported = try BudgetLensBinary.run(["import", books.path, "--db", fresh.spec])  // a folder: .xlsx taken
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("1 imported, 0 already imported, 0 failed"))
        let store = try await fresh.open()
        let document = try #require(try await store.documents().first)
        #expect(document.file.hasSuffix(".xlsx") && document.year == 2022)
        let cells = try await store.cells(document: document.id, table: "01")
        // Yantai 公开01 本年收入合计 8,431.28 万元 is cell C38 of sheet 公开01 (text line 127).
        let income = try #require(cells.first { $0.standardLine == 27 && $0.column == 1 })
        #expect(income.valueFen == 8_431_280_000)
        #expect(income.sourceCell == "公开01!C38")
        #expect(income.sourceLine == 38)
        #expect(cells.allSatisfy { $0.sourceCell?.hasPrefix("公开01!") == true })
        // The same findings as `check` of the workbook.
        let check = try BudgetLensBinary.run(["check", workbook, "--format", "json"])
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let rules = (printed["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(try await store.latestFindings(document: document.id).map(\.finding.rule) == rules)
    }

    @Test("From v2-findings holding a document, the store2 migrations keep it: no scores, no cell provenance, then new imports have them")
    func fromVersion2() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("lens.sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: "v2-findings")
        #expect(try await old.appliedMigrations() == ["v1-documents", "v2-findings"])
        // A v2 database holding 威海 as v2 wrote it (cells without source_cell, no score tables).
        try await GRDB.DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO units (name) VALUES ('威海市医疗保障局（本级）')")
            try db.execute(
                sql: """
                    INSERT INTO documents (unit_id, year, kind, title, source_file, sha256, format, byte_count, lines,
                        reader_version, imported_at, income_total_fen)
                    VALUES (1, 2023, 'finalAccounts', 't', '001.txt', ?, 'text', 10, 1, 'v2', '2026-01-01T00:00:00Z',
                        939310000)
                    """, arguments: [String(repeating: "b", count: 64)])
            try db.execute(
                sql: """
                    INSERT INTO cells (document_id, table_id, line, item, column_number, value_fen, printed, source_line)
                    VALUES (1, '01', 27, '本年收入合计', 1, 939310000, '939.31', 120)
                    """)
        }
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        #expect(StoreSchema.migrationNames.dropFirst(2).prefix(2) == ["v3-store2-scores", "v4-store2-cell-provenance"])
        #expect(try await store.assessments(document: 1) == .none)
        #expect(try await store.cells(document: 1, table: "01").map(\.sourceCell) == [nil])
        #expect(try await store.cells(document: 1, table: "01").map(\.valueFen) == [939_310_000])
    }
}
