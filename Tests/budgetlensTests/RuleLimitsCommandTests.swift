import BudgetLensTestSupport
import Foundation
import Testing

/// `budgetlens rules --rules F` on the rule files of issue 10 returns at once with exit 2 and the place, within
/// 2 s and 500 MB.
@Suite("budgetlens rules on unbounded rule files")
struct RuleLimitsCommandTests {
    @Test(
        "a huge quantifier, deep nesting or a 50 000-term sum: exit 2 naming file:line:column, in 2 s and 500 MB",
        arguments: [
            ("for each line l in 1...2000000000: 公开01[l, 1] = 0", ":2:28: 行次 2000000000 超出表格范围 1–64"),
            (String(repeating: "(", count: 200_000) + "公开01[27, 1]" + String(repeating: ")", count: 200_000) + " = 0",
                ":2:1: 行过长"),
            ("公开01[27, 1] = " + Array(repeating: "公开01[1, 1]", count: 50_000).joined(separator: " + "), ":2:1: 行过长"),
            ("公开01[27, 1] = 12345678901234", ":2:19: 数值 12345678901234 过大"),
        ])
    func refusedFast(statement: String, message: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID()).rules")
        try ("rule U-1 error \"x\"\n    " + statement + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let start = ContinuousClock.now
        let result = try Self.runWithin500MB(["rules", "--rules", file.path])
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(result.status == 2)
        #expect(result.stderr.contains(file.path + message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("the limit of 500 MB the cases run under is real: the built-in rules list within it")
    func memoryLimitHolds() throws {
        let result = try Self.runWithin500MB(["rules"])
        #expect(result.status == 0 && result.stdout.contains(" rules, tolerance 0.005 per term"))
    }

    /// Runs `budgetlens` under `ulimit -v 512000` (500 MB of address space): an allocation beyond it fails the run.
    private static func runWithin500MB(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v 512000 && exec \"$0\" \"$@\"", BudgetLensBinary.url.path] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()  // small: one error line
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }
}
