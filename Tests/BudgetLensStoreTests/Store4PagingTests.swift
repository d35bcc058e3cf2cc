import BudgetLensCore
import BudgetLensRules
import BudgetLensStore
import BudgetLensStorePostgres
import BudgetLensTestSupport
import Foundation
import Testing

/// The paged "documents failing rule R" (issue 12, fourth round; docs/store4.md) on both engines: exact pages
/// and totals on the real documents and on synthetic ones with a planted 01-1, the latest check only, the
/// migration `v6-store4-failing-rule-index` from the previous version, and `report --failing`.
@Suite("store4: documents failing a rule, one page at a time")
struct Store4PagingTests {
    /// The seeds, the corpus texts (and its budget, refused), the field files (texts and PDFs) and 10 synthetic
    /// documents (units 测试0局…测试9局, 2023; 01-1 planted in synthetic-00004 and -00009).
    private static func files(_ folder: TemporaryFolder) throws -> [String] {
        let synthetic = TemporaryFolder(url: folder.url.appendingPathComponent("synthetic"))
        try FileManager.default.createDirectory(at: synthetic.url, withIntermediateDirectories: true)
        return StoreDocuments.seeds + (try StoreDocuments.files(in: "corpus")) + (try StoreDocuments.files(in: "corpus/field"))
            + (try writeSyntheticDisclosures(10, to: synthetic))
    }

    /// Imports `files` one at a time, so the ids follow the files' order (the order's last key).
    private static func importInOrder(_ files: [String], into store: any DisclosureStore) async throws {
        let outcomes = try await DisclosureImporter(store: store, pack: try BuiltInPacks.finalAccounts(), concurrency: 1)
            .run(files: files)
        #expect(outcomes.count == files.count)
    }

    private static func names(_ page: FailingRulePage) -> [String] {
        page.documents.map { URL(fileURLWithPath: $0.file).lastPathComponent }
    }

    /// F-TITLE's ten documents in the page order: unit by the bytes of its UTF-8 (上 E4B88A < 中 E4B8AD < 深
    /// E6B7B1 < 烟 E7839F; after 上海市普陀区: 人 E4BABA < 规 E8A784 < 财 E8B4A2), then year (none last), then id;
    /// the document without a unit last. The unit is the cover's where the tables name another (004's tables
    /// `上海市普陀区XX局`, 002's `上海市规划和自然资源局`).
    static let titleOrder = [
        "shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt",  // 上海市普陀区人民政府石泉路街道办事处 2025
        "002-shanghai-putuo-guihuaziyuanju-2024-final.txt",  // 上海市普陀区规划和自然资源局 2024
        "001-shanghai-putuo-caizhengju-2024-final.txt",  // 上海市普陀区财政局 2024
        "004-shanghai-putuo-caizhengju-2024-final-TESTVARIANT.txt",  // 上海市普陀区财政局 2024 (cover; tables XX局), imported later
        "003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt",  // 中共上海市普陀区委社会工作部 2024 (imported first)
        "shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf",  // the same unit and year
        "shenzhen-dapeng-jianzhugongwuju-sangong-colnumbers-tsv.txt",  // 深圳市大鹏新区建筑工务局, no year
        "shenzhen-dapeng-sangong-colnumbers-MUTATED-total41.10-tsv.txt",  // the same, no year
        "000_b3a610eb10aa3aee.txt",  // 烟台市医疗保障局 2022
        "shenzhen-hrss-2019-sangong-RECONSTRUCTED-4col-tsv.txt",  // no unit, 2019
    ]

