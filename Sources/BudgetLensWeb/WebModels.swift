import BudgetLensCore
import BudgetLensStore

/// Who is looking at a page, for the navigation bar and the forms: the signed-in user (or none: the public)
/// and the session's CSRF token, put in every form (`csrf_token`) and the upload's `X-CSRF-Token` header.
public struct WebSession: Sendable, Hashable {
    /// The signed-in user, `nil` for anonymous (public, read-only) access.
    public var user: WebUser?
    /// The CSRF token of the session (empty for the public, who post no forms except `/login`).
    public var csrfToken: String

    /// Creates a session view.
    public init(user: WebUser? = nil, csrfToken: String = "") {
        self.user = user
        self.csrfToken = csrfToken
    }
}

/// A signed-in user as the navigation bar shows them.
public struct WebUser: Sendable, Hashable {
    /// The user name.
    public var name: String
    /// The role as shown, in Chinese: `管理员`, `审核人（财政局）`, `填报人（某单位）`.
    public var role: String
    /// False for a read-only user: no explanation forms.
    public var canExplain: Bool

    /// Creates a user view.
    public init(name: String, role: String, canExplain: Bool = true) {
        self.name = name
        self.role = role
        self.canExplain = canExplain
    }
}

/// The login page: an error message after a refused attempt and the user name to fill in again.
public struct LoginView: Sendable, Hashable {
    /// The session (its CSRF token goes into the form).
    public var session: WebSession
    /// `用户名或密码错误。`, or `nil`.
    public var errorMessage: String?
    /// The name typed before.
    public var username: String

    /// Creates the login view.
    public init(session: WebSession, errorMessage: String? = nil, username: String = "") {
        self.session = session
        self.errorMessage = errorMessage
        self.username = username
    }
}

/// The unit × year overview: one summary per stored document the viewer may see.
public struct OverviewView: Sendable, Hashable {
    /// The session.
    public var session: WebSession
    /// The documents' summaries (``DisclosureStore/summaries(unit:year:)``).
    public var summaries: [DocumentSummary]
    /// The ids of the documents marked published (a badge), empty when unknown.
    public var published: Set<Int64>

    /// Creates the overview view.
    public init(session: WebSession, summaries: [DocumentSummary], published: Set<Int64> = []) {
        self.session = session
        self.summaries = summaries
        self.published = published
    }
}

/// The data-quality ranking: the store's ``StoreReport`` (its ranking and carry-over checks), not recomputed.
public struct RankingView: Sendable {
    /// The session.
    public var session: WebSession
    /// The report, `StoreReport(summaries:)` of the documents the viewer may see.
    public var report: StoreReport

    /// Creates the ranking view.
    public init(session: WebSession, report: StoreReport) {
        self.session = session
        self.report = report
    }
}

/// One stored document: the disclosure as stored, the findings of its latest check with their store ids, the
/// explanations (出错说明) of each, and the rule texts.
public struct DocumentView: Sendable {
    /// The session.
    public var session: WebSession
    /// The document id (`/documents/{id}`).
    public var id: Int64
    /// The source file name as imported.
    public var file: String
    /// The disclosure (``DisclosureJSON`` as stored).
    public var disclosure: Disclosure
    /// The latest check's findings, in the engine's order.
    public var findings: [StoredFinding]
    /// Explanations by finding id, oldest first.
    public var explanations: [Int64: [Explanation]]
    /// Rule texts (Chinese) by rule id, from the pack in force (``RulePack``); a rule missing here shows none.
    public var ruleTexts: [String: String]
    /// True when the document is marked published (public read access).
    public var published: Bool
    /// The document of the previous year of the same unit, if stored: the page links `/compare`.
    public var previousYear: Int?

    /// Creates the document view.
    public init(
        session: WebSession, id: Int64, file: String, disclosure: Disclosure, findings: [StoredFinding],
        explanations: [Int64: [Explanation]] = [:], ruleTexts: [String: String] = [:], published: Bool = false,
        previousYear: Int? = nil
    ) {
        self.session = session
        self.id = id
        self.file = file
        self.disclosure = disclosure
        self.findings = findings
        self.explanations = explanations
        self.ruleTexts = ruleTexts
        self.published = published
        self.previousYear = previousYear
    }
}

/// One side of a year comparison: a stored document and its finding counts.
public struct ComparedDocument: Sendable {
    /// The document id.
    public var id: Int64
    /// The disclosure.
    public var disclosure: Disclosure
    /// Its summary (finding counts of the latest check).
    public var summary: DocumentSummary

    /// Creates a side.
    public init(id: Int64, disclosure: Disclosure, summary: DocumentSummary) {
        self.id = id
        self.disclosure = disclosure
        self.summary = summary
    }
}

/// Two documents of one unit, an earlier and a later year, side by side.
public struct ComparisonView: Sendable {
    /// The session.
    public var session: WebSession
    /// The unit.
    public var unit: String
    /// The earlier year's document.
    public var from: ComparedDocument
    /// The later year's document.
    public var to: ComparedDocument

    /// Creates the comparison view.
    public init(session: WebSession, unit: String, from: ComparedDocument, to: ComparedDocument) {
        self.session = session
        self.unit = unit
        self.from = from
        self.to = to
    }
}

/// The upload page.
public struct UploadView: Sendable, Hashable {
    /// The session (its CSRF token goes into the `X-CSRF-Token` header).
    public var session: WebSession
    /// The size limit in bytes, shown on the page (default 64 MB).
    public var maximumSize: Int

    /// Creates the upload view.
    public init(session: WebSession, maximumSize: Int = 64 << 20) {
        self.session = session
        self.maximumSize = maximumSize
    }
}

/// An error page: 404, 403, 500 (any status; the heading and message in Chinese).
public struct ErrorView: Sendable, Hashable {
    /// The session.
    public var session: WebSession
    /// The HTTP status.
    public var status: Int
    /// A message replacing the status's standard one, or `nil`.
    public var message: String?

    /// Creates an error view.
    public init(session: WebSession, status: Int, message: String? = nil) {
        self.session = session
        self.status = status
        self.message = message
    }
}
