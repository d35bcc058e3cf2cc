import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensReader
import BudgetLensRender
import BudgetLensRules
import BudgetLensScoring
import Foundation

// Release-build timings of the reader (and, as they land, checker and PDF reader).
//
//   swift run -c release BudgetLensBenchmarks [--iterations N] [--filter NAME]
//
// Each benchmark runs a warm-up, then N timed iterations; it prints the median and the fastest time per
// document and the throughput in MB/s of input. Timings are wall-clock, on whatever the machine is doing:
// compare runs on the same machine.

struct Benchmark {
    let name: String
    let inputBytes: Int
    /// Iterations for this benchmark instead of `--iterations` (the large inputs).
    var iterations: Int? = nil
    let body: () throws -> Void
}

func measure(_ benchmark: Benchmark, iterations: Int) throws -> (median: Duration, fastest: Duration) {
    let iterations = benchmark.iterations ?? iterations
    for _ in 0..<(benchmark.iterations == nil ? max(3, iterations / 10) : 1) { try benchmark.body() }
    var samples: [Duration] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let start = clock.now
        try benchmark.body()
        samples.append(clock.now - start)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[0])
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let arguments = CommandLine.arguments
var iterations = 200
var filter: String?
if let index = arguments.firstIndex(of: "--iterations"), index + 1 < arguments.count {
    iterations = Int(arguments[index + 1]) ?? iterations
}
if let index = arguments.firstIndex(of: "--filter"), index + 1 < arguments.count { filter = arguments[index + 1] }

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let examples = root.appendingPathComponent("examples")

var benchmarks: [Benchmark] = []
for name in ["000_b3a610eb10aa3aee.txt", "001_06590241d827de43.txt", "002_e7a0a51ff37b077b.txt"] {
    let path = examples.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("missing \(path)\n".utf8))
        exit(2)
    }
    benchmarks.append(
        Benchmark(name: "read \(name.prefix(3)) (text → model)", inputBytes: data.count) {
            let disclosure = try DisclosureReader.read(data: data, file: name)
            precondition(disclosure.tables.count >= 8)
        })
    var tablesOnly = ReaderConfiguration()
    tablesOnly.readsSelfEvaluations = false
    benchmarks.append(
        Benchmark(name: "read \(name.prefix(3)) (text → model, without self-evaluations)", inputBytes: data.count) {
            let disclosure = try DisclosureReader.read(data: data, file: name, configuration: tablesOnly)
            precondition(disclosure.tables.count >= 8)
        })
}

let pack = try BuiltInPacks.finalAccounts()
for name in ["000_b3a610eb10aa3aee.txt", "001_06590241d827de43.txt", "002_e7a0a51ff37b077b.txt"] {
    let path = examples.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else { exit(2) }
    var checkConfiguration = ReaderConfiguration()
    checkConfiguration.readsSelfEvaluations = false
    let report = RuleEngine().evaluate(
        pack, on: try DisclosureReader.read(data: data, file: name, configuration: checkConfiguration))
    benchmarks.append(
        Benchmark(
            name:
                "check \(name.prefix(3)) (text → findings, \(report.rulesEvaluated) rules, \(report.assertionsEvaluated) assertions)",
            inputBytes: data.count
        ) {
            let disclosure = try DisclosureReader.read(data: data, file: name, configuration: checkConfiguration)
            let report = RuleEngine().evaluate(pack, on: disclosure)
            precondition(report.rulesEvaluated > 0)
        })
}

