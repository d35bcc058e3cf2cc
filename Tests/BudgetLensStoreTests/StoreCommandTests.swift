import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens import, recheck and report")
struct StoreCommandTests {
    @Test(
        "import stores per seed exactly the findings `check --format json` prints; importing again adds nothing",
        arguments: StoreEngine.available)
    func importMatchesCheck(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let db = fresh.spec
        let first = try BudgetLensBinary.run(["import"] + StoreDocuments.seeds + ["--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 imported, 0 already imported, 0 failed"))
        #expect(!first.stdout.contains(":budgetlens@"))  // a PostgreSQL password is never printed
        let store = try await fresh.open()
        for document in try await store.documents() {
            // `import` checks as `check` does, 十三 against an annexed report (N-EVAL) included.
            let check = try BudgetLensBinary.run(["check", document.file, "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
            let printed = try #require(json["findings"] as? [[String: Any]])
            let stored = try await store.latestFindings(document: document.id).map(\.finding)
            #expect(stored.map(\.rule) == printed.map { $0["rule"] as? String ?? "" }, "\(document.file)")
            #expect(stored.map(\.severity.rawValue) == printed.map { $0["severity"] as? String ?? "" })
            #expect(stored.map { $0.location.source?.line } == printed.map { $0["source_line"] as? Int })
            #expect(stored.map(\.message) == printed.map { $0["message"] as? String ?? "" })
        }
        let before = try await store.counts()
        #expect(before.documents == 3 && before.findings == 6 + 20 + 22)
        let again = try BudgetLensBinary.run(["import"] + StoreDocuments.seeds + ["--db", db])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 imported, 3 already imported, 0 failed"))
        #expect(again.stdout.components(separatedBy: "already imported ").count - 1 == 3)
        #expect(try await store.counts() == before)
    }

    @Test("report, recheck and explain on a SQLite file that does not exist: exit 2 naming it, nothing created")
    func missingStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let missing = folder.path("typo.sqlite")
        for command in ["report", "recheck", "explain"] {
            let result = try BudgetLensBinary.run([command, "--db", missing])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.hasPrefix("错误：数据库不存在：\(missing)") && result.stderr.contains("error: no store at \(missing)"))
            #expect(result.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: missing), "\(command) created the file")
        }
    }

