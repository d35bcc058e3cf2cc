import BudgetLensCore
import BudgetLensStore
import BudgetLensTestSupport
import BudgetLensWeb
import Foundation
import Testing

/// Headless Chromium (Debian's `chromium`) loads the pages written to disk with their assets beside them: the
/// rendered DOM of seed 001's page has the flagged cell of 05-3, and screenshots of the document page, the
/// overview and the ranking are taken (into docs/images when `BUDGETLENS_WRITE_SCREENSHOTS=1`). Without
/// Chromium the tests are skipped, unless `BUDGETLENS_TEST_TOOLS=1` asks for every tool: then they fail.
@Suite(.serialized) struct BrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let toolsRequired = ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"

    /// The pages as files: `/assets/…` rewritten to the assets written beside them.
    static func write(_ html: String, named name: String, in folder: URL) throws -> URL {
        try WebAssets.css.write(to: folder.appendingPathComponent("app.css"), atomically: true, encoding: .utf8)
        try WebAssets.script.write(to: folder.appendingPathComponent("app.js"), atomically: true, encoding: .utf8)
        let local = html.replacingOccurrences(of: "\"/assets/app.css\"", with: "\"app.css\"")
            .replacingOccurrences(of: "\"/assets/app.js\"", with: "\"app.js\"")
        let url = folder.appendingPathComponent(name)
        try local.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs Chromium headless with `arguments` and the page; returns its standard output.
    static func runChromium(
        _ chromium: String, _ arguments: [String], page: String, profile: URL, window: String = "1400,2000"
    ) throws -> (Int32, String) {
        let process = Process()
        // Bounded: `timeout` ends a Chromium that hangs (exit 124, which fails the test).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments =
            ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--user-data-dir=\(profile.path)", "--window-size=\(window)", "--hide-scrollbars", "--virtual-time-budget=3000"]
            + arguments + [page]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func requireChromium() throws -> String? {
        if let chromium = Self.chromium { return chromium }
        if Self.toolsRequired { Issue.record("chromium is not installed (BUDGETLENS_TEST_TOOLS=1)") }
        return nil
    }

    @Test(.enabled(if: BrowserTests.chromium != nil || BrowserTests.toolsRequired, "needs Debian's chromium (set BUDGETLENS_TEST_TOOLS=1 to require it)"))
    func chromiumRendersTheFlaggedCellAndScreenshots() async throws {
        guard let chromium = try requireChromium() else { return }
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let folder = ProcessInfo.processInfo.environment["BUDGETLENS_WEB_PAGES"].map { URL(fileURLWithPath: $0) }
            ?? fixture.folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let profile = fixture.folder.appendingPathComponent("chromium-profile")
        let (view, html) = try await fixture.documentPage(Seed.weihai)
        let finding = try #require(
            view.findings.first { $0.finding.rule == "05-3" && $0.finding.location.table == "公开05" && $0.finding.location.column == 2 })
        let document = try Self.write(html, named: "document.html", in: folder)

        // The DOM after Chromium parsed and laid out the page (and the script ran).
        let (status, dom) = try Self.runChromium(chromium, ["--dump-dom"], page: document.absoluteString, profile: profile)
        #expect(status == 0)
        let cell = try #require(PageChecks.cellTag("cell-05-total-2", in: dom))
        #expect(cell.contains("flagged"))
        #expect(cell.contains("data-findings=\"") && cell.contains("\(finding.id)"))
        #expect(cell.contains(">453.00</span></td>"))
        #expect(dom.contains("id=\"finding-\(finding.id)\""))

        // Opened at the finding's link target, the script flashes the cell (class `flash` added in the live DOM).
        let (linked, linkedDOM) = try Self.runChromium(
            chromium, ["--dump-dom"], page: document.absoluteString + "#cell-05-total-2", profile: profile)
        #expect(linked == 0)
        let flashed = try #require(PageChecks.cellTag("cell-05-total-2", in: linkedDOM))
        #expect(flashed.contains("flash"))
        #expect(PageChecks.cellTag("cell-05-total-1", in: linkedDOM)?.contains("flash") == false)

        // Screenshots: the document page, the overview, the ranking.
        let images: URL
        if ProcessInfo.processInfo.environment["BUDGETLENS_WRITE_SCREENSHOTS"] == "1" {
            images = Seed.repositoryRoot.appendingPathComponent("docs/images")
            try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        } else {
            images = folder
        }
        let overview = try Self.write(
            WebPages.overview(try await WebData.overview(store: fixture.store, session: WebFixture.session)),
            named: "overview.html", in: folder)
        let ranking = try Self.write(
            WebPages.ranking(try await WebData.ranking(store: fixture.store, session: WebFixture.session)),
            named: "ranking.html", in: folder)
        for (page, image, window) in [
            (document, "web-document.png", "1400,2000"), (overview, "web-overview.png", "1400,760"),
            (ranking, "web-ranking.png", "1400,560"),
        ] {
            let target = images.appendingPathComponent(image)
            try? FileManager.default.removeItem(at: target)
            let (shot, _) = try Self.runChromium(
                chromium, ["--screenshot=\(target.path)"], page: page.absoluteString, profile: profile, window: window)
            #expect(shot == 0)
            let data = try Data(contentsOf: target)
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(data.count > 20_000, "\(image) is \(data.count) bytes")
        }
    }
}
