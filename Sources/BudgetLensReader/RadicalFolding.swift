import Foundation

/// Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements (U+2E80–U+2EF3) read as the ideographs they
/// stand for (`⽀` U+2F40 → `支` U+652F). PDFs printed by Chromium ("Save as PDF", `budgetlens render --to pdf`)
/// map some glyphs to the radicals in their ToUnicode tables; poppler folds them, pdfplumber's `extract_text()`
/// does not, so page text of such a PDF reads `⽀出决算表` and no title or label matches. Each radical is one
/// scalar and folds to one scalar (Unicode's compatibility decomposition, done by Foundation), so line and column
/// numbers stay those of the file.
enum RadicalFolding {
    /// `text` with every radical folded; `text` itself when it holds none (the usual case: one byte scan).
    static func folded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRadical) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isRadical(scalar), let folded = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars.first,
                String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars.count == 1
            {
                result.append(folded)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isRadical(_ scalar: Unicode.Scalar) -> Bool {
        (0x2E80...0x2EFF).contains(scalar.value) || (0x2F00...0x2FDF).contains(scalar.value)
    }
}
