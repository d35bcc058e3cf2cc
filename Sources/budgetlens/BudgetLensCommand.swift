import ArgumentParser
import Foundation

/// The `budgetlens` command: read, check, score and write Chinese budget disclosures.
@main
struct BudgetLensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgetlens",
        abstract: "读取、检查部门决算公开并为绩效自评评分。Read, check and score Chinese department final-accounts disclosures (部门决算公开).",
        discussion: """
            退出码 Exit codes: 0 ok; 1 the check found errors; 2 bad usage or unusable input.
            消息语言 Messages: Chinese first with English; --lang zh or --lang en (any command) for one of them.

            Examples:
              budgetlens check examples/001_06590241d827de43.txt
              budgetlens check disclosure.pdf            (a published PDF; needs poppler-utils)
              budgetlens score examples/001_06590241d827de43.txt
              budgetlens show examples/001_06590241d827de43.txt
              budgetlens cells examples/000_b3a610eb10aa3aee.txt > cells.csv
              budgetlens export examples/002_e7a0a51ff37b077b.txt --format json > 002.json
              budgetlens render examples/000_b3a610eb10aa3aee.txt --to html -o 000.html
              budgetlens import examples/ --db lens.sqlite
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, ScoreCommand.self, Evaluate.self, Rules.self, Show.self, Cells.self, Export.self, TextCommand.self,
            RenderCommand.self, Import.self, RecheckCommand.self, ReportCommand.self, Explain.self,
            Serve.self, UserCommand.self, Publish.self, TemplateCommand.self,
        ]
    )

    /// Flushes what `print` buffered; a failed write (a full disk, a closed pipe) is exit 2, never a silent 0.
    static func flushOutput() throws {
        if fflush(nil) != 0 || standardOutputFailed() {
            throw CommandFailure(message: "错误：无法写出结果 / error: cannot write the output (\(String(cString: strerror(errno))))")
        }
    }

    /// Whether a write to the C stream `print` writes through has failed, even one already flushed (its error
    /// flag). The stream is looked up by symbol: Swift 6 refuses the C global `stdout` as shared mutable state.
    static func standardOutputFailed() -> Bool {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "stdout"),
            let stream = symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
        else { return false }
        return ferror(stream) != 0
    }

    /// Whether ArgumentParser threw `error` (help, a validation or usage error): its types live in its module.
    static func isArgumentParserError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// Runs the command; every failure but an explicit exit code exits with 2, its message on stderr.
    static func main() {
        var arguments: [String] = []
        do {
            arguments = try Language.parse(Array(CommandLine.arguments.dropFirst())).rest
            var command = try parseAsRoot(DashOperands.prepared(arguments))
            do {
                try command.run()
            } catch let exit as ExitCode {
                try flushOutput()
                throw exit
            } catch let error where !(error is CommandFailure) && !isArgumentParserError(error) {
                // A failure while running (a port in use, a database that cannot be opened) is not a usage error.
                throw CommandFailure(runtime: error)
            }
            try flushOutput()
        } catch let failure as CommandFailure {
            FailureOutput.write(failure, arguments: arguments)
            printError(failure.message)
            Foundation.exit(failure.status)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error) == .success {  // --help, --version
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // ArgumentParser's own message (a missing operand, an unknown option) is English: a Chinese line
            // first says what went wrong, unless `--lang en` asks for English only.
            if Language.current != .en {
                printError("错误：命令行参数有误（缺少参数、未知选项或取值不符），详见下方说明；用法见 `budgetlens <命令> --help`")
            }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}
