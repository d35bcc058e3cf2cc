import Foundation
import GRDB

/// ``AccountStore`` on SQLite: the tables of migration `v3-server-accounts` (``ServerAccountsSchema``).
extension SQLiteStore: AccountStore {
    public func saveUser(_ user: UserAccount) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO users (name, role, unit, bureau, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET role = excluded.role, unit = excluded.unit,
                        bureau = excluded.bureau, password_hash = excluded.password_hash, created_at = excluded.created_at
                    """,
                arguments: [user.name, user.role.rawValue, user.unit, user.bureau, user.passwordHash, user.createdAt])
        }
    }

    public func user(named name: String) async throws -> UserAccount? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, role, unit, bureau, password_hash, created_at FROM users WHERE name = ?",
                arguments: [name]
            ).map(Self.account)
        }
    }

    public func users() async throws -> [UserAccount] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, role, unit, bureau, password_hash, created_at FROM users ORDER BY name"
            ).map(Self.account)
        }
    }

    private static func account(_ row: Row) -> UserAccount {
        UserAccount(
            name: row[0], role: UserRole(rawValue: row[1]) ?? .preparer, unit: row[2], bureau: row[3],
            passwordHash: row[4], createdAt: row[5])
    }

    public func assign(unit: String, toBureau bureau: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO bureau_units (bureau, unit) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [bureau, unit])
        }
    }

    public func units(ofBureau bureau: String) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT unit FROM bureau_units WHERE bureau = ? ORDER BY unit", arguments: [bureau])
        }
    }

    public func createSession(_ session: SessionRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [session.tokenHash, session.user, session.csrfToken, session.createdAt, session.expiresAt])
        }
    }

    public func session(tokenHash: String) async throws -> SessionRecord? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT token_hash, user_name, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?",
                arguments: [tokenHash]
            ).map { SessionRecord(tokenHash: $0[0], user: $0[1], csrfToken: $0[2], createdAt: $0[3], expiresAt: $0[4]) }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func setSessionExpiry(tokenHash: String, expiresAt: Int64) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE sessions SET expires_at = ? WHERE token_hash = ?", arguments: [expiresAt, tokenHash])
        }
    }

    public func setPublished(document: Int64, published: Bool) async throws {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [document]) != nil
            else { throw StoreError.noSuchDocument(document) }
            if published {
                try db.execute(
                    sql: "INSERT INTO published_documents (document_id, published_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    arguments: [document, StoreClock.now()])
            } else {
                try db.execute(sql: "DELETE FROM published_documents WHERE document_id = ?", arguments: [document])
            }
        }
    }

    public func publishedDocuments() async throws -> Set<Int64> {
        try await pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT document_id FROM published_documents"))
        }
    }

    @discardableResult
    public func appendAudit(_ entry: AuditEntry) async throws -> Int64 {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_log (user_name, at, action, document_id, finding_id, detail)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [entry.user, entry.at, entry.action, entry.document, entry.finding, entry.detail])
            return db.lastInsertedRowID
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, user_name, at, action, document_id, finding_id, detail FROM audit_log
                    ORDER BY id DESC LIMIT ?
                    """,
                arguments: [max(0, limit)]
            ).map {
                AuditEntry(id: $0[0], user: $0[1], at: $0[2], action: $0[3], document: $0[4], finding: $0[5], detail: $0[6])
            }
        }
    }

    public func document(ofFinding finding: Int64) async throws -> Int64? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT document_id FROM findings WHERE id = ?", arguments: [finding])
        }
    }

    public func explanations(ofDocument document: Int64) async throws -> [Int64: [Explanation]] {
        try await pool.read { db in
            var result: [Int64: [Explanation]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT e.finding_id, e.author, e.written_at, e.text FROM explanations e
                    JOIN findings f ON f.id = e.finding_id WHERE f.document_id = ? ORDER BY e.id
                    """, arguments: [document])
            {
                result[row[0], default: []].append(Explanation(author: row[1], writtenAt: row[2], text: row[3]))
            }
            return result
        }
    }

    public func document(id: Int64) async throws -> (document: StoredDocument, published: Bool)? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT d.id, d.source_file, d.sha256, u.name, d.year, d.kind, c.pack_version,
                        EXISTS (SELECT 1 FROM published_documents p WHERE p.document_id = d.id)
                    FROM documents d LEFT JOIN units u ON u.id = d.unit_id
                    LEFT JOIN check_runs c ON c.id = d.latest_check_id
                    WHERE d.id = ?
                    """, arguments: [id]
            ).map { row in
                (
                    StoredDocument(
                        id: row[0], file: row[1], contentHash: row[2], unit: row[3], year: row[4], kind: row[5],
                        packVersion: row[6]),
                    row[7]
                )
            }
        }
    }
}