    @Test("a folder with one corrupt file: the rest is imported, the failure recorded and listed, exit 2", arguments: StoreEngine.available)
    func corruptFile(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let documents = folder.url.appendingPathComponent("docs/2023")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Seed.path(Seed.yantai), toPath: documents.appendingPathComponent("a.txt").path)
        try FileManager.default.copyItem(atPath: Seed.path(Seed.weihai), toPath: documents.appendingPathComponent("b.txt").path)
        // Latin-1 bytes where UTF-8 is expected: not text.
        try Data([0x31, 0x32, 0xE9, 0xFF, 0x0A]).write(to: documents.appendingPathComponent("corrupt.txt"))
        try Data("ignored".utf8).write(to: documents.appendingPathComponent("notes.md"))
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let db = fresh.spec
        let result = try BudgetLensBinary.run(["import", folder.path("docs"), "--db", db])
        #expect(result.status == 2)
        #expect(result.stdout.contains("2 imported, 0 already imported, 1 failed"))
        let listed = try #require(result.stdout.components(separatedBy: "导入失败 Failed:").last)
        #expect(listed.contains("corrupt.txt"))
        #expect(!listed.contains("a.txt") && !listed.contains("notes.md"))
        let store = try await fresh.open()
        #expect(try await store.documents().map { URL(fileURLWithPath: $0.file).lastPathComponent }.sorted() == ["a.txt", "b.txt"])
        let failures = try await store.failures()
        #expect(failures.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["corrupt.txt"])
        #expect(failures.first?.message.contains("UTF-8") == true)
    }

    @Test("SIGKILL mid-batch: every document is fully present or absent; a second import completes the batch", arguments: StoreEngine.available)
    func killedImport(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let inputs = folder.url.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let inputFolder = TemporaryFolder(url: inputs)
        let files = try writeSyntheticDisclosures(200, to: inputFolder)
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let db = fresh.spec

        let process = Process()
        process.executableURL = BudgetLensBinary.url
        process.arguments = ["import", inputs.path, "--db", db, "--jobs", "2"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        while String(decoding: seen, as: UTF8.self).components(separatedBy: "] 已导入 imported ").count - 1 < 5 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try await fresh.open()
        let stored = try await store.documents()
        #expect(stored.count >= 5 && stored.count < files.count, "killed mid-batch: \(stored.count) of \(files.count)")
        let pack = try BuiltInPacks.finalAccounts()
        var cells = 0
        var statements = 0
        for document in stored {
            let disclosure = try DisclosureReader.read(path: document.file)
            cells += disclosure.cellRecords().count
            statements += disclosure.statements?.statements.count ?? 0
            let expectedFindings = try #require(StoreDocuments.checkFindings(document.file, pack: pack))
            #expect(try await store.latestFindings(document: document.id).map(\.finding) == expectedFindings)
        }
        // Every cell and statement stored belongs to a stored document, and every stored document has them all.
        let counts = try await store.counts()
        #expect(counts.cells == cells && counts.statements == statements && counts.checks == stored.count)

        let resumed = try BudgetLensBinary.run(["import", inputs.path, "--db", db])
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("\(files.count - stored.count) imported, \(stored.count) already imported, 0 failed"))
        #expect(try await store.counts().documents == files.count)
    }

    @Test("recheck after adding a user rule reports exactly the documents where it fires", arguments: StoreEngine.available)
    func recheckUserRule(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let db = fresh.spec
        #expect(try BudgetLensBinary.run(["import"] + StoreDocuments.seeds + ["--db", db]).status == 0)
        let unchanged = try BudgetLensBinary.run(["recheck", "--db", db])
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.contains("3 documents re-checked, 0 changed"))
        // 本年收入合计 (公开01 行27): 烟台 8431.28, 威海 939.31, 曾都 1101.35 万元: fires on 烟台 and 曾都.
        let rules = folder.path("local.rules")
        try "rule U-1 error \"本年收入合计不超过1000万元\"\n    公开01[27, 1] <= 1000\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["recheck", "--db", db, "--rules", rules])
        #expect(result.status == 0, "\(result.stderr)")
        let changed = result.stdout.split(separator: "\n").filter { $0.contains(" new, ") }
        #expect(changed.count == 2)
        #expect(changed.contains { $0.contains(Seed.yantai) && $0.contains("1 new, 0 gone, 0 changed") })
        #expect(changed.contains { $0.contains(Seed.zengdu) && $0.contains("1 new, 0 gone, 0 changed") })
        #expect(result.stdout.contains("\(Seed.weihai): 无变化 unchanged"))
        #expect(result.stdout.components(separatedBy: "  + U-1 error 公开01 行27").count - 1 == 2)
        #expect(result.stdout.contains("3 documents re-checked, 2 changed"))
        // The new pack version is recorded on every document; the findings of 曾都 now include U-1.
        let store = try await fresh.open()
        let documents = try await store.documents()
        var pack = try BuiltInPacks.finalAccounts()
        try pack.merge(RulePack(contentsOf: rules))
        #expect(Set(documents.map(\.packVersion)) == [PackVersion.of(pack)])
        let zengdu = try #require(documents.first { $0.file.hasSuffix(Seed.zengdu) })
        #expect(try await store.latestFindings(document: zengdu.id).filter { $0.finding.rule == "U-1" }.count == 1)
        #expect(try await store.documents(failing: "U-1").map { URL(fileURLWithPath: $0.file).lastPathComponent }.sorted() == [Seed.yantai, Seed.zengdu])
        // The limit raised to 2000: 曾都 (1101.35) no longer fires, 烟台 (8431.28) fires with another expected value.
        let raised = folder.path("raised.rules")
        try "rule U-1 error \"本年收入合计不超过2000万元\"\n    公开01[27, 1] <= 2000\n".write(toFile: raised, atomically: true, encoding: .utf8)
        let moved = try BudgetLensBinary.run(["recheck", "--db", db, "--rules", raised])
        let movedLines = moved.stdout.split(separator: "\n")
        #expect(movedLines.contains { $0.contains(Seed.yantai) && $0.contains("0 new, 0 gone, 1 changed") })
        #expect(movedLines.contains { $0.contains(Seed.zengdu) && $0.contains("0 new, 1 gone, 0 changed") })
        #expect(moved.stdout.contains("\(Seed.weihai): 无变化 unchanged"))
        // Without the rule again: U-1 is gone from 烟台 only.
        let back = try BudgetLensBinary.run(["recheck", "--db", db])
        let backLines = back.stdout.split(separator: "\n").filter { $0.contains("0 new, 1 gone, 0 changed") }
        #expect(backLines.count == 1 && backLines.first?.contains(Seed.yantai) == true)
    }

    @Test("report: per unit and year the 公开01 totals and findings, ranking by errors per document")
    func report() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        #expect(try BudgetLensBinary.run(["import"] + StoreDocuments.seeds + ["--db", db]).status == 0)
        let result = try BudgetLensBinary.run(["report", "--db", db, "--format", "json"])
        #expect(result.status == 0)
        let report = try decodeStoreReport(Data(result.stdout.utf8))
        let yantai = try #require(report.unitYears.first { $0.unit == "烟台市医疗保障局" })
        #expect(yantai.year == 2022 && yantai.incomeTotalFen == 8_431_280_000 && yantai.expenditureTotalFen == 8_431_280_000)
        // Yantai's errors are its 十三 against the annexed 评价报告 (N-EVAL-1, -2, -3), stored as `check` gives them.
        #expect(yantai.errors == 3 && yantai.warnings == 2 && yantai.rounding == 1)
        let weihai = try #require(report.unitYears.first { $0.unit == "威海市医疗保障局（本级）" })
        #expect(weihai.incomeTotalFen == 939_310_000 && weihai.expenditureTotalFen == 958_640_000 && weihai.errors == 2)
        #expect(report.ranking.map(\.unit) == ["威海市医疗保障局（本级）", "烟台市医疗保障局", "曾都区医疗保障局（汇总）"])
        let one = try BudgetLensBinary.run(["report", "--db", db, "--year", "2023"])
        #expect(one.stdout.contains("威海市医疗保障局（本级）\t2023\t1\t939.31\t958.64\t2\t"))
        #expect(!one.stdout.contains("烟台"))
    }

    @Test("--db postgres://… with no server there: exit 2, the database named, no hang")
    func postgresUnreachable() throws {
        let result = try BudgetLensBinary.run(["report", "--db", "postgres://nobody@127.0.0.1:1/none"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("postgres://nobody@127.0.0.1:1/none: database error"))
    }

    @Test("report: two consecutive years of one unit with a broken carry-over (年初 ≠ 上年年末) are reported; a kept one is not", arguments: StoreEngine.available)
    func carryOver(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        // 甲局 closes 2023 with 5.00 and opens 2024 with 0.00 (broken); 乙局 closes with 5.00 and opens with 5.00.
        func write(unit: String, year: Int, closing: String?, opening: String?) throws -> String {
            var synthetic = SyntheticDisclosure()
            if let closing { synthetic.set(.incomeExpenditureSummary, row: "60", column: 2, to: closing) }
            if let opening { synthetic.set(.incomeExpenditureSummary, row: "29", column: 1, to: opening) }
            let text = synthetic.text.replacingOccurrences(of: "2023", with: String(year))
                .replacingOccurrences(of: "测试局", with: unit)
            let path = folder.path("\(unit)-\(year).txt")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let files = [
            try write(unit: "测试甲局", year: 2023, closing: "5.00", opening: nil),
            try write(unit: "测试甲局", year: 2024, closing: nil, opening: nil),
            try write(unit: "测试乙局", year: 2023, closing: "5.00", opening: nil),
            try write(unit: "测试乙局", year: 2024, closing: nil, opening: "5.00"),
        ]
        let imported = try BudgetLensBinary.run(["import"] + files + ["--db", fresh.spec])
        #expect(imported.status == 0, "\(imported.stdout)")
        let json = try BudgetLensBinary.run(["report", "--db", fresh.spec, "--format", "json"])
        let report = try decodeStoreReport(Data(json.stdout.utf8))
        #expect(report.carryOvers.count == 2)
        let broken = report.carryOvers.filter { !$0.matches }
        #expect(broken.map(\.unit) == ["测试甲局"])
        #expect(broken.first?.year == 2024)
        #expect(broken.first?.openingFen == 0 && broken.first?.previousClosingFen == 5_000_000)
        #expect(broken.first?.differenceFen == -5_000_000)
        #expect(report.carryOvers.contains { $0.unit == "测试乙局" && $0.matches && $0.openingFen == 5_000_000 })
        let text = try BudgetLensBinary.run(["report", "--db", fresh.spec])
        #expect(text.stdout.contains("2 pairs of consecutive years, 1 broken"))
        #expect(text.stdout.contains("测试甲局 2024: 年初结转和结余 0.00 ≠ 2023年 年末结转和结余 5.00"))
        #expect(!text.stdout.contains("错误 error 测试乙局"))
    }

    @Test("explain lists the stored findings with ids and attaches an explanation (出错说明) to one", arguments: StoreEngine.available)
    func explain(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        #expect(try BudgetLensBinary.run(["import", Seed.path(Seed.yantai), "--db", fresh.spec]).status == 0)
        // 烟台 has six findings: 06-1 (rounding), F-TITLE and N-DUP-WORD (有效有效 in the annexed report), and 十三
        // against the annexed report (N-EVAL-1, -2, -3).
        let listing = try BudgetLensBinary.run(["explain", "--db", fresh.spec])
        let lines = listing.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.filter { $0.contains("N-EVAL-") }.count == 3)
        let first = try #require(lines.first { $0.contains("06-1 warning") })
        let id = try #require(first.split(separator: "\t").first.map { String($0.dropFirst()) })
        let attached = try BudgetLensBinary.run([
            "explain", id, "--db", fresh.spec, "--author", "审核员张三", "--text", "尾数误差，原表四舍五入所致。",
        ])
        #expect(attached.status == 0)
        #expect(attached.stdout.contains("attached to finding #\(id)"))
        let again = try BudgetLensBinary.run(["explain", "--db", fresh.spec])
        #expect(again.stdout.contains("\t出错说明 审核员张三 "))
        #expect(again.stdout.contains(": 尾数误差，原表四舍五入所致。"))
        let store = try await fresh.open()
        let explanations = try await store.explanations(ofFinding: try #require(Int64(id)))
        #expect(explanations.map(\.author) == ["审核员张三"])
        let missing = try BudgetLensBinary.run(["explain", "999999", "--db", fresh.spec, "--author", "a", "--text", "b"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("错误：库中无此审核结果：#999999\nerror: no finding #999999 in the store"), "\(missing.stderr)")
        let noDocument = try BudgetLensBinary.run(["explain", "--db", fresh.spec, "--document", "999999"])
        #expect(noDocument.status == 2 && noDocument.stdout.isEmpty, "an unknown document is not an empty listing")
        #expect(noDocument.stderr.hasPrefix("错误：库中无此文档：#999999\nerror: no document #999999 in the store"))
        let unpublished = try BudgetLensBinary.run(["publish", "999999", "--db", fresh.spec])
        #expect(unpublished.status == 2 && unpublished.stderr.hasPrefix("错误：库中无此文档：#999999"), "\(unpublished.stderr)")
        let incomplete = try BudgetLensBinary.run(["explain", id, "--db", fresh.spec])
        #expect(incomplete.status == 2 && incomplete.stderr.contains("needs --author and --text"))
        // A recheck that changes other findings keeps the explanation with the unchanged 06-1 finding (new id).
        #expect(try BudgetLensBinary.run(["recheck", "--db", fresh.spec, "--skip", "N-*"]).status != 2)
        #expect(try BudgetLensBinary.run(["recheck", "--db", fresh.spec]).status != 2)
        let afterRecheck = try BudgetLensBinary.run(["explain", "--db", fresh.spec])
        let listed = afterRecheck.stdout.split(separator: "\n")
        let kept = try #require(listed.firstIndex { $0.contains("06-1 warning") })
        #expect(!listed[kept].hasPrefix("#\(id)\t"), "a recheck records new findings")
        #expect(kept + 1 < listed.count && listed[kept + 1].hasPrefix("\t出错说明 审核员张三 "), "\(afterRecheck.stdout)")
        #expect(afterRecheck.stdout.components(separatedBy: "尾数误差，原表四舍五入所致。").count == 2, "the explanation once")
        // The old id is a finding of a replaced check: an explanation there would be listed nowhere.
        let superseded = try BudgetLensBinary.run(["explain", id, "--db", fresh.spec, "--author", "a", "--text", "b"])
        #expect(superseded.status == 2)
        #expect(superseded.stderr.hasPrefix("错误：审核结果 #\(id) 属于文档 #"), "\(superseded.stderr)")
        #expect(superseded.stderr.contains(" 较早的一次检查（已被重新检查取代），不能再添加说明；当前的审核结果见 budgetlens explain --document "))
    }
}