// The 情况说明 alone: statements read from the sections, and the N-* rules on them.
for name in ["000_b3a610eb10aa3aee.txt", "002_e7a0a51ff37b077b.txt"] {
    let path = examples.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else { exit(2) }
    var configuration = ReaderConfiguration()
    configuration.readsSelfEvaluations = false
    let disclosure = try DisclosureReader.read(data: data, file: name, configuration: configuration)
    let bytes = disclosure.narrative.reduce(0) { $0 + $1.body.text.utf8.count }
    // The statement rules alone (N-BIND … N-READ), and the text-quality rules alone.
    let narrativePack = pack.skipping(["0*", "F-*", "X-*", "N-TPL-*", "N-DUP-*", "N-PUNCT", "N-NUMBER", "N-YEAR", "N-UNIT"])
    let textPack = pack.skipping(["0*", "F-*", "X-*", "N-BIND", "N-ITEM", "N-SHARE", "N-YOY", "N-RATE", "N-GP", "N-CAR", "N-LIST", "N-READ"])
    benchmarks.append(
        Benchmark(name: "text quality \(name.prefix(3)) (N-TPL, N-DUP, … rules)", inputBytes: bytes) {
            precondition(RuleEngine().evaluate(textPack, on: disclosure).rulesEvaluated > 0)
        })
    benchmarks.append(
        Benchmark(name: "narrative \(name.prefix(3)) (情况说明 → statements)", inputBytes: bytes) {
            precondition(!StatementReader.read(disclosure.narrative).statements.isEmpty)
        })
    benchmarks.append(
        Benchmark(name: "narrative \(name.prefix(3)) (statements → N-* findings)", inputBytes: bytes) {
            precondition(RuleEngine().evaluate(narrativePack, on: disclosure).rulesEvaluated > 0)
        })
}

// Rendering (issue 14): the model of seed 000 written as the HTML page (tables, 情况说明, charts) and as the
// XLSX workbook (nine sheets, deflated); reading is not included. The output size stands in for the input.
do {
    let path = examples.appendingPathComponent("000_b3a610eb10aa3aee.txt").path
    guard let data = FileManager.default.contents(atPath: path) else { exit(2) }
    var configuration = ReaderConfiguration()
    configuration.readsSelfEvaluations = false
    let disclosure = try DisclosureReader.read(data: data, file: "000.txt", configuration: configuration)
    let html = HTMLWriter(disclosure: disclosure).html()
    benchmarks.append(
        Benchmark(name: "render 000 (model → HTML page, \(html.utf8.count / 1000) KB)", inputBytes: html.utf8.count) {
            precondition(HTMLWriter(disclosure: disclosure).html().utf8.count == html.utf8.count)
        })
    let workbook = try XLSXWriter(disclosure: disclosure).data()
    benchmarks.append(
        Benchmark(name: "render 000 (model → XLSX workbook, \(workbook.count / 1000) KB)", inputBytes: workbook.count) {
            let bytes = try XLSXWriter(disclosure: disclosure).data()
            precondition(bytes.count == workbook.count)
        })
}

let schemes = try SchemeSet.builtIn()
let performancePack = try ScoringChecks.performancePack(schemes: schemes)
for name in ["000_b3a610eb10aa3aee.txt", "002_e7a0a51ff37b077b.txt"] {
    let path = examples.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else { exit(2) }
    let tables = try DisclosureReader.read(data: data, file: name).selfEvaluations.count
    benchmarks.append(
        Benchmark(
            name: "score \(name.prefix(3)) (text → review, \(tables) self-evaluation tables)", inputBytes: data.count
        ) {
            let disclosure = try DisclosureReader.read(data: data, file: name)
            let report = ScoreReport(disclosure: disclosure, schemes: schemes, pack: performancePack)
            precondition(!report.tables.isEmpty)
        })
}

// score on large inputs: 000 with its self-evaluation tables (from the first 市级预算项目绩效自评表 to the end of
// the last 转移支付 table) repeated to 10, 20 and 40 MB. Linear scoring doubles the time with the size.
if let data = FileManager.default.contents(atPath: examples.appendingPathComponent("000_b3a610eb10aa3aee.txt").path) {
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    if let first = lines.firstIndex(where: { $0.hasPrefix("2022年度市级预算项目绩效自评表") }),
        let end = lines.firstIndex(where: { $0.hasPrefix("2022年度烟台市职工基本") })
    {
        let head = lines[..<first].joined(separator: "\n") + "\n"
        let block = lines[first..<end].joined(separator: "\n") + "\n"
        let tail = lines[end...].joined(separator: "\n")
        for megabytes in [10, 20, 40] {
            let copies = (megabytes << 20) / block.utf8.count
            let input = Data((head + String(repeating: block, count: copies) + tail).utf8)
            benchmarks.append(
                Benchmark(name: "score \(megabytes) MB (000's self-evaluation tables × \(copies))", inputBytes: input.count,
                    iterations: 3) {
                    let disclosure = try DisclosureReader.read(data: input, file: "large.txt")
                    let report = ScoreReport(disclosure: disclosure, schemes: schemes, pack: performancePack)
                    precondition(report.tables.count >= copies)
                })
        }
    }
}

