import Foundation

extension StackOperations {
    /// Operations over AWS (or the emulator `AWS_ENDPOINT_URL` names) with credentials and region found the way the
    /// aws cli finds them; the secret key and session token join the console's redactor, so nothing prints them, and so
    /// do those of credentials renewed later.
    /// - Parameters:
    ///   - profile: `--profile`, if given.
    ///   - region: `--region`, if given.
    ///   - console: where to print.
    ///   - environment: the environment; defaults to the process's.
    /// - Throws: the credentials resolver's errors (no credentials, no region), ``AWSClientError/invalidProxy(variable:)``.
    public static func connect(profile: String?, region: String?, console: ApplyConsole,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws
        -> StackOperations {
        let resolver = CredentialsResolver(environment: environment, profile: profile)
        let region = try resolver.region(explicit: region)
        let credentials = try await resolver.resolve()
        let redactor = console.redactor
        redactor.add(credentials.secrets)
        let client = AWSClient(
            credentials: credentials, region: region, endpoints: resolver.endpoints(),
            proxy: try ProxySettings(environment: environment),
            refresh: {
                // Renewed credentials join the same list (copies of a redactor share it), before any use.
                let fresh = try await resolver.resolve()
                redactor.add(fresh.secrets)
                return fresh
            })
        let endpoint = client.endpoints.configuredEndpoint(for: .cloudFormation)
        console.note("region \(region), endpoint \(endpoint?.absoluteString ?? "AWS"), credentials from \(credentials.source)")
        return StackOperations(backend: StackBackend(client: client), console: console, environment: environment)
    }
}
