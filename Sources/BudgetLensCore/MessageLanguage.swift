/// The language of a report's text lines: Chinese first with English (the default, as findings are), or one of
/// them (the CLI's `--lang zh|en`). JSON and SARIF always carry both.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case both, zh, en

    /// `zh / en`, or one of them.
    public func say(_ chinese: String, _ english: String) -> String {
        switch self {
        case .both: "\(chinese) / \(english)"
        case .zh: chinese
        case .en: english
        }
    }
}
