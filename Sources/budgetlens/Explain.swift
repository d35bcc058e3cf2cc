import ArgumentParser
import BudgetLensCore
import BudgetLensStore
import Foundation

/// `budgetlens explain`: lists the stored findings with their ids, or attaches an explanation (出错说明) to one.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stored findings with their ids and explanations, or attach an explanation (出错说明) to one.",
        discussion: """
            Without a finding id: every finding of the latest checks (or of one --document), with its id and the \
            explanations attached. With an id, --author and --text: attaches the explanation, stamped with the time.

            Exit codes: 0 done; 2 no such finding or document, or the store cannot be read.

            Examples:
              budgetlens explain --db lens.sqlite --document 3
              budgetlens explain 42 --db lens.sqlite --author 张三 --text "尾数误差，原表四舍五入所致"
            """)

    @Argument(help: "The finding to explain (an id from the listing).")
    var finding: Int64?

    @OptionGroup var store: StoreOptions

    @Option(help: "Only the findings of this document (its id).")
    var document: Int64?

    @Option(help: "Who writes the explanation.")
    var author: String?

    @Option(help: "The explanation.")
    var text: String?

    func run() throws {
        let storeOptions = store
        if let finding {
            guard let author, !author.isEmpty, let text, !text.isEmpty else {
                throw CommandFailure(
                    place: "", chinese: "说明发现 #\(finding) 需要 --author 和 --text",
                    english: "explaining finding #\(finding) needs --author and --text")
            }
            let id = try awaitStore {
                try await storeOptions.openExisting().addExplanation(Explanation(author: author, text: text), toFinding: finding)
            }
            print("explanation #\(id) attached to finding #\(finding) (已添加出错说明)")
            return
        }
        let only = document
        let listing = try awaitStore { () -> [ListedFinding] in
            let store = try await storeOptions.openExisting()
            let documents = try await store.documents()
            if let only, !documents.contains(where: { $0.id == only }) { throw StoreError.noSuchDocument(only) }
            var listed: [ListedFinding] = []
            for document in documents where only == nil || only == document.id {
                for stored in try await store.latestFindings(document: document.id) {
                    listed.append(
                        ListedFinding(
                            document: document, finding: stored,
                            explanations: try await store.explanations(ofFinding: stored.id)))
                }
            }
            return listed
        }
        for item in listing {
            let finding = item.finding.finding
            print(
                "#\(item.finding.id)\t#\(item.document.id) \(item.document.file)\t\(finding.rule) \(finding.severity.rawValue) \(finding.location.description): \(finding.message)")
            for explanation in item.explanations {
                print("\t出错说明 \(explanation.author) \(explanation.writtenAt): \(explanation.text)")
            }
        }
    }
}

/// A finding listed with its document and explanations.
struct ListedFinding: Sendable {
    var document: StoredDocument
    var finding: StoredFinding
    var explanations: [Explanation]
}
