import ArgumentParser
import BudgetLensCore
import BudgetLensStore
import Foundation

/// `budgetlens recheck`: re-runs the rules in force over the stored documents and says what changed.
struct RecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "按现行规则重新检查库中文档。Re-check the stored documents with the rules in force (from their stored JSON, no file read).",
        discussion: """
            Per document: the findings new and gone since its latest check, and those changed (same rule and \
            place, other content). A new check is recorded, with the pack version, where the version or the \
            findings changed.

            Exit codes: 0 done; 2 the store or a rule file cannot be read.

            Examples:
              budgetlens recheck --db lens.sqlite
              budgetlens recheck --db lens.sqlite --rules my.rules
            """)

    @OptionGroup var store: StoreOptions

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let pack = try rules.pack()
        let storeOptions = store
        let changes = try awaitStore {
            let store = try await storeOptions.openExisting()
            return try await Recheck(store: store, pack: pack).run()
        }
        var changedDocuments = 0
        for change in changes {
            let name = "#\(change.document.id) \(change.document.file)"
            guard !change.isUnchanged else {
                print("\(name): 无变化 unchanged")
                continue
            }
            changedDocuments += 1
            print("\(name): 新增 \(change.new.count)，消失 \(change.gone.count)，变化 \(change.changed.count) (\(change.new.count) new, \(change.gone.count) gone, \(change.changed.count) changed)")
            for finding in change.new { print("  + \(Self.line(finding))") }
            for finding in change.gone { print("  - \(Self.line(finding))") }
            for changed in change.changed { print("  ~ \(Self.line(changed.before)) → \(Self.line(changed.after))") }
        }
        let version = PackVersion.of(pack)
        print("重新审核 \(changes.count) 份，有变化 \(changedDocuments) 份；规则包 \(version) (\(changes.count) documents re-checked, \(changedDocuments) changed; pack \(version))")
    }

    /// `X-12 error 公开01 行27 栏1: message`.
    static func line(_ finding: Finding) -> String {
        "\(finding.rule) \(finding.severity.rawValue) \(finding.location.description): \(finding.message)"
    }
}
