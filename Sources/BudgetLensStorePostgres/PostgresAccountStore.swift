import BudgetLensStore
import Foundation
import PostgresNIO

/// ``AccountStore`` on PostgreSQL: the tables of migration `v3-server-accounts` (``ServerAccountsSchema``).
extension PostgresStore: AccountStore {
    public func saveUser(_ user: UserAccount) async throws {
        try await run {
            try await client.query(
                """
                INSERT INTO users (name, role, unit, bureau, password_hash, created_at)
                VALUES (\(user.name), \(user.role.rawValue), \(user.unit), \(user.bureau), \(user.passwordHash),
                    \(user.createdAt))
                ON CONFLICT (name) DO UPDATE SET role = excluded.role, unit = excluded.unit, bureau = excluded.bureau,
                    password_hash = excluded.password_hash, created_at = excluded.created_at
                """, logger: logger)
        }
    }

    public func user(named name: String) async throws -> UserAccount? {
        try await run {
            try await fetchUsers(
                "SELECT name, role, unit, bureau, password_hash, created_at FROM users WHERE name = \(name)"
            ).first
        }
    }

    public func users() async throws -> [UserAccount] {
        try await run {
            try await fetchUsers("SELECT name, role, unit, bureau, password_hash, created_at FROM users ORDER BY name")
        }
    }

    private func fetchUsers(_ query: PostgresQuery) async throws -> [UserAccount] {
        var users: [UserAccount] = []
        for try await (name, role, unit, bureau, hash, created) in try await client.query(query, logger: logger)
            .decode((String, String, String?, String?, String, String).self)
        {
            users.append(
                UserAccount(
                    name: name, role: UserRole(rawValue: role) ?? .preparer, unit: unit, bureau: bureau,
                    passwordHash: hash, createdAt: created))
        }
        return users
    }

    public func assign(unit: String, toBureau bureau: String) async throws {
        try await run {
            try await client.query(
                "INSERT INTO bureau_units (bureau, unit) VALUES (\(bureau), \(unit)) ON CONFLICT DO NOTHING",
                logger: logger)
        }
    }

    public func units(ofBureau bureau: String) async throws -> [String] {
        try await run {
            var units: [String] = []
            for try await unit in try await client.query(
                "SELECT unit FROM bureau_units WHERE bureau = \(bureau) ORDER BY unit", logger: logger
            ).decode(String.self) {
                units.append(unit)
            }
            return units
        }
    }

    public func createSession(_ session: SessionRecord) async throws {
        try await run {
            try await client.query(
                """
                INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, expires_at)
                VALUES (\(session.tokenHash), \(session.user), \(session.csrfToken), \(session.createdAt),
                    \(session.expiresAt))
                """, logger: logger)
        }
    }

    public func session(tokenHash: String) async throws -> SessionRecord? {
        try await run {
            for try await (hash, user, csrf, created, expires) in try await client.query(
                """
                SELECT token_hash, user_name, csrf_token, created_at, expires_at FROM sessions
                WHERE token_hash = \(tokenHash)
                """, logger: logger
            ).decode((String, String, String, String, Int64).self) {
                return SessionRecord(tokenHash: hash, user: user, csrfToken: csrf, createdAt: created, expiresAt: expires)
            }
            return nil
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await run {
            try await client.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func setSessionExpiry(tokenHash: String, expiresAt: Int64) async throws {
        try await run {
            try await client.query(
                "UPDATE sessions SET expires_at = \(expiresAt) WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func setPublished(document: Int64, published: Bool) async throws {
        try await run {
            try await client.withTransaction(logger: logger) { connection in
                guard
                    try await connection.query("SELECT 1 FROM documents WHERE id = \(document)", logger: logger)
                        .collect().first != nil
                else { throw StoreError.noSuchDocument(document) }
                if published {
                    try await connection.query(
                        """
                        INSERT INTO published_documents (document_id, published_at) VALUES (\(document), \(StoreClock.now()))
                        ON CONFLICT DO NOTHING
                        """, logger: logger)
                } else {
                    try await connection.query(
                        "DELETE FROM published_documents WHERE document_id = \(document)", logger: logger)
                }
            }
        }
    }

    public func publishedDocuments() async throws -> Set<Int64> {
        try await run {
            var ids: Set<Int64> = []
            for try await id in try await client.query("SELECT document_id FROM published_documents", logger: logger)
                .decode(Int64.self)
            {
                ids.insert(id)
            }
            return ids
        }
    }

    @discardableResult
    public func appendAudit(_ entry: AuditEntry) async throws -> Int64 {
        try await run {
            guard
                let id = try await client.query(
                    """
                    INSERT INTO audit_log (user_name, at, action, document_id, finding_id, detail)
                    VALUES (\(entry.user), \(entry.at), \(entry.action), \(entry.document), \(entry.finding),
                        \(entry.detail))
                    RETURNING id
                    """, logger: logger
                ).collect().first?.decode(Int64.self)
            else { throw StoreError.database("audit_log", "INSERT returned no id") }
            return id
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await run {
            var entries: [AuditEntry] = []
            let limit = Int64(max(0, limit))
            for try await (id, user, at, action, document, finding, detail) in try await client.query(
                """
                SELECT id, user_name, at, action, document_id, finding_id, detail FROM audit_log
                ORDER BY id DESC LIMIT \(limit)
                """, logger: logger
            ).decode((Int64, String, String, String, Int64?, Int64?, String?).self) {
                entries.append(
                    AuditEntry(id: id, user: user, at: at, action: action, document: document, finding: finding, detail: detail))
            }
            return entries
        }
    }

    public func document(ofFinding finding: Int64) async throws -> Int64? {
        try await run {
            try await client.query("SELECT document_id FROM findings WHERE id = \(finding)", logger: logger)
                .collect().first?.decode(Int64.self)
        }
    }

    public func explanations(ofDocument document: Int64) async throws -> [Int64: [Explanation]] {
        try await run {
            var result: [Int64: [Explanation]] = [:]
            for try await (finding, author, writtenAt, text) in try await client.query(
                """
                SELECT e.finding_id, e.author, e.written_at, e.text FROM explanations e
                JOIN findings f ON f.id = e.finding_id WHERE f.document_id = \(document) ORDER BY e.id
                """, logger: logger
            ).decode((Int64, String, String, String).self) {
                result[finding, default: []].append(Explanation(author: author, writtenAt: writtenAt, text: text))
            }
            return result
        }
    }

    public func document(id: Int64) async throws -> (document: StoredDocument, published: Bool)? {
        try await run {
            let query: PostgresQuery = """
                SELECT d.id, d.source_file, d.sha256, u.name, d.year, d.kind, c.pack_version,
                    EXISTS (SELECT 1 FROM published_documents p WHERE p.document_id = d.id)
                FROM documents d LEFT JOIN units u ON u.id = d.unit_id
                LEFT JOIN check_runs c ON c.id = d.latest_check_id
                WHERE d.id = \(id)
                """
            for try await (id, file, hash, unit, year, kind, version, published) in try await client.query(
                query, logger: logger
            ).decode((Int64, String, String, String?, Int64?, String, String?, Bool).self) {
                return (
                    StoredDocument(
                        id: id, file: file, contentHash: hash, unit: unit, year: year.map(Int.init), kind: kind,
                        packVersion: version),
                    published
                )
            }
            return nil
        }
    }
}
