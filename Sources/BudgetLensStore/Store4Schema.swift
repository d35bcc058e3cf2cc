/// The `store4` migration (docs/store4.md), appended at the end of ``StoreSchema``'s list; the same SQL on both
/// engines (``sql``; BudgetLensStorePostgres applies it under the same name).
public enum Store4Schema {
    /// `v6-store4-failing-rule-index`.
    public static let name = "v6-store4-failing-rule-index"

    /// The index of the paged "documents failing rule R" (``DisclosureStore/documents(failing:limit:offset:)``):
    /// a document by its latest check, with what the page is sorted on (unit, year, id) in the index itself. The
    /// rule's checks come from v2's `findings_rule (rule, check_id)`; each is matched to the document whose latest
    /// check it is, and the unit and year read, from this index alone, without a visit to the documents' rows
    /// (title, file name, hash). At 10⁵ documents in PostgreSQL the server's time for the first page went from
    /// 176 ms (a scan of `documents`) to 83 ms (docs/benchmarks.md, fourth round).
    public static let sql = [
        "CREATE INDEX documents_latest_check ON documents (latest_check_id, unit_id, year, id)"
    ]
}
