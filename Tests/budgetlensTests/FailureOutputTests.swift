import BudgetLensTestSupport
import Foundation
import Testing

/// `--format json|sarif` never leaves standard output empty: a failure before the result (a bad rule file, an
/// empty `--previous`, an empty file to export, a store that does not exist) writes its error object there — a
/// fresh tester found five commands that wrote nothing.
@Suite("--format json and sarif on a failure: the error on standard output")
struct FailureOutputTests {
    private func error(_ result: CommandResult) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect(object["exit_code"] as? Int == 2)
        return try #require(object["error"] as? [String: Any])
    }

    @Test("check --rules, export, report on a missing store: exit 2, one JSON error object with Chinese and English")
    func jsonErrors() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("bad.rules").path
        try Data("bad\n".utf8).write(to: URL(fileURLWithPath: rules))
        let empty = folder.appendingPathComponent("empty.txt").path
        try Data().write(to: URL(fileURLWithPath: empty))

        let check = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--rules", rules, "--format", "json"])
        #expect(check.status == 2)
        let checkError = try error(check)
        #expect(checkError["message"] as? String == "\(rules):1:1: 应为 pack、tolerance 或 rule，而不是“bad”")
        #expect(checkError["message_en"] as? String == "\(rules):1:1: expected 'pack', 'tolerance' or 'rule', found 'bad'")
        // The place in its own fields, not folded into `file` (`bad.rules:1:1` was the file before).
        #expect(checkError["file"] as? String == rules)
        #expect(checkError["line"] as? Int == 1 && checkError["column"] as? Int == 1)
        #expect(checkError["code"] as? String == "rule-file")

        let export = try BudgetLensBinary.run(["export", empty, "--format=json"])
        #expect(export.status == 2)
        let exportError = try error(export)
        #expect(exportError["code"] as? String == "empty" && exportError["file"] as? String == empty)

        let missing = folder.appendingPathComponent("none.sqlite").path
        let report = try BudgetLensBinary.run(["report", "--db", missing, "--format", "json"])
        #expect(report.status == 2)
        #expect(try error(report)["message_en"] as? String == "no store at \(missing) (create it with budgetlens import)")
        #expect(!FileManager.default.fileExists(atPath: missing))

        let text = try BudgetLensBinary.run(["report", "--db", missing])
        #expect(text.status == 2 && text.stdout.isEmpty, "text output stays empty; the message is on stderr")
    }

    @Test("check --format sarif with an empty --previous: a SARIF run whose invocation failed")
    func sarifError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-empty-\(UUID().uuidString).txt")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--previous", empty.path, "--format", "sarif"])
        #expect(result.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(((notification["message"] as? [String: Any])?["text"] as? String)?.contains("the file is empty") == true)
    }

    @Test("check --format json: the document object has every key, absent values null (a PDF: no encoding, no scope)")
    func documentKeys() throws {
        let result = try BudgetLensBinary.run(["check", Seed.corpusPath(Seed.financePDF), "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let document = try #require(object["document"] as? [String: Any])
        #expect(Set(document.keys) == [
            "file", "kind", "title", "unit_name", "year", "scope", "money_unit", "tables_found", "tables_missing",
            "tables_unreadable", "encoding", "line_endings", "tables_not_read", "reading_doubts",
        ])
        #expect(document["encoding"] is NSNull && document["scope"] is NSNull)
    }
}
