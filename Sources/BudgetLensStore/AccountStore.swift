import Foundation

/// Accounts, sessions, bureaus, publication and the audit log of `budgetlens serve` (docs/server.md), kept in the
/// same database as the documents (migration `v3-server-accounts`). `SQLiteStore` and `PostgresStore` implement
/// it; every method is one statement or one transaction.
public protocol AccountStore: Sendable {
    /// Creates the user, or replaces the role, unit, bureau and password hash of the user with that name.
    func saveUser(_ user: UserAccount) async throws
    /// The user with this name, if any.
    func user(named name: String) async throws -> UserAccount?
    /// Every user, by name.
    func users() async throws -> [UserAccount]
    /// Records that `bureau` reviews `unit` (idempotent).
    func assign(unit: String, toBureau bureau: String) async throws
    /// The units `bureau` reviews, by name.
    func units(ofBureau bureau: String) async throws -> [String]
    /// Stores a new session.
    func createSession(_ session: SessionRecord) async throws
    /// The session whose token has this SHA-256 (lowercase hex), expired or not.
    func session(tokenHash: String) async throws -> SessionRecord?
    /// Ends a session (logout); nothing when there is none.
    func deleteSession(tokenHash: String) async throws
    /// Sets a session's expiry (seconds since 1970, UTC); for tests and administration.
    func setSessionExpiry(tokenHash: String, expiresAt: Int64) async throws
    /// Marks a document published (public read-only access) or not.
    ///
    /// - Throws: ``StoreError/noSuchDocument(_:)``.
    func setPublished(document: Int64, published: Bool) async throws
    /// The ids of the published documents.
    func publishedDocuments() async throws -> Set<Int64>
    /// Appends an entry to the audit log; returns its id.
    @discardableResult
    func appendAudit(_ entry: AuditEntry) async throws -> Int64
    /// The latest `limit` audit entries, newest first.
    func auditLog(limit: Int) async throws -> [AuditEntry]
    /// One stored document (as ``DisclosureStore/documents()`` lists it) and whether it is published; `nil` when
    /// no document has this id. One query, so a request for one document does not list them all.
    func document(id: Int64) async throws -> (document: StoredDocument, published: Bool)?
    /// The document a stored finding belongs to, if the finding exists.
    func document(ofFinding finding: Int64) async throws -> Int64?
    /// The explanations of every finding of the document's checks, by finding id, oldest first.
    func explanations(ofDocument document: Int64) async throws -> [Int64: [Explanation]]
}

/// A role of `budgetlens serve` (docs/server.md, issue 13).
public enum UserRole: String, Sendable, Codable, CaseIterable {
    /// Sees and changes everything.
    case admin
    /// Sees and uploads the documents of one unit.
    case preparer
    /// Sees the documents of the units of one bureau; may re-check and publish them.
    case reviewer
}

/// A user account. The password is only ever stored as a bcrypt hash.
public struct UserAccount: Hashable, Sendable, Codable {
    /// The login name.
    public var name: String
    /// The role.
    public var role: UserRole
    /// The unit (单位) of a preparer; `nil` otherwise.
    public var unit: String?
    /// The bureau (e.g. a 财政局 review team) of a reviewer; `nil` otherwise.
    public var bureau: String?
    /// The bcrypt hash (`$2b$…`).
    public var passwordHash: String
    /// When it was created or last changed (ISO 8601, UTC).
    public var createdAt: String

    /// Creates an account.
    public init(
        name: String, role: UserRole, unit: String? = nil, bureau: String? = nil, passwordHash: String,
        createdAt: String = StoreClock.now()
    ) {
        self.name = name
        self.role = role
        self.unit = unit
        self.bureau = bureau
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// A login session. The token itself is never stored, only its SHA-256.
public struct SessionRecord: Hashable, Sendable {
    /// SHA-256 of the token, lowercase hex.
    public var tokenHash: String
    /// The user's name.
    public var user: String
    /// The CSRF token a cookie-authenticated change must repeat (`X-CSRF-Token`).
    public var csrfToken: String
    /// When it was created (ISO 8601, UTC).
    public var createdAt: String
    /// When it expires, seconds since 1970 (UTC).
    public var expiresAt: Int64

    /// Creates a session.
    public init(tokenHash: String, user: String, csrfToken: String, createdAt: String = StoreClock.now(), expiresAt: Int64) {
        self.tokenHash = tokenHash
        self.user = user
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One change recorded by the server: who, when, what, on which document or finding.
public struct AuditEntry: Hashable, Sendable, Codable {
    /// The id (0 before it is stored).
    public var id: Int64
    /// The user's name.
    public var user: String
    /// When (ISO 8601, UTC).
    public var at: String
    /// `upload`, `upload-failed`, `explain`, `recheck`, `publish`, `unpublish`, `login`, `logout`.
    public var action: String
    /// The document concerned, if any.
    public var document: Int64?
    /// The finding concerned, if any.
    public var finding: Int64?
    /// A short free-text detail (file name, new check id…).
    public var detail: String?

    /// Creates an entry.
    public init(
        id: Int64 = 0, user: String, at: String = StoreClock.now(), action: String, document: Int64? = nil,
        finding: Int64? = nil, detail: String? = nil
    ) {
        self.id = id
        self.user = user
        self.at = at
        self.action = action
        self.document = document
        self.finding = finding
        self.detail = detail
    }
}
