import Foundation
import Yams

/// The OpenAPI 3.1 document of the API: `openapi.yaml` beside this file, embedded in the binary at build time
/// (Plugins/EmbedResources) and served as JSON at `/openapi.json`. A test checks that it and the router agree.
public enum OpenAPIDocument {
    /// The YAML source.
    public static var yaml: String { EmbeddedFiles.contents["openapi.yaml"] ?? "" }

    /// The document as JSON (sorted keys), converted once.
    public static let json: Data = {
        guard let object = try? Yams.load(yaml: yaml),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return Data("{}".utf8) }
        return data
    }()

    /// Every operation of the document: method (upper case) and path.
    public static var operations: [RegisteredRoute] {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let paths = object["paths"] as? [String: Any]
        else { return [] }
        var operations: [RegisteredRoute] = []
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for method in ["get", "put", "post", "delete", "patch", "head", "options"] where item[method] != nil {
                operations.append(RegisteredRoute(method: method.uppercased(), path: path))
            }
        }
        return operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }
}
