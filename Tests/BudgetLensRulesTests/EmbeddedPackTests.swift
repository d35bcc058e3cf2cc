import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The built-in pack is embedded in the code at build time (Plugins/EmbedResources); the rule files stay the
/// source of truth.
@Suite("The embedded built-in pack")
struct EmbeddedPackTests {
    @Test("the embedded final-accounts pack is the rule files on disk, file by file, rule by rule")
    func embeddedEqualsFiles() throws {
        let folder = Seed.repositoryRoot.appendingPathComponent("Sources/BudgetLensRules/Packs/final-accounts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".rules") }.sorted()
        #expect(files.count >= 9)
        var fromDisk: [(String, String, Int)] = []
        for file in files {
            let pack = try RulePack(text: String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8), file: "Packs/final-accounts/\(file)")
            fromDisk += pack.rules.map { ($0.id, $0.file, $0.line) }
        }
        let embedded = try BuiltInPacks.finalAccounts().rules.map { ($0.id, $0.file, $0.line) }
        #expect(embedded.count >= 60 && embedded.count == fromDisk.count)
        #expect(embedded.map(\.0) == fromDisk.map(\.0))
        #expect(embedded.map(\.1) == fromDisk.map(\.1) && embedded.map(\.2) == fromDisk.map(\.2))
    }

    @Test("a pack that is not there is a RuleFileError naming it, not a crash")
    func missingPack() throws {
        let error = try #require(throws: RuleFileError.self) { try BuiltInPacks.pack(named: "no-such-pack") }
        #expect("\(error)".contains("Packs/no-such-pack") && "\(error)".contains("missing"))
    }
}