    @Test(
        "Every engine: exact pages and totals of F-TITLE (10 real documents, units and years missing) and of the planted 01-1; past the end; the latest check only; bad pages refused",
        arguments: StoreEngine.available)
    func pages(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let store = try await fresh.open()
        try await Self.importInOrder(try Self.files(folder), into: store)

        var pages: [FailingRulePage] = []
        for offset in stride(from: 0, through: 12, by: 4) {
            pages.append(try await store.documents(failing: "F-TITLE", limit: 4, offset: offset))
        }
        #expect(pages.map(\.total) == [10, 10, 10, 10])
        #expect(pages.map(Self.names) == [Array(Self.titleOrder[0..<4]), Array(Self.titleOrder[4..<8]), Array(Self.titleOrder[8...]), []])
        #expect(pages.map(\.shown) == [1...4, 5...8, 9...10, nil])
        #expect(pages[0].documents.map(\.unit) == ["上海市普陀区人民政府石泉路街道办事处", "上海市普陀区规划和自然资源局", "上海市普陀区财政局", "上海市普陀区财政局"])
        #expect(pages[2].documents.map(\.unit) == ["烟台市医疗保障局", nil] && pages[2].documents.map(\.year) == [2022, 2019])
        #expect(pages[1].documents.map(\.year) == [2024, 2024, nil, nil])
        // The same documents as the unpaged list, each once; one page of all of them.
        let all = try await store.documents(failing: "F-TITLE")
        #expect(Set(pages.flatMap(\.documents)) == Set(all) && all.count == 10)
        #expect(try await Self.names(store.documents(failing: "F-TITLE", limit: 100, offset: 0)) == Self.titleOrder)
        #expect(try await Self.names(store.documents(failing: "F-TITLE", limit: 1, offset: 9)) == [Self.titleOrder[9]])

        // The planted 01-1 (本年收入合计 671.00 against 670.00 of the rows): the two synthetic documents only.
        let planted = try await store.documents(failing: "01-1", limit: 100, offset: 0)
        #expect(planted.total == 2)
        #expect(Self.names(planted) == ["synthetic-00004.txt", "synthetic-00009.txt"])
        #expect(planted.documents.map(\.unit) == ["测试4局", "测试9局"] && planted.documents.map(\.year) == [2023, 2023])
        #expect(planted.documents.allSatisfy { $0.packVersion == PackVersion.of(try! BuiltInPacks.finalAccounts()) })
        let none = try await store.documents(failing: "NO-SUCH-RULE", limit: 10, offset: 0)
        #expect(none.total == 0 && none.documents.isEmpty)

        // A re-check without F-TITLE for seed 000: its latest check no longer fails it (the old check's findings
        // stay stored), the total drops to 9.
        let yantai = try #require(all.first { $0.file.hasSuffix("000_b3a610eb10aa3aee.txt") })
        let findingsBefore = try await store.counts().findings
        _ = try await store.recordCheck(document: yantai.id, packVersion: "store4-test", findings: [])
        #expect(try await store.counts().findings == findingsBefore)
        let after = try await store.documents(failing: "F-TITLE", limit: 100, offset: 0)
        #expect(after.total == 9 && Self.names(after) == Self.titleOrder.filter { $0 != "000_b3a610eb10aa3aee.txt" })
        #expect(try await store.documents(failing: "F-TITLE", limit: 5, offset: 20).total == 9)

        for (limit, offset) in [(0, 0), (FailingRulePage.maximumLimit + 1, 0), (10, -1)] {
            await #expect(throws: StoreError.self) { try await store.documents(failing: "F-TITLE", limit: limit, offset: offset) }
        }
    }

    @Test(
        "Every engine: a database at v5-store3-report-indexes holding imported documents is migrated to v6-store4-failing-rule-index with its pages unchanged and the index made",
        arguments: StoreEngine.available)
    func fromPreviousVersion(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        try await fresh.migrate(upTo: Store3Schema.name)
        // Imported by a store of the previous version (not migrated further).
        let old: any DisclosureStore =
            switch engine {
            case .sqlite: try SQLiteStore(path: fresh.spec)
            case .postgres: try PostgresStore(url: fresh.spec)
            }
        #expect(try await old.appliedMigrations() == Array(StoreSchema.migrationNames.dropLast()))
        let corpus = try StoreDocuments.files(in: "corpus")
        try await Self.importInOrder(corpus, into: old)
        let before = try await old.counts()

        let store = try await fresh.open()  // migrates
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        #expect(StoreSchema.migrationNames.last == "v6-store4-failing-rule-index")
        #expect(try await store.counts() == before)
        let page = try await store.documents(failing: "F-TITLE", limit: 3, offset: 0)
        #expect(page.total == 4)
        #expect(Self.names(page) == [Self.titleOrder[1], Self.titleOrder[2], Self.titleOrder[3]])
        // The index exists: dropping it by name (no IF EXISTS) succeeds.
        try await fresh.execute("DROP INDEX documents_latest_check")
    }

