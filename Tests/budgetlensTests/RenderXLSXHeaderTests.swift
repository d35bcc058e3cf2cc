import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// A rendered workbook carries the document's title on its sheet `封面`, so it reads back with its year and unit
/// (before, the reader took the first table's title as the document's and found no year).
@Suite("render --to xlsx: the header read back")
final class RenderXLSXHeaderTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-render-header-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// `export --format json`'s header: title, unit, year, scope.
    private func header(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["export", file, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let disclosure = try #require(root["disclosure"] as? [String: Any])
        let header = try #require(disclosure["header"] as? [String: Any])
        return ["title", "unitName", "unitLabel", "year", "scope", "moneyUnit"].map { "\(header[$0] ?? "-")" }
    }

    @Test("seeds 000–002 → XLSX → read: the same unit, 部门/单位, year, scope and money unit as the text",
        arguments: [
            (Seed.yantai, "2022年度烟台市医疗保障局部门决算", ["烟台市医疗保障局", "部门", "2022", "-", "万元"]),
            // The text's title names the unit without （本级）: the cover composes {年}年度{单位}部门决算.
            (Seed.weihai, "2023年度威海市医疗保障局（本级）部门决算", ["威海市医疗保障局（本级）", "单位", "2023", "本级", "万元"]),
            (Seed.zengdu, "曾都区医疗保障局（汇总）2022年度部门决算", ["曾都区医疗保障局（汇总）", "部门", "2022", "汇总", "万元"]),
        ])
    func yearAndUnit(seed: String, title: String, expected: [String]) throws {
        let source = try header(Seed.path(seed))
        let out = folder.appendingPathComponent("\(seed).xlsx").path
        let result = try BudgetLensBinary.run(["render", Seed.path(seed), "--to", "xlsx", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try header(out)
        #expect(Array(source.dropFirst()) == expected)
        #expect(Array(read.dropFirst()) == expected)
        #expect(read.first == title)
    }
}
