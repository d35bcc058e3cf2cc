import BudgetLensCore

extension PageTextTables {
    /// The code of the note that says a text was read as page text (`show`'s "Read as" line names it).
    static let readNoteCode = Disclosure.pageTextReadProblem

    /// An info note at line 1: the text was read as page text, and which tables were rebuilt from it.
    static func readNote(_ rewrite: Rewrite, file: String) -> ReadProblem {
        let tables = rewrite.rewritten.map(\.formID).joined(separator: "、")
        return ReadProblem(
            code: readNoteCode, severity: .info,
            message: "按页面文本读取：\(tables) 的表格行由各表的勾稽关系重建 — "
                + "read as page text (cells separated by single spaces, as pdfplumber's extract_text() writes them): "
                + "\(tables) rebuilt as table rows by their identities",
            source: SourceLocation(file: file, line: 1, column: 1))
    }
}
