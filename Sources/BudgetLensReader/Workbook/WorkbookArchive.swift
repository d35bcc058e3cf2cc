import BudgetLensCore
import Foundation
import ZIPFoundation

/// An XLSX file's ZIP container, opened with ZIPFoundation and read part by part within bounds, so that a
/// hostile file is refused before it can exhaust memory:
///
/// - every part's declared uncompressed size, and their sum, must stay within the limits
///   (``ReaderConfiguration/maximumWorkbookPartSize``, ``ReaderConfiguration/maximumWorkbookSize``), and
///   the bytes actually unpacked are counted as they come, so a part that lies about its size (a zip bomb) is
///   stopped at the limit;
/// - a part that declares a DTD (`<!DOCTYPE`, `<!ENTITY`) is refused: OOXML parts never have one, and its
///   entities could expand without bound ("billion laughs").
///
/// Errors are ``ReadError``s naming the file and the part.
struct WorkbookArchive {
    /// The most parts a workbook may have (a nine-table workbook has about twenty).
    static let maximumEntryCount = 10_000

    private let archive: Archive
    private let file: String
    private let partLimit: Int
    private let totalLimit: Int
    /// The paths of the parts, as stored.
    let paths: Set<String>

    /// True for bytes starting with a ZIP local-file header (`PK\u{3}\u{4}`) or an empty archive's end record.
    static func isZIP(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// True for an OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`): a legacy `.xls`, or an encrypted Office file.
    static func isCompoundFile(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// Opens the ZIP archive held in `bytes` and checks its directory against the limits.
    ///
    /// - Throws: ``ReadError`` (`.badWorkbook`) when the bytes are no ZIP archive, hold too many parts, or
    ///   declare more unpacked bytes than the limits allow.
    init(bytes: [UInt8], file: String, configuration: ReaderConfiguration) throws {
        self.file = file
        partLimit = configuration.maximumWorkbookPartSize
        totalLimit = configuration.maximumWorkbookSize
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorkbookArchive.error(
                file, "文件开头像 ZIP 压缩包（XLSX），但其目录无法读取：文件被截断或损坏（\(error)）",
                "the file starts like a ZIP archive (XLSX) but its directory cannot be read: truncated or "
                    + "damaged (\(error))")
        }
        var paths: Set<String> = []
        var declared: UInt64 = 0
        for entry in archive {
            guard paths.count < WorkbookArchive.maximumEntryCount else {
                throw WorkbookArchive.error(
                    file, "压缩包的部件超过 \(WorkbookArchive.maximumEntryCount) 个，不是工作簿",
                    "the archive holds more than \(WorkbookArchive.maximumEntryCount) parts; not a workbook")
            }
            if entry.uncompressedSize > UInt64(partLimit) {
                throw WorkbookArchive.error(
                    file, "部件 \(entry.path) 声明解压后为 \(WorkbookArchive.chineseSize(entry.uncompressedSize))，"
                        + "单个部件上限 \(WorkbookArchive.chineseSize(UInt64(partLimit)))（压缩炸弹，或远大于任何决算的表）",
                    "the part \(entry.path) declares \(WorkbookArchive.size(entry.uncompressedSize)) unpacked; "
                        + "the largest part accepted is \(WorkbookArchive.size(UInt64(partLimit))) (a zip bomb, or a "
                        + "sheet far larger than any disclosure)")
            }
            declared += entry.uncompressedSize
            if declared > UInt64(totalLimit) {
                throw WorkbookArchive.error(
                    file, "压缩包声明解压后总计超过 \(WorkbookArchive.chineseSize(UInt64(totalLimit)))，拒绝读取（压缩炸弹，或远大于任何决算的工作簿）",
                    "the archive declares more than \(WorkbookArchive.size(UInt64(totalLimit))) unpacked in all; "
                        + "refused (a zip bomb, or a workbook far larger than any disclosure)")
            }
            paths.insert(entry.path)
        }
        self.paths = paths
    }

    /// The unpacked bytes of the part at `path` (`xl/workbook.xml`), or `nil` when there is none.
    ///
    /// - Throws: ``ReadError`` when the part unpacks to more than the limit, cannot be unpacked, or declares a DTD.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        let limit = partLimit
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw WorkbookArchive.error(
                file, "部件 \(path) 声明 \(WorkbookArchive.chineseSize(entry.uncompressedSize))，解压后却超过 "
                    + "\(WorkbookArchive.chineseSize(UInt64(limit)))：压缩炸弹，拒绝读取",
                "the part \(path) unpacks to more than \(WorkbookArchive.size(UInt64(limit))) although it "
                    + "declares \(WorkbookArchive.size(entry.uncompressedSize)): a zip bomb; refused")
        } catch {
            throw WorkbookArchive.error(
                file, "部件 \(path) 无法解压（压缩包损坏？）：\(error)",
                "the part \(path) cannot be unpacked (damaged archive?): \(error)")
        }
        try WorkbookArchive.rejectDTD(data, part: path, file: file)
        return data
    }

    private struct PartTooLarge: Error {}

    /// Refuses XML that declares a document type (entity definitions are how "billion laughs" expands), and XML
    /// not in UTF-8, where that declaration could not be seen byte by byte.
    static func rejectDTD(_ data: Data, part: String, file: String) throws {
        // A UTF-16 part would hide its markers from the byte search below: Excel writes UTF-8, so refuse it.
        let head = [UInt8](data.prefix(4))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.contains(0) {
            throw error(
                file, "部件 \(part) 不是 UTF-8 的 XML（UTF-16 或二进制）；BudgetLens 读取 UTF-8 的工作簿部件",
                "the part \(part) is not UTF-8 XML (UTF-16 or binary); BudgetLens reads UTF-8 workbook parts")
        }
        // `<!` starts a DTD, an entity declaration, a comment or CDATA; only the first two are refused.
        let found = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count,
                let hit = memchr(base + offset, 0x21, bytes.count - offset)  // `!`
            {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                offset = index + 1
                guard index > 0, bytes[index - 1] == 0x3C else { continue }
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next == UInt8(ascii: "D") || next == UInt8(ascii: "E") { return true }  // DOCTYPE, ENTITY
            }
            return false
        }
        if found {
            throw error(
                file, "部件 \(part) 声明了 DTD 或实体（<!DOCTYPE/<!ENTITY）；工作簿的 XML 从不如此，拒绝实体展开（“十亿笑”攻击）",
                "the part \(part) declares a DTD or entities (<!DOCTYPE/<!ENTITY); workbook XML never does, "
                    + "and entity expansion (\"billion laughs\") is refused")
        }
    }

    /// A workbook that cannot be read, in Chinese and English.
    static func error(_ file: String, _ chinese: String, _ english: String) -> ReadError {
        ReadError(.badWorkbook, source: SourceLocation(file: file, line: 0, column: 0), chinese: chinese, english: english)
    }

    private static func size(_ bytes: UInt64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// ``size(_:)`` for a Chinese message: `32 MiB`, `4096 字节`.
    private static func chineseSize(_ bytes: UInt64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) 字节"
    }
}
