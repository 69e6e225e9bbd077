import Foundation

/// Finds credentials and the region the way the aws cli does.
///
/// Credentials, first found wins:
/// 1. the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` (skipped when a profile is
///    named explicitly with `--profile`, as the aws cli does);
/// 2. the profile (`--profile`, else `AWS_PROFILE`, else `default`) from the credentials file (`AWS_SHARED_CREDENTIALS_FILE`,
///    default `~/.aws/credentials`) and the config file (`AWS_CONFIG_FILE`, default `~/.aws/config`, sections
///    `[profile name]`): `role_arn` with `source_profile` (or `credential_source = Environment`) through STS AssumeRole,
///    then the key pair in the credentials file, then `credential_process`, then the key pair in the config file.
///
/// Region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
///
/// The environment and home folder are injected, so tests need not touch the process's own.
public struct CredentialsResolver: Sendable {
    /// Turns source credentials and a role into the role's temporary credentials (STS AssumeRole).
    public typealias RoleAssumer = @Sendable (_ request: AssumeRoleRequest, _ source: Credentials, _ region: String)
        async throws -> Credentials

    /// The environment variables to read.
    public var environment: [String: String]
    /// The profile named on the command line (`--profile`), if any.
    public var explicitProfile: String?
    /// The home folder `~` stands for.
    public var homeDirectory: String
    /// How a profile's `role_arn` is assumed; defaults to a call to STS with the source profile's credentials.
    public var roleAssumer: RoleAssumer

