import BudgetLensCore

/// The warnings of a raw-`pdftotext` table placed by its identities (``RawTextSideBySide``,
/// ``RawTextSummaryCrossCheck``) that is not read (docs/page-text.md, "Raw `pdftotext`").
///
/// `relations` names the other tables whose identities were used too (`("公开04", "公开04")`), nil for the
/// table's own identities only.
enum RawTextPlacementNotes {
    /// Two or more readings fit: `page-text.placement-ambiguous`, naming `readings` (`6.20→四、上级补助收入 | …`).
    static func ambiguous(
        _ id: TableID, relations: (zh: String, en: String)?, readings: String, at start: SourceLocation
    ) -> ReadProblem {
        ReadProblem(
            code: "page-text.placement-ambiguous", severity: .warning,
            message: "\(id.formID)：原始文本中金额与行的对应有两种以上均满足勾稽关系"
                + (relations.map { "（含与\($0.zh)的关系）" } ?? "") + "，未读取本表：" + readings
                + " — raw text detaches the amounts from their labels and two or more readings satisfy the identities"
                + (relations.map { ", those with \($0.en) included" } ?? "") + "; the table is not read",
            table: id, source: start)
    }

    /// No reading fits, or the search reached `limit` (its Chinese after 超过, its English after "its limit"):
    /// `page-text.row-unplaced`.
    static func unplaced(
        _ id: TableID, relations: (zh: String, en: String)?, limit: (zh: String, en: String)?, at start: SourceLocation
    ) -> ReadProblem {
        let detail: String
        if let limit {
            detail = "原始文本中金额的放置搜索超过\(limit.zh)，未读取本表 — the search for the amounts' rows passed its "
                + "limit \(limit.en); the table is not read"
        } else {
            detail = "原始文本中的金额没有一种放置满足" + (relations.map { "本表及与\($0.zh)的" } ?? "")
                + "勾稽关系，未读取本表 — no reading of the raw text's amounts satisfies the identities"
                + (relations.map { ", those with \($0.en) included" } ?? "") + "; the table is not read"
        }
        return ReadProblem(
            code: "page-text.row-unplaced", severity: .warning, message: "\(id.formID)：" + detail, table: id,
            source: start)
    }
}
