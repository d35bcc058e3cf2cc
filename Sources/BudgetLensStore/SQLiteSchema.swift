import GRDB

/// The store's schema as named, versioned migrations (GRDB's `DatabaseMigrator`); docs/store.md describes every
/// table. A migration, once released, is never edited: a change is a new migration appended to the list.
///
/// Money columns (`*_fen`) are INTEGER 分 and a CHECK refuses any other type, so a REAL can never be stored.
public enum StoreSchema {
    /// The migration names, in order.
    public static let migrationNames = ["v1-documents", "v2-findings"] + Store2Schema.names + [ServerAccountsSchema.name]
        + [Store3Schema.name] + [Store4Schema.name]

    /// The migrator for SQLite.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents") { db in
            try db.execute(sql: """
                CREATE TABLE units (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    label TEXT
                );
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    unit_id INTEGER REFERENCES units(id),
                    year INTEGER,
                    kind TEXT NOT NULL,
                    scope TEXT,
                    title TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                    format TEXT NOT NULL,
                    byte_count INTEGER NOT NULL,
                    lines INTEGER,
                    pages INTEGER,
                    money_unit TEXT,
                    reader_version TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    income_total_fen INTEGER CHECK (typeof(income_total_fen) IN ('integer', 'null')),
                    expenditure_total_fen INTEGER CHECK (typeof(expenditure_total_fen) IN ('integer', 'null'))
                );
                CREATE INDEX documents_unit_year ON documents(unit_id, year);
                CREATE TABLE document_exports (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    disclosure_json BLOB NOT NULL
                );
                CREATE TABLE cells (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    table_id TEXT NOT NULL,
                    line INTEGER,
                    standard_line INTEGER,
                    code TEXT,
                    item TEXT NOT NULL,
                    column_number INTEGER NOT NULL,
                    value_fen INTEGER CHECK (typeof(value_fen) IN ('integer', 'null')),
                    printed TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    page INTEGER
                );
                CREATE INDEX cells_document_table ON cells(document_id, table_id);
                CREATE TABLE statements (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    section INTEGER NOT NULL,
                    subject TEXT NOT NULL,
                    claim_kind TEXT NOT NULL,
                    amount_fen INTEGER CHECK (typeof(amount_fen) IN ('integer', 'null')),
                    base_amount_fen INTEGER CHECK (typeof(base_amount_fen) IN ('integer', 'null')),
                    delta_fen INTEGER CHECK (typeof(delta_fen) IN ('integer', 'null')),
                    budget_fen INTEGER CHECK (typeof(budget_fen) IN ('integer', 'null')),
                    percent_scaled INTEGER,
                    percent_decimals INTEGER,
                    count_value INTEGER,
                    measure TEXT,
                    direction TEXT,
                    percent_direction TEXT,
                    against_budget INTEGER,
                    base_subject TEXT,
                    wording TEXT,
                    source_line INTEGER NOT NULL,
                    page INTEGER,
                    span TEXT NOT NULL,
                    PRIMARY KEY (document_id, ordinal)
                );
                """)
        }
        migrator.registerMigration("v2-findings") { db in
            try db.execute(sql: """
                CREATE TABLE check_runs (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    pack_version TEXT NOT NULL,
                    checked_at TEXT NOT NULL,
                    finding_count INTEGER NOT NULL
                );
                CREATE INDEX check_runs_document ON check_runs(document_id);
                ALTER TABLE documents ADD COLUMN latest_check_id INTEGER REFERENCES check_runs(id);
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY,
                    check_id INTEGER NOT NULL REFERENCES check_runs(id) ON DELETE CASCADE,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
                    is_rounding INTEGER NOT NULL,
                    message TEXT NOT NULL,
                    message_en TEXT NOT NULL,
                    table_name TEXT,
                    line INTEGER,
                    code TEXT,
                    item TEXT,
                    column_number INTEGER,
                    source_line INTEGER,
                    page INTEGER,
                    expected_fen INTEGER CHECK (typeof(expected_fen) IN ('integer', 'null')),
                    actual_fen INTEGER CHECK (typeof(actual_fen) IN ('integer', 'null')),
                    difference_fen INTEGER CHECK (typeof(difference_fen) IN ('integer', 'null')),
                    tolerance_fen INTEGER CHECK (typeof(tolerance_fen) IN ('integer', 'null')),
                    finding_json TEXT NOT NULL
                );
                CREATE INDEX findings_check ON findings(check_id, ordinal);
                CREATE INDEX findings_rule ON findings(rule, check_id);
                CREATE TABLE explanations (
                    id INTEGER PRIMARY KEY,
                    finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
                    author TEXT NOT NULL,
                    written_at TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX explanations_finding ON explanations(finding_id);
                CREATE TABLE import_failures (
                    source_file TEXT PRIMARY KEY,
                    sha256 TEXT,
                    error TEXT NOT NULL,
                    failed_at TEXT NOT NULL
                );
                """)
        }
        Store2Schema.register(&migrator)
        migrator.registerMigration(ServerAccountsSchema.name) { db in
            for sql in ServerAccountsSchema.sqlite { try db.execute(sql: sql) }
        }
        migrator.registerMigration(Store3Schema.name) { db in
            for sql in Store3Schema.sql { try db.execute(sql: sql) }
        }
        migrator.registerMigration(Store4Schema.name) { db in
            for sql in Store4Schema.sql { try db.execute(sql: sql) }
        }
        return migrator
    }
}
