import BudgetLensCore
import Foundation

/// The one interface of a disclosure library (docs/store.md): documents go in once, with every cell, statement
/// and finding, and come back for re-checks and reports. `SQLiteStore` implements it; a PostgreSQL engine is to
/// implement the same protocol with the same migrations.
///
/// Every method is one transaction: a document is either fully stored (document, cells, statements, JSON,
/// findings of its first check) or absent.
public protocol DisclosureStore: Sendable {
    /// Applies the named migrations not yet applied (``StoreSchema/migrations``), in order.
    func migrate() async throws
    /// The names of the migrations applied, in order.
    func appliedMigrations() async throws -> [String]
    /// The document with this SHA-256 (lowercase hex), if it is stored.
    func documentID(contentHash: String) async throws -> Int64?
    /// Stores a document with its findings, in one transaction; a document whose hash is already stored is left
    /// as it is (`.alreadyStored`).
    func insert(_ record: DocumentRecord) async throws -> InsertOutcome
    /// Records a file that could not be imported (replacing an earlier failure of the same file).
    func recordFailure(_ failure: ImportFailure) async throws
    /// The files that could not be imported, by file name.
    func failures() async throws -> [ImportFailure]
    /// Every stored document, by id.
    func documents() async throws -> [StoredDocument]
    /// The document's JSON export (``DisclosureJSON``) as stored at import.
    func disclosureJSON(document: Int64) async throws -> Data
    /// The findings of the document's latest check, in the order the engine reported them.
    func latestFindings(document: Int64) async throws -> [StoredFinding]
    /// Records a new check of a stored document under `packVersion`; it becomes the document's latest check.
    /// Returns the check's id.
    func recordCheck(document: Int64, packVersion: String, findings: [Finding]) async throws -> Int64
    /// Attaches an explanation (出错说明) to a stored finding; returns its id.
    func addExplanation(_ explanation: Explanation, toFinding finding: Int64) async throws -> Int64
    /// The explanations attached to a finding, oldest first.
    func explanations(ofFinding finding: Int64) async throws -> [Explanation]
    /// One summary per stored document (latest check), optionally only of one unit and/or one year.
    func summaries(unit: String?, year: Int?) async throws -> [DocumentSummary]
    /// The documents whose latest check has a finding of `rule` (any severity), by id.
    func documents(failing rule: String) async throws -> [StoredDocument]
    /// One page of the documents whose latest check has a finding of `rule` (any severity), in the order of
    /// ``FailingRulePage`` (unit, year, id), with their total count: `limit` documents after the first `offset`.
    ///
    /// - Throws: ``StoreError/invalidPage(_:)`` when `limit` is outside 1…``FailingRulePage/maximumLimit`` or
    ///   `offset` is negative.
    func documents(failing rule: String, limit: Int, offset: Int) async throws -> FailingRulePage
    /// Row counts of the main tables (for tests and `report`).
    func counts() async throws -> StoreCounts
    /// The document's self-evaluation scores and annexed evaluation as stored at import (``DocumentAssessments``,
    /// exactly: the commands' JSON byte for byte, scores as decimal strings).
    ///
    /// - Throws: ``StoreError/noSuchDocument(_:)`` when no document has this id.
    func assessments(document: Int64) async throws -> DocumentAssessments
    /// The scope (`本级` / `汇总`) of every document that prints one, by id.
    func documentScopes() async throws -> [Int64: String]
    /// Stores several documents in one transaction (the bulk path of the importer): each as ``insert(_:)`` would,
    /// outcomes in the same order; all of them are stored or none (a document is never half stored).
    func insert(batch records: [DocumentRecord]) async throws -> [InsertOutcome]
    /// The stored cells of one table (`01`…`09`) of a document, in the order stored (row by row).
    func cells(document: Int64, table: String) async throws -> [StoredCell]
    /// One district's ranking (``StoreReport/ranking(of:)``, docs/store3.md): the units whose name starts with
    /// `unitPrefix` (a district's units are named after it: `曾都区…`), each with its documents' findings
    /// (latest checks) summed in the database, optionally of one year only.
    func ranking(unitPrefix: String, year: Int?) async throws -> [StoreReport.Rank]
}

/// A cell as stored, with its provenance: the source row (`sourceLine`), the page (PDF) or the workbook cell
/// (`公开06!F10`).
public struct StoredCell: Hashable, Sendable, Codable {
    /// 行次 as printed.
    public var line: Int?
    /// The standard 行次.
    public var standardLine: Int?
    /// The row's item.
    public var item: String
    /// 栏次.
    public var column: Int
    /// The amount in 分 (`nil` when the printed text is not a number).
    public var valueFen: Int64?
    /// The text as printed.
    public var printed: String
    /// The source line (text) or sheet row (workbook).
    public var sourceLine: Int
    /// The page (PDF).
    public var page: Int?
    /// The workbook cell, `公开01!C38`.
    public var sourceCell: String?

    /// Creates a cell.
    public init(
        line: Int?, standardLine: Int?, item: String, column: Int, valueFen: Int64?, printed: String, sourceLine: Int,
        page: Int?, sourceCell: String?
    ) {
        self.line = line
        self.standardLine = standardLine
        self.item = item
        self.column = column
        self.valueFen = valueFen
        self.printed = printed
        self.sourceLine = sourceLine
        self.page = page
        self.sourceCell = sourceCell
    }
}

