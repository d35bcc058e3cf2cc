import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// Issue 10, "never crash, never pass silently": the arguments, failed files in every output format, the
/// relocatable binary and the validation of scheme files, each case as the issue saw it.
@Suite("budgetlens: arguments, failures in every output, relocatable binary")
struct HardeningTests {
    /// A fresh temporary folder.
    static func folder(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A file of bytes that are not UTF-8 text (0xAB at offset 2).
    static func binaryFile(in directory: URL) throws -> URL {
        let bad = directory.appendingPathComponent("bad.bin")
        try Data([0x50, 0x4B, 0xAB, 0x03, 0xFF, 0x00]).write(to: bad)
        return bad
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test(
        "--max-input-mb out of range is exit 2 naming the option: Int.max would wrap, -5, 0",
        arguments: [["--max-input-mb", "9223372036854775807"], ["--max-input-mb=-5"], ["--max-input-mb", "0"]])
    func inputLimit(_ option: [String]) throws {
        for command in [["check"], ["score"], ["show"], ["text"]] {
            let result = try BudgetLensBinary.run(command + option + [Seed.path(Seed.yantai)])
            #expect(result.status == 2, "\(command) \(option)")
            #expect(result.stderr.contains("--max-input-mb must be a whole number of MiB from 1 to 4096"))
            #expect(result.stdout.isEmpty)
        }
        // Yantai's tables and 情况说明 hold warnings only; its 十三 against the annexed report (N-EVAL) are errors.
        let fine = try BudgetLensBinary.run(["check", "--max-input-mb", "4096", "--skip", "N-EVAL-*", Seed.path(Seed.yantai)])
        #expect(fine.status == 0)
    }

    @Test("a file operand beginning with '-' is read when it exists, refused by name when not; never help + exit 0")
    func dashOperands() throws {
        let directory = try Self.folder("dash")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Seed.path(Seed.weihai)), to: directory.appendingPathComponent("-dash.txt"))
        let read = try BudgetLensBinary.run(["check", "-dash.txt"], in: directory)
        #expect(read.status == 1)
        #expect(read.stdout.contains("2 errors, 18 warnings, 0 info") && !read.stdout.contains("OVERVIEW"))
        let scored = try BudgetLensBinary.run(["score", "-dash.txt", "--format", "json"], in: directory)
        #expect(scored.status == 1 && scored.stdout.contains("医疗保障监督执法业务费"))
        let missing = try BudgetLensBinary.run(["check", "-foo.txt"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'-foo.txt' is neither an option nor an existing file"))
        let root = try BudgetLensBinary.run(["-dash.txt"], in: directory)
        #expect(root.status == 2 && !root.stdout.contains("OVERVIEW"))
        let help = try BudgetLensBinary.run(["check", "-h"], in: directory)
        #expect(help.status == 0 && help.stdout.contains("OVERVIEW"), "-h is still the help")
    }

    @Test("check --help says it reads PDFs")
    func checkHelp() throws {
        let result = try BudgetLensBinary.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("PDF") && result.stdout.contains("pdftotext"))
    }

    @Test("check --format json good.txt bad.bin: both results, the second with its error, exit 2")
    func checkJSONWithFailure() throws {
        let bad = try Self.binaryFile(in: try Self.folder("json"))
        let result = try BudgetLensBinary.run(["check", "--format", "json", "--skip", "N-EVAL-*", Seed.path(Seed.yantai), bad.path])
        #expect(result.status == 2)
        let array = try #require(try Self.json(result.stdout) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["error"] is NSNull && (array[0]["findings"] as? [Any])?.count == 3)
        #expect((array[0]["document"] as? [String: Any])?["unit_name"] as? String == "烟台市医疗保障局")
        #expect(array[1]["file"] as? String == bad.path)
        let error = try #require(array[1]["error"] as? [String: Any])
        #expect(error["code"] as? String == "not-text")
        #expect(error["line"] as? Int == 1 && error["column"] as? Int == 3)
        // The code's Chinese, then the same details as the English (round 2: never vaguer than the English).
        let message = error["message"] as? String ?? ""
        #expect(message.hasPrefix("\(bad.path):1:3: 不是可读的文本（UTF-8、") && message.contains("或是其他格式的文件：invalid UTF-8 byte 0xAB at byte offset 2"))
        #expect((error["message_en"] as? String)?.hasPrefix("\(bad.path):1:3: invalid UTF-8 byte 0xAB") == true)
        #expect(array[1]["document"] is NSNull && array[1]["summary"] is NSNull)
        #expect((array[1]["findings"] as? [Any])?.isEmpty == true)

        // One unusable file: its object with the error, not `[]`.
        let alone = try BudgetLensBinary.run(["check", "--format", "json", bad.path])
        #expect(alone.status == 2)
        let object = try #require(try Self.json(alone.stdout) as? [String: Any])
        #expect((object["error"] as? [String: Any])?["code"] as? String == "not-text")
        // A missing file and a budget are failures too.
        let more = try BudgetLensBinary.run([
            "check", "--format", "json", bad.path + ".missing", Seed.corpusPath(Seed.shanghaiBudget),
        ])
        #expect(more.status == 2)
        let entries = try #require(try Self.json(more.stdout) as? [[String: Any]])
        let codes = entries.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(codes == ["unreadable", "budget"])
        // The missing file's message in Chinese and in English apart, each with the file (not the two lines twice).
        let missing = try #require(entries[0]["error"] as? [String: Any])
        let chinese = missing["message"] as? String ?? ""
        let english = missing["message_en"] as? String ?? ""
        #expect(chinese.hasPrefix(bad.path + ".missing") && !chinese.contains("\nerror:"), "\(chinese)")
        #expect(english.hasPrefix(bad.path + ".missing") && !english.contains("错误") && english != chinese, "\(english)")
    }

    @Test("check --format sarif: a failed file is a toolExecutionNotification, executionSuccessful false; file: URIs")
    func sarifWithFailure() throws {
        let directory = try Self.folder("sarif 报告")
        let bad = try Self.binaryFile(in: directory)
        let good = directory.appendingPathComponent("曾都 医保.txt")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Seed.path(Seed.zengdu)), to: good)
        let result = try BudgetLensBinary.run(["check", "--format", "sarif", good.path, bad.path])
        #expect(result.status == 2)
        let log = try #require(try Self.json(result.stdout) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect(((notification["message"] as? [String: Any])?["text"] as? String)?.contains("invalid UTF-8") == true)
        let encodedFolder = try #require(directory.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
        let notificationURI = try #require(
            ((((notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
                "artifactLocation"] as? [String: Any])?["uri"] as? String))
        #expect(notificationURI == "file://\(encodedFolder)/bad.bin")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 22, "曾都's 3 table warnings and its 情况说明's findings")
        let uri = try #require(
            ((((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
                "artifactLocation"] as? [String: Any])?["uri"] as? String))
        #expect(uri == "file://\(encodedFolder)/%E6%9B%BE%E9%83%BD%20%E5%8C%BB%E4%BF%9D.txt")
        #expect(encodedFolder.contains("%20%E6%8A%A5%E5%91%8A"), "the space and 报告 are percent-encoded")

