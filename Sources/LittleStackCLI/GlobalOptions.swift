import ArgumentParser

/// How a command prints its result: text for people, JSON for CI.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Options every command that prints data or talks to AWS shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Flag(name: .shortAndLong, help: "Say more about what is happening (paths used, requests made).")
    var verbose = false
}

/// Options for commands that talk to AWS.
struct AWSOptions: ParsableArguments {
    @Option(name: .long, help: "The AWS profile to use (else AWS_PROFILE, else default).")
    var profile: String?

    @Option(name: .long, help: "The AWS region (else AWS_REGION, AWS_DEFAULT_REGION, then the profile).")
    var region: String?
}
