/// The `store2` migrations for PostgreSQL, appended after ``PostgresSchema``'s own: the same names and tables as
/// SQLite's (``Store2Schema`` in BudgetLensStore). Scores are TEXT decimal strings as printed, never REAL.
enum PostgresStore2Schema {
    static let migrations: [(name: String, sql: [String])] = [
        (
            "v3-store2-scores",
            [
                """
                CREATE TABLE score_reports (
                    document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    score_json TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE project_scores (
                    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal BIGINT NOT NULL,
                    project TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    scheme TEXT NOT NULL,
                    stated_total TEXT,
                    computed_total TEXT,
                    stated_grade TEXT,
                    computed_grade TEXT,
                    execution_rate TEXT,
                    finding_count BIGINT NOT NULL,
                    source TEXT NOT NULL,
                    PRIMARY KEY (document_id, ordinal)
                )
                """,
                """
                CREATE TABLE evaluations (
                    document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    total_score TEXT,
                    grade TEXT,
                    error_count BIGINT NOT NULL,
                    warning_count BIGINT NOT NULL,
                    evaluation_json TEXT NOT NULL
                )
                """,
            ]
        ),
        (name: "v4-store2-cell-provenance", sql: ["ALTER TABLE cells ADD COLUMN source_cell TEXT"]),
    ]
}
