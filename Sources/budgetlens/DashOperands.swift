import Foundation

/// File operands whose names begin with `-` (`budgetlens check -dash.txt`).
///
/// The argument parser reads `-dash.txt` as the short flags `-d -a -s -h …` — `-h` printing the help and exiting
/// 0 without reading anything. BudgetLens has no single-dash option but `-h` and `-o` (`render -o OUT`), so before
/// parsing, each argument that begins with a single `-` (before any `--`) and is not one of those or a negative
/// number is either the file it names,
/// passed on as `./-dash.txt`, or, when no such file exists, refused naming it (exit code 2). Long names
/// (`--x.txt`) are left to the parser, which refuses an unknown one naming it; `./--x.txt` or `-- --x.txt`
/// reads such a file.
enum DashOperands {
    /// `arguments` (without the program name) with each existing `-file` written `./-file`.
    ///
    /// - Throws: ``CommandFailure`` naming an argument that is neither an option nor an existing file.
    static func prepared(_ arguments: [String]) throws -> [String] {
        var result: [String] = []
        var operandsOnly = false
        for argument in arguments {
            defer { if argument == "--" { operandsOnly = true } }
            guard !operandsOnly, argument.hasPrefix("-"), !argument.hasPrefix("--"), argument != "-", argument != "-h",
                argument != "-o",
                Double(argument) == nil
            else {
                result.append(argument)
                continue
            }
            guard FileManager.default.fileExists(atPath: argument) else {
                throw CommandFailure(
                    place: "",
                    chinese: "“\(argument)”既不是选项，也不是存在的文件（以“-”开头的文件名可写作 ./\(argument)）",
                    english: "'\(argument)' is neither an option nor an existing file (budgetlens has no single-letter "
                        + "options but -h and -o; a file whose name begins with '-' is read when it exists, or write "
                        + "./\(argument))")
            }
            result.append("./" + argument)
        }
        return result
    }
}
