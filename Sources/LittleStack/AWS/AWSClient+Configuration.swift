import Foundation

extension AWSClient {
    /// How the client times out, retries and waits.
    public struct Configuration: Sendable {
        /// Timeouts; defaults to ``Timeout/init(connect:request:)`` with 10 s connect and 60 s per attempt.
        public var timeout: Timeout
        /// The retry policy; defaults to 5 attempts, full-jitter backoff from 200 ms capped at 10 s.
        public var retry: Retry
        /// How the client waits between attempts; defaults to ``Sleeper/task`` (`Task.sleep`).
        public var sleeper: Sleeper
        /// The signing clock; defaults to the system time.
        public var clock: @Sendable () -> Date
        /// The largest reply body read, in bytes; defaults to 64 MiB.
        public var maxResponseBytes: Int
        /// The `User-Agent` sent; defaults to `littlestack`.
        public var userAgent: String
        /// Receives one line per attempt (`cloudformation POST https://cloudformation.us-east-1.amazonaws.com/ -> 200
        /// in 85 ms`), for `--verbose`; defaults to `nil` (silent). Lines never hold queries, headers or bodies.
        public var log: (@Sendable (String) -> Void)?

        /// Creates a configuration.
        /// - Parameters:
        ///   - timeout: see ``timeout``.
        ///   - retry: see ``retry``.
        ///   - sleeper: see ``sleeper``.
        ///   - clock: see ``clock``.
        ///   - maxResponseBytes: see ``maxResponseBytes``.
        ///   - userAgent: see ``userAgent``.
        ///   - log: see ``log``.
        public init(
            timeout: Timeout = Timeout(), retry: Retry = Retry(), sleeper: Sleeper = .task,
            clock: @escaping @Sendable () -> Date = { Date() }, maxResponseBytes: Int = 64 << 20,
            userAgent: String = "littlestack", log: (@Sendable (String) -> Void)? = nil
        ) {
            self.log = log
            self.timeout = timeout
            self.retry = retry
            self.sleeper = sleeper
            self.clock = clock
            self.maxResponseBytes = maxResponseBytes
            self.userAgent = userAgent
        }
    }
}

extension AWSClient.Configuration {
    /// Timeouts of one attempt.
    public struct Timeout: Sendable, Equatable {
        /// How long to wait to connect, and for each further byte once connected; defaults to 10 seconds.
        public var connect: Duration
        /// How long one attempt may take in all, reply body included; defaults to 60 seconds.
        public var request: Duration

        /// Creates timeouts.
        /// - Parameters:
        ///   - connect: see ``connect``; defaults to 10 seconds.
        ///   - request: see ``request``; defaults to 60 seconds.
        public init(connect: Duration = .seconds(10), request: Duration = .seconds(60)) {
            self.connect = connect
            self.request = request
        }
    }

    /// When and how often a failed call is tried again.
    ///
    /// Retried: HTTP 5xx and 429 replies, the throttling codes (`Throttling`, `ThrottlingException`,
    /// `RequestLimitExceeded`, `TooManyRequestsException`, `RequestThrottled`, `RequestThrottledException`,
    /// `SlowDown`), and — only for requests marked ``AWSRequest/isIdempotent`` — timeouts and lost connections. A
    /// refused connection is not retried: nothing listens there, and waiting will not change that.
    /// The wait before attempt *n + 1* is random in `0 ... min(cap, base × 2ⁿ⁻¹)` (full jitter).
    public struct Retry: Sendable, Equatable {
        /// Attempts in all, the first included; defaults to 5. `1` turns retrying off.
        public var maxAttempts: Int
        /// The backoff's base; defaults to 200 milliseconds.
        public var base: Duration
        /// The longest wait; defaults to 10 seconds.
        public var cap: Duration

        /// Creates a retry policy.
        /// - Parameters:
        ///   - maxAttempts: see ``maxAttempts``; defaults to 5.
        ///   - base: see ``base``; defaults to 200 ms.
        ///   - cap: see ``cap``; defaults to 10 s.
        public init(maxAttempts: Int = 5, base: Duration = .milliseconds(200), cap: Duration = .seconds(10)) {
            self.maxAttempts = max(1, maxAttempts)
            self.base = base
            self.cap = cap
        }

        /// No retries: one attempt.
        public static let none = Retry(maxAttempts: 1)

        /// The error codes retried whatever their status.
        public static let throttlingCodes: Set<String> = [
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
            "RequestThrottled", "RequestThrottledException", "SlowDown",
        ]

        /// The longest wait before the attempt after `attempt` (1-based): `min(cap, base × 2^(attempt-1))`.
        /// - Parameter attempt: the attempt that just failed, from 1.
        /// - Returns: the upper bound of the jittered wait.
        public func ceiling(afterAttempt attempt: Int) -> Duration {
            let factor = 1 << min(max(attempt - 1, 0), 30)
            let grown = base * factor
            return grown > cap ? cap : grown
        }

        /// The wait before the next attempt: `ceiling × random`, `random` in `0...1` (full jitter).
        /// - Parameters:
        ///   - attempt: the attempt that just failed, from 1.
        ///   - random: a number in `0...1`.
        /// - Returns: the wait.
        public func delay(afterAttempt attempt: Int, random: Double) -> Duration {
            ceiling(afterAttempt: attempt) * min(max(random, 0), 1)
        }

        /// Whether a service error is worth another attempt.
        /// - Parameter error: the error.
        /// - Returns: `true` for 5xx, 429 and throttling codes.
        public func isRetryable(_ error: AWSServiceError) -> Bool {
            error.status >= 500 || error.status == 429 || Self.throttlingCodes.contains(error.code)
        }
    }

    /// Waits between attempts; tests inject one that returns at once or records the waits.
    public struct Sleeper: Sendable {
        /// Waits for the given time.
        public var sleep: @Sendable (Duration) async throws -> Void

        /// Creates a sleeper from a closure.
        public init(_ sleep: @escaping @Sendable (Duration) async throws -> Void) { self.sleep = sleep }

        /// `Task.sleep(for:)`.
        public static let task = Sleeper { try await Task.sleep(for: $0) }
        /// Returns at once.
        public static let immediate = Sleeper { _ in }
    }
}
