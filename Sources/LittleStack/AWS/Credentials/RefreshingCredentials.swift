import Foundation

/// The credentials an ``AWSClient`` signs with, renewed shortly before they expire.
///
/// Temporary credentials (an assumed role, a `credential_process` with an `Expiration`) last an hour or so, and an
/// apply that follows a slow stack can outlive them. Within ``refreshWindow`` of their expiry the next request asks
/// the refresh closure (the credentials chain, run again) for new ones; concurrent requests share one refresh. When
/// the refresh fails while the old credentials are still valid, those are used until they expire.
final class RefreshingCredentials: @unchecked Sendable {
    /// How long before expiry credentials are renewed (the aws cli renews 10 to 15 minutes ahead).
    static let refreshWindow: TimeInterval = 10 * 60

    private let lock = NSLock()
    private var current: Credentials
    private var inFlight: Task<Credentials, any Error>?
    private let refresh: (@Sendable () async throws -> Credentials)?

    init(_ credentials: Credentials, refresh: (@Sendable () async throws -> Credentials)?) {
        self.current = credentials
        self.refresh = refresh
    }

    /// The credentials in use now.
    var snapshot: Credentials { lock.withLock { current } }

    /// Credentials valid at `now`, renewed first when they are about to expire.
    func valid(at now: Date) async throws -> Credentials {
        let (credentials, task): (Credentials, Task<Credentials, any Error>?) = lock.withLock {
            guard let refresh, let expiration = current.expiration,
                expiration.timeIntervalSince(now) < Self.refreshWindow
            else { return (current, nil) }
            if let inFlight { return (current, inFlight) }
            let task = Task { try await refresh() }
            inFlight = task
            return (current, task)
        }
        guard let task else { return credentials }
        do {
            let fresh = try await task.value
            lock.withLock {
                current = fresh
                inFlight = nil
            }
            return fresh
        } catch {
            lock.withLock { inFlight = nil }
            if let expiration = credentials.expiration, expiration > now { return credentials }
            throw error
        }
    }
}
