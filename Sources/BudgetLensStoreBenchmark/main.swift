import BudgetLensRules
import BudgetLensStore
import BudgetLensStorePostgres
import BudgetLensTestSupport
import Foundation

// Import of N synthetic text disclosures into a fresh SQLite store (or --db PostgreSQL), then the report queries.
// --query-only with --db: no import, only the queries on a store already filled (the 10⁵ database kept).
//
//   swift run -c release BudgetLensStoreBenchmark [--count N] [--jobs J] [--batch B] [--db postgres://…]
//   swift run -c release BudgetLensStoreBenchmark --write DIR [--count N]   (only writes the files, for timing
//                                                                            `budgetlens import DIR` itself)
//
// The documents are SyntheticBatch's: 50 units, every fifth with a planted defect. Timings are wall-clock on
// whatever the machine is doing.

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let count = option("--count").flatMap(Int.init) ?? 1000
let jobs = option("--jobs").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
let batch = option("--batch").flatMap(Int.init) ?? 64
// --db: an empty PostgreSQL database to import into (default: a fresh SQLite file in a temporary folder).
let postgres = option("--db")
guard count > 0, count <= 1_000_000 else {
    FileHandle.standardError.write(Data("--count must be between 1 and 1000000\n".utf8))
    exit(2)
}

if let target = option("--write") {
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    _ = try SyntheticBatch.write(count, to: URL(fileURLWithPath: target))
    print("wrote \(count) synthetic disclosures to \(target)")
    exit(0)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-store-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let queryOnly = CommandLine.arguments.contains("--query-only") && postgres != nil
let files =
    queryOnly ? [] : try SyntheticBatch.write(count, to: folder.appendingPathComponent("in", isDirectory: true).creatingFolder())
let database = postgres ?? folder.appendingPathComponent("bench.sqlite").path

extension URL {
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}

let clock = ContinuousClock()
let store = try await StoreLocation.open(database)
var importer = DisclosureImporter(store: store, pack: try BuiltInPacks.finalAccounts(), concurrency: jobs)
importer.batchSize = batch
let start = clock.now
let outcomes = try await importer.run(files: files)
let elapsed = clock.now - start
let imported = outcomes.filter { if case .imported = $0 { true } else { false } }.count
let counts = try await store.counts()
// The SQLite file's size (0 for PostgreSQL: docs/benchmarks.md gives pg_database_size).
let bytes = ((try? FileManager.default.attributesOfItem(atPath: database))?[.size] as? NSNumber)?.intValue ?? 0
if !queryOnly { print(String(format: "import: %d documents (%d imported) in %.2f s = %.0f documents/s, %d jobs, batches of %d", count,
             imported, seconds(elapsed), Double(count) / seconds(elapsed), jobs, batch)) }
print("store: \(counts.documents) documents, \(counts.cells) cells, \(counts.statements) statements, \(counts.findings) findings; \(bytes / 1024) KiB main file (WAL not counted), \(bytes / max(1, counts.documents)) bytes per document")

func time<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
    let start = clock.now
    let result = try await body()
    print(String(format: "query %@: %.1f ms", name, seconds(clock.now - start) * 1000))
    return result
}
let history = try await time("one unit's history (summaries unit 测试7局)") { try await store.summaries(unit: "测试7局", year: nil) }
let all = try await time("all documents, ranking (summaries + StoreReport)") {
    StoreReport(summaries: try await store.summaries(unit: nil, year: nil))
}
print("  \(history.count) documents of 测试7局; ranking of \(all.ranking.count) units")
// A district's units share its name as a prefix (曾都区…); here the units 测试1局, 测试10局…测试19局.
let district = try await time("one district's ranking (units 测试1…, summed in the database)") {
    try await store.ranking(unitPrefix: "测试1", year: nil)
}
print("  \(district.count) units, \(district.map(\.documents).reduce(0, +)) documents")
let failing = try await time("all documents failing rule 01-1") { try await store.documents(failing: "01-1") }
print("  \(failing.count) documents fail 01-1 (planted in every fifth: \(count / 5))")
// What a reviewer reads (docs/store4.md): the first page of 100 and its total, then a page further in.
let firstPage = try await time("documents failing rule 01-1, first page of 100 with the total") {
    try await store.documents(failing: "01-1", limit: 100, offset: 0)
}
print("  \(firstPage.documents.count) documents shown of \(firstPage.total)")
let laterPage = try await time("documents failing rule 01-1, page of 100 at offset \(firstPage.total / 2)") {
    try await store.documents(failing: "01-1", limit: 100, offset: firstPage.total / 2)
}
print("  \(laterPage.documents.count) documents shown from \(laterPage.offset + 1)")
