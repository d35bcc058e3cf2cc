import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The one middleware of every request: resolves the user (``AuthenticationStep``, CSRF included), answers
/// every error as the API's JSON error (``APIError``) — Hummingbird's own 404, a body that cannot be decoded
/// (400), a body over the limit (413), anything unexpected (500, logged with the request id) — and logs one
/// structured line per request: request id, user, method, path, status, duration.
public struct RequestMiddleware: RouterMiddleware {
    public typealias Context = ServerRequestContext
    let authentication: AuthenticationStep

    public func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var logger = context.logger
        let response: Response
        do {
            let context = try await authentication.authenticate(request, context: context)
            logger = context.logger
            response = try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, requestID: context.id, logger: logger)
            response = try apiError.response(from: request, context: context)
            logger[metadataKey: "error"] = .string(apiError.code)
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .string(String(format: "%.2f", milliseconds)),
            ])
        return response
    }

    /// The API error for any thrown error.
    static func apiError(for error: any Error, requestID: String, logger: Logger) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            return fromStatus(error.status, detail: error.body)
        case let error as any HTTPResponseError:
            return fromStatus(error.status, detail: nil)
        case is DecodingError:
            return .badRequest("The JSON body does not have the expected shape", zh: "JSON 请求体格式不符")
        default:
            logger.error("internal error", metadata: ["error": .string(String(reflecting: error))])
            return .internalError(requestID)
        }
    }

    static func fromStatus(_ status: HTTPResponse.Status, detail: String?) -> APIError {
        switch status.code {
        case 404: return .notFound
        case 405: return APIError(status, "method_not_allowed", "Method not allowed", zh: "不支持此请求方法")
        case 413: return APIError(status, "payload_too_large", detail ?? "The body is too large", zh: "请求体过大")
        case 400:
            return .badRequest(detail ?? "Bad request", zh: "请求无效")
        case 401: return .unauthorized
        case 403: return .forbidden
        default:
            return APIError(status, "http_\(status.code)", detail ?? status.reasonPhrase, zh: status.reasonPhrase)
        }
    }
}
