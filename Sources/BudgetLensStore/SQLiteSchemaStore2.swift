import GRDB

/// The `store2` migrations (docs/store2.md), appended after ``StoreSchema``'s own.
enum Store2Schema {
    /// The names, in order.
    static let names = ["v3-store2-scores", "v4-store2-cell-provenance"]

    /// `v3-store2-scores`: a document's self-evaluation scores (`score`) and annexed evaluation (`evaluate`).
    /// Scores are TEXT decimal strings as printed (a CHECK refuses any other type: no REAL).
    static let scoresSQL = """
        CREATE TABLE score_reports (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            score_json TEXT NOT NULL
        );
        CREATE TABLE project_scores (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            project TEXT NOT NULL,
            kind TEXT NOT NULL,
            scheme TEXT NOT NULL,
            stated_total TEXT CHECK (typeof(stated_total) IN ('text', 'null')),
            computed_total TEXT CHECK (typeof(computed_total) IN ('text', 'null')),
            stated_grade TEXT,
            computed_grade TEXT,
            execution_rate TEXT CHECK (typeof(execution_rate) IN ('text', 'null')),
            finding_count INTEGER NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (document_id, ordinal)
        );
        CREATE TABLE evaluations (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            total_score TEXT CHECK (typeof(total_score) IN ('text', 'null')),
            grade TEXT,
            error_count INTEGER NOT NULL,
            warning_count INTEGER NOT NULL,
            evaluation_json TEXT NOT NULL
        );
        """

    /// `v4-store2-cell-provenance`: a workbook cell's place, `公开06!F10` (``SourceLocation/cell``), beside the
    /// row (`source_line`) every cell already has.
    static let cellProvenanceSQL = "ALTER TABLE cells ADD COLUMN source_cell TEXT"

    /// Registers the migrations on `migrator`.
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-store2-scores") { db in try db.execute(sql: scoresSQL) }
        migrator.registerMigration("v4-store2-cell-provenance") { db in try db.execute(sql: cellProvenanceSQL) }
    }
}