        let clean = try BudgetLensBinary.run(["check", "--format", "sarif", good.path])
        #expect(clean.status == 1, "曾都's 情况说明 has errors; the run itself succeeds")
        let cleanRun = try #require(((try Self.json(clean.stdout) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        #expect((cleanRun["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == true)
    }

    @Test("score --format json good.txt bad.bin: both results, the second with its error, exit 2")
    func scoreJSONWithFailure() throws {
        let bad = try Self.binaryFile(in: try Self.folder("score"))
        let result = try BudgetLensBinary.run(["score", "--format", "json", Seed.path(Seed.yantai), bad.path])
        #expect(result.status == 2)
        let array = try #require(try Self.json(result.stdout) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["error"] is NSNull && (array[0]["projects"] as? [Any])?.count == 8)
        #expect(array[1]["document"] as? String == bad.path)
        #expect((array[1]["error"] as? [String: Any])?["code"] as? String == "not-text")
        #expect((array[1]["projects"] as? [Any])?.isEmpty == true && array[1]["unit_name"] is NSNull)
        // No self-evaluation table: in the JSON too.
        let none = try BudgetLensBinary.run(["score", "--format", "json", Seed.corpusPath(Seed.shanghaiFinance)])
        #expect(none.status == 2)
        let object = try #require(try Self.json(none.stdout) as? [String: Any])
        #expect((object["error"] as? [String: Any])?["code"] as? String == "no-self-evaluation")
    }

    @Test("no rule in force (--no-builtin without --rules, --skip '*') is exit 2, not a clean pass")
    func noRules() throws {
        for options in [["--no-builtin"], ["--skip", "*"]] {
            let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu)] + options)
            #expect(result.status == 2)
            #expect(result.stderr.contains("no rule is in force"))
        }
    }

    @Test("the binary copied to a temporary folder runs rules, check, score and evaluate (a built-in framework) on the seeds")
    func relocatable() throws {
        let directory = try Self.folder("installed")
        let copy = directory.appendingPathComponent("budgetlens")
        try FileManager.default.copyItem(at: BudgetLensBinary.url, to: copy)
        for name in [Seed.weihai, Seed.yantai] {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: Seed.path(name)), to: directory.appendingPathComponent(name))
        }
        let rules = try BudgetLensBinary.run(["rules"], in: directory, executable: copy)
        #expect(rules.status == 0)
        #expect(rules.stdout.contains(" rules, tolerance 0.005 per term, max 0.05") && rules.stdout.contains("01-1    error"))
        let check = try BudgetLensBinary.run(["check", Seed.weihai], in: directory, executable: copy)
        #expect(check.status == 1 && check.stdout.contains("2 errors, 18 warnings, 0 info — "))
        let score = try BudgetLensBinary.run(["score", Seed.yantai, "--format", "json"], in: directory, executable: copy)
        #expect(score.status == 0)
        let projects = try #require((try Self.json(score.stdout) as? [String: Any])?["projects"] as? [[String: Any]])
        #expect(projects.count == 8)
        #expect(projects.first { $0["name"] as? String == "医保专线及网络租赁费" }?["computed_total"] as? String == "98.72")
        #expect(check.stderr.isEmpty && score.stderr.isEmpty)
        // The built-in evaluation frameworks are embedded too.
        try FileManager.default.copyItem(
            at: Seed.repositoryRoot.appendingPathComponent("examples/003-evidence.yaml"),
            to: directory.appendingPathComponent("003-evidence.yaml"))
        let evaluate = try BudgetLensBinary.run(
            ["evaluate", "--framework", "department-overall", "--evidence", "003-evidence.yaml"], in: directory, executable: copy)
        #expect(evaluate.status == 0 && evaluate.stdout.contains("82.03") && evaluate.stderr.isEmpty)
    }

    @Test("a scheme whose grades are out of order (优 90, 良 95) is refused with file:line:column")
    func gradesOutOfOrder() throws {
        let directory = try Self.folder("grades")
        let hubei = try String(
            contentsOf: Seed.repositoryRoot.appendingPathComponent("Sources/BudgetLensScoring/Schemes/hubei.scheme"),
            encoding: .utf8)
        let cases = [
            ("优 90, 良 95, 中 60, 差 0", "grades go from the highest minimum down: '良 95' is not below '优 90'"),
            ("优 90, 良 80, 中 60, 差 10", "the lowest grade '差' must start at 0"),
            ("优 90, 优 80, 中 60, 差 0", "the grade '优' is given twice"),
        ]
        for (grades, message) in cases {
            let scheme = directory.appendingPathComponent("s-\(UUID()).scheme")
            try hubei.replacing("grades: 优 90, 良 80, 中 60, 差 0", with: "grades: \(grades)")
                .write(to: scheme, atomically: true, encoding: .utf8)
            let result = try BudgetLensBinary.run(["score", Seed.path(Seed.weihai), "--scheme", scheme.path])
            #expect(result.status == 2)
            let line = hubei.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("grades:") }
            #expect(result.stderr.contains("\(scheme.path):\((line ?? -2) + 1):9: \(message)"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // The built-in schemes stay accepted, and 99.86 is 优.
        let fine = try BudgetLensBinary.run(["score", Seed.path(Seed.yantai)])
        #expect(fine.status == 0 && fine.stdout.contains("等级 优"))
    }

    @Test("Chinese first: errors, summaries, reading problems and help in Chinese with English; --lang zh|en for one")
    func chineseFirst() throws {
        let both = try BudgetLensBinary.run(["check", "--skip", "N-EVAL-*", Seed.path(Seed.yantai)])
        #expect(both.stdout.contains("错误 0，警告 3，提示 0 — 规则 ") && both.stdout.contains(" 个 / 0 errors, 3 warnings, 0 info — "))
        let chinese = try BudgetLensBinary.run(["check", "--lang", "zh", "--skip", "N-EVAL-*", Seed.path(Seed.yantai)])
        #expect(chinese.status == 0 && chinese.stdout.contains("错误 0，警告 3，提示 0"))
        #expect(!chinese.stdout.contains("warnings") && !chinese.stdout.contains("rounding"))
        let english = try BudgetLensBinary.run(["check", Seed.path(Seed.yantai), "--lang=en", "--skip", "N-EVAL-*"])
        #expect(english.status == 0 && english.stdout.contains("0 errors, 3 warnings, 0 info"))
        #expect(!english.stdout.contains("错误 0") && !english.stdout.contains("差 -0.01"))
        let wrong = try BudgetLensBinary.run(["check", "--lang", "fr", Seed.path(Seed.yantai)])
        #expect(wrong.status == 2 && wrong.stderr.contains("--lang must be zh or en, not 'fr'"))

        let bad = try Self.binaryFile(in: try Self.folder("lang"))
        let failure = try BudgetLensBinary.run(["check", bad.path])
        #expect(failure.status == 2)
        #expect(failure.stderr.hasPrefix("错误：\(bad.path):1:3: 不是可读的文本（UTF-8、"))
        #expect(failure.stderr.contains("或是其他格式的文件：invalid UTF-8 byte 0xAB at byte offset 2, ") && failure.stderr.contains("\nerror: \(bad.path):1:3: invalid UTF-8"))
        let onlyEnglish = try BudgetLensBinary.run(["check", bad.path, "--lang", "en"])
        #expect(onlyEnglish.stderr.hasPrefix("error: \(bad.path):1:3: invalid UTF-8") && !onlyEnglish.stderr.contains("错误"))

        let show = try BudgetLensBinary.run(["show", Seed.corpusPath(Seed.shanghaiSocialWorkLayout)])
        #expect(show.stdout.contains(":212:57 (第10页): 提示 info: [公开04] 行含表头文字：支出栏的文字“"))
        #expect(show.stdout.contains("没有行名，按表头的一部分读取 — the 支出 block's words"))
        let help = try BudgetLensBinary.run(["check", "--help"])
        #expect(help.stdout.contains("按审核规则检查部门决算公开（PDF、文本或 JSON）"))
    }

    @Test("every reading-problem code the reader records has its Chinese title")
    func readingProblemsHaveChinese() throws {
        let folder = Seed.repositoryRoot.appendingPathComponent("Sources/BudgetLensReader")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        var codes: Set<String> = []
        let pattern = try Regex(#""((?:cell|row|table|layout|pdf|self-evaluation|page-text|workbook|text)\.[a-z-]+)""#)
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) { codes.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(codes.count >= 20)
        #expect(codes.subtracting(ReadProblem.chineseTitles.keys).isEmpty, "no Chinese for \(codes.subtracting(ReadProblem.chineseTitles.keys).sorted())")
    }
}
