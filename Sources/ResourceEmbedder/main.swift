import Foundation

// The tool of the EmbedResources build plugin (Plugins/EmbedResources).
//
//   ResourceEmbedder ROOT OUTPUT FILE…
//
// Writes OUTPUT, a Swift source declaring `EmbeddedFiles.contents`: the UTF-8 text of each FILE keyed by its path
// relative to ROOT. Exits 1 naming the file that cannot be read as UTF-8, 2 on bad usage.

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(status)
}

/// `text` as a Swift string literal: quotes, backslashes and control characters escaped.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fail("usage: ResourceEmbedder ROOT OUTPUT FILE…", status: 2) }
let root = URL(fileURLWithPath: arguments[0]).standardizedFileURL.path + "/"
var entries: [(String, String)] = []
for path in arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
        fail("\(path): cannot be read as UTF-8 text", status: 1)
    }
    entries.append((url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.lastPathComponent, text))
}
var source = """
    // Generated at build time by the EmbedResources plugin from this target's .rules and .scheme files.
    // Do not edit: edit those files.

    /// This target's rule and scheme files, by path relative to the target folder (`Packs/final-accounts/01.rules`).
    enum EmbeddedFiles {
        static let contents: [String: String] = [

    """
for (path, text) in entries.sorted(by: { $0.0 < $1.0 }) { source += "        \(literal(path)): \(literal(text)),\n" }
source += entries.isEmpty ? "        :\n    ]\n}\n" : "    ]\n}\n"
do {
    try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
} catch {
    fail("\(arguments[1]): \(error)", status: 1)
}
