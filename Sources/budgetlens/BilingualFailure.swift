import BudgetLensEvaluation
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore

extension CommandFailure {
    /// A failure with its place and text in Chinese and English, exit code 2: `错误：<place>: <Chinese>` and
    /// `error: <place>: <English>` on two lines, or one of them (`--lang`), as a failed file is printed.
    init(place: String, chinese: String, english: String) {
        let located = { (text: String) in place.isEmpty ? text : "\(place): \(text)" }
        switch Language.current {
        case .both where chinese == english: self.init(message: "error: \(located(english))")
        case .both: self.init(message: "错误：\(located(chinese))\nerror: \(located(english))")
        case .zh: self.init(message: "错误：\(located(chinese))")
        case .en: self.init(message: "error: \(located(english))")
        }
        self.bilingual = (place, located(chinese), located(english))
    }

    /// A broken rule or scheme file: `file:line:column:` and the mistake, in the chosen language.
    init(_ error: RuleFileError) {
        self.init(place: error.place, chinese: error.chineseMessage, english: error.message)
        self.location = ("rule-file", error.file, error.line > 0 ? error.line : nil, error.line > 0 ? error.column : nil)
    }
}

extension CommandFailure {
    /// A document that cannot be read, for the commands that print its text or evaluate it: the reader's Chinese
    /// (as specific as its English) and English, each with `file:line:column`.
    init(_ error: ReadError) {
        self.init(place: "", chinese: error.chineseDescription, english: error.description)
    }

    /// A store that cannot be opened or has no such record: the database named, in Chinese and English.
    init(_ error: StoreError) {
        self.init(place: error.place, chinese: error.chineseMessage, english: error.englishMessage)
    }

    /// A framework or evidence file that cannot be used, with `file:line`.
    init(_ error: FrameworkError) {
        self.init(place: error.place, chinese: error.chineseMessage, english: error.message)
    }
}

extension CommandFailure {
    /// The failure as one file's entry of `check --format json` (and `score`'s): its own when it was made from a
    /// document, else `code` with the Chinese and the English apart where the failure carries both.
    func documentFailure(file: String, code: String) -> DocumentFailure {
        if let document { return document }
        return DocumentFailure(
            file: file, code: code, message: bilingual?.chinese ?? message, messageEn: bilingual?.english ?? message)
    }
}