    /// Creates a resolver.
    /// - Parameters:
    ///   - environment: the environment; defaults to the process's.
    ///   - profile: the profile named with `--profile`, if any.
    ///   - homeDirectory: the home folder; defaults to `HOME` from `environment`, else the user's home.
    ///   - roleAssumer: how roles are assumed; defaults to STS AssumeRole through ``AWSClient``.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil,
        homeDirectory: String? = nil, roleAssumer: RoleAssumer? = nil
    ) {
        self.environment = environment
        self.explicitProfile = profile
        self.homeDirectory = homeDirectory ?? environment["HOME"] ?? NSHomeDirectory()
        let home = self.homeDirectory
        self.roleAssumer = roleAssumer ?? { request, source, region in
            let endpoints = CredentialsResolver(environment: environment, profile: profile, homeDirectory: home).endpoints()
            let client = AWSClient(
                credentials: source, region: region, endpoints: endpoints,
                proxy: try ProxySettings(environment: environment))
            return try await STSClient(client: client).assumeRole(request)
        }
    }

    // MARK: - Names and files

    /// The profile in use: `--profile`, else `AWS_PROFILE`, else `default`.
    public var profileName: String {
        if let explicitProfile, !explicitProfile.isEmpty { return explicitProfile }
        if let name = environment["AWS_PROFILE"], !name.isEmpty { return name }
        return "default"
    }

    /// Whether `--profile` named a profile (which makes the environment's key pair be ignored).
    var hasExplicitProfile: Bool { explicitProfile.map { !$0.isEmpty } ?? false }

    /// The credentials file's path (`AWS_SHARED_CREDENTIALS_FILE`, default `~/.aws/credentials`).
    public var credentialsFilePath: String {
        expand(environment["AWS_SHARED_CREDENTIALS_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.aws/credentials")
    }

    /// The config file's path (`AWS_CONFIG_FILE`, default `~/.aws/config`).
    public var configFilePath: String {
        expand(environment["AWS_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.aws/config")
    }

    func expand(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory + path.dropFirst(1) }
        return path
    }

    struct Files {
        var credentials: SharedConfigFile?
        var config: SharedConfigFile?
    }

    func loadFiles() -> Files {
        Files(
            credentials: SharedConfigFile.load(path: credentialsFilePath, kind: .credentials),
            config: SharedConfigFile.load(path: configFilePath, kind: .config))
    }

    // MARK: - Endpoints

    /// Where requests go: the environment's `AWS_ENDPOINT_URL…` variables, then the profile's `services` section and
    /// `endpoint_url` in the config file (see ``Endpoints``).
    public func endpoints() -> Endpoints {
        guard let config = loadFiles().config else { return Endpoints(environment: environment) }
        let settings = config.profiles[profileName] ?? [:]
        let services = settings["services"].flatMap { config.services[$0] } ?? [:]
        return Endpoints(environment: environment, profileSettings: settings, profileServices: services)
    }

    // MARK: - Region

    /// The region: `explicit` (`--region`), `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region` setting.
    /// - Parameter explicit: the region named on the command line, if any.
    /// - Returns: the region.
    /// - Throws: ``CredentialsError/noRegion(tried:)`` listing every source.
    public func region(explicit: String? = nil) throws -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        let files = loadFiles()
        let profile = profileName
        if let value = files.config?.profiles[profile]?["region"], !value.isEmpty { return value }
        if let value = files.credentials?.profiles[profile]?["region"], !value.isEmpty { return value }
        throw CredentialsError.noRegion(tried: [
            "--region", "AWS_REGION", "AWS_DEFAULT_REGION",
            "'region' of profile '\(profile)' in '\(configFilePath)'",
        ])
    }

    // MARK: - Credentials

    /// Finds credentials.
    /// - Returns: the first credentials found, in the order described on the type.
    /// - Throws: ``CredentialsError``: nothing found (naming every source tried), a named profile missing, partial
    ///   key pairs, a failed `credential_process` or AssumeRole.
    public func resolve() async throws -> Credentials {
        if !hasExplicitProfile, let credentials = try environmentCredentials() {
            return credentials
        }
        let files = loadFiles()
        let profile = profileName
        if let credentials = try await profileCredentials(profile, files: files, visited: []) {
            return credentials
        }
        let named = hasExplicitProfile || (environment["AWS_PROFILE"]?.isEmpty == false)
        if named && files.credentials?.profiles[profile] == nil && files.config?.profiles[profile] == nil {
            throw CredentialsError.profileNotFound(profile, files: [credentialsFilePath, configFilePath])
        }
        var tried: [String] = []
        if !hasExplicitProfile {
            tried.append("environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        tried.append("shared credentials file '\(credentialsFilePath)'")
        tried.append("config file '\(configFilePath)'")
        throw CredentialsError.noCredentials(profile: profile, tried: tried)
    }

    func environmentCredentials() throws -> Credentials? {
        let key = environment["AWS_ACCESS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["AWS_SECRET_ACCESS_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch (key, secret) {
        case (nil, nil):
            return nil
        case (nil, _):
            throw CredentialsError.partialEnvironment(missing: "AWS_ACCESS_KEY_ID")
        case (_, nil):
            throw CredentialsError.partialEnvironment(missing: "AWS_SECRET_ACCESS_KEY")
        case (let key?, let secret?):
            let token = (environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"]).flatMap {
                $0.isEmpty ? nil : $0
            }
            return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, source: "environment")
        }
    }

    func staticCredentials(_ settings: [String: String]?, profile: String, file: String, source: String) throws
        -> Credentials?
    {
        guard let settings else { return nil }
        let key = settings["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = settings["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (key, secret) {
        case (nil, nil):
            return nil
        case (nil, _):
            throw CredentialsError.partialProfile(profile, file: file, missing: "aws_access_key_id")
        case (_, nil):
            throw CredentialsError.partialProfile(profile, file: file, missing: "aws_secret_access_key")
        case (let key?, let secret?):
            let token = (settings["aws_session_token"] ?? settings["aws_security_token"]).flatMap {
                $0.isEmpty ? nil : $0
            }
            return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, source: source)
        }
    }

    func profileCredentials(_ profile: String, files: Files, visited: [String]) async throws -> Credentials? {
        if visited.contains(profile) { throw CredentialsError.sourceProfileLoop(visited.first ?? profile) }
        let fromCredentials = files.credentials?.profiles[profile]
        let fromConfig = files.config?.profiles[profile]
        // Credentials-file settings win over config-file settings for the same profile, as in botocore.
        let merged = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, new in new }

        if let roleARN = merged["role_arn"], !roleARN.isEmpty {
            let source: Credentials
            if let sourceProfile = merged["source_profile"], !sourceProfile.isEmpty {
                let visitedNext = visited + [profile]
                if sourceProfile == profile {
                    // A profile may name itself as source: its own key pair signs the call (botocore allows it).
                    guard
                        let own = try staticCredentials(
                            fromCredentials, profile: profile, file: credentialsFilePath,
                            source: "shared credentials file profile '\(profile)'")
                            ?? staticCredentials(
                                fromConfig, profile: profile, file: configFilePath,
                                source: "config file profile '\(profile)'")
                    else { throw CredentialsError.sourceProfileLoop(profile) }
                    source = own
                } else if let found = try await profileCredentials(sourceProfile, files: files, visited: visitedNext) {
                    source = found
                } else {
                    throw CredentialsError.noCredentials(
                        profile: sourceProfile,
                        tried: ["shared credentials file '\(credentialsFilePath)'", "config file '\(configFilePath)'"])
                }
            } else if merged["credential_source"] == "Environment", let env = try environmentCredentials() {
                source = env
            } else {
                throw CredentialsError.assumeRole(
                    profile: profile, roleARN: roleARN, reason: "the profile has no 'source_profile'")
            }
            let request = AssumeRoleRequest(
                roleARN: roleARN,
                roleSessionName: merged["role_session_name"] ?? "littlestack-\(Int(Date().timeIntervalSince1970))",
                externalID: merged["external_id"],
                durationSeconds: merged["duration_seconds"].flatMap { Int($0) })
            let region = (try? self.region()) ?? merged["region"] ?? "us-east-1"
            do {
                var assumed = try await roleAssumer(request, source, region)
                assumed.source = "assumed role '\(roleARN)' (profile '\(profile)')"
                return assumed
            } catch let error as AWSServiceError {
                throw CredentialsError.assumeRole(profile: profile, roleARN: roleARN, reason: error.description)
            } catch let error as AWSClientError {
                throw CredentialsError.assumeRole(profile: profile, roleARN: roleARN, reason: error.description)
            }
        }

        if let credentials = try staticCredentials(
            fromCredentials, profile: profile, file: credentialsFilePath,
            source: "shared credentials file profile '\(profile)'")
        {
            return credentials
        }
        if let command = merged["credential_process"], !command.isEmpty {
            let process = CredentialProcess(commandLine: command, environment: environment)
            do {
                return try await process.run(source: "credential_process of profile '\(profile)'")
            } catch let failure as CredentialProcess.Failure {
                throw CredentialsError.credentialProcess(
                    profile: profile, program: process.programName, reason: failure.reason)
            }
        }
        return try staticCredentials(
            fromConfig, profile: profile, file: configFilePath, source: "config file profile '\(profile)'")
    }
}
