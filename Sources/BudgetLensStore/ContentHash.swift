import Crypto
import Foundation

/// SHA-256 of a document's bytes (swift-crypto: Foundation on Linux has no digest), the store's identity of a
/// document: importing the same bytes twice adds nothing.
public enum ContentHash {
    /// The digest as 64 lowercase hex digits.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
