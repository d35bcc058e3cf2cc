/// The `store4` migration (docs/store4.md), appended at the end of ``StoreSchema``'s list; the same SQL on both
/// engines (``sql``; BudgetLensStorePostgres applies it under the same name).
public enum Store4Schema {
    /// `v6-store4-failing-rule-index`.
    public static let name = "v6-store4-failing-rule-index"

    /// The index of the paged "documents failing rule R" (``DisclosureStore/documents(failing:limit:offset:)``):
    /// a rule's findings give their documents and checks from the index alone (no read of the finding rows, which
    /// carry the message and the finding's JSON), and each document is then found by its key and kept when the
    /// check is its latest. `findings_rule (rule, check_id)` of v2 has no document id.
    public static let sql = [
        "CREATE INDEX findings_rule_document ON findings (rule, document_id, check_id)"
    ]
}
