import BudgetLensTestSupport
import Foundation
import Testing

/// `user add` creates a user or changes an existing one's role and password, and says which.
@Suite("budgetlens user add")
struct UserCommandTests {
    @Test("a second `user add` of a name says it updated the existing user")
    func createdThenUpdated() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-users-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: database) }
        let first = try BudgetLensBinary.run(
            ["user", "add", "bob", "--reviewer", "市财政局", "--db", database.path], stdin: Data("Another-pass-789\n".utf8))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "user bob: reviewer of 市财政局 — 已创建 created\n")
        let second = try BudgetLensBinary.run(["user", "add", "bob", "--admin", "--db", database.path], stdin: Data("Another-pass-789\n".utf8))
        #expect(second.stdout == "user bob: admin — 已更新已有用户 updated the existing user\n")
        let list = try BudgetLensBinary.run(["user", "list", "--db", database.path])
        #expect(list.stdout == "bob\tadmin\t-\n")
    }
}
