import HTTPTypes
import Hummingbird

extension Request {
    /// The query parameter `name`, `nil` when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters[Substring(name)], !value.isEmpty else { return nil }
        return String(value)
    }

    /// The integer query parameter `name` within `range`; 400 when it is not one.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest(
                "Query parameter \(name) must be an integer in \(range.lowerBound)...\(range.upperBound)",
                zh: "查询参数 \(name) 须为 \(range.lowerBound) 至 \(range.upperBound) 之间的整数")
        }
        return value
    }
}
