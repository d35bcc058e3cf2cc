import BudgetLensCore
import BudgetLensReader
import Foundation

/// Builds workbooks for the tests with the repository's Python tooling (`scripts/make_workbook.py`, which
/// uses openpyxl; `.ci/run` installs it): a seed written into an XLSX as a finance office keeps it, hostile
/// files, and workbooks zipped from hand-written parts.
public enum TestWorkbooks {
    /// A new empty folder for one test's files (under the system's temporary folder).
    public static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The whole seed as a workbook: a sheet `封面` with the text before the first table, one sheet per table
    /// (`公开01` …, from its title to the next table's), and a sheet `说明` with the text after the last table.
    public static func document(seed: String, in folder: URL) throws -> String {
        let disclosure = try Seed.read(seed)
        let tables = disclosure.tables.sorted { $0.source.line < $1.source.line }
        var marks = tables.map { "\($0.id.formID):\($0.source.line)" }
        let lastRow = tables.last?.rows.map(\.source.line).max() ?? 0
        marks.append("说明:\(lastRow + 1)")
        let output = folder.appendingPathComponent("\(seed).xlsx").path
        try python("make_workbook.py", ["document", Seed.path(seed), output] + marks)
        return output
    }

    /// Only the seed's nine tables, from the title to the last row, a sheet each (as finance offices keep them),
    /// or all stacked on one sheet named `stackedOn`, a blank row apart.
    public static func tables(seed: String, in folder: URL, stackedOn sheet: String? = nil) throws -> String {
        let disclosure = try Seed.read(seed)
        let specs = disclosure.tables.map { table in
            "\(sheet ?? table.id.formID):\(table.source.line):\(table.rows.map(\.source.line).max() ?? table.source.line)"
        }
        return try ranges(specs, of: seed, named: "\(seed)-tables-\(sheet ?? "").xlsx", in: folder)
    }

    /// Chosen line ranges of a seed, `SHEET:FIRST:LAST` (1-based, inclusive; ranges named alike stacked).
    public static func ranges(_ specs: [String], of seed: String, named name: String, in folder: URL) throws -> String {
        let output = folder.appendingPathComponent(name).path
        try python("make_workbook.py", ["tables", Seed.path(seed), output] + specs)
        return output
    }

    /// The Shanghai Putuo 财政局 2024 corpus text as a finance office's workbook (`封面`, a sheet per table from its
    /// title, `说明`), edited by `make_workbook.py edit` operations (`insert-row:公开04:21`, `hide:公开03`, …).
    public static func shanghaiFinance(edited operations: [String], named name: String, in folder: URL) throws
        -> String
    {
        let plain = folder.appendingPathComponent("shanghai-finance.xlsx").path
        if !FileManager.default.fileExists(atPath: plain) {
            try python(
                "make_workbook.py",
                ["document", Seed.corpusPath(Seed.shanghaiFinance), plain, "封面:1", "公开01:92", "公开02:132", "公开03:163",
                 "公开04:194", "公开05:240", "公开06:269", "公开09:319", "公开07:329", "公开08:339", "说明:350"])
        }
        guard !operations.isEmpty else { return plain }
        let output = folder.appendingPathComponent(name).path
        try python("make_workbook.py", ["edit", plain, output] + operations)
        return output
    }

    /// A hostile file: `zipbomb`, `laughs`, `huge-declared`, `encrypted`, `docx`.
    public static func hostile(_ kind: String, in folder: URL) throws -> String {
        let output = folder.appendingPathComponent("\(kind).xlsx").path
        try python("make_workbook.py", ["hostile", kind, output])
        return output
    }

    /// A workbook zipped from parts given as path → XML text.
    public static func zipped(_ parts: [String: String], named name: String, in folder: URL) throws -> String {
        let partsFolder = folder.appendingPathComponent("\(name)-parts")
        for (path, text) in parts {
            let url = partsFolder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let output = folder.appendingPathComponent(name).path
        try python("make_workbook.py", ["zip", partsFolder.path, output])
        return output
    }

    /// Runs a script of `scripts/` with `python3`; throws with its stderr when it fails.
    @discardableResult
    public static func python(_ script: String, _ arguments: [String]) throws -> CommandResult {
        let scriptPath = Seed.repositoryRoot.appendingPathComponent("scripts").appendingPathComponent(script).path
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", scriptPath] + arguments)
        guard result.status == 0 else { throw ScriptFailure(script: script, status: result.status, stderr: result.stderr) }
        return result
    }

    /// `budgetlens ARGUMENTS` run under `scripts/measure.py`: its result (stderr ends with the measure line) and
    /// the measured values — `status`, `seconds`, `cpu_seconds` (user + system), `maxrss_kb`.
    public static func measured(_ arguments: [String]) throws -> (result: CommandResult, values: [String: Double]) {
        let result = try python("measure.py", [BudgetLensBinary.url.path] + arguments)
        guard let report = result.stderr.split(separator: "\n").last(where: { $0.hasPrefix("measure: ") }) else {
            throw ScriptFailure(script: "measure.py", status: result.status, stderr: result.stderr)
        }
        let values = Dictionary(
            uniqueKeysWithValues: report.dropFirst("measure: ".count).split(separator: " ").map { pair in
                let parts = pair.split(separator: "=")
                return (String(parts[0]), Double(parts[1]) ?? -1)
            })
        return (result, values)
    }

    /// A script that exited with a failure.
    public struct ScriptFailure: Error, CustomStringConvertible {
        public var script: String
        public var status: Int32
        public var stderr: String
        public var description: String { "scripts/\(script) exited with \(status): \(stderr)" }
    }
}

/// Runs a program and collects its output.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` from the repository root and waits for it.
    public static func run(_ executable: String, _ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Seed.repositoryRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
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
