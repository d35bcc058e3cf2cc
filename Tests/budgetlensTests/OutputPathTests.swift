import BudgetLensTestSupport
import Foundation
import Testing

/// `-o` of render, report and template writes through what is at the path: a symbolic link's target is replaced
/// (the link kept), a device is written to (its errors reported), a directory is refused — never replaced.
@Suite("-o writes through links and devices")
struct OutputPathTests {
    @Test("render -o through a symbolic link, to /dev/full, to a directory")
    func outputPaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.html").path
        let link = folder.appendingPathComponent("link.html").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let written = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--to", "html", "-o", link])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let full = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--to", "html", "-o", "/dev/full"])
            #expect(full.status == 2)
            #expect(full.stderr.contains("错误：/dev/full: 无法写入"))
            let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/full")
            #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial, "/dev/full must stay a device")
        }
        let directory = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--to", "html", "-o", folder.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("这是一个目录"))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test("render and report refuse an output that is their input (through a link too) and an empty path; the input is kept")
    func outputIsInput() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("001.txt").path
        try FileManager.default.copyItem(atPath: Seed.path(Seed.weihai), toPath: input)
        let link = folder.appendingPathComponent("same.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        for output in [input, link] {
            let result = try BudgetLensBinary.run(["render", input, "--to", "html", "-o", output])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("错误：\(output): 输出文件就是输入文件 \(input)，写入会毁掉输入；请换一个输出路径\n"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == Data(contentsOf: URL(fileURLWithPath: Seed.path(Seed.weihai))))
        let empty = try BudgetLensBinary.run(["render", input, "--to", "html", "-o", ""])
        #expect(empty.status == 2 && empty.stderr.hasPrefix("错误：-o: 输出文件路径为空"))

        let database = folder.appendingPathComponent("lens.sqlite").path
        #expect(try BudgetLensBinary.run(["import", input, "--db", database]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let report = try BudgetLensBinary.run(["report", "--db", database, "--format", "html", "-o", database])
        #expect(report.status == 2 && report.stderr.contains("输出文件就是输入文件"))
        let failing = try BudgetLensBinary.run(["report", "--db", database, "--failing", "02-3", "-o", database])
        #expect(failing.status == 2 && failing.stderr.contains("输出文件就是输入文件"))
        let stored = try BudgetLensBinary.run(["render", "--db", database, "--document", "1", "--to", "html", "-o", database])
        #expect(stored.status == 2 && stored.stderr.contains("输出文件就是输入文件"), "the store is an input of render --document")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }
}
