import BudgetLensCore
import Foundation

/// A check as SARIF 2.1.0, for code-review and CI tools that show static-analysis results.
public enum CheckReportSARIF {
    /// The SARIF log of the checks of several documents against one pack.
    public static func encode(_ checks: [(CheckReport, Disclosure)], pack: RulePack) throws -> Data {
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
                                "artifactLocation": ["uri": source.file],
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
                ]
            ],
        ]
        return try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys])
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
