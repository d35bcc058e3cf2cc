import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords (bcrypt from hummingbird-auth, never stored in clear) and session tokens (256 random bits; only
/// their SHA-256 is stored).
public enum Credentials {
    /// The bcrypt hash of `password` at `cost` (10–14; each step doubles the time).
    public static func hash(password: String, cost: UInt8 = 11) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// True when `password` matches the bcrypt `hash`. Runs off the caller's task executor (bcrypt takes ~0.1 s).
    public static func verify(password: String, hash: String) async -> Bool {
        await Task.detached(priority: .userInitiated) { Bcrypt.verify(password, hash: hash) }.value
    }

    /// A new random token: 32 bytes from the system's secure generator, as 64 hex digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// SHA-256 of a token, lowercase hex (what the store keeps).
    public static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time independent of where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
