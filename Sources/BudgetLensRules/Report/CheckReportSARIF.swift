import BudgetLensCore
import Foundation

/// What became of one file of a run: checked, or not (with why).
public enum CheckOutcome: Sendable {
    /// The file was read and checked.
    case checked(CheckReport, Disclosure)
    /// The file could not be checked.
    case failed(DocumentFailure)
}

/// A check as SARIF 2.1.0, for code-review and CI tools that show static-analysis results.
public enum CheckReportSARIF {
    /// The SARIF log of the checks of several documents against one pack.
    public static func encode(_ checks: [(CheckReport, Disclosure)], pack: RulePack) throws -> Data {
        try encode(checks.map { CheckOutcome.checked($0.0, $0.1) }, pack: pack)
    }

    /// The SARIF log of a run: one result per finding; a file that could not be checked is a
    /// `toolExecutionNotification` (level error, its message and file) in `invocations`, whose
    /// `executionSuccessful` is then `false`. Artifact locations are absolute, percent-encoded `file:` URIs.
    public static func encode(_ outcomes: [CheckOutcome], pack: RulePack) throws -> Data {
        let checks = outcomes.compactMap { if case .checked(let report, let disclosure) = $0 { (report, disclosure) } else { nil } }
        let failures = outcomes.compactMap { if case .failed(let failure) = $0 { failure } else { nil } }
        let rules: [[String: Any]] = pack.rules.map { rule in
            [
                "id": rule.id,
                "shortDescription": ["text": rule.textEnglish],
                "fullDescription": ["text": rule.text],
                "defaultConfiguration": ["level": level(rule.severity)],
            ]
        }
        var results: [[String: Any]] = []
        for (report, _) in checks {
            for finding in report.findings {
                var result: [String: Any] = [
                    "ruleId": finding.rule,
                    "level": level(finding.severity),
                    "message": ["text": finding.message + "\n" + finding.messageEnglish],
                ]
                if let source = finding.location.source {
                    result["locations"] = [
                        [
                            "physicalLocation": [
                                "artifactLocation": ["uri": fileURI(source.file)],
                                "region": ["startLine": max(1, source.line), "startColumn": max(1, source.column)],
                            ],
                            "logicalLocations": [["name": finding.location.description]],
                        ]
                    ]
                }
                results.append(result)
            }
        }
        let log: [String: Any] = [
            "version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "BudgetLens", "informationUri": "https://example.invalid/budgetlens",
                            "rules": rules,
                        ]
                    ],
                    "results": results,
                    "invocations": [invocation(failures)],
                ]
            ],
        ]
        return try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys])
    }

    /// The run's invocation: successful unless a file could not be checked, each such file a notification.
    private static func invocation(_ failures: [DocumentFailure]) -> [String: Any] {
        let notifications: [[String: Any]] = failures.map { failure in
            var region: [String: Any] = [:]
            if let line = failure.line, line > 0 { region["startLine"] = line }
            if let column = failure.column, column > 0, region["startLine"] != nil { region["startColumn"] = column }
            var location: [String: Any] = ["artifactLocation": ["uri": fileURI(failure.file)]]
            if !region.isEmpty { location["region"] = region }
            return [
                "level": "error",
                "message": ["text": failure.message + "\n" + failure.messageEn],
                "descriptor": ["id": failure.code],
                "locations": [["physicalLocation": location]],
            ]
        }
        return ["executionSuccessful": failures.isEmpty, "toolExecutionNotifications": notifications]
    }

    /// `path` as an absolute `file:` URI, percent-encoded (`上海 市.pdf` → `file:///…/%E4%B8%8A%E6%B5%B7%20…`).
    public static func fileURI(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
