import Foundation

/// The outcome of running the built `budgetlens` binary.
public struct CommandResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
}

/// Runs the built `budgetlens` binary, found beside the test bundle in the build folder.
public enum BudgetLensBinary {
    /// The binary's URL.
    public static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("budgetlens")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Seed.repositoryRoot.appendingPathComponent(".build/debug/budgetlens")
    }

    /// Runs `budgetlens` (or the binary at `executable`) with `arguments` in `directory` (the repository root by
    /// default), optionally feeding `stdin`, and waits for it.
    public static func run(
        _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, executable: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Seed.repositoryRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up and blocks the child.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}

extension BudgetLensBinary {
    /// `rule message` of each finding of `budgetlens check FILE --format json` whose rule `keep` accepts: the
    /// text-quality findings of two forms of one document, compared as sets.
    public static func findingMessages(_ file: String, where keep: (String) -> Bool) throws -> Set<String> {
        let result = try run(["check", file, "--format", "json"])
        let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return Set((root?["findings"] as? [[String: Any]] ?? []).compactMap { finding -> String? in
            guard let rule = finding["rule"] as? String, keep(rule) else { return nil }
            return rule + " " + (finding["message"] as? String ?? "")
        })
    }
}
