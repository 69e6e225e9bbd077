/// Why credentials or a region could not be found: each case names the sources it tried, never a secret.
public struct CredentialsError: Error, Equatable, CustomStringConvertible, Sendable {
    private enum Code: Equatable, Sendable {
        case noCredentials(profile: String, tried: [String])
        case profileNotFound(profile: String, files: [String])
        case partialEnvironment(missing: String)
        case partialProfile(profile: String, file: String, missing: String)
        case noRegion(tried: [String])
        case credentialProcess(profile: String, program: String, reason: String)
        case sourceProfileLoop(profile: String)
        case assumeRole(profile: String, roleARN: String, reason: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// Nothing was found in any source; `tried` lists them in the order they were tried.
    public static func noCredentials(profile: String, tried: [String]) -> CredentialsError {
        CredentialsError(.noCredentials(profile: profile, tried: tried))
    }
    /// A profile named explicitly (`--profile`, `AWS_PROFILE`) is in neither file.
    public static func profileNotFound(_ profile: String, files: [String]) -> CredentialsError {
        CredentialsError(.profileNotFound(profile: profile, files: files))
    }
    /// Only one of `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` is set.
    public static func partialEnvironment(missing: String) -> CredentialsError {
        CredentialsError(.partialEnvironment(missing: missing))
    }
    /// A profile has one of the key pair's settings but not the other.
    public static func partialProfile(_ profile: String, file: String, missing: String) -> CredentialsError {
        CredentialsError(.partialProfile(profile: profile, file: file, missing: missing))
    }
    /// No region in any source.
    public static func noRegion(tried: [String]) -> CredentialsError { CredentialsError(.noRegion(tried: tried)) }
    /// A `credential_process` failed; only the program's name is kept (its arguments may hold secrets).
    public static func credentialProcess(profile: String, program: String, reason: String) -> CredentialsError {
        CredentialsError(.credentialProcess(profile: profile, program: program, reason: reason))
    }
    /// `source_profile` chains loop back on themselves.
    public static func sourceProfileLoop(_ profile: String) -> CredentialsError {
        CredentialsError(.sourceProfileLoop(profile: profile))
    }
    /// STS AssumeRole failed for a profile's `role_arn`.
    public static func assumeRole(profile: String, roleARN: String, reason: String) -> CredentialsError {
        CredentialsError(.assumeRole(profile: profile, roleARN: roleARN, reason: reason))
    }

    /// The message, lower-case first, names quoted.
    public var description: String {
        switch code {
        case .noCredentials(let profile, let tried):
            return "no AWS credentials found for profile '\(profile)'; tried: " + tried.joined(separator: ", ")
        case .profileNotFound(let profile, let files):
            return "profile '\(profile)' not found in " + files.map { "'\($0)'" }.joined(separator: " or ")
        case .partialEnvironment(let missing):
            return "partial credentials in the environment: '\(missing)' is not set"
        case .partialProfile(let profile, let file, let missing):
            return "partial credentials in profile '\(profile)' of '\(file)': '\(missing)' is missing"
        case .noRegion(let tried):
            return "no AWS region found; tried: " + tried.joined(separator: ", ")
        case .credentialProcess(let profile, let program, let reason):
            return "credential_process '\(program)' of profile '\(profile)' failed: \(reason)"
        case .sourceProfileLoop(let profile):
            return "source_profile of profile '\(profile)' loops back to itself"
        case .assumeRole(let profile, let roleARN, let reason):
            return "assuming role '\(roleARN)' for profile '\(profile)' failed: \(reason)"
        }
    }
}
