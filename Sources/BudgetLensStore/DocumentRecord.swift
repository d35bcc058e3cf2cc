import BudgetLensCore
import BudgetLensReader
import Foundation

/// Everything stored for one document, ready to insert: the disclosure, its JSON export, its content hash and
/// the findings of its first check under `packVersion`.
public struct DocumentRecord: Sendable {
    /// SHA-256 of the file's bytes, lowercase hex (``ContentHash``).
    public var contentHash: String
    /// The file name as imported.
    public var sourceFile: String
    /// The disclosure read from the file.
    public var disclosure: Disclosure
    /// Its JSON export in ``DisclosureJSON``'s format, without the indentation (``DisclosureJSON/decode(_:file:)``
    /// reads it back): the document re-materialised exactly, without the file.
    public var json: Data
    /// The findings of the check made at import.
    public var findings: [Finding]
    /// The rule-pack version of that check (``PackVersion``).
    public var packVersion: String
    /// The version of the reader that read the file.
    public var readerVersion: String
    /// When it was imported (ISO 8601, UTC).
    public var importedAt: String
    /// Its self-evaluation scores and annexed evaluation (``Assessor``); none unless set.
    public var assessments: DocumentAssessments = .none

    /// Creates a record; the JSON export is made here.
    ///
    /// - Throws: an encoding error (not expected for a disclosure the reader made).
    public init(
        contentHash: String, sourceFile: String, disclosure: Disclosure, findings: [Finding], packVersion: String,
        readerVersion: String = StoreVersions.reader, importedAt: String = StoreClock.now()
    ) throws {
        self.contentHash = contentHash
        self.sourceFile = sourceFile
        self.disclosure = disclosure
        self.json = try Self.compactExport(disclosure)
        self.findings = findings
        self.packVersion = packVersion
        self.readerVersion = readerVersion
        self.importedAt = importedAt
    }

    /// The export envelope of ``DisclosureJSON`` (format, version, disclosure), no indentation, keys in the
    /// model's order (``StreamingJSONEncoder``: `JSONEncoder`'s values, written ≈ 4× faster).
    static func compactExport(_ disclosure: Disclosure, writingCellsDirectly: Bool = true) throws -> Data {
        try StreamingJSONEncoder.encode(ExportEnvelope(disclosure: disclosure), writingCellsDirectly: writingCellsDirectly)
    }

    /// ``compactExport(_:)`` with Foundation's `JSONEncoder` (sorted keys), as the first two rounds stored it: the
    /// tests compare the two.
    static func foundationExport(_ disclosure: Disclosure) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ExportEnvelope(disclosure: disclosure))
    }

    private struct ExportEnvelope: Encodable {
        var format = DisclosureJSON.formatName
        var version = DisclosureJSON.version
        var disclosure: Disclosure
    }

    /// Pages for a PDF, `nil` otherwise.
    public var pages: Int? { disclosure.source.format == .pdf ? disclosure.source.lineCount : nil }
    /// Lines for a text input, `nil` for a PDF.
    public var lines: Int? { disclosure.source.format == .pdf ? nil : disclosure.source.lineCount }

    /// 公开01 本年收入合计 (standard 行次 27, 栏1), in 分.
    public var incomeTotal: Int64? { summaryCell(line: 27, column: 1) }
    /// 公开01 本年支出合计 (standard 行次 58, 栏2), in 分.
    public var expenditureTotal: Int64? { summaryCell(line: 58, column: 2) }

    private func summaryCell(line: Int, column: Int) -> Int64? {
        guard let table = disclosure.table(.incomeExpenditureSummary) else { return nil }
        let row = table.rows.first { ($0.standardLine ?? $0.line) == line }
        return row?.cells.first { $0.column == column }?.value?.fen
    }
}

/// Versions written into the store.
public enum StoreVersions {
    /// The reader's version: the BudgetLens version and the JSON export's schema version.
    public static let reader = "budgetlens 0.1.0, export v\(DisclosureJSON.version)"
}

/// A narrative statement flattened into columns (the `statements` table): each number an integer (分 for
/// amounts; a percentage as its printed digits and decimals).
public struct StatementRow: Hashable, Sendable {
    /// `amount`, `share`, `change`, `growthOverBudget`, `completion`, `count`.
    public var claimKind: String
    /// The amount (amount), the part (share), the current value (change, growthOverBudget), the 决算 (completion).
    public var amountFen: Int64?
    /// The whole's amount (share).
    public var baseAmountFen: Int64?
    /// The change (change).
    public var deltaFen: Int64?
    /// The 年初预算 (growthOverBudget, completion).
    public var budgetFen: Int64?
    /// The percentage's printed digits (share, change, growthOverBudget, completion's rate).
    public var percentScaled: Int64?
    /// The percentage's printed decimals.
    public var percentDecimals: Int?
    /// The count (count).
    public var count: Int64?
    /// The count's measure word (count).
    public var measure: String?
    /// `increase`, `decrease`, `unchanged` (change, growthOverBudget).
    public var direction: String?
    /// The direction word before the percentage (change).
    public var percentDirection: String?
    /// True for `比年初预算数增加…` (change).
    public var againstBudget: Bool?
    /// The whole named (share).
    public var baseSubject: String?
    /// The completion's wording, comma-separated (completion).
    public var wording: String?

    /// Flattens a claim.
    public init(_ claim: NarrativeClaim) {
        switch claim {
        case .amount(let money):
            claimKind = "amount"
            amountFen = money.fen
        case .share(let part, let percent, let base, let baseAmount):
            claimKind = "share"
            amountFen = part?.fen
            baseAmountFen = baseAmount?.fen
            percentScaled = percent.scaled
            percentDecimals = percent.decimals
            baseSubject = base
        case .change(let current, let direction, let delta, let percent, let percentDirection, let againstBudget):
            claimKind = "change"
            amountFen = current?.fen
            deltaFen = delta?.fen
            self.direction = direction.rawValue
            percentScaled = percent?.scaled
            percentDecimals = percent?.decimals
            self.percentDirection = percentDirection?.rawValue
            self.againstBudget = againstBudget
        case .growthOverBudget(let current, let budget, let direction, let percent):
            claimKind = "growthOverBudget"
            amountFen = current.fen
            budgetFen = budget.fen
            self.direction = direction.rawValue
            percentScaled = percent.scaled
            percentDecimals = percent.decimals
        case .completion(let budget, let actual, let rate, let wording):
            claimKind = "completion"
            budgetFen = budget?.fen
            amountFen = actual?.fen
            percentScaled = rate?.scaled
            percentDecimals = rate?.decimals
            self.wording = wording.map(\.rawValue).joined(separator: ",")
        case .count(let value, let measure):
            claimKind = "count"
            count = value
            self.measure = measure
        }
    }
}
