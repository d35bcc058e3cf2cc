import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird

// The JSON bodies of the API (openapi.yaml names each schema). Keys are snake_case (the context's encoder
// converts them); money is an integer of 分 (`*_fen`) with the document's printed unit and the printed decimal.

/// `GET /healthz`.
struct Health: ResponseEncodable {
    var status = "ok"
    var migrations: [String]
}

/// A document in lists and on its own.
struct DocumentJSON: ResponseEncodable {
    var id: Int64
    var file: String
    var sha256: String
    var unit: String?
    var year: Int?
    var kind: String
    var packVersion: String?
    var published: Bool

    init(_ document: StoredDocument, published: Bool) {
        id = document.id
        file = document.file
        sha256 = document.contentHash
        unit = document.unit
        year = document.year
        kind = document.kind
        packVersion = document.packVersion
        self.published = published
    }
}

/// `GET /api/documents`.
struct DocumentPage: ResponseEncodable {
    var documents: [DocumentJSON]
    var total: Int
    var limit: Int
    var offset: Int
}

/// `GET /api/documents/{id}`.
struct DocumentDetail: ResponseEncodable {
    var document: DocumentJSON
    var title: String
    var moneyUnit: String
    var format: String
    var tablesFound: [String]
    var tablesMissing: [String]
    var findings: FindingCounts
}

/// Findings counted by severity; `rounding` counts those within the tolerance (尾数误差).
struct FindingCounts: Codable, Sendable {
    var errors: Int
    var warnings: Int
    var infos: Int
    var rounding: Int

    init(_ findings: [Finding]) {
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        infos = findings.filter { $0.severity == .info }.count
        rounding = findings.filter(\.isRounding).count
    }
}

/// A unit with the number of documents the caller sees.
struct UnitJSON: Codable, Sendable {
    var name: String
    var documents: Int
}

/// `GET /api/units`.
struct UnitList: ResponseEncodable {
    var units: [UnitJSON]
}

/// One cell: `value` is the printed decimal in `unit` (as `budgetlens cells` prints it), `value_fen` exact.
struct CellJSON: Codable, Sendable {
    var table: String
    var line: Int?
    var code: String?
    var item: String
    var column: Int
    var valueFen: Int64?
    var value: String?
    var unit: String
    var sourceLine: Int
    var page: Int?
}

/// `GET /api/documents/{id}/cells`.
struct CellList: ResponseEncodable {
    var document: Int64
    var cells: [CellJSON]
}

/// One checked statement of the 情况说明 (flattened as the store keeps it).
struct StatementJSON: Codable, Sendable {
    var ordinal: Int
    var topic: String
    var section: Int
    var subject: String
    var claimKind: String
    var amountFen: Int64?
    var baseAmountFen: Int64?
    var deltaFen: Int64?
    var budgetFen: Int64?
    var percentScaled: Int64?
    var percentDecimals: Int?
    var count: Int64?
    var direction: String?
    var span: String
    var sourceLine: Int
    var page: Int?
}

/// `GET /api/documents/{id}/statements`.
struct StatementList: ResponseEncodable {
    var document: Int64
    var statements: [StatementJSON]
}

/// One finding of the latest check: the fields of `check --format json` (decimals in `unit`) plus its id and
/// the exact amounts in 分.
struct FindingJSON: Codable, Sendable {
    var id: Int64
    var rule: String
    var severity: String
    var rounding: Bool
    var message: String
    var messageEn: String
    var table: String?
    var line: Int?
    var code: String?
    var item: String?
    var column: Int?
    var sourceLine: Int?
    var page: Int?
    var expected: String?
    var expectedFormula: String?
    var actual: String?
    var difference: String?
    var tolerance: String?
    var expectedFen: Int64?
    var actualFen: Int64?
    var differenceFen: Int64?
    var toleranceFen: Int64?
    var unit: String
    var explanations: [ExplanationJSON]

    init(_ stored: StoredFinding, unit: MoneyUnit, explanations: [Explanation]) {
        let item = CheckReportJSON.Item(finding: stored.finding, unit: unit)
        let finding = stored.finding
        id = stored.id
        rule = item.rule
        severity = item.severity
        rounding = item.rounding
        message = item.message
        messageEn = item.messageEn
        table = item.table
        line = item.line
        code = item.code
        self.item = item.item
        column = item.column
        sourceLine = item.sourceLine
        page = item.page
        expected = item.expected
        expectedFormula = item.expectedFormula
        actual = item.actual
        difference = item.difference
        tolerance = item.tolerance
        if case .amount(let money, _) = finding.expected { expectedFen = money.fen }
        if case .amount(let money, _) = finding.actual { actualFen = money.fen }
        differenceFen = finding.difference?.fen
        toleranceFen = finding.tolerance?.fen
        self.unit = unit.rawValue
        self.explanations = explanations.map(ExplanationJSON.init)
    }
}

/// An explanation (出错说明).
struct ExplanationJSON: Codable, Sendable {
    var author: String
    var writtenAt: String
    var text: String

    init(_ explanation: Explanation) {
        author = explanation.author
        writtenAt = explanation.writtenAt
        text = explanation.text
    }
}

/// `GET /api/documents/{id}/findings`.
struct FindingList: ResponseEncodable {
    var document: Int64
    var findings: [FindingJSON]
}

/// `POST /api/findings/{id}/explanations` body.
struct ExplanationRequest: Decodable {
    var text: String
}

/// `POST /api/findings/{id}/explanations` answer.
struct ExplanationCreated: ResponseEncodable {
    var id: Int64
    var finding: Int64
    var author: String
    var writtenAt: String
    var text: String
}

/// `POST /api/login` body.
struct LoginRequest: Decodable {
    var username: String
    var password: String
}

/// `POST /api/login` and `GET /api/session`: the user, the CSRF token and (login only) the bearer token.
struct SessionJSON: ResponseEncodable {
    var user: String
    var role: String
    var unit: String?
    var bureau: String?
    var csrfToken: String
    var token: String?
    var expiresAt: Int64?
}

/// `POST /api/documents` answer (201): the stored document with its counts.
struct UploadResult: ResponseEncodable {
    var id: Int64
    var file: String
    var sha256: String
    var unit: String?
    var year: Int?
    var findings: Int
}

/// `POST /api/documents/{id}/recheck` and `POST /api/recheck` answer.
struct RecheckResult: ResponseEncodable {
    struct Item: Codable, Sendable {
        var document: Int64
        var recorded: Bool
        var findings: Int
        var packVersion: String
    }
    var documents: [Item]
}

/// `POST /api/documents/{id}/publish` body and answer.
struct PublishRequest: Decodable {
    var published: Bool
}

/// The answer of publish.
struct PublishResult: ResponseEncodable {
    var document: Int64
    var published: Bool
}

/// `GET /api/audit`.
struct AuditList: ResponseEncodable {
    var entries: [AuditEntry]
}

extension StoreReport: ResponseEncodable {}
