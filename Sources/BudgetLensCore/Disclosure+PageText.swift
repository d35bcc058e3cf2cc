extension Disclosure {
    /// The ``ReadProblem/code`` of the info note that says a text was read as page text (pdfplumber's
    /// `extract_text()`, raw `pdftotext`): cells separated by single spaces or one a line, tables rebuilt by their
    /// identities.
    public static let pageTextReadProblem = "page-text.read"

    /// Whether the text was read as page text (``pageTextReadProblem``): rows of tables BudgetLens does not rebuild
    /// there (the annexed 自评表) stand in the text as lines of words, not tab-separated rows.
    public var isPageText: Bool { problems.contains { $0.code == Self.pageTextReadProblem } }
}
