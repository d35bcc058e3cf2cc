import ArgumentParser
import BudgetLensCore
import BudgetLensStore
import Foundation

/// `budgetlens explain`: lists the stored findings with their ids, or attaches an explanation (出错说明) to one.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出库中审核结果，或为其添加出错说明。List the stored findings with their ids and explanations, or attach an explanation (出错说明) to one.",
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
            let id = try awaitStore { () -> Int64 in
                let store = try await storeOptions.openExisting()
                // A finding of an earlier check (a recheck replaced it) is listed nowhere: explain the current one.
                if let accounts = store as? any AccountStore, let document = try await accounts.document(ofFinding: finding),
                    !(try await store.latestFindings(document: document)).contains(where: { $0.id == finding })
                {
                    throw CommandFailure(
                        place: "", chinese: "审核结果 #\(finding) 属于文档 #\(document) 较早的一次检查（已被重新检查取代），不能再添加说明；"
                            + "当前的审核结果见 budgetlens explain --document \(document)",
                        english: "finding #\(finding) belongs to an earlier check of document #\(document) (a recheck replaced "
                            + "it); explain a current finding instead — see budgetlens explain --document \(document)")
                }
                return try await store.addExplanation(Explanation(author: author, text: text), toFinding: finding)
            }
            print("已添加出错说明 #\(id)（审核结果 #\(finding)）/ explanation #\(id) attached to finding #\(finding)")
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
