import BudgetLensStore

/// The user a request is made by, resolved from the session cookie or `Authorization: Bearer` (``Authenticator``).
/// Web pages mounted on the server read it from ``ServerRequestContext/user``.
public struct AuthenticatedUser: Sendable, Hashable {
    /// The login name.
    public var name: String
    /// The role.
    public var role: UserRole
    /// A preparer's unit.
    public var unit: String?
    /// A reviewer's bureau.
    public var bureau: String?
    /// The units a reviewer's bureau reviews (empty for other roles).
    public var bureauUnits: Set<String>
    /// The session's CSRF token: a cookie-authenticated change must send it as `X-CSRF-Token` (or `csrf_token`).
    public var csrfToken: String
    /// True when authenticated by the cookie (CSRF applies), false for a bearer token.
    public var viaCookie: Bool
    /// SHA-256 of the session token (logout deletes that session).
    public var sessionHash: String

    /// Creates a user.
    public init(
        name: String, role: UserRole, unit: String?, bureau: String?, bureauUnits: Set<String>, csrfToken: String,
        viaCookie: Bool, sessionHash: String
    ) {
        self.name = name
        self.role = role
        self.unit = unit
        self.bureau = bureau
        self.bureauUnits = bureauUnits
        self.csrfToken = csrfToken
        self.viaCookie = viaCookie
        self.sessionHash = sessionHash
    }

    /// True when the user may change (explain, upload to) documents of `unit`: an admin any unit, a reviewer
    /// the units of the bureau, a preparer the own unit.
    public func mayChange(unit documentUnit: String?) -> Bool {
        switch role {
        case .admin: return true
        case .reviewer: return documentUnit.map(bureauUnits.contains) ?? false
        case .preparer: return documentUnit != nil && documentUnit == unit
        }
    }

    /// True for reviewers and administrators (re-check, publish).
    public var isReviewerOrAdmin: Bool { role == .admin || role == .reviewer }
}

/// Who may see what (issue 13 "Accounts and access"): an admin every document; a reviewer the documents of the
/// bureau's units; a preparer the own unit's; everyone (anonymous too) the published ones, read-only. A document
/// the caller may not see is answered as absent (404), never 403.
public enum Access {
    /// True when `user` (nil: anonymous) may see `document`.
    public static func canSee(_ document: StoredDocument, user: AuthenticatedUser?, published: Set<Int64>) -> Bool {
        if published.contains(document.id) { return true }
        guard let user else { return false }
        return user.mayChange(unit: document.unit)
    }
}
