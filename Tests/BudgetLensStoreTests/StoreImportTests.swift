import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import GRDB
import Testing

@Suite("Store import (in process, real documents)")
struct StoreImportTests {
    @Test(
        "Seeds, corpus texts, field files and PDFs: each stored document has exactly the findings check gives",
        arguments: StoreEngine.available)
    func realDocuments(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        let store = try await fresh.open()
        defer { Task { await fresh.drop() } }
        let pack = try BuiltInPacks.finalAccounts()
        let files = try StoreDocuments.all()
        let outcomes = try await DisclosureImporter(store: store, pack: pack).run(files: files)
        #expect(outcomes.count == files.count)

        var storedFiles: Set<String> = []
        for document in try await store.documents() {
            storedFiles.insert(document.file)
            let expected = try #require(StoreDocuments.checkFindings(document.file, pack: pack), "\(document.file)")
            let stored = try await store.latestFindings(document: document.id).map(\.finding)
            #expect(stored == expected, "\(document.file)")
            #expect(document.packVersion == PackVersion.of(pack))
            // The stored JSON re-materialises the document: the same findings of the pack again (N-EVAL-* need the
            // annexed report's text, which `recheck` keeps as stored).
            let disclosure = try DisclosureJSON.decode(try await store.disclosureJSON(document: document.id), file: document.file)
            #expect(
                RuleEngine().evaluate(pack, on: disclosure).findings
                    == expected.filter { !$0.rule.hasPrefix(AnnexedEvaluation.rulePrefix) }, "\(document.file)")
        }
        // Exactly the files check accepts are stored; the others are recorded failures.
        let accepted = Set(files.filter { StoreDocuments.checkFindings($0, pack: pack) != nil })
        #expect(storedFiles == accepted)
        let failed = Set(try await store.failures().map(\.file))
        #expect(failed == Set(files).subtracting(accepted))
        #expect(failed.contains(Seed.corpusPath(Seed.shanghaiBudget)))
        #expect(storedFiles.contains(Seed.corpusPath(Seed.financePDF)))
        // The seeds' finding counts as `check` prints them: 000 three warnings and N-EVAL-1…3, 001 20, 002 22.
        let bySeed = try await store.documents().filter { StoreDocuments.seeds.contains($0.file) }
        var counts: [String: Int] = [:]
        for document in bySeed {
            counts[URL(fileURLWithPath: document.file).lastPathComponent] = try await store.latestFindings(document: document.id).count
        }
        #expect(counts == [Seed.yantai: 6, Seed.weihai: 20, Seed.zengdu: 22])
    }

    @Test("Cells, statements and totals are stored in 分 with their source lines (威海 2023)")
    func cellsAndStatements() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("lens.sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        _ = try await DisclosureImporter(store: store, pack: try BuiltInPacks.finalAccounts()).run(files: [Seed.path(Seed.weihai)])
        let disclosure = try Seed.read(Seed.weihai)
        let queue = try DatabaseQueue(path: path)
        try await queue.read { db in
            // 公开01 行27 本年收入合计 栏1: `本年收入合计	27	939.31` on line 140.
            let row = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT value_fen, printed, source_line FROM cells WHERE table_id = '01' AND line = 27 AND column_number = 1"))
            #expect(row[0] as Int64 == 939_310_000)
            #expect(row[1] as String == "939.31")
            #expect(row[2] as Int == 140)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cells") == disclosure.cellRecords().count)
            // Line 349: `本年收入合计939.31万元，其中：财政拨款收入939.04万元，占99.97%`.
            let share = try #require(
                try Row.fetchOne(
                    db,
                    sql: "SELECT amount_fen, percent_scaled, percent_decimals, topic, section FROM statements WHERE claim_kind = 'share' AND source_line = 349 AND subject = '财政拨款收入'"))
            #expect(share[0] as Int64 == 939_040_000)
            #expect(share[1] as Int64 == 9997)
            #expect(share[2] as Int == 2)
            #expect(share[3] as String == "income")
            #expect(share[4] as Int == 2)
            #expect(
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM statements") == disclosure.statements?.statements.count)
            #expect(try Int64.fetchOne(db, sql: "SELECT expenditure_total_fen FROM documents") == 958_640_000)
            #expect(try String.fetchOne(db, sql: "SELECT typeof(value_fen) FROM cells WHERE value_fen IS NOT NULL GROUP BY 1") == "integer")
        }
    }

    @Test("Summaries per document: 公开01 totals in 分 and the findings split (威海 2023)", arguments: StoreEngine.available)
    func summaries(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        let store = try await fresh.open()
        defer { Task { await fresh.drop() } }
        _ = try await DisclosureImporter(store: store, pack: try BuiltInPacks.finalAccounts()).run(files: StoreDocuments.seeds)
        let summary = try #require(try await store.summaries(unit: "威海市医疗保障局（本级）", year: 2023).first)
        #expect(summary.incomeTotalFen == 939_310_000 && summary.expenditureTotalFen == 958_640_000)
        #expect(summary.errors == 2)
        // 2 + 15 + 3 = the 20 of `check`: the tables' 14 尾数误差 and 五(二)'s 3.71 %, and three doubled words.
        #expect(summary.rounding == 15 && summary.warnings == 3 && summary.infos == 0)
        let all = try await store.summaries(unit: nil, year: nil)
        #expect(Set(all.compactMap(\.incomeTotalFen)) == [8_431_280_000, 939_310_000, 1_101_350_000])
        #expect(try await store.summaries(unit: nil, year: 2022).count == 2)
        let counts = try await store.counts()
        let disclosures = try StoreDocuments.seeds.map { try DisclosureReader.read(path: $0) }
        #expect(counts.cells == disclosures.map { $0.cellRecords().count }.reduce(0, +))
        #expect(counts.statements == disclosures.map { $0.statements?.statements.count ?? 0 }.reduce(0, +))
        #expect(counts.findings == 6 + 20 + 22 && counts.checks == 3 && counts.documents == 3)
    }

    @Test("Importing the same content again adds nothing, even under another name", arguments: StoreEngine.available)
    func idempotent(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        let store = try await fresh.open()
        defer { Task { await fresh.drop() } }
        let importer = DisclosureImporter(store: store, pack: try BuiltInPacks.finalAccounts())
        _ = try await importer.run(files: StoreDocuments.seeds)
        let before = try await store.counts()
        try FileManager.default.copyItem(atPath: Seed.path(Seed.yantai), toPath: folder.path("copy.txt"))
        let again = try await importer.run(files: StoreDocuments.seeds + [folder.path("copy.txt")])
        #expect(again.allSatisfy { if case .alreadyImported = $0 { true } else { false } })
        #expect(try await store.counts() == before)
        #expect(before.documents == 3)
    }

    @Test("An explanation (出错说明) is attached to a stored finding with author, time and text", arguments: StoreEngine.available)
    func explanations(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        let store = try await fresh.open()
        defer { Task { await fresh.drop() } }
        _ = try await DisclosureImporter(store: store, pack: try BuiltInPacks.finalAccounts()).run(files: [Seed.path(Seed.yantai)])
        let document = try #require(try await store.documents().first)
        let finding = try #require(try await store.latestFindings(document: document.id).first { $0.finding.rule == "06-1" })
        let note = Explanation(author: "审核员张三", writtenAt: "2026-11-29T18:00:00Z", text: "尾数误差，原表四舍五入所致。")
        _ = try await store.addExplanation(note, toFinding: finding.id)
        #expect(try await store.explanations(ofFinding: finding.id) == [note])
        await #expect(throws: StoreError.self) { try await store.addExplanation(note, toFinding: 999_999) }
    }
}
