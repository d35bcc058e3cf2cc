import BudgetLensCore
import Foundation

/// The language of messages: Chinese first with English (the default, as findings are), or one of them for scripts
/// (`--lang zh`, `--lang en`, accepted by every command).
///
/// Chosen once from the command line; `--lang` is taken out of the arguments before they are parsed
/// (``DashOperands``), so it may stand anywhere before `--`. It selects the language of the findings' text lines,
/// errors and reading problems; JSON and SARIF always carry both (`message`, `message_en`). Where no Chinese text
/// exists (the details of a reading problem, a rule file's syntax error), the English is shown in either language.
enum Language: String, CaseIterable {
    case both, zh, en

    /// The language the command line asks for.
    static let current: Language = (try? Language.parse(Array(CommandLine.arguments.dropFirst())).language) ?? .both

    /// The language named by `--lang X` / `--lang=X` in `arguments` (before `--`), and the arguments without it.
    ///
    /// - Throws: ``CommandFailure`` for a value other than `zh` or `en`, or a missing one.
    static func parse(_ arguments: [String]) throws -> (language: Language, rest: [String]) {
        var language = Language.both
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            var value: String?
            if argument == "--lang" {
                index += 1
                value = index < arguments.count ? arguments[index] : ""
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            }
            if let value {
                guard let chosen = Language(rawValue: value), chosen != .both else {
                    throw CommandFailure(
                        message: "error: --lang 应为 zh 或 en，而不是“\(value)” / --lang must be zh or en, not '\(value)'")
                }
                language = chosen
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (language, rest)
    }

    /// The same choice for the libraries' renderers.
    var messageLanguage: MessageLanguage { MessageLanguage(rawValue: rawValue) ?? .both }

    /// `zh / en`, or one of them.
    func say(_ chinese: String, _ english: String) -> String {
        switch self {
        case .both: "\(chinese) / \(english)"
        case .zh: chinese
        case .en: english
        }
    }
}

/// `zh / en` in the chosen language (``Language/current``).
func say(_ chinese: String, _ english: String) -> String { Language.current.say(chinese, english) }
