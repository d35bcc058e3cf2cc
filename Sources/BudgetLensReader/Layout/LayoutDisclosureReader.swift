import BudgetLensCore

/// Reads a disclosure from positioned words (a PDF's text layer, or `pdftotext -layout` text): rebuilds the
/// text with tables as tab-separated rows, reads that with the text reader, and maps every location back to
/// the page and box (or the layout file's line and column) the words came from.
enum LayoutDisclosureReader {
    /// Reads `pages` (`imagePages`: the PDF's pages without text that hold images); `finishing` completes the
    /// disclosure (a cut row, scanned pages) before a cut between rows of the last table is looked for
    /// (``TextEndsInTable``), which needs the rebuilt lines.
    static func read(
        pages: [LayoutPage], source: LayoutSource, file: String, byteCount: Int, lineCount: Int,
        configuration: ReaderConfiguration, imagePages: Set<Int> = [], finishing: (inout Disclosure) -> Void = { _ in }
    ) -> Disclosure {
        let reconstruction = LayoutReconstruction(source: source, pages: pages)
        let lines = reconstruction.lines
        let provenance = LayoutProvenance(file: file, lines: lines)
        // The lines' texts, taken once: joined they are ``LayoutReconstruction/text``; the cut table is told on them.
        let texts = lines.map(\.text)
        let text = SourceText(file: file, text: texts.joined(separator: "\n"), provenance: provenance)
        var disclosure = TextDisclosureParser(
            text: text, byteCount: byteCount, readsSelfEvaluations: configuration.readsSelfEvaluations
        ).parse()
        disclosure.source = SourceDocument(
            file: file, format: source == .pdf ? .pdf : .layoutText, byteCount: byteCount, lineCount: lineCount)
        LineNumbersAsAmounts.refuse(in: &disclosure)
        var problems = disclosure.problems
        for note in reconstruction.notes {
            problems.append(
                ReadProblem(
                    code: note.code, severity: note.severity, message: note.message, table: note.table,
                    source: location(of: note, file: file)))
        }
        disclosure.problems = problems.sorted { ($0.source.page ?? 0, $0.source) < ($1.source.page ?? 0, $1.source) }
        if source == .pdf {
            MissingPages.mark(
                &disclosure, printed: reconstruction.printedPageNumbers,
                imagePages: imagePages, spans: reconstruction.tableSpans, file: file)
        }
        finishing(&disclosure)
        // Last: a cut inside a row (``CutTableText``) and the tables on scanned pages are known by now.
        TextEndsInTable.mark(&disclosure, lines: texts) { provenance.location($0, column: 1) }
        return disclosure
    }

    private static func location(of note: LayoutNote, file: String) -> SourceLocation {
        switch note.origin {
        case .box(let region): SourceLocation(file: file, line: 0, column: 0, page: note.page, region: region)
        case .text(let line, let column): SourceLocation(file: file, line: line, column: column, page: note.page)
        }
    }
}