    @Test("report --failing: the total and the positions shown, the next page, JSON, bad pages and options refused (exit 2)")
    func command() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        let corpus = try StoreDocuments.files(in: "corpus").filter { !$0.contains("BUDGET") }
        let imported = try BudgetLensBinary.run(["import"] + corpus + ["--db", db])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")

        let first = try BudgetLensBinary.run(["report", "--db", db, "--failing", "F-TITLE", "--limit", "3"])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "规则 F-TITLE：共 4 份，显示 1–3 (rule F-TITLE: 4 documents fail, showing 1–3)")
        #expect(lines.count == 6 && lines.last == "下一页 next page: --offset 3")
        #expect(lines[2].hasSuffix("\t上海市普陀区规划和自然资源局\t2024\t\(corpus[1])"), "\(lines)")
        #expect(lines[3].hasSuffix("\t上海市普陀区财政局\t2024\t\(corpus[0])"))
        #expect(lines[4].hasSuffix("\t上海市普陀区财政局\t2024\t\(corpus[3])"))

        let second = try BudgetLensBinary.run(["report", "--db", db, "--failing", "F-TITLE", "--limit", "3", "--offset", "3"])
        #expect(second.stdout.hasPrefix("规则 F-TITLE：共 4 份，显示 4–4 (rule F-TITLE: 4 documents fail, showing 4–4)\n"))
        #expect(second.stdout.hasSuffix("\t中共上海市普陀区委社会工作部\t2024\t\(corpus[2])\n") && !second.stdout.contains("下一页"))
        let past = try BudgetLensBinary.run(["report", "--db", db, "--failing", "F-TITLE", "--offset", "4"])
        #expect(past.stdout == "规则 F-TITLE：共 4 份，本页无文档（--offset 4） (rule F-TITLE: 4 documents fail, none on this page)\n")

        let json = try BudgetLensBinary.run(["report", "--db", db, "--failing", "F-TITLE", "--limit", "2", "--format", "json"])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let page = try decoder.decode(FailingRulePage.self, from: Data(json.stdout.utf8))
        #expect(page.total == 4 && page.limit == 2 && page.offset == 0 && page.documents.map(\.file) == [corpus[1], corpus[0]])
        // snake_case keys, as the rest of the JSON (they were contentHash, packVersion).
        #expect(json.stdout.contains("\"content_hash\"") && json.stdout.contains("\"pack_version\""))
        #expect(!json.stdout.contains("contentHash") && !json.stdout.contains("packVersion"))

        // An unknown rule is refused naming close ones; a known rule no document fails is an empty page.
        let unknown = try BudgetLensBinary.run(["report", "--db", db, "--failing", "F-TITEL"])
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("没有这条规则") && unknown.stderr.contains("no such rule") && unknown.stderr.contains("F-TITLE"), "\(unknown.stderr)")
        let pattern = try BudgetLensBinary.run(["report", "--db", db, "--failing", "06-*"])
        #expect(pattern.status == 2 && pattern.stderr.contains("no wildcards"))
        let known = try BudgetLensBinary.run(["report", "--db", db, "--failing", "Y-CARRY-01"])
        #expect(known.status == 0 && known.stdout.hasPrefix("规则 Y-CARRY-01：共 0 份"), "\(known.stderr)")
        // --limit / --offset without --failing mean nothing: refused.
        for bad in [["--limit", "5"], ["--offset", "3"]] {
            let refused = try BudgetLensBinary.run(["report", "--db", db] + bad)
            #expect(refused.status == 2 && refused.stderr.contains("--failing"), "\(bad): \(refused.stderr)")
        }

        for bad in [["--limit", "0"], ["--offset=-1"], ["--limit", "10001"], ["--unit", "x"], ["--format", "html"]] {
            let refused = try BudgetLensBinary.run(["report", "--db", db, "--failing", "F-TITLE"] + bad)
            #expect(refused.status == 2, "\(bad): \(refused.stdout)\(refused.stderr)")
            #expect(refused.stderr.lowercased().contains("error"), "\(bad)")
        }
        // Without --failing, report is unchanged.
        let report = try BudgetLensBinary.run(["report", "--db", db])
        #expect(report.status == 0 && report.stdout.hasPrefix("单位 unit\t年度 year"))
    }
}
