/// The `store3` migration (docs/store3.md), appended at the end of ``StoreSchema``'s list; the same SQL on both
/// engines (``sql``; BudgetLensStorePostgres applies it under the same name).
public enum Store3Schema {
    /// `v5-store3-report-indexes`.
    public static let name = "v5-store3-report-indexes"

    /// Two partial indexes for the report's 年初/年末结转和结余 look-ups (`summaries`: 公开01 行29 栏1 and 行60 栏2 of
    /// each document): one entry per document and line instead of a walk over the ≈ 150 cells of its 公开01. One
    /// unit's history at 10⁴ documents in PostgreSQL: 56 ms before (200 documents, 0.25 ms each), docs/benchmarks.md.
    /// The predicates are the query's own terms, so both engines use them.
    public static let sql = [
        """
        CREATE INDEX cells_opening_balance ON cells (document_id, column_number)
            WHERE table_id = '01' AND COALESCE(standard_line, line) = 29
        """,
        """
        CREATE INDEX cells_closing_balance ON cells (document_id, column_number)
            WHERE table_id = '01' AND COALESCE(standard_line, line) = 60
        """,
    ]
}