// PDFs: the published files in ../shared/corpus/pdf, end to end (poppler's text layer, table reconstruction,
// the text reader, the final-accounts pack), and poppler alone for comparison.
let pdfDirectory = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pdf")
let pdfNames = ((try? FileManager.default.contentsOfDirectory(atPath: pdfDirectory.path)) ?? []).filter {
    $0.hasSuffix(".pdf")
}
.sorted()
for name in pdfNames {
    let path = pdfDirectory.appendingPathComponent(name).path
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var checkConfiguration = ReaderConfiguration()
    checkConfiguration.readsSelfEvaluations = false
    guard let disclosure = try? DisclosureReader.read(path: path, configuration: checkConfiguration) else { continue }
    let label = "\(disclosure.source.lineCount) pages, \(name.prefix(12))"
    benchmarks.append(
        Benchmark(name: "pdf → findings (\(label))", inputBytes: size) {
            let disclosure = try DisclosureReader.read(path: path, configuration: checkConfiguration)
            let report = RuleEngine().evaluate(pack, on: disclosure)
            precondition(report.rulesEvaluated > 0)
        })
}
let layoutPath = root.deletingLastPathComponent()
    .appendingPathComponent("shared/corpus/003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt").path
if let layout = FileManager.default.contents(atPath: layoutPath) {
    benchmarks.append(
        Benchmark(name: "layout text → findings (003, pdftotext -layout)", inputBytes: layout.count) {
            let disclosure = try DisclosureReader.read(data: layout, file: "003.txt")
            precondition(RuleEngine().evaluate(pack, on: disclosure).rulesEvaluated > 0)
        })
}

// Workbooks: each seed written into an XLSX by scripts/make_workbook.py (openpyxl; skipped when python3 or
// openpyxl is missing): a sheet per table plus the cover and narrative sheets, read with the same settings as
// the tab-separated text above ("read 000 … without self-evaluations"), so the two rows compare the formats.
let workbookFolder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-bench-\(getpid())")
try? FileManager.default.createDirectory(at: workbookFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: workbookFolder) }
for name in ["000_b3a610eb10aa3aee.txt", "001_06590241d827de43.txt", "002_e7a0a51ff37b077b.txt"] {
    let path = examples.appendingPathComponent(name).path
    var tablesOnly = ReaderConfiguration()
    tablesOnly.readsSelfEvaluations = false
    guard let text = try? DisclosureReader.read(path: path, configuration: tablesOnly) else { continue }
    let tables = text.tables.sorted { $0.source.line < $1.source.line }
    let lastRow = tables.last?.rows.map(\.source.line).max() ?? 0
    let marks = tables.map { "\($0.id.formID):\($0.source.line)" } + ["说明:\(lastRow + 1)"]
    let workbook = workbookFolder.appendingPathComponent(name + ".xlsx").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", root.appendingPathComponent("scripts/make_workbook.py").path, "document", path, workbook] + marks
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { continue }
    process.waitUntilExit()
    guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: workbook) else {
        FileHandle.standardError.write(Data("skipped the XLSX benchmarks: scripts/make_workbook.py needs openpyxl\n".utf8))
        break
    }
    benchmarks.append(
        Benchmark(name: "read \(name.prefix(3)) (XLSX → model, without self-evaluations)", inputBytes: data.count) {
            let disclosure = try DisclosureReader.read(data: data, file: name + ".xlsx", configuration: tablesOnly)
            precondition(disclosure.tables.count == text.tables.count)
        })
}

// Evaluation reports (seeds in ../shared/seeds): text → report → findings, as `budgetlens evaluate` does.
let seedDirectory = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
for (name, label) in [("003_57b5dcd699d528dd.txt", "evaluate 003 (部门整体, 27 三级)"), ("000_b3a610eb10aa3aee.txt", "evaluate 000 (annexed report)")] {
    let path = seedDirectory.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let text = String(decoding: data, as: UTF8.self)
    benchmarks.append(
        Benchmark(name: "\(label) (text → findings)", inputBytes: data.count) {
            let report = EvaluationReportReader.read(text: text, file: name)
            precondition(!EvaluationChecks.run(report).isEmpty)
        })
    let report = EvaluationReportReader.read(text: text, file: name)
    benchmarks.append(
        Benchmark(name: "\(label) (checks only)", inputBytes: data.count) {
            precondition(!EvaluationChecks.run(report).isEmpty)
        })
}

