/// One page of the documents failing a rule (docs/store4.md): what a reviewer pages through instead of every
/// matching document at once (20,000 of 10⁵ in the benchmark).
///
/// Order (both engines, stable across pages): unit name (byte order of its UTF-8; documents without a unit
/// last), then year (without a year last), then document id.
public struct FailingRulePage: Hashable, Sendable, Codable {
    /// The rule id (`01-1`).
    public var rule: String
    /// The documents whose latest check has a finding of `rule` (any severity), all pages together.
    public var total: Int
    /// Documents skipped before this page (0 for the first).
    public var offset: Int
    /// The largest number of documents a page holds.
    public var limit: Int
    /// This page's documents, at most `limit`, in the order above.
    public var documents: [StoredDocument]

    /// The largest page the store returns.
    public static let maximumLimit = 10_000

    /// Creates a page.
    public init(rule: String, total: Int, offset: Int, limit: Int, documents: [StoredDocument]) {
        self.rule = rule
        self.total = total
        self.offset = offset
        self.limit = limit
        self.documents = documents
    }

    /// The 1-based positions shown, `offset + 1 … offset + documents.count`; empty when the page is empty.
    public var shown: ClosedRange<Int>? {
        documents.isEmpty ? nil : (offset + 1)...(offset + documents.count)
    }

    /// Refuses a page the store does not serve: `limit` outside 1…``maximumLimit`` or a negative `offset`.
    ///
    /// - Throws: ``StoreError/invalidPage(_:)`` naming the bad value.
    public static func validate(limit: Int, offset: Int) throws {
        guard (1...maximumLimit).contains(limit) else {
            throw StoreError.invalidPage(
                chinese: "每页份数 \(limit) 须在 1 到 \(maximumLimit) 之间", english: "limit \(limit) is not between 1 and \(maximumLimit)")
        }
        guard offset >= 0 else {
            throw StoreError.invalidPage(chinese: "起始位置 \(offset) 不能为负", english: "offset \(offset) is negative")
        }
    }
}
