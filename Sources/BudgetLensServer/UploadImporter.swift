import HTTPTypes
import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation

/// Stores an uploaded file the way `budgetlens import` stores a file (``DisclosureImporter``): hashed, refused
/// when already stored (409), read by ``DisclosureReader`` (content decides the format), refused as `import`
/// refuses (a budget, no table), checked with the pack in force and inserted in one transaction. A file that
/// cannot be read is recorded as an import failure with its error (422) and nothing else is stored; a binary
/// that is no disclosure format (PNG, DOCX, gzip…, named by ``TextDecoding/binaryKind(of:)``) is 415.
struct UploadImporter: Sendable {
    let store: ServerStore
    let pack: RulePack
    let packVersion: String
    let maximumInputSize: Int

    func importUpload(_ upload: ReceivedUpload, user: AuthenticatedUser) async throws -> UploadResult {
        let hash = ContentHash.sha256(upload.data)
        if let existing = try await store.documentID(contentHash: hash) {
            throw await duplicate(existing, user: user)
        }
        let head = [UInt8](upload.data.prefix(64 * 1024))
        if let kind = TextDecoding.binaryKind(of: head), kind != "a PDF", !kind.hasPrefix("an XLSX") {
            try await fail(upload, hash: hash, user: user, message: "error: \(upload.name): the file is \(kind)")
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "\(upload.name): the content is \(kind), not a disclosure (PDF, text, XLSX, CSV or BudgetLens JSON)",
                zh: "\(upload.name)：内容不是决算公开文件（PDF、文本、XLSX、CSV 或 BudgetLens JSON），而是 \(kind)")
        }
        var configuration = ReaderConfiguration()
        configuration.maximumInputSize = maximumInputSize
        configuration.readsSelfEvaluations = false  // as `check` and `import` read: the same findings
        let name = upload.name
        let data = upload.data
        let read: Result<Disclosure, ReadError> = await Task.detached {
            do {
                return .success(try DisclosureReader.read(data: data, file: name, configuration: configuration))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(
                    ReadError(.unreadable, source: SourceLocation(file: name, line: 0, column: 0), message: "\(error)"))
            }
        }.value
        let disclosure: Disclosure
        switch read {
        case .success(let value):
            disclosure = value
        case .failure(let error):
            try await fail(upload, hash: hash, user: user, message: "error: \(error)")
            throw APIError(
                .unprocessableContent, "unreadable_document", "\(error)", zh: "无法读取该文件：\(error.chineseDescription)")
        }
        if let refusal = DisclosureImporter.refusal(of: disclosure, file: name) {
            try await fail(upload, hash: hash, user: user, message: refusal)
            throw APIError(
                .unprocessableContent, "not_final_accounts", refusal,
                zh: DisclosureImporter.chineseRefusal(of: disclosure, file: name) ?? refusal)
        }
        guard user.mayChange(unit: disclosure.header.unitName) else { throw Self.unitMismatch(disclosure.header.unitName) }
        // As `import` and `check`: the pack's findings, then 十三 against an annexed evaluation report (N-EVAL-*),
        // and the self-evaluation scores and the evaluation kept with the document.
        let pack = pack
        let (findings, assessments) = try await Task.detached {
            let annexed = AnnexedEvaluation.read(
                file: name, data: data, disclosure: disclosure, configuration: configuration, skipped: [])
            let findings = RuleEngine().evaluate(pack, on: disclosure).findings + (annexed?.chainFindings ?? [])
            let assessments = try Assessor.assess(
                file: name, data: data, disclosure: disclosure, configuration: configuration, skipped: [],
                annexed: annexed)
            return (findings, assessments)
        }.value
        var record = try DocumentRecord(
            contentHash: hash, sourceFile: name, disclosure: disclosure, findings: findings, packVersion: packVersion)
        record.assessments = assessments
        switch try await store.insert(record) {
        case .alreadyStored(let existing):
            throw await duplicate(existing, user: user)
        case .inserted(let id):
            try await store.appendAudit(AuditEntry(user: user.name, action: "upload", document: id, detail: name))
            return UploadResult(
                id: id, file: name, sha256: hash, unit: disclosure.header.unitName, year: disclosure.header.year,
                findings: findings.count)
        }
    }

    /// 409, naming the stored document when the user may see it.
    /// 403: the document is of a unit the user may not upload to.
    static func unitMismatch(_ unit: String?) -> APIError {
        APIError(
            .forbidden, "unit_mismatch", "The document is of unit \"\(unit ?? "-")\", which you may not upload to",
            zh: "该文件属于单位“\(unit ?? "-")”，您无权上传该单位的文件")
    }

    private func duplicate(_ existing: Int64, user: AuthenticatedUser) async -> APIError {
        // A stored file the user may not see is answered as a new file of that unit would be (403 unit_mismatch,
        // nothing stored), so an upload cannot reveal that another unit's document exists.
        guard let (document, published) = try? await store.document(id: existing),
            Access.canSee(document, user: user, published: published ? [existing] : [])
        else {
            let unit = (try? await store.document(id: existing))?.0.unit
            return Self.unitMismatch(unit)
        }
        var error = APIError(
            .conflict, "duplicate", "The same file (SHA-256) is already stored", zh: "相同文件（SHA-256 相同）已入库")
        error.existingDocument = existing
        return error
    }

    /// Records the failure (as `import` does) and the attempt in the audit log.
    private func fail(_ upload: ReceivedUpload, hash: String, user: AuthenticatedUser, message: String) async throws {
        try await store.recordFailure(ImportFailure(file: upload.name, contentHash: hash, message: message))
        try await store.appendAudit(AuditEntry(user: user.name, action: "upload-failed", detail: upload.name))
    }
}