// One document in every form it arrives in (issue 9): the 财政局 2024 final accounts as the corpus's tab-separated
// text (001), as `pdftotext -layout` text and as pdfplumber page text (both made at start from the PDF by poppler
// and scripts/page_text.py; skipped when a tool is missing), as the PDF itself and as the XLSX workbook the
// program renders from the tab text. All read without self-evaluations, to the model only (no rules).
do {
    let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    let pdf = corpus.appendingPathComponent("pdf/上海市普陀区财政局2024年度部门决算.pdf").path
    let tabText = corpus.appendingPathComponent("001-shanghai-putuo-caizhengju-2024-final.txt").path
    var tablesOnly = ReaderConfiguration()
    tablesOnly.readsSelfEvaluations = false
    func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    let layout = workbookFolder.appendingPathComponent("caizhengju-layout.txt").path
    let pageText = workbookFolder.appendingPathComponent("caizhengju-page.txt").path
    var forms: [(label: String, file: String, data: Data)] = []
    if let data = FileManager.default.contents(atPath: tabText) { forms.append(("tab-separated text (corpus 001)", "001.txt", data)) }
    if run(["pdftotext", "-q", "-layout", pdf, layout]), let data = FileManager.default.contents(atPath: layout) {
        forms.append(("pdftotext -layout text", "layout.txt", data))
    }
    // Raw `pdftotext` text (no `-layout`) of the same PDF, made once here; skipped with a message without poppler.
    let rawText = workbookFolder.appendingPathComponent("caizhengju-raw.txt").path
    if run(["pdftotext", "-q", pdf, rawText]), let data = FileManager.default.contents(atPath: rawText) {
        forms.append(("raw pdftotext text", "raw.txt", data))
    } else {
        print("skipped: raw pdftotext text of the 财政局 2024 PDF (pdftotext is missing or failed)")
    }
    if run(["python3", root.appendingPathComponent("scripts/page_text.py").path, pdf, pageText]),
        let data = FileManager.default.contents(atPath: pageText)
    {
        forms.append(("pdfplumber page text", "page.txt", data))
    }
    if let text = try? DisclosureReader.read(path: tabText, configuration: tablesOnly),
        let workbook = try? XLSXWriter(disclosure: text).data()
    {
        forms.append(("XLSX (rendered from 001)", "caizhengju.xlsx", workbook))
    }
    for form in forms {
        let tables = try DisclosureReader.read(data: form.data, file: form.file, configuration: tablesOnly).tables
        let cells = tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.cells.count } }
        let tableCount = tables.count
        benchmarks.append(
            Benchmark(
                name: "read 财政局 2024: \(form.label), \(tableCount == 9 ? "" : "\(tableCount) tables, ")\(cells) cells",
                inputBytes: form.data.count
            ) {
                let disclosure = try DisclosureReader.read(data: form.data, file: form.file, configuration: tablesOnly)
                precondition(disclosure.tables.count == tableCount)
            })
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
    if let disclosure = try? DisclosureReader.read(path: pdf, configuration: tablesOnly) {
        let cells = disclosure.tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.cells.count } }
        benchmarks.append(
            Benchmark(name: "read 财政局 2024: PDF (poppler + tables), \(cells) cells", inputBytes: size) {
                let disclosure = try DisclosureReader.read(path: pdf, configuration: tablesOnly)
                precondition(disclosure.tables.count == 9)
            })
    }
}

print("BudgetLens benchmarks — release build, \(iterations) iterations each")
print("benchmark".padding(toLength: 72, withPad: " ", startingAt: 0) + "  median ms   fastest ms   MB/s (median)")
for benchmark in benchmarks where filter.map({ benchmark.name.contains($0) }) ?? true {
    let (median, fastest) = try measure(benchmark, iterations: iterations)
    let megabytesPerSecond = Double(benchmark.inputBytes) / 1e6 / (milliseconds(median) / 1000)
    print(
        benchmark.name.padding(toLength: 72, withPad: " ", startingAt: 0)
            + String(
                format: "  %9.3f   %10.3f   %8.1f", milliseconds(median), milliseconds(fastest), megabytesPerSecond))
}
