import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import Foundation

/// Re-runs a rule pack over stored documents, from their stored JSON exports (no file is read), and records a
/// new check where the pack version or the findings changed.
public struct Recheck: Sendable {
    /// The store.
    public var store: any DisclosureStore
    /// The rules in force now.
    public var pack: RulePack

    /// Creates a re-check.
    public init(store: any DisclosureStore, pack: RulePack) {
        self.store = store
        self.pack = pack
    }

    /// A finding whose content changed: the same rule at the same place (table, row, column, source line).
    public struct ChangedFinding: Sendable, Hashable {
        /// As the previous check found it.
        public var before: Finding
        /// As the new check finds it.
        public var after: Finding
    }

    /// What changed for one document.
    public struct Change: Sendable {
        /// The document.
        public var document: StoredDocument
        /// The pack version of the previous check.
        public var previousVersion: String?
        /// The pack version now.
        public var version: String
        /// Findings the new check has and the previous did not.
        public var new: [Finding]
        /// Findings of the previous check that are gone.
        public var gone: [Finding]
        /// Findings at the same place by the same rule whose content changed.
        public var changed: [ChangedFinding]
        /// True when a new check was recorded (the version or the findings changed).
        public var recorded: Bool

        /// True when nothing changed.
        public var isUnchanged: Bool { new.isEmpty && gone.isEmpty && changed.isEmpty }
    }

    /// Re-checks every stored document, in id order.
    ///
    /// - Throws: a store error, or ``ReadError`` when a stored export cannot be decoded.
    public func run() async throws -> [Change] {
        let version = PackVersion.of(pack)
        var changes: [Change] = []
        for document in try await store.documents() {
            let json = try await store.disclosureJSON(document: document.id)
            let disclosure = try DisclosureJSON.decode(json, file: document.file)
            let previous = try await store.latestFindings(document: document.id).map(\.finding)
            // 十三 against the annexed report (N-EVAL-*) needs the file's text, not the pack: kept as stored.
            let findings = RuleEngine().evaluate(pack, on: disclosure).findings
                + previous.filter { $0.rule.hasPrefix(AnnexedEvaluation.rulePrefix) }
            var change = Self.compare(previous: previous, current: findings)
            change.document = document
            change.previousVersion = document.packVersion
            change.version = version
            if !change.isUnchanged || document.packVersion != version {
                _ = try await store.recordCheck(document: document.id, packVersion: version, findings: findings)
                change.recorded = true
            }
            changes.append(change)
        }
        return changes
    }

    /// The difference of two finding lists as multisets; a gone and a new finding of the same rule at the same
    /// place (table, row, column, source line) are paired as changed.
    static func compare(previous: [Finding], current: [Finding]) -> Change {
        var remaining = previous
        var new: [Finding] = []
        for finding in current {
            if let index = remaining.firstIndex(of: finding) { remaining.remove(at: index) } else { new.append(finding) }
        }
        var gone: [Finding] = []
        var changed: [ChangedFinding] = []
        for old in remaining {
            if let index = new.firstIndex(where: { place($0) == place(old) }) {
                changed.append(ChangedFinding(before: old, after: new.remove(at: index)))
            } else {
                gone.append(old)
            }
        }
        return Change(
            document: StoredDocument(id: 0, file: "", contentHash: "", kind: ""), previousVersion: nil, version: "",
            new: new, gone: gone, changed: changed, recorded: false)
    }

    private static func place(_ finding: Finding) -> String {
        "\(finding.rule)|\(finding.location.description)|\(finding.location.source?.line ?? 0)"
    }
}
