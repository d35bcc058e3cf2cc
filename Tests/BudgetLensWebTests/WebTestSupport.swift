import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import BudgetLensTestSupport
import BudgetLensWeb
import Foundation
import Testing

/// A real SQLite store in a temporary folder holding the real seeds 000–002, imported by the real importer
/// (read, checked with the built-in pack, stored in one transaction each), plus the synthetic disclosure.
struct WebFixture {
    let folder: URL
    let store: SQLiteStore
    let pack: RulePack
    /// Document ids by seed name (`Seed.weihai` …) and `synthetic`.
    let ids: [String: Int64]

    static let session = WebSession(user: WebUser(name: "审核员甲", role: "审核人（财政局）"), csrfToken: "tok-123")

    /// Builds the fixture: seeds 000, 001, 002 and the synthetic 2023 document.
    static func make(extra: [(name: String, text: String)] = [], files extraFiles: [String] = []) async throws -> WebFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder.appendingPathComponent("web.sqlite").path)
        try await store.migrate()
        let pack = try BuiltInPacks.finalAccounts()
        var files = [Seed.yantai, Seed.weihai, Seed.zengdu].map(Seed.path) + extraFiles
        for (name, text) in [("synthetic.txt", SyntheticDisclosure().text)] + extra {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let outcomes = try await DisclosureImporter(store: store, pack: pack, concurrency: 1).run(files: files)
        var ids: [String: Int64] = [:]
        for outcome in outcomes {
            guard case .imported(let file, let document, _) = outcome else {
                Issue.record("not imported: \(outcome)")
                continue
            }
            ids[URL(fileURLWithPath: file).lastPathComponent] = document
        }
        return WebFixture(folder: folder, store: store, pack: pack, ids: ids)
    }

    func id(_ name: String) throws -> Int64 { try #require(ids[name]) }

    func documentPage(_ name: String, session: WebSession = WebFixture.session) async throws -> (DocumentView, String) {
        let view = try await WebData.document(store: store, id: try id(name), session: session, pack: pack)
        return (view, WebPages.document(view))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// Checks on any page's markup.
enum PageChecks {
    /// Every `id="…"` of the page.
    static func ids(_ html: String) -> [String] { captures(#"\sid="([^"]*)""#, in: html) }

    /// Every `href="#…"` target of the page.
    static func fragmentTargets(_ html: String) -> [String] { captures(##"href="#([^"]*)""##, in: html) }

    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The `<td …>` start tag with `id="cellID"`, or `nil`.
    static func cellTag(_ cellID: String, in html: String) -> String? {
        guard let idRange = html.range(of: "id=\"\(cellID)\"") else { return nil }
        guard let start = html[..<idRange.lowerBound].range(of: "<td", options: .backwards)?.lowerBound,
            let end = html[idRange.upperBound...].range(of: "</td>")?.upperBound
        else { return nil }
        return String(html[start..<end])
    }

    /// The `<article …>` of a finding, or `nil`.
    static func findingArticle(_ findingID: Int64, in html: String) -> String? {
        guard let start = html.range(of: "<article class=\"finding"),
            let idRange = html.range(of: "id=\"finding-\(findingID)\"", range: start.lowerBound..<html.endIndex),
            let open = html[..<idRange.lowerBound].range(of: "<article", options: .backwards),
            let close = html[idRange.upperBound...].range(of: "</article>")
        else { return nil }
        return String(html[open.lowerBound..<close.upperBound])
    }

    /// Runs python3's `html.parser` over the page with a tag-balance check: every non-void element closed in
    /// order, nothing closed that is not open, nothing left open. Returns the problems found (empty: accepted).
    static func parserProblems(_ html: String) throws -> [String] {
        let script = """
            import sys
            from html.parser import HTMLParser
            VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
            class Check(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.stack = []
                    self.problems = []
                def handle_starttag(self, tag, attrs):
                    names = [name for name, _ in attrs]
                    if len(names) != len(set(names)):
                        self.problems.append("duplicate attribute in <%s> at %s" % (tag, self.getpos()))
                    if tag not in VOID:
                        self.stack.append(tag)
                def handle_startendtag(self, tag, attrs):
                    pass
                def handle_endtag(self, tag):
                    if not self.stack or self.stack[-1] != tag:
                        self.problems.append("</%s> at %s, open: %s" % (tag, self.getpos(), self.stack[-3:]))
                        if tag in self.stack:
                            while self.stack and self.stack.pop() != tag:
                                pass
                    else:
                        self.stack.pop()
            check = Check()
            check.feed(open(sys.argv[1], encoding="utf-8").read())
            check.close()
            if check.stack:
                check.problems.append("left open: %s" % check.stack)
            print("\\n".join(check.problems))
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-web-\(UUID().uuidString).html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The page's references to other hosts: any `http://`, `https://` or protocol-relative `//host` URL.
    static func externalReferences(_ html: String) -> [String] {
        captures(#"((?:https?:)?//[A-Za-z0-9.-]+)"#, in: html).filter { !$0.isEmpty }
    }
}
