import Foundation

/// Token buckets, one per client key (user name, or address for anonymous requests): `capacity` tokens,
/// refilled at `perSecond`. A request takes one token; with none left it is refused (429) with the seconds to
/// wait. Buckets of idle clients are dropped, so the table stays bounded (at most `maximumClients`).
public actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let capacity: Double
    private let perSecond: Double
    private let maximumClients: Int
    private var buckets: [String: Bucket] = [:]

    /// Creates a limiter.
    public init(capacity: Int, perSecond: Double, maximumClients: Int = 100_000) {
        self.capacity = Double(max(1, capacity))
        self.perSecond = max(0.001, perSecond)
        self.maximumClients = maximumClients
    }

    /// Takes a token for `key`: `nil` when granted, else the whole seconds to wait.
    public func take(_ key: String) -> Int? {
        let now = ContinuousClock.now
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(capacity, bucket.tokens + seconds * perSecond)
        bucket.updated = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
        }
        bucket.tokens -= 1
        if buckets[key] == nil, buckets.count >= maximumClients { prune(now: now) }
        buckets[key] = bucket
        return nil
    }

    /// Drops the buckets that are full again (their clients idle).
    private func prune(now: ContinuousClock.Instant) {
        buckets = buckets.filter { _, bucket in
            let elapsed = now - bucket.updated
            return bucket.tokens + Double(elapsed.components.seconds) * perSecond < capacity
        }
        if buckets.count >= maximumClients { buckets.removeAll() }
    }
}
