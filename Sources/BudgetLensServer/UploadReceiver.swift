import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore

/// A file received by `POST /api/documents`.
struct ReceivedUpload: Sendable {
    /// The file name the client gave (header `X-File-Name`, percent-decoded; query `name`; or the multipart
    /// part's `filename`),
    /// reduced to its last path component; `upload` when none.
    var name: String
    /// The bytes.
    var data: Data
}

/// Reads an upload body while it streams: a raw body (any content type but multipart) or
/// `multipart/form-data` (the first part with a file name, else the part named `file`). The bytes are counted
/// as they arrive and the request is refused with 413 as soon as the count passes the limit (or at once when
/// `Content-Length` announces more), so at most `limit` bytes are ever held.
enum UploadReceiver {
    static func receive(_ request: Request, limit: Int) async throws -> ReceivedUpload {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.tooLarge(limit: limit)
        }
        let contentType = request.headers[.contentType] ?? ""
        // X-File-Name may be percent-encoded (header values are ASCII): 上海….pdf as %E4%B8%8A….pdf.
        let headerName = request.headers[HTTPField.Name("X-File-Name")!].map { $0.removingPercentEncoding ?? $0 }
            ?? request.uri.queryParameters["name"].map(String.init)
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(of: contentType) else {
                throw APIError.badRequest(
                    "multipart/form-data without a boundary", zh: "multipart/form-data 缺少 boundary 参数")
            }
            return try await multipart(request, boundary: boundary, limit: limit, fallbackName: headerName)
        }
        var data = Data()
        for try await buffer in request.body {
            guard data.count + buffer.readableBytes <= limit else { throw APIError.tooLarge(limit: limit) }
            data.append(contentsOf: buffer.readableBytesView)
        }
        return ReceivedUpload(name: sanitized(headerName), data: data)
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    private static func multipart(_ request: Request, boundary: String, limit: Int, fallbackName: String?)
        async throws -> ReceivedUpload
    {
        let state = PartState()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            state.currentName = parameter("name", in: value)
            state.currentFile = parameter("filename", in: value)
        }
        parser.onBody = { buffer in
            guard state.file == nil, state.currentFile != nil || state.currentName == "file" else { return }
            state.body.append(contentsOf: buffer.readableBytesView)
        }
        parser.onPartComplete = {
            if state.file == nil, state.currentFile != nil || state.currentName == "file" {
                state.file = ReceivedUpload(name: sanitized(state.currentFile ?? fallbackName), data: state.body)
            }
            state.body = Data()
            state.currentName = nil
            state.currentFile = nil
        }
        var received = 0
        for try await buffer in request.body {
            received += buffer.readableBytes
            guard received <= limit else { throw APIError.tooLarge(limit: limit) }
            do {
                try parser.execute(buffer)
            } catch {
                throw APIError.badRequest("The multipart body is malformed", zh: "multipart 请求体格式错误")
            }
        }
        guard let file = state.file else {
            throw APIError.badRequest(
                "The multipart body has no file part (a part with a filename, or named \"file\")",
                zh: "multipart 请求体中没有文件部分（带 filename 或名为 file 的部分）")
        }
        return file
    }

    /// The value of `name="…"` in a Content-Disposition header.
    private static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The last path component of a client's file name, without control characters, at most 200 characters.
    static func sanitized(_ name: String?) -> String {
        let last = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200).map(Character.init))
        return clean.isEmpty || clean == "." || clean == ".." ? "upload" : clean
    }

    /// The multipart parser's per-part state (the parser calls back synchronously within one task).
    private final class PartState: @unchecked Sendable {
        var currentName: String?
        var currentFile: String?
        var body = Data()
        var file: ReceivedUpload?
    }
}
