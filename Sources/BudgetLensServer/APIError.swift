import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as `{"error": {"code", "message", "message_zh"}}` with its HTTP status (docs/server.md).
public struct APIError: Error, HTTPResponseError, Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code: `not_found`, `duplicate`, `payload_too_large`…
    public var code: String
    /// English text.
    public var message: String
    /// Chinese text.
    public var messageZh: String
    /// Extra headers (`Retry-After`).
    public var headers: HTTPFields = [:]
    /// For 409 duplicate: the existing document's id, when the caller may see it.
    public var existingDocument: Int64?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, zh messageZh: String) {
        self.status = status
        self.code = code
        self.message = message
        self.messageZh = messageZh
    }

    /// The JSON body.
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var messageZh: String
            var existingDocument: Int64?

            enum CodingKeys: String, CodingKey {
                case code, message
                case messageZh = "message_zh"
                case existingDocument = "existing_document"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encode(messageZh, forKey: .messageZh)
                try container.encodeIfPresent(existingDocument, forKey: .existingDocument)
            }
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            error: .init(code: code, message: message, messageZh: messageZh, existingDocument: existingDocument))
        let data = (try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"code":"internal","message":"","message_zh":""}}"#.utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // The errors the API answers with.
    static let notFound = APIError(.notFound, "not_found", "Not found", zh: "未找到")
    static let unauthorized = APIError(.unauthorized, "unauthorized", "Log in first", zh: "请先登录")
    static let badCredentials = APIError(
        .unauthorized, "bad_credentials", "Wrong user name or password", zh: "用户名或密码错误")
    static let sessionExpired = APIError(
        .unauthorized, "session_expired", "The session has expired or is unknown; log in again", zh: "会话已过期或无效，请重新登录")
    static let forbidden = APIError(.forbidden, "forbidden", "Your role may not do this", zh: "您的角色无权执行此操作")
    static let csrf = APIError(
        .forbidden, "csrf", "Missing or wrong X-CSRF-Token header for a cookie session", zh: "缺少或错误的 CSRF 令牌（X-CSRF-Token）")
    static func badRequest(_ message: String, zh: String) -> APIError {
        APIError(.badRequest, "bad_request", message, zh: zh)
    }
    static func tooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge, "payload_too_large", "The body is larger than \(limit) bytes (\(limit >> 20) MiB)",
            zh: "请求体超过上限 \(limit) 字节（\(limit >> 20) MiB）")
    }
    static func rateLimited(retryAfter seconds: Int) -> APIError {
        var error = APIError(
            .tooManyRequests, "rate_limited", "Too many requests; retry in \(seconds) s", zh: "请求过于频繁，请 \(seconds) 秒后重试")
        error.headers[.retryAfter] = String(seconds)
        return error
    }
    static func internalError(_ id: String) -> APIError {
        APIError(
            .internalServerError, "internal", "Internal error (request \(id)); see the server log",
            zh: "服务器内部错误（请求 \(id)），详见服务器日志")
    }
}
