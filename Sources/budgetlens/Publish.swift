import ArgumentParser
import BudgetLensServer
import BudgetLensStore
import Foundation

/// `budgetlens publish ID`: marks a stored document published (anonymous read-only access in `serve`).
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "公开文档。Mark a stored document published (or withdraw it with --withdraw).",
        discussion: """
            Published documents are readable by anyone through `budgetlens serve`, without logging in. The change \
            is recorded in the audit log as made by the operating-system user.

            Example:
              budgetlens publish 3 --db lens.sqlite
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The document id (as `budgetlens report` and the API name it).")
    var id: Int64

    @Flag(help: "Withdraw the publication.")
    var withdraw = false

    func run() throws {
        let storeOptions = store
        let id = id
        let published = !withdraw
        let user = "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown")
        do {
            try awaitStore {
                let store = try await ServerStoreLocation.open(storeOptions.location)
                try await store.setPublished(document: id, published: published)
                try await store.appendAudit(AuditEntry(user: user, action: published ? "publish" : "unpublish", document: id))
            }
        } catch let error as StoreError {
            throw CommandFailure(error)
        }
        print("document #\(id): \(published ? "published (已公开)" : "withdrawn (已撤回)")")
    }
}
