import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import BudgetLensTestSupport
import Foundation

/// A fresh temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    init(url: URL) { self.url = url }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// The real documents the store is tested on: seeds 000–002, the corpus texts, the field texts and PDFs, the
/// 上海 PDFs.
enum StoreDocuments {
    static var seeds: [String] { [Seed.yantai, Seed.weihai, Seed.zengdu].map(Seed.path) }

    static func files(in folder: String) throws -> [String] {
        let url = Seed.sharedRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".pdf") }
            .sorted()
            .map { url.appendingPathComponent($0).path }
    }

    /// Every document of the suite.
    static func all() throws -> [String] {
        seeds + (try files(in: "corpus")) + (try files(in: "corpus/field")) + (try files(in: "corpus/pdf"))
    }

    /// The findings `check` gives for `file` (read as `check` reads: no self-evaluations; the pack's findings,
    /// then N-EVAL-* against an annexed evaluation report), or `nil` when `check` refuses the file.
    static func checkFindings(_ file: String, pack: RulePack) -> [Finding]? {
        var configuration = ReaderConfiguration()
        configuration.readsSelfEvaluations = false
        guard let disclosure = try? DisclosureReader.read(path: file, configuration: configuration),
            disclosure.kind == .finalAccounts, !disclosure.tables.isEmpty
        else { return nil }
        return RuleEngine().evaluate(pack, on: disclosure).findings
            + AnnexedEvaluation.findings(file: file, disclosure: disclosure, configuration: configuration, skipped: [])
    }
}

/// `count` distinct synthetic disclosures (``SyntheticBatch``) written to `folder`.
func writeSyntheticDisclosures(_ count: Int, to folder: TemporaryFolder) throws -> [String] {
    try SyntheticBatch.write(count, to: folder.url)
}