/// What ``DisclosureStore/insert(_:)`` did.
public enum InsertOutcome: Hashable, Sendable {
    /// Stored under this id.
    case inserted(Int64)
    /// A document with the same content hash was already stored under this id; nothing was added.
    case alreadyStored(Int64)
}

/// A file that could not be imported, with the reason.
public struct ImportFailure: Hashable, Sendable, Codable {
    /// The file as named on the command line or found in a folder.
    public var file: String
    /// Its SHA-256, when the file could be read at all.
    public var contentHash: String?
    /// The error, as the CLI prints it (file, line, column where known).
    public var message: String
    /// When it failed (ISO 8601, UTC).
    public var failedAt: String

    /// Creates a failure.
    public init(file: String, contentHash: String?, message: String, failedAt: String = StoreClock.now()) {
        self.file = file
        self.contentHash = contentHash
        self.message = message
        self.failedAt = failedAt
    }
}

/// A stored document as listed.
public struct StoredDocument: Hashable, Sendable, Codable {
    /// The id.
    public var id: Int64
    /// The source file name as imported.
    public var file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var contentHash: String
    /// The unit (单位/部门) name, where the document gives one.
    public var unit: String?
    /// The fiscal year.
    public var year: Int?
    /// `finalAccounts`, `budget`, `unknown` (``DocumentKind``).
    public var kind: String
    /// The rule-pack version of the latest check.
    public var packVersion: String?

    /// Creates a listing entry.
    public init(
        id: Int64, file: String, contentHash: String, unit: String? = nil, year: Int? = nil, kind: String,
        packVersion: String? = nil
    ) {
        self.id = id
        self.file = file
        self.contentHash = contentHash
        self.unit = unit
        self.year = year
        self.kind = kind
        self.packVersion = packVersion
    }
}

/// A finding as stored: its id (for explanations) and the finding itself, re-materialised exactly.
public struct StoredFinding: Hashable, Sendable {
    /// The id in the store.
    public var id: Int64
    /// The finding.
    public var finding: Finding

    /// Creates a stored finding.
    public init(id: Int64, finding: Finding) {
        self.id = id
        self.finding = finding
    }
}

/// A user's explanation of a finding (出错说明).
public struct Explanation: Hashable, Sendable, Codable {
    /// Who wrote it.
    public var author: String
    /// When (ISO 8601, UTC).
    public var writtenAt: String
    /// The text.
    public var text: String

    /// Creates an explanation.
    public init(author: String, writtenAt: String = StoreClock.now(), text: String) {
        self.author = author
        self.writtenAt = writtenAt
        self.text = text
    }
}

/// One document's figures for `report`: its 公开01 totals and its latest check's findings counted.
public struct DocumentSummary: Hashable, Sendable, Codable {
    /// The document id.
    public var document: Int64
    /// The source file.
    public var file: String
    /// The unit name (`nil` when the document names none).
    public var unit: String?
    /// The fiscal year.
    public var year: Int?
    /// 公开01 本年收入合计 (行27 栏1), in 分.
    public var incomeTotalFen: Int64?
    /// 公开01 本年支出合计 (行58 栏2), in 分.
    public var expenditureTotalFen: Int64?
    /// 公开01 年初结转和结余 (行29 栏1), in 分.
    public var openingBalanceFen: Int64?
    /// 公开01 年末结转和结余 (行60 栏2), in 分.
    public var closingBalanceFen: Int64?
    /// Error findings (real errors: beyond the rounding tolerance).
    public var errors: Int
    /// Warning findings that are not rounding.
    public var warnings: Int
    /// Info findings.
    public var infos: Int
    /// Findings within the rounding tolerance (尾数误差).
    public var rounding: Int
    /// The pack version of the latest check.
    public var packVersion: String?

    /// Creates a summary.
    public init(
        document: Int64, file: String, unit: String?, year: Int?, incomeTotalFen: Int64?, expenditureTotalFen: Int64?,
        openingBalanceFen: Int64? = nil, closingBalanceFen: Int64? = nil, errors: Int, warnings: Int, infos: Int,
        rounding: Int, packVersion: String?
    ) {
        self.openingBalanceFen = openingBalanceFen
        self.closingBalanceFen = closingBalanceFen
        self.document = document
        self.file = file
        self.unit = unit
        self.year = year
        self.incomeTotalFen = incomeTotalFen
        self.expenditureTotalFen = expenditureTotalFen
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.rounding = rounding
        self.packVersion = packVersion
    }
}

/// Row counts of the main tables.
public struct StoreCounts: Hashable, Sendable, Codable {
    /// Documents.
    public var documents: Int
    /// Cells.
    public var cells: Int
    /// Narrative statements.
    public var statements: Int
    /// Findings over all checks.
    public var findings: Int
    /// Checks (one per import and one per changed re-check).
    public var checks: Int
    /// Failed imports.
    public var failures: Int

    /// Creates counts.
    public init(documents: Int, cells: Int, statements: Int, findings: Int, checks: Int, failures: Int) {
        self.documents = documents
        self.cells = cells
        self.statements = statements
        self.findings = findings
        self.checks = checks
        self.failures = failures
    }
}

/// Timestamps as the store writes them.
public enum StoreClock {
    /// Now, ISO 8601 in UTC with seconds: `2026-11-29T18:30:00Z`.
    public static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
