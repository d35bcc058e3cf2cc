import BudgetLensRules
import Foundation

/// A command asked for `--format json` or `--format sarif` that fails before it writes its result (a rule file
/// that cannot be read, a `--previous` that is empty, a store that does not exist) still writes a document on
/// standard output, so a program reading it finds the error there and never an empty stream: JSON
/// `{"error": {"code", "file", "line", "column", "message", "message_en"}, "exit_code": 2}` (the shape of
/// `check`'s per-file error; a rule file's error: code `rule-file`, its file, line and column as their own fields), SARIF a run whose invocation failed with the message as a notification. The
/// message goes to standard error as always.
enum FailureOutput {
    static func write(_ failure: CommandFailure, arguments: [String]) {
        guard let format = requestedFormat(arguments), format == "json" || format == "sarif" else { return }
        let place = failure.document?.file ?? failure.location?.file ?? failure.bilingual?.place ?? ""
        let chinese = failure.document?.message ?? failure.bilingual?.chinese ?? failure.message
        let english = failure.document?.messageEn ?? failure.bilingual?.english ?? failure.message
        let object: [String: Any]
        if format == "json" {
            object = [
                "error": [
                    "code": failure.document?.code ?? failure.location?.code ?? "failed",
                    "file": place.isEmpty ? NSNull() : place as Any,
                    "line": (failure.document?.line ?? failure.location?.line).map { $0 as Any } ?? NSNull(),
                    "column": (failure.document?.column ?? failure.location?.column).map { $0 as Any } ?? NSNull(),
                    "message": chinese, "message_en": english,
                ] as [String: Any],
                "exit_code": Int(failure.status),
            ]
        } else {
            object = [
                "version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "runs": [
                    [
                        "tool": ["driver": ["name": "BudgetLens", "informationUri": "https://example.invalid/budgetlens"]],
                        "results": [] as [Any],
                        "invocations": [
                            [
                                "executionSuccessful": false,
                                "toolExecutionNotifications": [
                                    ["level": "error", "message": ["text": chinese + "\n" + english]]
                                ],
                            ]
                        ],
                    ]
                ],
            ]
        }
        guard let data = try? JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// The value of `--format` (`--format json`, `--format=json`), the last one given; `nil` without one.
    static func requestedFormat(_ arguments: [String]) -> String? {
        var format: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--format", index + 1 < arguments.endIndex {
                format = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--format=") {
                format = String(argument.dropFirst("--format=".count))
            }
            index += 1
        }
        return format
    }
}
